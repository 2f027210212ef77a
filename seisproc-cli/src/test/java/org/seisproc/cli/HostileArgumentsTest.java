package org.seisproc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/// Every command, run with hostile arguments (missing files, directories where files are
/// expected, binary and empty files, negative, zero, huge and non-numeric values, unknown
/// options), ends with exit 0, 1 or 2 and a clean message: never a stack trace, never "internal
/// error", never a raw exception name, never a hang.
class HostileArgumentsTest {
    @TempDir
    static Path tmp;
    static Path sgy;
    static Path dataset;
    static Path job;
    static Path binary;
    static Path empty;
    static Path folder;
    private static final AtomicInteger FRESH = new AtomicInteger();
    /// A Java exception's class name (`NegativeArraySizeException`, `java.io.IOException`, ...).
    private static final java.util.regex.Pattern EXCEPTION_NAME = java.util.regex.Pattern.compile("\\b[A-Z]\\w*(Exception|Error)\\b");

    @BeforeAll
    static void fixtures() throws Exception {
        sgy = tmp.resolve("small.sgy");
        assertThat(CliTest.run("synth", sgy.toString(), "--shots", "2", "--channels", "24", "--samples", "50").code()).isZero();
        dataset = tmp.resolve("small.ds");
        assertThat(CliTest.run("import", sgy.toString(), dataset.toString()).code()).isZero();
        job = tmp.resolve("job.json");
        Files.writeString(job, """
                { "input": "small.ds", "output": "out.ds", "key": ["fldr"],
                  "processors": [ { "name": "agc", "windowMs": 40 } ] }
                """);
        binary = tmp.resolve("binary.bin");
        byte[] bytes = new byte[5000];
        new Random(7).nextBytes(bytes);
        Files.write(binary, bytes);
        empty = Files.createFile(tmp.resolve("empty.sgy"));
        folder = Files.createDirectories(tmp.resolve("a-folder"));
    }

    /// A path that does not exist (a new one each time: some hostile runs create what they are given).
    private static String missing() {
        return tmp.resolve("missing-" + FRESH.incrementAndGet()).resolve("nothing.sgy").toString();
    }

    private static String fresh(String name) {
        return tmp.resolve("fresh-" + FRESH.incrementAndGet() + "-" + name).toString();
    }

    /// A valid invocation of each command (what the hostile values are put into).
    private static Map<String, List<String>> valid() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("info", List.of(sgy.toString()));
        m.put("headers", List.of(dataset.toString(), "--fields", "cdp"));
        m.put("checksum", List.of(dataset.toString()));
        m.put("fields", List.of());
        m.put("synth", List.of(fresh("s.sgy"), "--shots", "1", "--channels", "4", "--samples", "10"));
        m.put("import", List.of(sgy.toString(), fresh("ds"), "--overwrite"));
        m.put("export", List.of(dataset.toString(), fresh("out.sgy")));
        m.put("index", List.of(dataset.toString(), "--key", "cdp"));
        m.put("gather", List.of(dataset.toString(), "--key", "fldr", "--value", "1"));
        m.put("sort", List.of(dataset.toString(), fresh("sorted.ds"), "--by", "cdp"));
        m.put("processors", List.of());
        m.put("run", List.of(job.toString(), "--overwrite", "--no-resume"));
        m.put("schema", List.of(dataset.toString()));
        m.put("verify", List.of(dataset.toString()));
        return m;
    }

    private static List<String> hostileValues() {
        return List.of("-5", "0", "99999999999", "abc", folder.toString(), missing(), binary.toString());
    }

    /// The invocations: for each command, no arguments, an unknown option, each hostile path as
    /// every positional argument, and each hostile value for every option that takes one.
    static List<List<String>> invocations() {
        List<List<String>> all = new ArrayList<>();
        CommandLine root = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        Map<String, List<String>> valid = valid();
        for (Map.Entry<String, CommandLine> e : root.getSubcommands().entrySet()) {
            String name = e.getKey();
            CommandLine.Model.CommandSpec spec = e.getValue().getCommandSpec();
            if (!name.equals("demo")) { // (demo alone is valid: the whole demo, ~15 s)
                all.add(List.of(name));
            }
            all.add(List.of(name, "--no-such-option"));
            all.add(List.of(name, "nosuch", "--help"));
            if (name.equals("demo")) {
                for (String v : List.of("-5", "0", "abc")) {
                    all.add(List.of(name, "--shots", v, "--dir", fresh("demo")));
                }
                continue;
            }
            List<String> base = valid.get(name);
            if (base == null) {
                continue; // help
            }
            int positionals = spec.positionalParameters().size();
            for (int p = 0; p < positionals; p++) {
                for (String v : List.of(missing(), folder.toString(), binary.toString(), empty.toString(), dataset.toString())) {
                    List<String> args = new ArrayList<>(valid().get(name));
                    args.set(p, v);
                    args.addFirst(name);
                    all.add(args);
                }
            }
            for (CommandLine.Model.OptionSpec o : spec.options()) {
                if (o.usageHelp() || o.versionHelp() || o.arity().max() == 0) {
                    continue;
                }
                for (String v : hostileValues()) {
                    List<String> args = new ArrayList<>(valid().get(name));
                    int at = args.indexOf(o.longestName());
                    if (at >= 0) {
                        args.set(at + 1, v);
                    } else {
                        args.add(o.longestName());
                        args.add(v);
                    }
                    args.addFirst(name);
                    all.add(args);
                }
            }
        }
        // job files that are not jobs
        for (String bad : List.of(binary.toString(), empty.toString(), folder.toString(), missing(), sgy.toString())) {
            all.add(List.of("run", bad));
        }
        return all;
    }

    @Test
    void noCommandPrintsAStackTraceOrAnInternalError() throws Exception {
        List<List<String>> runs = invocations();
        assertThat(runs.size()).as("invocations").isGreaterThan(250);
        List<String> problems = new ArrayList<>();
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().daemon().unstarted(r));
        long start = System.nanoTime();
        Map<String, Double> seconds = new java.util.TreeMap<>();
        try {
            for (List<String> args : runs) {
                long t0 = System.nanoTime();
                Future<CliTest.Result> f = pool.submit(() -> CliTest.run(args.toArray(String[]::new)));
                CliTest.Result r;
                try {
                    r = f.get(60, TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    problems.add(String.join(" ", args) + ": no answer within 60 s (hang?)");
                    pool.shutdownNow();
                    pool = Executors.newSingleThreadExecutor(r2 -> Thread.ofPlatform().daemon().unstarted(r2));
                    continue;
                }
                seconds.merge(args.getFirst(), (System.nanoTime() - t0) / 1e9, Double::sum);
                String text = r.out() + r.err();
                if (r.code() < 0 || r.code() > 2) {
                    problems.add(String.join(" ", args) + ": exit " + r.code());
                }
                if (text.contains("\tat ") || text.contains("internal error") || EXCEPTION_NAME.matcher(text).find()) {
                    problems.add(String.join(" ", args) + ": exit " + r.code() + ":\n" + text.strip().lines().limit(6)
                            .map(l -> "      " + l).reduce((a, b) -> a + "\n" + b).orElse(""));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("hostile arguments: %d invocations in %.1f s; seconds by command: %s%n", runs.size(),
                (System.nanoTime() - start) / 1e9, seconds.entrySet().stream().map(e -> String.format("%s %.1f", e.getKey(), e.getValue())).toList());
        assertThat(problems).as("runs that showed a stack trace, an internal error or an exception name").isEmpty();
    }
}

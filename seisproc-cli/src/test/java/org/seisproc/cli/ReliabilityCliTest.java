package org.seisproc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The command line's side of reliability (issue 17): export asks before replacing, interrupts
/// clean up and say what was left, checksum and verify compare with what was recorded, option
/// checks and messages.
class ReliabilityCliTest {
    @TempDir
    static Path tmp;
    static Path sgy;
    static Path dataset;

    @BeforeAll
    static void fixtures() {
        dataset = Path.of(CliTest.importedSurvey(tmp, "--shots", "4", "--channels", "24", "--samples", "100"));
        sgy = tmp.resolve("s.sgy");
    }

    private static CliTest.Result run(String... args) {
        return CliTest.run(args);
    }

    @Test
    void exportAsksBeforeReplacingAFile() throws Exception {
        Path precious = Files.writeString(tmp.resolve("precious.txt"), "keep");
        CliTest.Result r = run("export", dataset.toString(), precious.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("exists").contains("--overwrite");
        assertThat(Files.readString(precious)).isEqualTo("keep");
        assertThat(run("export", dataset.toString(), precious.toString(), "--overwrite").code()).isZero();
        assertThat(Files.mismatch(precious, sgy)).isEqualTo(-1);
    }

    @Test
    void checksumAndVerifyCompareWithWhatWasRecorded() throws Exception {
        Path ds = tmp.resolve("damaged.ds");
        // --checksum: the import records the samples' SHA-256 that `checksum` compares with
        assertThat(run("import", sgy.toString(), ds.toString(), "--checksum").code()).isZero();
        assertThat(run("checksum", ds.toString()).code()).isZero();
        CliTest.Result ok = run("verify", ds.toString());
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("ok");
        flipBits(ds.resolve("traces.f32"), 1000, 1);
        CliTest.Result sum = run("checksum", ds.toString());
        assertThat(sum.code()).isEqualTo(1);
        assertThat(sum.err()).contains("damaged").contains("traces.f32").contains("recorded");
        CliTest.Result verify = run("verify", ds.toString());
        assertThat(verify.code()).isEqualTo(1);
        assertThat(verify.err()).contains("traces.f32 chunk 0").contains("traces 0-");
    }

    @Test
    void aPlainImportRecordsChunkCodesOnlyAndVerifyFindsDamageByThem() throws Exception {
        Path ds = tmp.resolve("plain.ds");
        assertThat(run("import", sgy.toString(), ds.toString()).code()).isZero();
        CliTest.Result sum = run("checksum", ds.toString());
        assertThat(sum.code()).isZero();
        assertThat(sum.err()).contains("no recorded digest").contains("--checksum");
        flipBits(ds.resolve("trace-headers.bin"), 300, 4);
        CliTest.Result verify = run("verify", ds.toString());
        assertThat(verify.code()).isEqualTo(1);
        assertThat(verify.err()).contains("trace-headers.bin chunk 0");
    }

    @Test
    void checksumKeepsTheDigestItComputesUntilTheStoreChanges() throws Exception {
        Path ds = tmp.resolve("kept.ds");
        assertThat(run("import", sgy.toString(), ds.toString()).code()).isZero();
        CliTest.Result first = run("checksum", ds.toString());
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.err()).contains("kept in index/samples.sha256");
        String digest = first.out().strip().lines().reduce((a, b) -> b).orElseThrow();
        assertThat(run("checksum", sgy.toString()).out().strip()).as("the source file's digest").endsWith(digest);
        CliTest.Result second = run("checksum", ds.toString());
        assertThat(second.code()).isZero();
        assertThat(second.err()).contains("earlier 'seisproc checksum'").contains("--recompute");
        assertThat(second.out().strip()).endsWith(digest);
        CliTest.Result again = run("checksum", ds.toString(), "--recompute");
        assertThat(again.out().strip()).endsWith(digest);
        assertThat(again.err()).doesNotContain("earlier 'seisproc checksum'");
        // a store written to since is read again, and its damage named by the chunk codes
        try (RandomAccessFile f = new RandomAccessFile(ds.resolve("traces.f32").toFile(), "rw")) {
            f.seek(2000);
            int b = f.read();
            f.seek(2000);
            f.write(b ^ 1);
        }
        Files.setLastModifiedTime(ds.resolve("traces.f32"), java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
        CliTest.Result damaged = run("checksum", ds.toString());
        assertThat(damaged.code()).isEqualTo(1);
        assertThat(damaged.err()).contains("traces.f32 chunk 0").doesNotContain("earlier 'seisproc checksum'");
        assertThat(damaged.out().strip()).doesNotEndWith(digest);
    }

    @Test
    void optionChecksSayWhatIsWrong() throws Exception {
        CliTest.Result limit = run("headers", dataset.toString(), "--fields", "cdp", "--limit", "-5");
        assertThat(limit.code()).isEqualTo(2);
        assertThat(limit.err()).contains("--limit must be >= 0");
        CliTest.Result segyLimit = run("headers", sgy.toString(), "--fields", "cdp", "--limit", "3", "--csv");
        assertThat(segyLimit.out().strip().lines()).as("a SEG-Y file obeys --limit too").hasSize(4);
        for (Path file : List.of(dataset, sgy)) {
            CliTest.Result range = run("headers", file.toString(), "--fields", "cdp", "--traces", "50000");
            assertThat(range.code()).isEqualTo(2);
            assertThat(range.err()).contains("out of range").contains("96 traces");
        }
        Path folder = Files.createDirectories(tmp.resolve("pictures"));
        CliTest.Result png = run("gather", dataset.toString(), "--key", "fldr", "--value", "1", "--png", folder.toString());
        assertThat(png.code()).isEqualTo(2);
        assertThat(png.err()).contains("cannot write PNG").contains("is a directory");
        for (String w : List.of("0", "-3")) {
            CliTest.Result workers = run("export", dataset.toString(), tmp.resolve("w" + w + ".sgy").toString(), "--workers", w);
            assertThat(workers.code()).isEqualTo(2);
            assertThat(workers.err()).contains("--workers is " + w);
        }
        CliTest.Result many = run("export", dataset.toString(), tmp.resolve("many.sgy").toString(), "--workers", "100000");
        assertThat(many.code()).isZero();
        assertThat(many.err()).contains("--workers 100000 capped to");
    }

    @Test
    void noCommandAndUnknownCommandsAreUsageErrorsAndSummariesAreWholeSentences() {
        CliTest.Result none = run();
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("Usage: seisproc");
        CliTest.Result unknown = run("nosuch", "--help");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown command 'nosuch'");
        CliTest.Result help = run("--help");
        assertThat(help.code()).isZero();
        String commands = help.out().substring(help.out().indexOf("Commands:"), help.out().indexOf("Exit codes:"));
        // each command's summary (its first line plus wrapped continuation lines) ends a sentence
        List<String> summaries = new ArrayList<>();
        for (String line : commands.lines().skip(1).toList()) {
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("  ") && !line.startsWith("   ")) {
                summaries.add(line.strip());
            } else {
                summaries.set(summaries.size() - 1, summaries.getLast() + " " + line.strip());
            }
        }
        assertThat(summaries).hasSizeGreaterThan(10).allSatisfy(s -> assertThat(s).endsWith("."));
    }

    @Test
    void jobFileProblemsAreNamed() throws Exception {
        Path binary = Files.write(tmp.resolve("binary.json"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, (byte) 0xc3, 0x28});
        CliTest.Result bin = run("run", binary.toString());
        assertThat(bin.code()).isEqualTo(2);
        assertThat(bin.err()).contains("is not a text file").doesNotContain("Input length");
        CliTest.Result missing = run("run", tmp.resolve("nope.json").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file");
    }

    @Test
    void aDivisionByZeroInAHeaderExpressionNamesTheTraceWithoutResumeAdvice() throws Exception {
        Path job = Files.writeString(tmp.resolve("divide.json"), """
                { "input": "ds", "output": "divided.ds", "key": ["fldr"],
                  "processors": [ { "name": "header", "set": "cdp", "expression": "gx / 0" } ] }
                """);
        CliTest.Result r = run("run", job.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("division by zero in header expression 'gx / 0' at trace").contains("(cdp ")
                .doesNotContain("does not fit").doesNotContain("rerun").doesNotContain("resume");
    }

    @Test
    void importWarnsAboutAZeroSampleInterval() throws Exception {
        Path zero = tmp.resolve("zero-dt.sgy");
        Files.copy(sgy, zero);
        try (RandomAccessFile f = new RandomAccessFile(zero.toFile(), "rw")) {
            f.seek(3216); // binary header bytes 3217-3218: sample interval
            f.writeShort(0);
            long traceBytes = 240 + 100 * 4;
            for (long t = 0; t < 96; t++) {
                f.seek(3600 + t * traceBytes + 116); // trace header bytes 117-118
                f.writeShort(0);
            }
        }
        CliTest.Result r = run("import", zero.toString(), tmp.resolve("zero.ds").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("warning").contains("sample interval is 0");
    }

    @Test
    void theIncompleteOutputOfAnInterruptedWriteSaysWhoWroteItAndWhatToDo() throws Exception {
        Path ds = Files.createDirectories(tmp.resolve("interrupted.ds"));
        Files.writeString(ds.resolve(".incomplete"), "being written since 2026-01-01T00:00:00Z by pid 999999999\n");
        CliTest.Result r = run("checksum", ds.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("incomplete").contains("pid 999999999").contains("'run' resumes").doesNotContain("rerun the import");
    }

    // ---- interrupts, in a separate JVM (Ctrl-C = SIGINT; kill -9)

    private static Process cli(Path stderr, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-D" + Progress.PAUSE_PROPERTY + "=1000",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(stderr.toFile()).start();
    }

    private static void awaitFile(java.util.function.Supplier<Boolean> present, Process p) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!present.get()) {
            assertThat(p.isAlive()).as("the command is still running").isTrue();
            assertThat(System.nanoTime()).as("waited 30 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static List<Path> partials(Path out) throws Exception {
        try (var s = Files.list(out.getParent())) {
            return s.filter(p -> p.getFileName().toString().startsWith("." + out.getFileName() + ".partial-")).toList();
        }
    }

    /// Ctrl-C (SIGINT); SIGTERM when SIGINT does not stop it within 10 s, or at once when this JVM
    /// ignores SIGINT (the test command started in the background of a non-interactive shell):
    /// the child inherits that, and a short command would just run to its end. Both signals run
    /// the shutdown hooks. Returns the exit code: 130 or 143.
    private static int interrupt(Process p) throws Exception {
        String signal = sigintIgnored() ? "TERM" : "INT";
        assertThat(new ProcessBuilder("sh", "-c", "kill -" + signal + " " + p.pid()).start().waitFor()).isZero();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroy();
        }
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }

    @Test
    void anInterruptedExportRemovesItsPartialFileAndSaysSo() throws Exception {
        Path big = tmp.resolve("big.sgy");
        assertThat(run("synth", big.toString(), "--shots", "60", "--channels", "96", "--samples", "1000").code()).isZero();
        Path bigDs = tmp.resolve("big.ds");
        assertThat(run("import", big.toString(), bigDs.toString()).code()).isZero();
        Path out = tmp.resolve("exported.sgy");
        Path err = tmp.resolve("export-err.txt");

        Process ctrlC = cli(err, "export", bigDs.toString(), out.toString(), "--workers", "1");
        awaitFile(() -> uncheck(() -> !partials(out).isEmpty()), ctrlC);
        assertThat(interrupt(ctrlC)).isIn(130, 143);
        assertThat(Files.readString(err)).contains("interrupted; removed the partial file").contains("was not written");
        assertThat(partials(out)).isEmpty();
        assertThat(out).doesNotExist();

        Process killed = cli(err, "export", bigDs.toString(), out.toString(), "--workers", "1");
        awaitFile(() -> uncheck(() -> !partials(out).isEmpty()), killed);
        killed.destroyForcibly(); // kill -9: nothing can clean up
        assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(partials(out)).hasSize(1);
        CliTest.Result rerun = run("export", bigDs.toString(), out.toString());
        assertThat(rerun.code()).as(rerun.err()).isZero();
        assertThat(partials(out)).as("the next export removes the stale partial").isEmpty();
        assertThat(Files.mismatch(out, big)).isEqualTo(-1);
    }

    @Test
    void anInterruptedImportSaysWhatItLeftAndHowToGoOn() throws Exception {
        Path big = tmp.resolve("big2.sgy");
        assertThat(run("synth", big.toString(), "--shots", "60", "--channels", "96", "--samples", "1000").code()).isZero();
        Path ds = tmp.resolve("big2.ds");
        Path err = tmp.resolve("import-err.txt");
        Process p = cli(err, "import", big.toString(), ds.toString(), "--workers", "1");
        awaitFile(() -> Files.exists(ds.resolve(".incomplete")), p);
        Thread.sleep(300);
        assertThat(interrupt(p)).isIn(130, 143);
        assertThat(Files.readString(err)).contains("interrupted;").contains("left incomplete").contains("rerun the same command");
    }

    /// Damages `file` in place: the byte at `at` XOR `mask`.
    private static void flipBits(Path file, long at, int mask) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(at);
            int b = f.read();
            f.seek(at);
            f.write(b ^ mask);
        }
    }

    /// True when this JVM was started with SIGINT ignored (`SigIgn` of /proc/self/status, Linux).
    private static boolean sigintIgnored() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("SigIgn:")) {
                    return (Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16) & 2L) != 0; // bit of signal 2
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: assume Ctrl-C reaches the child
        }
        return false;
    }

    private static boolean uncheck(java.util.concurrent.Callable<Boolean> c) {
        try {
            return c.call();
        } catch (Exception e) {
            return false;
        }
    }
}

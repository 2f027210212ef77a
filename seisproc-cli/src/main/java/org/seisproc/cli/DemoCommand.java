package org.seisproc.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/// `seisproc demo`: the main job on an embedded, generated survey, step by step.
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs SeisProc end to end on a generated survey: synth -> info -> headers -> import -> export",
                "-> checksums, printing each step and the command that does it, and checks the round trip is lossless."})
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--dir", paramLabel = "DIR", description = "Where to write the demo files (default: a folder under the system temp dir).")
    Path dir;

    @Option(names = "--shots", defaultValue = "24", description = "Shots in the demo survey (default ${DEFAULT-VALUE}).")
    int shots;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path work = dir != null ? dir : Path.of(System.getProperty("java.io.tmpdir"), "seisproc-demo");
        Files.createDirectories(work);
        Path sgy = work.resolve("demo-survey.sgy");
        CommandLine root = spec.root().commandLine();
        step(out, root, "1. generate a synthetic land survey (shot order, IBM float)",
                "synth", sgy.toString(), "--shots", Integer.toString(shots), "--channels", "96", "--samples", "1000", "--dt", "2000");
        step(out, root, "2. what is in the file", "info", sgy.toString(), "--no-text");
        step(out, root, "3. the first traces' headers (shot order: CDP jumps)", "headers", sgy.toString(),
                "--fields", "fldr,tracf,cdp,offset,sx,gx,iline,xline", "--traces", "0:8");
        Path dataset = work.resolve("demo.dataset");
        Path exported = work.resolve("demo-exported.sgy");
        step(out, root, "4. import into a dataset (parallel; headers, samples in a mapped store)", "import", sgy.toString(),
                dataset.toString(), "--overwrite");
        step(out, root, "5. export the dataset back to SEG-Y", "export", dataset.toString(), exported.toString());
        String a = lastLine(root, "checksum", sgy.toString());
        String b = lastLine(root, "checksum", dataset.toString());
        String c = lastLine(root, "checksum", exported.toString());
        out.println();
        out.println("== 6. checksums of the decoded samples");
        out.println("source   " + a);
        out.println("dataset  " + b);
        out.println("exported " + c);
        long mismatch = Files.mismatch(sgy, exported);
        out.println("exported file is " + (mismatch == -1 ? "byte-identical to the source" : "DIFFERENT from the source at byte " + mismatch));
        if (!a.equals(b) || !a.equals(c) || mismatch != -1) {
            throw new CliFailure("the round trip is not lossless");
        }
        out.println();
        out.println("demo: done; files in " + work);
        return Main.OK;
    }

    private static String lastLine(CommandLine root, String... args) {
        java.io.StringWriter buffer = new java.io.StringWriter();
        CommandLine cl = root.getSubcommands().get(args[0]);
        PrintWriter saved = cl.getOut();
        cl.setOut(new PrintWriter(buffer, true));
        try {
            if (root.execute(args) != Main.OK) {
                throw new CliFailure(String.join(" ", args) + " failed");
            }
        } finally {
            cl.setOut(saved);
        }
        List<String> lines = buffer.toString().strip().lines().toList();
        return lines.getLast();
    }

    private static void step(PrintWriter out, CommandLine root, String title, String... args) {
        out.println();
        out.println("== " + title);
        out.println("$ seisproc " + String.join(" ", args));
        out.flush();
        int code = root.execute(args);
        if (code != Main.OK) {
            throw new CliFailure("step '" + title + "' failed with exit code " + code);
        }
    }
}

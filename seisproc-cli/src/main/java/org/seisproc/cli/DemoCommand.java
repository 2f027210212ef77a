package org.seisproc.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/// `seisproc demo`: the main job on an embedded, generated survey, step by step.
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs SeisProc end to end on a generated survey: synth -> info -> headers -> checksum,",
                "printing each step and the command that does it."})
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
        step(out, root, "4. checksum of the decoded samples", "checksum", sgy.toString());
        out.println();
        out.println("demo: done; files in " + work);
        return Main.OK;
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

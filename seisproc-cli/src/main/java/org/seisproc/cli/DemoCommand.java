package org.seisproc.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.seisproc.synth.SyntheticSurvey;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/// `seisproc demo`: the main job on an embedded, generated survey, step by step.
@Command(name = "demo", header = "Runs SeisProc end to end on a generated survey.", mixinStandardHelpOptions = true,
        description = {"Runs SeisProc end to end on a generated survey: synth -> info -> headers -> import -> export",
                "-> checksums -> a processing flow -> NMO and stack -> a sort into CDP order -> a header query,",
                "printing each step and the command that does it, and checks the round trip is lossless."})
final class DemoCommand extends CliCommand {
    @Option(names = "--dir", paramLabel = "DIR", description = "Where to write the demo files (default: a folder under the system temp dir).")
    Path dir;

    @Option(names = "--shots", defaultValue = "24", description = "Shots in the demo survey (default ${DEFAULT-VALUE}).")
    int shots;

    @Override
    int run(PrintWriter out, PrintWriter err) throws IOException {
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
        step(out, root, "5. export the dataset back to SEG-Y", "export", dataset.toString(), exported.toString(), "--overwrite");
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
        Path flow = work.resolve("demo-flow.json");
        Path stackJob = work.resolve("demo-stack.json");
        Files.writeString(flow, """
                { "input": "demo.dataset", "output": "demo-processed.dataset", "key": ["fldr"], "sortBy": ["tracf"],
                  "processors": [ { "name": "divergence", "times": [0, 2], "velocities": [%1$s, %2$s] },
                                  { "name": "bandpass", "type": "ormsby", "f1": 4, "f2": 10, "f3": 45, "f4": 60 },
                                  { "name": "agc", "windowMs": 400 } ] }
                """.formatted(SyntheticSurvey.V0, SyntheticSurvey.V0 + 2 * SyntheticSurvey.K));
        Files.writeString(stackJob, """
                { "input": "demo.dataset", "output": "demo-stack.dataset", "key": ["cdp"], "sortBy": ["offset"],
                  "processors": [ { "name": "mute", "offsets": [0, 1500], "timesMs": [0, 700], "taperMs": 40 },
                                  { "name": "nmo", "velocities": [ { "cdp": 1, "times": [0, 2], "velocities": [%1$s, %2$s] } ] },
                                  { "name": "stack" } ] }
                """.formatted(SyntheticSurvey.V0, SyntheticSurvey.V0 + 2 * SyntheticSurvey.K));
        step(out, root, "7. a processing flow on shot gathers: divergence correction, band-pass, AGC (job " + flow.getFileName() + ")",
                "run", flow.toString(), "--overwrite", "--no-resume");
        step(out, root, "8. NMO with the model's velocities and CDP stack (job " + stackJob.getFileName() + ")",
                "run", stackJob.toString(), "--overwrite", "--no-resume");
        Path stackSgy = work.resolve("demo-stack.sgy");
        step(out, root, "9. export the stack to SEG-Y", "export", work.resolve("demo-stack.dataset").toString(), stackSgy.toString(), "--overwrite");
        step(out, root, "10. the stack's headers: one trace per CDP, fold in nhs", "headers", stackSgy.toString(),
                "--fields", "cdp,iline,xline,nhs,offset", "--traces", "100:105");
        Path byCdp = work.resolve("demo-cdp.dataset");
        step(out, root, "11. sort the dataset into CDP order, offsets ascending (out of core, in blocks)", "sort", dataset.toString(),
                byCdp.toString(), "--by", "cdp,offset", "--overwrite");
        step(out, root, "12. the traces of CDPs 100-101 in the sorted dataset (a query through its header cache)", "headers",
                byCdp.toString(), "--where", "cdp between 100 and 101", "--fields", "cdp,offset,fldr,tracf", "--limit", "8");
        out.println();
        out.println("demo: done; files in " + work);
        out.println("demo: look at its datasets in the browser:  seisproc serve --root " + work + "   (then open http://localhost:8080)");
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
        out.println("$ seisproc " + String.join(" ", java.util.Arrays.stream(args).map(a -> a.contains(" ") ? "\"" + a + "\"" : a).toList()));
        out.flush();
        int code = root.execute(args);
        if (code != Main.OK) {
            throw new CliFailure("step '" + title + "' failed with exit code " + code);
        }
    }
}

package org.seisproc.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.seisproc.dataset.Dataset;
import org.seisproc.qc.QcReport;
import org.seisproc.render.Renderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/// `seisproc qc report DATASET OUT.html [--stack STACK] [--attributes A.parquet] [--pictures DIR]`.
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"One self-contained HTML QC report (pictures inline, no network): survey map, fold map, offset histogram",
                "and rose, shot/receiver RMS maps, average spectrum, brute stack, bad traces, representative gathers."})
final class QcReportCommand extends DatasetCommand {
    @Parameters(index = "1", paramLabel = "OUT.html")
    Path out;

    @Option(names = "--stack", paramLabel = "STACK", description = "A stack dataset ('seisproc qc stack') for the section.")
    Path stack;

    @Option(names = "--attributes", paramLabel = "A.parquet", description = "An attribute table ('seisproc qc attributes') for RMS maps and bad traces.")
    Path attributes;

    @Option(names = "--pictures", paramLabel = "DIR", description = "Also write every picture as DIR/NAME.png.")
    Path pictures;

    @Override
    int run(PrintWriter o, PrintWriter err) {
        if (attributes != null && !Files.isRegularFile(attributes)) {
            throw new UsageException("--attributes " + attributes + ": no such file");
        }
        long t0 = System.nanoTime();
        try (Dataset ds = Dataset.open(dataset); Dataset st = stack == null ? null : Dataset.open(stack)) {
            QcReport.Content c = QcReport.write(ds, st, attributes, out);
            if (pictures != null) {
                for (QcReport.Picture p : c.pictures()) {
                    Renderer.write(p.png(), pictures.resolve(p.name() + ".png"));
                }
            }
            o.printf("qc report: %s: %d pictures, %d note(s), in %.2f s%n", out, c.pictures().size(), c.notes().size(), (System.nanoTime() - t0) / 1e9);
            for (String note : c.notes()) {
                o.printf("  note: %s%n", note);
            }
        }
        return Main.OK;
    }
}

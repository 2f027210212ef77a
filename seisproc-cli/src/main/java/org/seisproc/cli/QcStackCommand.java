package org.seisproc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import org.seisproc.dataset.Dataset;
import org.seisproc.qc.Lines;
import org.seisproc.qc.QcStack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/// `seisproc qc stack DATASET OUT --velocity V [--lines …] [--bin cdp|iline,xline] [--method mean|median] …`.
@Command(name = "stack", mixinStandardHelpOptions = true,
        description = {"NMO-corrected brute stack of the chosen inlines (or all), on the engine, in parallel. Writes the",
                "stack dataset OUT (one trace per bin, exportable to SEG-Y) and the fold dataset (live traces per sample)."})
final class QcStackCommand extends DatasetToOutputCommand {
    @Option(names = "--velocity", required = true, paramLabel = "V", description = {"rms velocity: 2000, '1800+600t', '1.8+0.6t km/s', '6500 ft/s'",
            "(default unit m/s), or a table file whose first line names columns with units:",
            "'cdp time_s vrms_m/s' or 'iline xline time_ms vrms_km/s'."})
    String velocity;

    @Option(names = "--lines", paramLabel = "LIST", description = "Inlines to stack, e.g. \"100,200,300-350\" (default: all).")
    String lines;

    @Option(names = "--bin", defaultValue = "cdp", paramLabel = "cdp|iline,xline", description = "Bins: cdp (default) or iline,xline.")
    String bin;

    @Option(names = "--method", defaultValue = "mean", paramLabel = "mean|median", description = "Fold-normalised mean (default) or median of live samples.")
    String method;

    @Option(names = "--min-fold", defaultValue = "1", paramLabel = "N", description = "Zero samples stacked from fewer live traces (default 1).")
    int minFold;

    @Option(names = "--stretch-mute", defaultValue = "1.5", paramLabel = "R", description = "Mute NMO stretch above this ratio (default 1.5 = 50%%).")
    double stretchMute;

    @Option(names = "--interp", defaultValue = "linear", paramLabel = "linear|sinc", description = "NMO interpolation (default linear).")
    String interp;

    @Option(names = "--fold-out", paramLabel = "DIR", description = "Fold dataset (default: OUT with .fold before its extension).")
    Path foldOut;

    @Override
    int run(PrintWriter o, PrintWriter err) {
        boolean byInline;
        QcStack.Method m;
        boolean sinc;
        try {
            byInline = QcStack.parseBin(bin);
            m = QcStack.parseMethod(method);
            sinc = QcStack.parseSinc(interp);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        int w = write.workers();
        QcStack.Options options;
        try {
            options = new QcStack.Options(velocity, null, lines == null ? null : Lines.parse(lines), byInline, m, minFold,
                    stretchMute, sinc, w, write.overwrite);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Path fold = foldOut != null ? foldOut : QcStack.defaultFoldPath(output);
        try (Dataset ds = Dataset.open(dataset)) {
            QcStack.Result r;
            try (Progress p = new Progress("qc stack", ds.traceCount(), "traces", o)) {
                r = QcStack.run(ds, output, fold, options, p::update);
            } catch (org.seisproc.qc.QcInputException e) {
                throw new UsageException(e.getMessage());
            }
            o.printf("qc stack: %,d bins of %,d traces (inlines %s) in %.2f s = %,.0f traces/s with %d worker(s)%n", r.bins(), r.traces(),
                    Lines.compact(r.lines()), r.seconds(), r.traces() / Math.max(r.seconds(), 1e-9), w);
            o.printf("  wrote %s%n  wrote %s%n", r.stack(), r.fold());
        }
        return Main.OK;
    }
}

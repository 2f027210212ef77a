package org.seisproc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import org.seisproc.dataset.Dataset;
import org.seisproc.ensemble.EnsembleKey;
import org.seisproc.qc.AttributeOptions;
import org.seisproc.qc.Flags;
import org.seisproc.qc.TraceAttributes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/// `seisproc qc attributes DATASET OUT.parquet [--window-ms A:B] [--noise-window-ms C:D] [--mute …] [--flag k=v]`.
@Command(name = "attributes", mixinStandardHelpOptions = true,
        description = {"Per-trace attributes: rms, mean and max |a|, dominant frequency, bandwidth, S/N, dead flag, longest",
                "clipped and constant runs, spikes, correlation with the gather's neighbouring traces. Writes OUT.parquet",
                "(one row per trace, with header columns), OUT.ensembles.parquet (per ensemble) and OUT.bad.csv."})
final class QcAttributesCommand extends DatasetCommand {
    @Parameters(index = "1", paramLabel = "OUT.parquet")
    Path out;

    @Option(names = "--key", defaultValue = "fldr", paramLabel = "FIELDS", description = "Gathers whose neighbouring traces are correlated (default fldr).")
    String key;

    @Option(names = "--key2", paramLabel = "FIELD", description = "Order of traces inside a gather (default: trace order).")
    String key2;

    @Option(names = "--window-ms", paramLabel = "A:B", description = "Signal window (ms), default the whole trace.")
    String window;

    @Option(names = "--noise-window-ms", paramLabel = "C:D", description = "Noise window for S/N (ms), default the last 20% of the record.")
    String noiseWindow;

    @Option(names = "--mute", paramLabel = "X:T,...", description = "Top mute before the attributes: |offset| (m) : time (ms) pairs, linear between.")
    String mute;

    @Option(names = "--flag", paramLabel = "NAME=VALUE", description = {"Bad-trace thresholds: clipped-run (3), constant-run (25), spikes (1),",
            "correlation (0.1: below), rms-ratio (5: above or below its gather's median by this factor). Dead traces always."})
    List<String> flags = List.of();

    @Option(names = "--headers", split = ",", paramLabel = "FIELDS", description = "Header columns beside the attributes (default fldr,tracf,cdp,offset,sx,sy,gx,gy,iline,xline,scalco when present).")
    List<String> headers;

    @Mixin
    WorkersOption workers;

    @Override
    int run(PrintWriter o, PrintWriter err) {
        AttributeOptions options;
        try {
            options = options();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        EnsembleKey k = EnsembleKey.parse(key, key2);
        int w = workers.resolve();
        try (Dataset ds = Dataset.open(dataset)) {
            TraceAttributes.Result r;
            try (Progress p = new Progress("qc attributes", ds.traceCount(), "traces", o)) {
                r = TraceAttributes.compute(ds, k, options, w, p::update);
            }
            List<Path> files = TraceAttributes.write(ds, r, headers == null ? TraceAttributes.DEFAULT_HEADERS : headers, out);
            double mb = ds.traceCount() * (double) ds.samplesPerTrace() * 4 / 1e6;
            o.printf("qc attributes: %,d traces in %,d gathers (%s) in %.2f s = %,.0f MB/s of samples with %d worker(s)%n",
                    ds.traceCount(), r.ensembles().rows(), k.spec(), r.seconds(), mb / Math.max(r.seconds(), 1e-9), w);
            o.printf("qc attributes: signal window samples %d..%d, noise window samples %d..%d; %,d bad trace(s)%n",
                    r.signalWindow()[0], r.signalWindow()[1] - 1, r.noiseWindow()[0], r.noiseWindow()[1] - 1, r.bad());
            for (Path f : files) {
                o.printf("  wrote %s%n", f);
            }
        }
        return Main.OK;
    }

    private AttributeOptions options() {
        double[] sw = window == null ? new double[] {Double.NaN, Double.NaN} : AttributeOptions.parseWindowMs(window, "--window-ms");
        double[] nw = noiseWindow == null ? new double[] {Double.NaN, Double.NaN} : AttributeOptions.parseWindowMs(noiseWindow, "--noise-window-ms");
        return new AttributeOptions(sw[0], sw[1], nw[0], nw[1], mute == null ? null : AttributeOptions.parseMute(mute),
                Flags.parse(flags));
    }
}

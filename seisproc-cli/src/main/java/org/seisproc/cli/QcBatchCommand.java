package org.seisproc.cli;

import java.io.PrintWriter;

import org.seisproc.qc.BatchQc;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/// `seisproc qc batch JOB.json [--workers N] [--overwrite]`.
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Applies a processing chain to selected gathers (or lines) and compares: before, after and noise",
                "(before - after) datasets, before/after/difference stacks (with a 'stack' section), and qc.json with RMS",
                "before/after/noise, before-after correlation and S/N change per gather and overall. See docs/qc.md."})
final class QcBatchCommand extends JobCommand {
    @Override
    int run(PrintWriter o, PrintWriter err) {
        int w = write.workers();
        BatchQc.Result r;
        try {
            r = BatchQc.run(jobFile, w, write.overwrite, null);
        } catch (org.seisproc.qc.QcInputException e) {
            throw new UsageException(e.getMessage());
        }
        o.printf("qc batch: %d gather(s), %,d traces in %.2f s -> %s%n", r.gathers().size(), r.overall().traces(), r.seconds(), r.output());
        o.printf("  %-24s %8s %12s %12s %12s %8s %10s %10s %9s%n", "gather", "traces", "rms before", "rms after", "rms noise", "corr",
                "S/N before", "S/N after", "change");
        for (BatchQc.Metrics m : r.gathers().size() > 20 ? r.gathers().subList(0, 20) : r.gathers()) {
            line(o, m);
        }
        if (r.gathers().size() > 20) {
            o.printf("  ... (%d more in qc.json)%n", r.gathers().size() - 20);
        }
        line(o, r.overall());
        o.printf("  wrote before, after, noise%s and qc.json in %s%n", r.stacks().isEmpty() ? "" : ", before-stack, after-stack, difference-stack",
                r.output());
        return Main.OK;
    }

    private static void line(PrintWriter o, BatchQc.Metrics m) {
        o.printf("  %-24s %8d %12.5g %12.5g %12.5g %8.4f %8.2f dB %8.2f dB %+7.2f dB%n", m.label(), m.traces(), m.rmsBefore(), m.rmsAfter(),
                m.rmsNoise(), m.correlation(), m.snrBeforeDb(), m.snrAfterDb(), m.snrChangeDb());
    }
}

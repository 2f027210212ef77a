package org.seisproc.cli;

import java.io.PrintWriter;
import java.util.Locale;

import org.seisproc.dataset.Dataset;
import org.seisproc.ensemble.TraceSorter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/// `seisproc sort DATASET OUT --by cdp,offset [--memory 2g] [--workers N] [--overwrite]`.
@Command(name = "sort", header = "Re-orders a dataset's traces by header fields into a new dataset.", mixinStandardHelpOptions = true,
        description = {"Physically re-orders a dataset's traces (raw headers and samples) into a new dataset, by header",
                "fields, most significant first; stable. Out of core within --memory, parallel, atomic."})
final class SortCommand extends DatasetToOutputCommand {
    @Option(names = "--by", required = true, paramLabel = "FIELDS", description = "Sort keys, e.g. cdp,offset or fldr,tracf.")
    String by;

    @Option(names = "--memory", defaultValue = "1g", paramLabel = "SIZE", description = "Most memory for the workers' block buffers: 512m, 2g, ... (default 1g; a worker uses at most 32 MB).")
    String memory;

    @Override
    int run(PrintWriter out, PrintWriter err) {
        long bytes = parseSize(memory);
        int w = write.workers();
        try (Dataset ds = Dataset.open(dataset);
             Interrupts interrupts = Interrupts.on("sort", err, () -> Interrupts.datasetLeft(output,
                     "rerun the same command to sort again from the start"))) {
            TraceSorter.Report r;
            try (Progress progress = new Progress("sort", ds.traceCount(), "traces", out, "header table, sync")) {
                r = TraceSorter.sort(ds, output, by, new TraceSorter.Options(bytes, w, write.overwrite, progress::update));
            }
            out.printf("sort: %s: %,d traces by %s (%,d ensembles), %,.0f MB in %.2f s (%,.0f MB/s; index %.2f s), blocks of %,d traces, %d worker(s)%n",
                    r.output(), r.traces(), by, r.ensembles(), r.bytes() / 1e6, r.seconds(), r.megabytesPerSecond(), r.indexSeconds(),
                    r.blockTraces(), w);
        }
        return Main.OK;
    }

    /// `123`, `512k`, `512m`, `2g` (powers of 1024).
    static long parseSize(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        long mult = 1;
        if (t.endsWith("b")) {
            t = t.substring(0, t.length() - 1);
        }
        switch (t.isEmpty() ? ' ' : t.charAt(t.length() - 1)) {
            case 'k' -> mult = 1L << 10;
            case 'm' -> mult = 1L << 20;
            case 'g' -> mult = 1L << 30;
            case 't' -> mult = 1L << 40;
            default -> mult = 1;
        }
        if (mult != 1) {
            t = t.substring(0, t.length() - 1);
        }
        try {
            double v = Double.parseDouble(t);
            if (v <= 0) {
                throw new NumberFormatException();
            }
            return (long) (v * mult);
        } catch (NumberFormatException e) {
            throw new UsageException("--memory is '" + s + "': write a positive size such as 512m or 2g");
        }
    }
}

package org.seisproc.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

import org.seisproc.dataset.Dataset;
import org.seisproc.ensemble.EnsembleIndex;
import org.seisproc.ensemble.EnsembleKey;
import org.seisproc.ensemble.FoldStats;
import org.seisproc.ensemble.IndexStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/// `seisproc index DATASET --key cdp [--key2 offset] [--rebuild] [--json]`.
@Command(name = "index", header = "Builds or shows the ensemble index of a dataset for a key.", mixinStandardHelpOptions = true,
        description = {"Builds (or shows, when it is stored and fresh) the ensemble index of a dataset for a key:",
                "ensembles, fold min/mean/max, build time. Keys: a header field (cdp), several (gx,gy; iline,xline),",
                "binned (offset/100). Stored as DATASET/index/<name>.idx + .json."})
final class IndexCommand extends DatasetCommand {
    @Option(names = "--key", required = true, paramLabel = "FIELDS", description = "Ensemble key: cdp, fldr, gx,gy, iline,xline, offset/100 ...")
    String key;

    @Option(names = "--key2", paramLabel = "FIELD", description = "Order of traces inside an ensemble (e.g. offset); default trace order.")
    String key2;

    @Option(names = "--rebuild", description = "Build even when a fresh index is stored.")
    boolean rebuild;

    @Option(names = "--json", description = "One JSON object.")
    boolean json;

    @Override
    int run(PrintWriter out, PrintWriter err) {
        EnsembleKey k = UsageException.parsing("--key", () -> EnsembleKey.parse(key, key2));
        try (Dataset ds = Dataset.open(dataset)) {
            IndexStatus before = EnsembleIndex.status(ds, k);
            long t0 = System.nanoTime();
            EnsembleIndex index;
            if (rebuild || before != IndexStatus.FRESH) {
                EnsembleIndex built = EnsembleIndex.build(ds, k);
                built.save(ds);
                index = built;
            } else {
                index = EnsembleIndex.load(ds, k);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            try (index) {
                String action = rebuild || before != IndexStatus.FRESH ? (before == IndexStatus.STALE ? "rebuilt (was stale)" : "built")
                        : "loaded";
                FoldStats f = index.foldStats();
                if (json) {
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("dataset", ds.dir().toString());
                    o.put("key", k.spec());
                    o.put("key2", k.secondary());
                    o.put("action", action);
                    o.put("traces", index.traceCount());
                    o.put("ensembles", index.ensembleCount());
                    o.put("fold", Map.of("min", f.min(), "mean", f.mean(), "max", f.max()));
                    o.put("buildSeconds", index.manifest().buildSeconds());
                    o.put("seconds", seconds);
                    o.put("file", EnsembleIndex.storedPath(ds.dir(), k) + ".idx");
                    if (index.ensembleCount() > 0) {
                        o.put("first", index.keyValues(0));
                        o.put("last", index.keyValues(index.ensembleCount() - 1));
                    }
                    out.println(Json.pretty(o));
                } else {
                    out.printf("index %s of %s: %s%n", k, ds.dir(), action);
                    out.printf("  ensembles  %,d (%s .. %s)%n", index.ensembleCount(),
                            index.ensembleCount() > 0 ? index.describe(0) : "-",
                            index.ensembleCount() > 0 ? index.describe(index.ensembleCount() - 1) : "-");
                    out.printf("  traces     %,d%n", index.traceCount());
                    out.printf("  fold       min %d, mean %.2f, max %d%n", f.min(), f.mean(), f.max());
                    out.printf("  build      %.3f s (this run: %.3f s)%n", index.manifest().buildSeconds(), seconds);
                    out.printf("  file       %s.idx%n", EnsembleIndex.storedPath(ds.dir(), k));
                }
            }
        }
        return Main.OK;
    }
}

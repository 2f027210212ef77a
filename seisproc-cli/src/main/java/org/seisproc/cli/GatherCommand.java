package org.seisproc.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.seisproc.dataset.Dataset;
import org.seisproc.dsp.Sampling;
import org.seisproc.render.Chart;
import org.seisproc.render.Clip;
import org.seisproc.render.ColorMap;
import org.seisproc.render.Renderer;
import org.seisproc.render.Sections;
import org.seisproc.ensemble.EnsembleIndex;
import org.seisproc.ensemble.EnsembleKey;
import org.seisproc.ensemble.Gather;
import org.seisproc.ensemble.GatherReader;
import org.seisproc.ensemble.HeaderColumns;
import org.seisproc.segy.HeaderField;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/// `seisproc gather DATASET --key cdp --value 1234 [--key2 offset] [--json | --png FILE]`.
@Command(name = "gather", header = "Reads one ensemble (gather) of a dataset and summarises or draws it.", mixinStandardHelpOptions = true,
        description = {"Reads one ensemble (gather) through the ensemble index (built on first use) and prints a summary,",
                "its key values, trace numbers, header values and sample statistics (--json), or draws it (--png)."})
final class GatherCommand extends DatasetCommand {
    private static final List<String> SHOWN = List.of("fldr", "tracf", "cdp", "offset", "sx", "sy", "gx", "gy", "iline", "xline");

    @Option(names = "--key", required = true, paramLabel = "FIELDS", description = "Ensemble key, as for 'seisproc index'.")
    String key;

    @Option(names = "--key2", paramLabel = "FIELD", description = "Order of traces inside the gather (e.g. offset).")
    String key2;

    @Option(names = "--value", required = true, split = ",", paramLabel = "V", description = "Key value(s), comma-separated for several fields.")
    int[] values;

    @Option(names = "--json", description = "One JSON object: key values, trace numbers, header values, sample statistics.")
    boolean json;

    @Option(names = "--png", paramLabel = "FILE", description = "Write a variable-density picture of the gather.")
    Path png;

    @Option(names = "--clip", defaultValue = "99", description = "Clip at this percentile of |amplitude| for --png (default 99).")
    double clipPercentile;

    @Option(names = "--clip-value", defaultValue = "0", paramLabel = "A", description = "Clip at ±A instead of a percentile for --png.")
    double clipValue;

    @Option(names = "--colormap", defaultValue = "gray", paramLabel = "NAME", description = "Colour map for --png: gray (black positive), seismic (red-white-blue), viridis.")
    String colormap;

    @Override
    int run(PrintWriter out, PrintWriter err) throws IOException {
        EnsembleKey k = UsageException.parsing("--key", () -> EnsembleKey.parse(key, key2));
        if (values.length != k.size()) {
            throw new UsageException("key " + k.spec() + " needs " + k.size() + " value(s) in --value, got " + values.length);
        }
        if (clipPercentile <= 0 || clipPercentile > 100) {
            throw new UsageException("--clip is " + clipPercentile + ": give a percentile in (0, 100]");
        }
        UsageException.parsing("--colormap", () -> ColorMap.byName(colormap)); // a usage error before any work
        if (png != null && java.nio.file.Files.isDirectory(png)) {
            throw new UsageException("cannot write PNG " + png + ": is a directory; give a file name such as gather.png");
        }
        try (Dataset ds = Dataset.open(dataset); EnsembleIndex index = EnsembleIndex.open(ds, k)) {
            Gather g = new GatherReader(ds, index).readKey(values);
            int n = g.n1() * g.n2();
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            double sum2 = 0;
            for (int i = 0; i < n; i++) {
                float v = g.samples()[i];
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
                sum2 += (double) v * v;
            }
            if (png != null) {
                writePng(g, ds, index.describe(g.ensemble()), png, clipPercentile, clipValue, colormap);
            }
            if (json) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("dataset", ds.dir().toString());
                o.put("key", k.spec());
                o.put("key2", k.secondary());
                o.put("ensemble", g.ensemble());
                o.put("keyValues", g.key());
                o.put("traces", g.n2());
                o.put("samplesPerTrace", g.n1());
                o.put("traceNumbers", Arrays.copyOf(g.traces(), g.n2()));
                Map<String, long[]> headers = new LinkedHashMap<>();
                LinkedHashSet<String> names = new LinkedHashSet<>(k.fields());
                if (k.secondary() != null) {
                    names.add(k.secondary());
                }
                names.addAll(SHOWN);
                for (String name : names) {
                    HeaderField f;
                    try {
                        f = HeaderColumns.field(ds, name);
                    } catch (IllegalArgumentException e) {
                        continue; // not in this dataset's schema
                    }
                    long[] v = new long[g.n2()];
                    for (int j = 0; j < g.n2(); j++) {
                        v[j] = ds.header(g.traces()[j], f);
                    }
                    headers.put(f.name(), v);
                }
                o.put("headers", headers);
                Map<String, Object> stats = new LinkedHashMap<>();
                stats.put("min", n > 0 ? min : null);
                stats.put("max", n > 0 ? max : null);
                stats.put("mean", n > 0 ? sum / n : null);
                stats.put("rms", n > 0 ? Math.sqrt(sum2 / n) : null);
                o.put("samples", stats);
                if (png != null) {
                    o.put("png", png.toString());
                }
                out.println(Json.pretty(o));
            } else {
                out.printf("gather %s of %s: ensemble %,d of %,d, %d traces x %d samples%n", index.describe(g.ensemble()), ds.dir(),
                        g.ensemble(), index.ensembleCount(), g.n2(), g.n1());
                out.printf("  traces   %s%n", abbreviate(Arrays.copyOf(g.traces(), g.n2())));
                out.printf("  samples  min %.6g, max %.6g, mean %.6g, rms %.6g%n", min, max, sum / Math.max(n, 1), Math.sqrt(sum2 / Math.max(n, 1)));
                if (png != null) {
                    out.printf("  picture  %s%n", png);
                }
            }
        }
        return Main.OK;
    }

    private static String abbreviate(long[] t) {
        if (t.length <= 12) {
            return Arrays.toString(t);
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            parts.add(Long.toString(t[i]));
        }
        parts.add("...");
        for (int i = t.length - 3; i < t.length; i++) {
            parts.add(Long.toString(t[i]));
        }
        return "[" + String.join(", ", parts) + "] (" + t.length + ")";
    }

    /// Variable density through the shared renderer: time down (s), traces right (number in the
    /// gather), axes, title, and an amplitude colour bar; clipped at the given percentile of
    /// |amplitude| or at ±`clipValue` when positive.
    static void writePng(Gather g, Dataset ds, String description, Path file, double percentile, double clipValue, String colors) {
        Sampling time = new Sampling(g.n1(), ds.manifest().sampleIntervalMicros() * 1e-6, 0);
        Clip clip = clipValue > 0 ? Clip.symmetricValue(clipValue) : Clip.symmetric(percentile);
        Chart chart = Sections.gather("gather " + description + " of " + ds.dir().getFileName() + " (" + g.n2() + " traces)",
                g.samples(), g.n1(), g.n2(), time, clip, ColorMap.byName(colors));
        try {
            Renderer.write(Renderer.png(chart), file);
        } catch (java.io.UncheckedIOException e) {
            IOException cause = e.getCause();
            throw new CliFailure("cannot write PNG " + file + ": " + (cause instanceof java.nio.file.FileSystemException f && f.getReason() != null
                    ? f.getReason() : String.valueOf(cause.getMessage())), e);
        }
    }
}

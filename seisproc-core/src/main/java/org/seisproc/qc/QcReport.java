package org.seisproc.qc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.seisproc.dataset.Dataset;
import org.seisproc.dsp.Sampling;
import org.seisproc.dsp.Spectrum;
import org.seisproc.ensemble.EnsembleIndex;
import org.seisproc.ensemble.EnsembleKey;
import org.seisproc.ensemble.Gather;
import org.seisproc.ensemble.GatherReader;
import org.seisproc.ensemble.HeaderColumns;
import org.seisproc.headers.HeaderTable;
import org.seisproc.io.parquet.ParquetIO;
import org.seisproc.render.Axis;
import org.seisproc.render.Chart;
import org.seisproc.render.Clip;
import org.seisproc.render.ColorBar;
import org.seisproc.render.ColorMap;
import org.seisproc.render.Layer;
import org.seisproc.render.Renderer;
import org.seisproc.render.Rose;
import org.seisproc.render.Sections;

/// The QC report of a dataset: its pictures ([#pictures], named PNGs — the API the web
/// application shows) and one self-contained HTML page ([#html], [#write]) with the pictures
/// inline as `data:` URIs, no network.
///
/// Every map and histogram is built from header columns (through the header cache of
/// `headers.parquet`), the attribute table and the stack; samples are read only for a few
/// representative gathers and an evenly spread sample of at most [#SPECTRUM_TRACES] traces
/// for the average spectrum — never the whole survey. A dataset without coordinates gets a
/// note instead of its maps.
public final class QcReport {
    /// Traces averaged for the amplitude spectrum.
    public static final int SPECTRUM_TRACES = 1000;
    /// Largest number of stack traces drawn.
    public static final int STACK_TRACES = 2000;
    private static final int W = 820;
    private static final int H = 620;

    /// One picture of the report.
    ///
    /// @param name    a stable identifier (`survey-map`, `fold-map`, `offset-histogram`,
    ///                `offset-azimuth-rose`, `shot-rms-map`, `receiver-rms-map`, `spectrum`,
    ///                `stack`, `gather-1`…)
    /// @param title   what it shows
    /// @param png     the PNG bytes
    public record Picture(String name, String title, byte[] png) {
    }

    /// What the report is about, and what it found.
    ///
    /// @param pictures the pictures, in report order
    /// @param notes    sections skipped and why ("no source/receiver coordinates: …")
    /// @param facts    summary lines (name → value)
    /// @param badTraces the bad-trace table rows (trace, key values, reasons), at most 200, or empty
    /// @param badCounts flagged traces per reason
    public record Content(List<Picture> pictures, List<String> notes, Map<String, String> facts, List<String[]> badTraces,
                          Map<String, Integer> badCounts) {
    }

    private QcReport() {
    }

    /// The report's pictures only (for the web application).
    public static List<Picture> pictures(Dataset ds, Dataset stack, Path attributes) {
        return build(ds, stack, attributes).pictures();
    }

    /// Builds every picture and table of the report. `stack` and `attributes` may be null.
    public static Content build(Dataset ds, Dataset stack, Path attributes) {
        return build(ds, stack, attributes, step -> { });
    }

    /// Steps [#build] reports to its `progress` (one call as each begins).
    public static final int STEPS = 8;

    /// [#build], telling `progress` the name of each of its [#STEPS] steps as it begins (for
    /// a progress bar: the report of a large survey takes tens of seconds).
    public static Content build(Dataset ds, Dataset stack, Path attributes, java.util.function.Consumer<String> progress) {
        List<Picture> pics = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, String> facts = new LinkedHashMap<>();
        int n = Math.toIntExact(ds.traceCount());
        double dt = ds.manifest().sampleIntervalMicros() * 1e-6;
        facts.put("dataset", ds.dir().toString());
        facts.put("traces", String.format(Locale.ROOT, "%,d", n));
        facts.put("samples per trace", Integer.toString(ds.samplesPerTrace()));
        facts.put("sample interval", String.format(Locale.ROOT, "%g ms", dt * 1000));
        progress.accept("coordinates and survey map");
        Coordinates c = Coordinates.read(ds);
        if (c == null) {
            notes.add("No source/receiver coordinates (sx, sy, gx, gy are absent or all zero): the survey map, the offset/azimuth"
                    + " rose and the shot/receiver RMS maps are skipped.");
        } else {
            pics.add(surveyMap(c));
        }
        progress.accept("fold map");
        foldMap(ds, pics, notes, facts);
        progress.accept("offset histogram and rose");
        int[] offset = column(ds, "offset");
        if (offset != null) {
            pics.add(offsetHistogram(offset));
            if (c != null) {
                pics.add(rose(c, offset));
            }
        } else {
            notes.add("No offset header: the offset histogram and rose are skipped.");
        }
        progress.accept("shot and receiver RMS maps");
        if (attributes != null) {
            HeaderTable a = ParquetIO.read(attributes, List.of("trace", "rms", "flags"), null);
            if (c != null) {
                pics.add(rmsMap(c, a, true));
                pics.add(rmsMap(c, a, false));
            }
        } else {
            notes.add("No attribute table (--attributes A.parquet from 'seisproc qc attributes'): the shot and receiver RMS maps"
                    + " and the bad-trace list are skipped.");
        }
        progress.accept("average spectrum");
        pics.add(spectrum(ds));
        progress.accept("stack section");
        if (stack != null) {
            pics.add(stackSection(stack));
        } else {
            notes.add("No stack (--stack STACK from 'seisproc qc stack'): the brute stack section is skipped.");
        }
        progress.accept("representative gathers");
        gathers(ds, pics, notes);
        progress.accept("bad traces");
        List<String[]> bad = new ArrayList<>();
        Map<String, Integer> badCounts = new LinkedHashMap<>();
        if (attributes != null) {
            badTraces(ds, attributes, bad, badCounts, facts);
        }
        return new Content(pics, notes, facts, bad, badCounts);
    }

    /// The field's column, or null when the dataset has no such integer field.
    static int[] column(Dataset ds, String name) {
        try {
            return HeaderColumns.intColumn(ds, name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /// Source and receiver coordinates: the raw int columns and `scalco`, in metres through
    /// [#sx], [#sy], [#gx], [#gy] (kept as ints: 5 columns of a 22 M-trace survey are 440 MB, as
    /// doubles they would be twice that); null when absent or all zero.
    record Coordinates(int[] rsx, int[] rsy, int[] rgx, int[] rgy, int[] scalco, double[] xRange, double[] yRange) {
        static Coordinates read(Dataset ds) {
            int[] sx = column(ds, "sx");
            int[] sy = column(ds, "sy");
            int[] gx = column(ds, "gx");
            int[] gy = column(ds, "gy");
            if (sx == null || sy == null || gx == null || gy == null) {
                return null;
            }
            int[] scal = column(ds, "scalco");
            double x0 = Double.POSITIVE_INFINITY;
            double x1 = Double.NEGATIVE_INFINITY;
            double y0 = Double.POSITIVE_INFINITY;
            double y1 = Double.NEGATIVE_INFINITY;
            boolean any = false;
            for (int i = 0; i < sx.length; i++) {
                double f = scale(scal, i);
                any |= sx[i] != 0 || sy[i] != 0 || gx[i] != 0 || gy[i] != 0;
                x0 = Math.min(x0, Math.min(sx[i], gx[i]) * f);
                x1 = Math.max(x1, Math.max(sx[i], gx[i]) * f);
                y0 = Math.min(y0, Math.min(sy[i], gy[i]) * f);
                y1 = Math.max(y1, Math.max(sy[i], gy[i]) * f);
            }
            return any ? new Coordinates(sx, sy, gx, gy, scal, new double[] {x0, x1}, new double[] {y0, y1}) : null;
        }

        /// SEG-Y coordinate scalar: > 0 multiplies, < 0 divides, 0 is 1.
        static double scale(int[] scalco, int i) {
            int s = scalco == null ? 1 : scalco[i];
            return s > 0 ? s : s < 0 ? -1.0 / s : 1;
        }

        int size() {
            return rsx.length;
        }

        double sx(int i) {
            return rsx[i] * scale(scalco, i);
        }

        double sy(int i) {
            return rsy[i] * scale(scalco, i);
        }

        double gx(int i) {
            return rgx[i] * scale(scalco, i);
        }

        double gy(int i) {
            return rgy[i] * scale(scalco, i);
        }
    }

    /// Equal metres per pixel on both axes: widens the shorter axis range.
    private static Axis[] square(double[] xr, double[] yr, int w, int h) {
        double xs = Math.max(xr[1] - xr[0], 1);
        double ys = Math.max(yr[1] - yr[0], 1);
        double pw = w - 102.0;
        double ph = h - 94.0;
        double scale = Math.max(xs / pw, ys / ph) * 1.08;
        double cx = (xr[0] + xr[1]) / 2;
        double cy = (yr[0] + yr[1]) / 2;
        return new Axis[] {new Axis("easting", "m", cx - scale * pw / 2, cx + scale * pw / 2),
                new Axis("northing", "m", cy - scale * ph / 2, cy + scale * ph / 2)};
    }

    static Picture surveyMap(Coordinates c) {
        GridMap src = GridMap.covering(c.xRange(), c.yRange(), 700);
        GridMap rcv = GridMap.covering(c.xRange(), c.yRange(), 700);
        for (int i = 0; i < c.size(); i++) {
            src.add(c.sx(i), c.sy(i), 1);
            rcv.add(c.gx(i), c.gy(i), 1);
        }
        double[][] s = src.occupied();
        double[][] r = rcv.occupied();
        Axis[] a = square(c.xRange(), c.yRange(), W, H);
        Chart chart = new Chart(String.format(Locale.ROOT, "survey map: sources and receivers (%,d and %,d occupied map cells)", s[0].length, r[0].length),
                a[0], a[1], false,
                List.of(Layer.Points.plain(r[0], r[1], 0x2E6FD8, 3, "receivers"), Layer.Points.plain(s[0], s[1], 0xD62728, 4, "sources")),
                null, W, H);
        return new Picture("survey-map", "Survey map: source and receiver positions", Renderer.png(chart));
    }

    private static void foldMap(Dataset ds, List<Picture> pics, List<String> notes, Map<String, String> facts) {
        int[] il = column(ds, "iline");
        int[] xl = column(ds, "xline");
        boolean grid = il != null && xl != null && (java.util.Arrays.stream(il).anyMatch(v -> v != 0)
                || java.util.Arrays.stream(xl).anyMatch(v -> v != 0));
        if (grid) {
            FoldMap f;
            try {
                f = FoldMap.of(il, xl, il.length);
            } catch (IllegalArgumentException e) {
                notes.add("Fold map skipped: " + e.getMessage());
                return;
            }
            float[] v = new float[f.counts().length];
            for (int i = 0; i < v.length; i++) {
                v[i] = f.counts()[i];
            }
            int max = Math.max(1, f.max());
            Sampling s1 = new Sampling(f.crosslines(), 1, f.firstCrossline());
            Sampling s2 = new Sampling(f.inlines(), 1, f.firstInline());
            Chart chart = new Chart(String.format(Locale.ROOT, "fold map: %,d live CDP bins, fold up to %d", f.liveBins(), f.max()),
                    Axis.ofWholeNumbers("crossline", f.firstCrossline(), f.crosslines()),
                    Axis.ofWholeNumbers("inline", f.firstInline(), f.inlines()), false,
                    List.of(new Layer.Pixels(v, s1, s2, Layer.Orientation.X1RIGHT_X2UP, ColorMap.viridis(), 0, max)),
                    new ColorBar(ColorMap.viridis(), 0, max, "fold", "traces per bin"), W, H);
            pics.add(new Picture("fold-map", "Fold map over CDP bins (inline x crossline)", Renderer.png(chart)));
            facts.put("CDP bins", String.format(Locale.ROOT, "%,d live of %,d x %,d (inlines %d-%d, crosslines %d-%d), fold max %d", f.liveBins(),
                    f.inlines(), f.crosslines(), f.firstInline(), f.firstInline() + f.inlines() - 1, f.firstCrossline(),
                    f.firstCrossline() + f.crosslines() - 1, f.max()));
            return;
        }
        int[] cdp = column(ds, "cdp");
        if (cdp == null) {
            notes.add("No iline/xline or cdp headers: the fold map is skipped.");
            return;
        }
        int lo = java.util.Arrays.stream(cdp).min().orElse(0);
        int hi = java.util.Arrays.stream(cdp).max().orElse(0);
        int bins = Math.min(2000, hi - lo + 1);
        double width = (hi - lo + 1.0) / bins;
        double[] edges = new double[bins + 1];
        double[] counts = new double[bins];
        for (int i = 0; i <= bins; i++) {
            edges[i] = lo - 0.5 + i * width;
        }
        for (int v : cdp) {
            counts[Math.min(bins - 1, (int) ((v - lo) / width))] += 1.0 / width;
        }
        double max = java.util.Arrays.stream(counts).max().orElse(1);
        Chart chart = new Chart("fold per CDP (no inline/crossline headers)", new Axis("cdp", "", edges[0], edges[bins]),
                new Axis("fold", "traces per CDP", 0, max * 1.05), false, List.of(new Layer.Bars(edges, counts, 0x3E4989)), null, W, H);
        pics.add(new Picture("fold-map", "Fold per CDP", Renderer.png(chart)));
    }

    static Picture offsetHistogram(int[] offset) {
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        for (int o : offset) {
            lo = Math.min(lo, o);
            hi = Math.max(hi, o);
        }
        int bins = 60;
        double width = Math.max(1, (hi - lo) / (double) bins);
        double[] edges = new double[bins + 1];
        double[] counts = new double[bins];
        for (int i = 0; i <= bins; i++) {
            edges[i] = lo + i * width;
        }
        for (int o : offset) {
            counts[Math.min(bins - 1, (int) ((o - lo) / width))]++;
        }
        double max = java.util.Arrays.stream(counts).max().orElse(1);
        Chart chart = new Chart(String.format(Locale.ROOT, "offset histogram: %,d traces, %d bins of %.4g m", offset.length, bins, width),
                new Axis("offset", "m", edges[0], edges[bins]), new Axis("traces", "per bin", 0, max * 1.05), false,
                List.of(new Layer.Bars(edges, counts, 0x31688E)), null, W, H - 100);
        return new Picture("offset-histogram", "Offset histogram", Renderer.png(chart));
    }

    static Picture rose(Coordinates c, int[] offset) {
        int n = c.size();
        double max = 0;
        for (int i = 0; i < n; i++) {
            double ex = c.gx(i) - c.sx(i);
            double ny = c.gy(i) - c.sy(i);
            max = Math.max(max, ex * ex + ny * ny); // Math.hypot is several times slower, and 22 M traces add up
        }
        max = Math.sqrt(max);
        double ring = niceStep(Math.max(max, 1) / 8);
        int rings = Math.max(1, (int) Math.ceil(max / ring));
        float[] counts = new float[36 * rings];
        for (int i = 0; i < n; i++) {
            double ex = c.gx(i) - c.sx(i);
            double ny = c.gy(i) - c.sy(i);
            Rose.add(counts, 36, rings, rings * ring, Math.sqrt(ex * ex + ny * ny), Math.toDegrees(Math.atan2(ex, ny)));
        }
        Rose r = new Rose("offset/azimuth rose: source-to-receiver, 10 degree sectors", counts, 36, rings, rings * ring, "offset", "m",
                ColorMap.viridis(), 620);
        return new Picture("offset-azimuth-rose", "Offset/azimuth rose", Renderer.png(r));
    }

    private static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-9))));
        double f = raw / p;
        return (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * p;
    }

    static Picture rmsMap(Coordinates c, HeaderTable a, boolean shots) {
        GridMap g = GridMap.covering(c.xRange(), c.yRange(), 90);
        int[] trace = a.ints("trace");
        float[] rms = a.floats("rms");
        for (int i = 0; i < trace.length; i++) {
            int t = trace[i];
            if (t >= 0 && t < c.size() && rms[i] > 0) {
                g.add(shots ? c.sx(t) : c.gx(t), shots ? c.sy(t) : c.gy(t), rms[i]);
            }
        }
        float[] m = g.means();
        double[] range = Clip.percentiles(99).range(m, m.length);
        Sampling s1 = new Sampling(g.nx(), g.dx(), g.x0() + g.dx() / 2);
        Sampling s2 = new Sampling(g.ny(), g.dy(), g.y0() + g.dy() / 2);
        Axis[] ax = square(c.xRange(), c.yRange(), W, H);
        String what = shots ? "shot" : "receiver";
        Chart chart = new Chart("mean trace RMS per " + what + " position (map cells of " + Math.round(g.dx()) + " m)", ax[0], ax[1], false,
                List.of(new Layer.Pixels(m, s1, s2, Layer.Orientation.X1RIGHT_X2UP, ColorMap.viridis(), range[0], range[1])),
                new ColorBar(ColorMap.viridis(), range[0], range[1], "trace RMS", "sample units"), W, H);
        return new Picture(what + "-rms-map", "Per-" + what + " RMS map", Renderer.png(chart));
    }

    static Picture spectrum(Dataset ds) {
        int n1 = ds.samplesPerTrace();
        double dt = ds.manifest().sampleIntervalMicros() * 1e-6;
        Spectrum sp = new Spectrum(n1, dt);
        long n = ds.traceCount();
        int take = (int) Math.min(n, SPECTRUM_TRACES);
        double[] sum = new double[sp.nfft() / 2 + 1];
        float[] tr = new float[n1];
        for (int i = 0; i < take; i++) {
            long t = take == 1 ? 0 : i * (n - 1) / (take - 1);
            ds.readTrace(t, tr, 0);
            sp.compute(tr, 0, 0);
            double[] p = sp.power();
            for (int k = 0; k < sum.length; k++) {
                sum[k] += Math.sqrt(p[k]);
            }
        }
        double max = java.util.Arrays.stream(sum).max().orElse(1);
        double[] f = new double[sum.length];
        double[] db = new double[sum.length];
        for (int k = 0; k < sum.length; k++) {
            f[k] = k * sp.df();
            db[k] = max > 0 && sum[k] > 0 ? Math.max(-80, 20 * Math.log10(sum[k] / max)) : -80;
        }
        Chart chart = new Chart("average amplitude spectrum of " + take + " traces spread over the survey",
                new Axis("frequency", "Hz", 0, f[f.length - 1]), new Axis("amplitude", "dB re max", -80, 3), false,
                List.of(new Layer.Line(f, db, 0x1F77B4, null)), null, W, H - 120);
        return new Picture("spectrum", "Average amplitude spectrum", Renderer.png(chart));
    }

    static Picture stackSection(Dataset stack) {
        int n1 = stack.samplesPerTrace();
        int n = Math.toIntExact(stack.traceCount());
        int[] il = column(stack, "iline");
        int[] xl = column(stack, "xline");
        int[] pick;
        String title;
        Sampling s2;
        String label;
        if (il != null && xl != null && java.util.Arrays.stream(il).distinct().count() > 1) {
            int[] sorted = il.clone();
            java.util.Arrays.sort(sorted);
            int line = sorted[sorted.length / 2];
            pick = java.util.stream.IntStream.range(0, n).filter(i -> il[i] == line).limit(STACK_TRACES).toArray();
            title = "brute stack, inline " + line + " (" + pick.length + " bins)";
            label = "trace (bin along the inline)";
        } else {
            pick = java.util.stream.IntStream.range(0, Math.min(n, STACK_TRACES)).toArray();
            title = "brute stack (" + pick.length + " of " + n + " bins)";
            label = "stack trace";
        }
        s2 = new Sampling(Math.max(1, pick.length), 1, 1);
        float[] f = new float[n1 * Math.max(1, pick.length)];
        for (int j = 0; j < pick.length; j++) {
            stack.readTrace(pick[j], f, j * n1);
        }
        Sampling time = new Sampling(n1, stack.manifest().sampleIntervalMicros() * 1e-6, 0);
        Chart chart = Sections.section(title, f, time, s2, label, "", Clip.symmetric(99), ColorMap.gray(),
                Math.clamp(pick.length * 4L + 200, 700, 1400), Math.clamp(n1 + 100L, 500, 900));
        return new Picture("stack", "Brute stack section", Renderer.png(chart));
    }

    private static void gathers(Dataset ds, List<Picture> pics, List<String> notes) {
        String key = column(ds, "fldr") != null ? "fldr" : column(ds, "cdp") != null ? "cdp" : null;
        if (key == null) {
            notes.add("No fldr or cdp header: no representative gathers.");
            return;
        }
        try (EnsembleIndex index = EnsembleIndex.open(ds, EnsembleKey.parse(key))) {
            int m = index.ensembleCount();
            int[] which = m >= 3 ? new int[] {0, m / 2, m - 1} : java.util.stream.IntStream.range(0, m).toArray();
            GatherReader reader = new GatherReader(ds, index);
            Sampling time = new Sampling(ds.samplesPerTrace(), ds.manifest().sampleIntervalMicros() * 1e-6, 0);
            int k = 1;
            for (int e : which) {
                Gather g = reader.read(e);
                Chart chart = Sections.gather("gather " + index.describe(e) + " (" + g.n2() + " traces)", g.samples(), g.n1(), g.n2(),
                        time, Clip.symmetric(99), ColorMap.gray());
                pics.add(new Picture("gather-" + k++, "Representative gather " + index.describe(e), Renderer.png(chart)));
            }
        }
    }

    private static void badTraces(Dataset ds, Path attributes, List<String[]> rows, Map<String, Integer> counts, Map<String, String> facts) {
        HeaderTable a = ParquetIO.read(attributes, List.of("trace", "flags"), null);
        int[] trace = a.ints("trace");
        int[] flags = a.ints("flags");
        int[] fldr = column(ds, "fldr");
        int[] tracf = column(ds, "tracf");
        int[] offset = column(ds, "offset");
        int bad = 0;
        for (int i = 0; i < trace.length; i++) {
            if (flags[i] == 0) {
                continue;
            }
            bad++;
            for (String reason : Flags.describe(flags[i]).split("\\+")) {
                counts.merge(reason, 1, Integer::sum);
            }
            if (rows.size() < 200) {
                int t = trace[i];
                rows.add(new String[] {Integer.toString(t), fldr == null ? "" : Integer.toString(fldr[t]),
                        tracf == null ? "" : Integer.toString(tracf[t]), offset == null ? "" : Integer.toString(offset[t]),
                        Flags.describe(flags[i])});
            }
        }
        facts.put("bad traces", String.format(Locale.ROOT, "%,d of %,d (%.2f %%)", bad, trace.length, 100.0 * bad / Math.max(1, trace.length)));
    }

    /// The report as one self-contained HTML page.
    public static String html(Content c) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>SeisProc QC report</title>\n<style>")
                .append("body{font-family:sans-serif;margin:24px;color:#222;max-width:1500px}h1{font-size:22px}h2{font-size:17px;")
                .append("margin-top:28px;border-bottom:1px solid #ccc}img{max-width:100%;border:1px solid #ddd}table{border-collapse:")
                .append("collapse;font-size:13px}td,th{border:1px solid #ccc;padding:2px 8px;text-align:right}th{background:#f2f2f2}")
                .append(".note{background:#fff6d5;padding:6px 10px;border-left:4px solid #e0b000}</style></head><body>\n");
        h.append("<h1>SeisProc QC report</h1>\n<table>");
        c.facts().forEach((k, v) -> h.append("<tr><th>").append(esc(k)).append("</th><td style=\"text-align:left\">").append(esc(v))
                .append("</td></tr>"));
        h.append("</table>\n");
        for (String note : c.notes()) {
            h.append("<p class=\"note\">").append(esc(note)).append("</p>\n");
        }
        for (Picture p : c.pictures()) {
            h.append("<h2 id=\"").append(p.name()).append("\">").append(esc(p.title())).append("</h2>\n<img alt=\"").append(esc(p.title()))
                    .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(p.png())).append("\">\n");
        }
        h.append("<h2 id=\"bad-traces\">Bad traces</h2>\n");
        if (c.badCounts().isEmpty() && c.badTraces().isEmpty()) {
            h.append("<p>").append(c.facts().containsKey("bad traces") ? "No trace was flagged." : "No attribute table given.").append("</p>\n");
        } else {
            h.append("<table><tr><th>reason</th><th>traces</th></tr>");
            c.badCounts().forEach((k, v) -> h.append("<tr><td style=\"text-align:left\">").append(esc(k)).append("</td><td>").append(v)
                    .append("</td></tr>"));
            h.append("</table>\n<p>First ").append(c.badTraces().size()).append(" flagged traces:</p>\n<table><tr><th>trace</th><th>fldr</th>")
                    .append("<th>tracf</th><th>offset (m)</th><th>reasons</th></tr>");
            for (String[] r : c.badTraces()) {
                h.append("<tr>");
                for (String v : r) {
                    h.append("<td>").append(esc(v)).append("</td>");
                }
                h.append("</tr>");
            }
            h.append("</table>\n");
        }
        h.append("</body></html>\n");
        return h.toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /// Builds the report and writes it to `out` (atomically).
    public static Content write(Dataset ds, Dataset stack, Path attributes, Path out) {
        Content c = build(ds, stack, attributes);
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
            Files.writeString(tmp, html(c));
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
        return c;
    }
}

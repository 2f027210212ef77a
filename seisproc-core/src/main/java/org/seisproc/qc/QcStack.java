package org.seisproc.qc;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongConsumer;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.seisproc.dataset.Dataset;
import org.seisproc.dataset.DatasetShape;
import org.seisproc.dataset.DatasetWriter;
import org.seisproc.dsp.Stack;
import org.seisproc.engine.EnsemblePlan;
import org.seisproc.engine.EnsembleUnit;
import org.seisproc.ensemble.Gather;
import org.seisproc.engine.Job;
import org.seisproc.engine.PreparedJob;
import org.seisproc.ensemble.EnsembleKey;
import org.seisproc.ensemble.HeaderColumns;
import org.seisproc.segy.HeaderField;
import org.seisproc.segy.HeaderLayout;

/// `seisproc qc stack`: an NMO-corrected brute stack of the chosen inlines (or all), and its fold.
///
/// Runs on the engine: the chain `nmo` (the velocity model as the processor's table, the
/// stretch mute, linear or sinc interpolation) is prepared once ([PreparedJob#of]); each worker
/// has its own [EnsembleUnit] and takes the next CMP bin, gets the NMO-corrected gather from
/// [EnsembleUnit#process] and stacks it — fold-normalised mean ([Stack]) or median
/// ([MedianStack]) of the live samples, zeroed where fewer than `minFold` traces are live.
///
/// Writes two datasets of one trace per bin, in bin order ([DatasetWriter#create] with the
/// input's file headers): the stack, and the fold (live traces per sample). Each output trace
/// carries the bin's first input trace header with offset 0, `nhs` the bin's trace count,
/// `tracl`/`tracr` its 1-based number, source and group coordinates at the CDP's (cdp, iline,
/// xline, cdpx, cdpy kept) — exportable to SEG-Y with `seisproc export`.
public final class QcStack {
    /// How to stack the NMO-corrected traces of a bin.
    public enum Method { MEAN, MEDIAN }

    /// @param velocity    velocity spec ([VelocityModel]: a function or a table file)
    /// @param base        folder a relative velocity file is resolved against (null: working dir)
    /// @param lines       inlines to stack, or null for all
    /// @param byInline    bin by iline/xline instead of cdp
    /// @param method      mean or median
    /// @param minFold     zero output samples with fewer live traces (≥ 1)
    /// @param stretchMute NMO stretch mute as a ratio (1.5: mute where stretch exceeds 50 %)
    /// @param sinc        sinc instead of linear interpolation in NMO
    /// @param workers     worker threads
    /// @param overwrite   replace existing outputs
    public record Options(String velocity, Path base, TreeSet<Integer> lines, boolean byInline, Method method, int minFold,
                          double stretchMute, boolean sinc, int workers, boolean overwrite) {
        public Options {
            if (minFold < 1) {
                throw new IllegalArgumentException("--min-fold must be at least 1, not " + minFold);
            }
            if (!(stretchMute > 1)) {
                throw new IllegalArgumentException("--stretch-mute is a stretch ratio > 1 (e.g. 1.5 = 50 % stretch), not " + stretchMute);
            }
        }
    }

    /// @param stack     the stack dataset
    /// @param fold      the fold dataset
    /// @param bins      output traces
    /// @param traces    input traces stacked
    /// @param lines     inlines stacked
    /// @param seconds   wall time
    public record Result(Path stack, Path fold, int bins, long traces, TreeSet<Integer> lines, double seconds) {
    }

    private QcStack() {
    }

    /// The error for inlines `asked` for that are not among the `present` ones of `dataset`
    /// ("inline(s) 90-92 do not exist in …; it has inlines 1-4"), or null when all are there.
    public static QcInputException missingLines(Set<Integer> asked, Set<Integer> present, Path dataset) {
        TreeSet<Integer> missing = new TreeSet<>(asked);
        missing.removeAll(present);
        return missing.isEmpty() ? null : new QcInputException("inline(s) " + Lines.compact(missing) + " do not exist in " + dataset
                + "; it has inlines " + Lines.compact(present));
    }

    /// Parses a bin choice: `cdp` → false, `iline,xline` → true (blanks and case ignored).
    public static boolean parseBin(String bin) {
        return switch (bin.replace(" ", "").toLowerCase(java.util.Locale.ROOT)) {
            case "cdp" -> false;
            case "iline,xline" -> true;
            default -> throw new IllegalArgumentException("--bin '" + bin + "': use cdp or iline,xline");
        };
    }

    /// Parses a stacking method: `mean` or `median`.
    public static Method parseMethod(String method) {
        return switch (method.toLowerCase(java.util.Locale.ROOT)) {
            case "mean" -> Method.MEAN;
            case "median" -> Method.MEDIAN;
            default -> throw new IllegalArgumentException("--method '" + method + "': use mean or median");
        };
    }

    /// Parses the NMO interpolation: `linear` → false, `sinc` → true.
    public static boolean parseSinc(String interp) {
        return switch (interp) {
            case "linear" -> false;
            case "sinc" -> true;
            default -> throw new IllegalArgumentException("--interp '" + interp + "': use linear or sinc");
        };
    }

    /// The default fold dataset beside `stack`: `NAME.fold` (`stack.dataset` → `stack.fold.dataset`).
    public static Path defaultFoldPath(Path stack) {
        String n = stack.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return stack.resolveSibling(dot > 0 ? n.substring(0, dot) + ".fold" + n.substring(dot) : n + ".fold");
    }

    /// The `nmo` step for `model` over `ds` (velocity table locations checked against the dataset).
    public static Job.Step nmoStep(Dataset ds, VelocityModel model, double stretchMute, boolean sinc) {
        double record = ds.samplesPerTrace() * ds.manifest().sampleIntervalMicros() * 1e-6;
        java.util.function.Function<List<Integer>, Integer> cdpOf = cdpLookup(ds, model);
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("input", ds.dir().toString());
        root.put("output", ds.dir() + ".qc");
        root.putArray("key").add("cdp");
        ObjectNode nmo = root.putArray("processors").addObject();
        nmo.put("name", "nmo");
        nmo.set("velocities", model.nmoTable(record, cdpOf));
        nmo.put("maxStretchPercent", (stretchMute - 1) * 100);
        nmo.put("interpolation", sinc ? "sinc" : "linear");
        return Job.parse(root, null, ds.dir()).steps().getFirst();
    }

    private static java.util.function.Function<List<Integer>, Integer> cdpLookup(Dataset ds, VelocityModel model) {
        if (!(model instanceof VelocityModel.Table t)) {
            return loc -> 0;
        }
        int[] cdp = HeaderColumns.intColumn(ds, "cdp");
        if (!t.byInline()) {
            Set<Integer> cdps = new HashSet<>();
            for (int c : cdp) {
                cdps.add(c);
            }
            return loc -> cdps.contains(loc.getFirst()) ? loc.getFirst() : null;
        }
        int[] il = HeaderColumns.intColumn(ds, "iline");
        int[] xl = HeaderColumns.intColumn(ds, "xline");
        Map<Long, Integer> map = new HashMap<>();
        for (int i = 0; i < cdp.length; i++) {
            map.putIfAbsent(((long) il[i] << 32) | (xl[i] & 0xFFFFFFFFL), cdp[i]);
        }
        return loc -> map.get(((long) loc.get(0) << 32) | (loc.get(1) & 0xFFFFFFFFL));
    }

    /// Stacks `ds` into `out` (and its fold into `foldOut`); `progress` gets input traces done.
    public static Result run(Dataset ds, Path out, Path foldOut, Options o, LongConsumer progress) {
        long started = System.nanoTime();
        VelocityModel model = VelocityModel.parse(o.velocity(), o.base());
        Job.Step nmo = nmoStep(ds, model, o.stretchMute(), o.sinc());
        EnsembleKey key = EnsembleKey.parse(o.byInline() ? "iline,xline" : "cdp", null);
        try (PreparedJob job = PreparedJob.of(ds, key, List.of(nmo))) {
            EnsemblePlan plan = job.plan();
            int[] inlineOfBin = inlines(ds, plan, o.byInline());
            TreeSet<Integer> present = new TreeSet<>();
            for (int v : inlineOfBin) {
                present.add(v);
            }
            TreeSet<Integer> lines = o.lines() == null ? present : o.lines();
            if (o.lines() != null) {
                QcInputException missing = missingLines(o.lines(), present, ds.dir());
                if (missing != null) {
                    throw missing;
                }
            }
            int[] bins = selected(plan, inlineOfBin, lines);
            long traces = 0;
            for (int e : bins) {
                traces += plan.traceCount(e);
            }
            DatasetShape shape = DatasetShape.of(ds).withTraces(bins.length);
            String step = "qc stack --velocity " + o.velocity() + " --bin " + (o.byInline() ? "iline,xline" : "cdp") + " --method "
                    + o.method().name().toLowerCase(java.util.Locale.ROOT) + " --min-fold " + o.minFold() + " --stretch-mute "
                    + o.stretchMute() + (o.sinc() ? " --interp sinc" : "");
            try (DatasetWriter stack = DatasetWriter.create(ds, out, shape, step, o.overwrite(), false);
                 DatasetWriter fold = DatasetWriter.create(ds, foldOut, shape, step + " (fold)", o.overwrite(), false)) {
                stackBins(job, bins, stack, fold, o, progress);
                stack.commit();
                fold.commit();
            }
            return new Result(out, foldOut, bins.length, traces, lines, (System.nanoTime() - started) / 1e9);
        }
    }

    /// The inline of each bin: its key for iline/xline bins, its first trace's for cdp bins.
    static int[] inlines(Dataset ds, EnsemblePlan plan, boolean byInline) {
        int[] out = new int[plan.ensembles()];
        if (byInline) {
            long[] k = new long[2];
            for (int e = 0; e < out.length; e++) {
                plan.key(e, k);
                out[e] = (int) k[0];
            }
            return out;
        }
        int[] il = HeaderColumns.intColumn(ds, "iline");
        for (int e = 0; e < out.length; e++) {
            out[e] = il[(int) plan.trace(e, 0)];
        }
        return out;
    }

    private static int[] selected(EnsemblePlan plan, int[] inlineOfBin, Set<Integer> lines) {
        List<Integer> keep = new ArrayList<>();
        for (int e = 0; e < plan.ensembles(); e++) {
            if (lines.contains(inlineOfBin[e])) {
                keep.add(e);
            }
        }
        return keep.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void stackBins(PreparedJob job, int[] bins, DatasetWriter stack, DatasetWriter fold, Options o, LongConsumer progress) {
        HeaderLayout layout = job.context().layout();
        HeaderField offset = layout.field("offset");
        HeaderField nhs = layout.field("nhs");
        HeaderField tracl = layout.field("tracl");
        HeaderField tracr = layout.field("tracr");
        HeaderField[] coords = {layout.field("sx"), layout.field("sy"), layout.field("gx"), layout.field("gy")};
        HeaderField cdpx = layout.field("cdpx");
        HeaderField cdpy = layout.field("cdpy");
        int n1 = job.input().samplesPerTrace();
        ParallelItems.run(o.workers(), bins.length, () -> new ParallelItems.Worker() {
            final EnsembleUnit unit = job.unit();
            final float[] out = new float[n1];
            final float[] foldF = new float[n1];
            final int[] live = new int[n1];
            float[] scratch = new float[0];

            @Override
            public long item(int j) {
                Gather g = unit.process(bins[j]);
                int n2 = g.n2();
                if (o.method() == Method.MEDIAN) {
                    if (scratch.length < n2) {
                        scratch = new float[n2];
                    }
                    MedianStack.stack(g.samples(), n1, n2, out, live, scratch);
                } else {
                    Stack.stack(g.samples(), n1, n2, out, live);
                }
                for (int i = 0; i < n1; i++) {
                    if (live[i] < o.minFold()) {
                        out[i] = 0f;
                    }
                    foldF[i] = live[i];
                }
                long x = g.header(0, cdpx);
                long y = g.header(0, cdpy);
                for (DatasetWriter w : new DatasetWriter[] {stack, fold}) {
                    w.writeHeader(j, g.headers(), 0);
                    w.setHeader(j, offset, 0);
                    w.setHeader(j, nhs, Math.min(n2, Short.MAX_VALUE));
                    w.setHeader(j, tracl, j + 1);
                    w.setHeader(j, tracr, j + 1);
                    w.setHeader(j, coords[0], x);
                    w.setHeader(j, coords[1], y);
                    w.setHeader(j, coords[2], x);
                    w.setHeader(j, coords[3], y);
                }
                stack.writeTrace(j, out, 0);
                fold.writeTrace(j, foldF, 0);
                return n2;
            }

            @Override
            public void finish() {
                unit.finish();
            }
        }, progress);
    }
}

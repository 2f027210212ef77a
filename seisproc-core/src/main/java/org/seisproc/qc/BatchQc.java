package org.seisproc.qc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.LongConsumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.seisproc.dataset.Dataset;
import org.seisproc.dataset.DatasetShape;
import org.seisproc.dataset.DatasetWriter;
import org.seisproc.dsp.Attributes;
import org.seisproc.dsp.Sampling;
import org.seisproc.engine.EnsemblePlan;
import org.seisproc.engine.EnsembleUnit;
import org.seisproc.ensemble.Gather;
import org.seisproc.engine.Job;
import org.seisproc.engine.PreparedJob;
import org.seisproc.ensemble.HeaderColumns;

/// `seisproc qc batch JOB.json`: a processing chain applied to selected gathers, compared
/// before and after.
///
/// The job file is a processing job (`input`, `key`, `sortBy`, `processors`, as for
/// `seisproc run`; the chain must keep every trace) whose `output` is a folder, plus:
/// - `gathers`: the key values of the gathers to process (`[1001, 1005]`, or `[[1, 20], …]` for
///   a two-field key), or `lines`: inlines (`"1,3-4"`; a gather belongs to its first trace's
///   inline) — neither: every gather;
/// - `stack` (optional): `{"velocity": "1800+600t", "bin": "cdp", "method": "mean",
///   "stretchMute": 1.5}` for the before, after and difference stacks ([QcStack]);
/// - `snr` (optional): `{"windowMs": "A:B", "noiseWindowMs": "C:D"}` for S/N (as in
///   `qc attributes`; default the whole trace over its last 20 %).
///
/// Writes in the output folder: `before`, `after` and `noise` datasets (the selected gathers'
/// traces in gather order; noise = before − after, sample by sample, in float32 — exactly the
/// difference of the other two), `before-stack`, `after-stack`, `difference-stack` (with
/// `stack`), and `qc.json`: per gather and overall the RMS of before, after and noise (over all
/// samples), the before–after correlation Σba/√(Σbb·Σaa), and S/N before, after and its change
/// (dB), S/N = 20·log10(rms in the signal window / rms in the noise window).
public final class BatchQc {
    private static final List<String> EXTRA = List.of("gathers", "lines", "stack", "snr");

    /// Per-gather (or overall) comparison.
    ///
    /// @param label        the gather's key values, or "overall"
    /// @param traces       traces compared
    /// @param rmsBefore    rms of the input samples
    /// @param rmsAfter     rms of the processed samples
    /// @param rmsNoise     rms of before − after
    /// @param correlation  Σba/√(Σbb·Σaa) (0 when either has no energy)
    /// @param snrBeforeDb  S/N of the input (dB)
    /// @param snrAfterDb   S/N of the output (dB)
    public record Metrics(String label, long traces, double rmsBefore, double rmsAfter, double rmsNoise, double correlation,
                          double snrBeforeDb, double snrAfterDb) {
        public double snrChangeDb() {
            return snrAfterDb - snrBeforeDb;
        }
    }

    /// @param output  the output folder
    /// @param gathers per selected gather
    /// @param overall over all of them
    /// @param stacks  stack datasets written (empty without a `stack` section)
    /// @param seconds wall time
    public record Result(Path output, List<Metrics> gathers, Metrics overall, List<Path> stacks, double seconds) {
    }

    private BatchQc() {
    }

    /// Runs the batch QC job in `file` with `workers` threads.
    public static Result run(Path file, int workers, boolean overwrite, LongConsumer progress) {
        long started = System.nanoTime();
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new Job.InvalidJobException(file, List.of("cannot read the job file: " + e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new Job.InvalidJobException(file, List.of("a batch QC job is a JSON object (a processing job plus gathers/lines/stack/snr)"));
        }
        ObjectNode jobPart = ((ObjectNode) root).deepCopy();
        EXTRA.forEach(jobPart::remove);
        Job job = Job.parse(jobPart, file.toAbsolutePath().getParent(), file);
        if (job.reduces()) {
            throw new Job.InvalidJobException(file, List.of("the chain ends in a stack: batch QC compares gathers trace by trace;"
                    + " drop the stack (give a 'stack' section for before/after stacks)"));
        }
        Path out = job.output();
        JsonNode snr = root.path("snr");
        double[] sw = snr.has("windowMs") ? AttributeOptions.parseWindowMs(snr.get("windowMs").asText(), "snr.windowMs") : new double[] {Double.NaN, Double.NaN};
        double[] nw = snr.has("noiseWindowMs") ? AttributeOptions.parseWindowMs(snr.get("noiseWindowMs").asText(), "snr.noiseWindowMs")
                : new double[] {Double.NaN, Double.NaN};
        AttributeOptions windows = new AttributeOptions(sw[0], sw[1], nw[0], nw[1], null, Flags.defaults());
        try (PreparedJob prepared = PreparedJob.prepare(job)) {
            Dataset ds = prepared.input();
            EnsemblePlan plan = prepared.plan();
            int[] selected = select(root, ds, plan, file);
            Sampling time = prepared.context().time();
            int[] signal = windows.signalWindow(time);
            int[] noise = windows.noiseWindow(time);
            long[] firstTrace = new long[selected.length + 1];
            for (int j = 0; j < selected.length; j++) {
                firstTrace[j + 1] = firstTrace[j] + plan.traceCount(selected[j]);
            }
            DatasetShape shape = DatasetShape.of(ds).withTraces(firstTrace[selected.length]);
            try {
                Files.createDirectories(out);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot create " + out + ": " + e.getMessage(), e);
            }
            Metrics[] perGather = new Metrics[selected.length];
            double[][] sums = new double[selected.length][];
            String step = "qc batch " + file.getFileName();
            try (DatasetWriter before = DatasetWriter.create(ds, out.resolve("before"), shape, step + " (before)", overwrite, false);
                 DatasetWriter after = DatasetWriter.create(ds, out.resolve("after"), shape, step + " (after)", overwrite, false);
                 DatasetWriter diff = DatasetWriter.create(ds, out.resolve("noise"), shape, step + " (noise = before - after)", overwrite, false)) {
                ParallelItems.run(workers, selected.length, () -> new ParallelItems.Worker() {
                    final EnsembleUnit unit = prepared.unit();
                    float[] nz = new float[0];

                    @Override
                    public long item(int j) {
                        int e = selected[j];
                        Gather b = unit.read(e).copy();
                        Gather a = unit.process(e);
                        int n1 = b.n1();
                        int n2 = b.n2();
                        if (a.n2() != n2) {
                            throw new IllegalArgumentException("the chain changed gather " + label(plan, e) + " from " + n2 + " to " + a.n2()
                                    + " traces; batch QC needs a chain that keeps every trace");
                        }
                        if (nz.length < n1 * n2) {
                            nz = new float[n1 * n2];
                        }
                        for (int i = 0; i < n1 * n2; i++) {
                            nz[i] = b.samples()[i] - a.samples()[i];
                        }
                        for (int i2 = 0; i2 < n2; i2++) {
                            long t = firstTrace[j] + i2;
                            before.writeTrace(t, b.samples(), i2 * n1);
                            before.writeHeader(t, b.headers(), (long) i2 * b.headerBytes());
                            after.writeTrace(t, a.samples(), i2 * n1);
                            after.writeHeader(t, a.headers(), (long) i2 * a.headerBytes());
                            diff.writeTrace(t, nz, i2 * n1);
                            diff.writeHeader(t, b.headers(), (long) i2 * b.headerBytes());
                        }
                        sums[j] = sums(b.samples(), a.samples(), nz, n1, n2, signal, noise);
                        perGather[j] = metrics(label(plan, e), n2, sums[j]);
                        return n2;
                    }

                    @Override
                    public void finish() {
                        unit.finish();
                    }
                }, progress);
                before.commit();
                after.commit();
                diff.commit();
            }
            double[] total = new double[sums.length == 0 ? 12 : sums[0].length];
            for (double[] s : sums) {
                for (int k = 0; k < total.length; k++) {
                    total[k] += s[k];
                }
            }
            Metrics overall = metrics("overall", firstTrace[selected.length], total);
            List<Path> stacks = stacks(root.path("stack"), out, overwrite, workers, file);
            Result r = new Result(out, List.of(perGather), overall, stacks, (System.nanoTime() - started) / 1e9);
            writeReport(r, out.resolve("qc.json"));
            return r;
        }
    }

    private static String label(EnsemblePlan plan, int e) {
        long[] k = plan.key(e);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < k.length; i++) {
            sb.append(i == 0 ? "" : ",").append(plan.keyNames().get(i)).append('=').append(k[i]);
        }
        return sb.toString();
    }

    /// The ensembles chosen by `gathers` or `lines`, in plan order.
    static int[] select(JsonNode root, Dataset ds, EnsemblePlan plan, Path file) {
        int m = plan.ensembles();
        if (root.has("gathers")) {
            Map<List<Long>, Integer> byKey = new LinkedHashMap<>();
            for (int e = 0; e < m; e++) {
                List<Long> k = new ArrayList<>();
                for (long v : plan.key(e)) {
                    k.add(v);
                }
                byKey.put(k, e);
            }
            List<Integer> out = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (JsonNode g : root.get("gathers")) {
                List<Long> k = new ArrayList<>();
                if (g.isArray()) {
                    g.forEach(v -> k.add(v.asLong()));
                } else {
                    k.add(g.asLong());
                }
                Integer e = byKey.get(k);
                if (e == null) {
                    missing.add(k.size() == 1 ? k.getFirst().toString() : k.toString());
                } else {
                    out.add(e);
                }
            }
            if (!missing.isEmpty()) {
                throw new QcInputException(file + ": gathers " + missing + " do not exist for key " + plan.keyNames() + " (" + m
                        + " gathers, from " + label(plan, 0) + " to " + label(plan, m - 1) + ")");
            }
            return out.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
        }
        if (root.has("lines")) {
            TreeSet<Integer> lines = Lines.parse(root.get("lines").asText());
            int[] il = HeaderColumns.intColumn(ds, "iline");
            TreeSet<Integer> present = new TreeSet<>();
            List<Integer> out = new ArrayList<>();
            for (int e = 0; e < m; e++) {
                int line = il[(int) plan.trace(e, 0)];
                present.add(line);
                if (lines.contains(line)) {
                    out.add(e);
                }
            }
            TreeSet<Integer> missing = new TreeSet<>(lines);
            missing.removeAll(present);
            if (!missing.isEmpty()) {
                throw new QcInputException(file + ": inline(s) " + Lines.compact(missing) + " do not exist; the gathers' inlines are "
                        + Lines.compact(present));
            }
            return out.stream().mapToInt(Integer::intValue).toArray();
        }
        return java.util.stream.IntStream.range(0, m).toArray();
    }

    /// Σb², Σa², Σn², Σba, samples; then signal/noise-window energies and counts of b and a.
    static double[] sums(float[] b, float[] a, float[] nz, int n1, int n2, int[] signal, int[] noise) {
        double[] s = new double[12];
        for (int i2 = 0; i2 < n2; i2++) {
            int off = i2 * n1;
            s[0] += Attributes.energy(b, off, 0, n1);
            s[1] += Attributes.energy(a, off, 0, n1);
            s[2] += Attributes.energy(nz, off, 0, n1);
            s[3] += Attributes.dot(b, off, a, off, 0, n1);
            s[4] += n1;
            s[5] += Attributes.energy(b, off, signal[0], signal[1]);
            s[6] += Attributes.energy(b, off, noise[0], noise[1]);
            s[7] += Attributes.energy(a, off, signal[0], signal[1]);
            s[8] += Attributes.energy(a, off, noise[0], noise[1]);
            s[9] += signal[1] - signal[0];
            s[10] += noise[1] - noise[0];
        }
        return s;
    }

    static Metrics metrics(String label, long traces, double[] s) {
        double n = Math.max(1, s[4]);
        double sig = Math.max(1, s[9]);
        double noi = Math.max(1, s[10]);
        return new Metrics(label, traces, Math.sqrt(s[0] / n), Math.sqrt(s[1] / n), Math.sqrt(s[2] / n),
                Attributes.correlation(s[3], s[0], s[1]), Attributes.snrDb(Math.sqrt(s[5] / sig), Math.sqrt(s[6] / noi)),
                Attributes.snrDb(Math.sqrt(s[7] / sig), Math.sqrt(s[8] / noi)));
    }

    private static List<Path> stacks(JsonNode stack, Path out, boolean overwrite, int workers, Path file) {
        if (stack.isMissingNode() || stack.isNull()) {
            return List.of();
        }
        if (!stack.has("velocity")) {
            throw new Job.InvalidJobException(file, List.of("stack needs a 'velocity' (as for 'seisproc qc stack --velocity')"));
        }
        String bin = stack.path("bin").asText("cdp");
        QcStack.Options o = new QcStack.Options(stack.get("velocity").asText(), file.toAbsolutePath().getParent(), null,
                bin.replace(" ", "").equals("iline,xline"), "median".equals(stack.path("method").asText("mean")) ? QcStack.Method.MEDIAN
                : QcStack.Method.MEAN, stack.path("minFold").asInt(1), stack.path("stretchMute").asDouble(1.5),
                "sinc".equals(stack.path("interp").asText("linear")), workers, overwrite);
        List<Path> made = new ArrayList<>();
        for (String which : List.of("before", "after")) {
            try (Dataset d = Dataset.open(out.resolve(which))) {
                QcStack.run(d, out.resolve(which + "-stack"), out.resolve(which + "-stack.fold"), o, null);
            }
            made.add(out.resolve(which + "-stack"));
        }
        Path diff = out.resolve("difference-stack");
        try (Dataset b = Dataset.open(made.get(0)); Dataset a = Dataset.open(made.get(1));
             DatasetWriter w = DatasetWriter.create(b, diff, DatasetShape.of(b), "qc batch difference stack (before - after)", overwrite, false)) {
            if (a.traceCount() != b.traceCount()) {
                throw new IllegalArgumentException("the before and after stacks have " + b.traceCount() + " and " + a.traceCount()
                        + " bins: the chain changed the bin headers");
            }
            int n1 = b.samplesPerTrace();
            float[] x = new float[n1];
            float[] y = new float[n1];
            for (long t = 0; t < b.traceCount(); t++) {
                b.readTrace(t, x, 0);
                a.readTrace(t, y, 0);
                for (int i = 0; i < n1; i++) {
                    x[i] -= y[i];
                }
                w.writeTrace(t, x, 0);
                w.writeHeader(t, b.traceHeader(t), 0);
            }
            w.commit();
        }
        made.add(diff);
        return made;
    }

    private static void writeReport(Result r, Path file) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("overall", row(r.overall()));
        List<Object> g = new ArrayList<>();
        r.gathers().forEach(m -> g.add(row(m)));
        o.put("gathers", g);
        o.put("datasets", List.of("before", "after", "noise"));
        o.put("stacks", r.stacks().stream().map(p -> p.getFileName().toString()).toList());
        try {
            Files.writeString(file, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(o));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> row(Metrics m) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("gather", m.label());
        o.put("traces", m.traces());
        o.put("rmsBefore", m.rmsBefore());
        o.put("rmsAfter", m.rmsAfter());
        o.put("rmsNoise", m.rmsNoise());
        o.put("correlation", m.correlation());
        o.put("snrBeforeDb", finite(m.snrBeforeDb()));
        o.put("snrAfterDb", finite(m.snrAfterDb()));
        o.put("snrChangeDb", finite(m.snrChangeDb()));
        return o;
    }

    private static Object finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}

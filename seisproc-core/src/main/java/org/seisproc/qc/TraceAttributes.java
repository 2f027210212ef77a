package org.seisproc.qc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

import org.seisproc.dataset.Dataset;
import org.seisproc.dsp.Mute;
import org.seisproc.dsp.Sampling;
import org.seisproc.ensemble.EnsembleIndex;
import org.seisproc.ensemble.EnsembleKey;
import org.seisproc.ensemble.Gather;
import org.seisproc.ensemble.GatherReader;
import org.seisproc.ensemble.HeaderColumns;
import org.seisproc.headers.Column;
import org.seisproc.headers.HeaderTable;
import org.seisproc.io.parquet.ParquetIO;
import org.seisproc.io.parquet.WriteOptions;

/// `seisproc qc attributes`: every trace's attributes ([GatherAttributes]) over the gathers of
/// an ensemble key (neighbours = adjacent traces of a gather), computed by `workers` threads
/// that each take the next gather, read it from the mapped store and write their rows; then
/// per-ensemble aggregates and the bad-trace list.
///
/// Output (Parquet through the `io.parquet` layer, readable by Polars / DuckDB):
/// `OUT.parquet` one row per trace in trace order — `trace` (0-based), `ensemble`, the chosen
/// header columns, then the attribute columns of [AttributeTable#table]; `OUT.ensembles.parquet`
/// one row per ensemble; `OUT.bad.csv` the flagged traces with their reasons.
public final class TraceAttributes {
    /// Header columns put beside the attributes when the dataset has them.
    public static final List<String> DEFAULT_HEADERS = List.of("fldr", "tracf", "cdp", "offset", "sx", "sy", "gx", "gy", "iline", "xline",
            "scalco");

    /// The outcome: per-trace attributes, the ensemble each trace was in, the key, aggregates.
    public record Result(AttributeTable traces, int[] ensembleOfTrace, EnsembleKey key, HeaderTable ensembles, int[] signalWindow,
                         int[] noiseWindow, double seconds) {
        /// Number of flagged traces.
        public int bad() {
            int n = 0;
            for (int r = 0; r < traces.rows(); r++) {
                n += traces.flags(r) != 0 ? 1 : 0;
            }
            return n;
        }
    }

    private TraceAttributes() {
    }

    /// Computes the attributes of every trace of `ds` over the gathers of `key`.
    public static Result compute(Dataset ds, EnsembleKey key, AttributeOptions options, int workers, LongConsumer progress) {
        long started = System.nanoTime();
        int n = Math.toIntExact(ds.traceCount());
        Sampling time = new Sampling(ds.samplesPerTrace(), ds.manifest().sampleIntervalMicros() * 1e-6, 0);
        GatherAttributes probe = new GatherAttributes(time, options); // window errors before any work
        int[] offsets = options.mute() != null ? HeaderColumns.intColumn(ds, "offset") : null;
        AttributeTable out = new AttributeTable(n);
        int[] ensembleOf = new int[n];
        try (EnsembleIndex index = EnsembleIndex.open(ds, key)) {
            int ensembles = index.ensembleCount();
            Aggregates agg = new Aggregates(ensembles);
            ParallelItems.run(workers, ensembles, () -> {
                GatherAttributes ga = new GatherAttributes(time, options);
                GatherReader reader = new GatherReader(ds, index);
                Gather g = new Gather();
                int[][] rows = {new int[0]};
                return e -> {
                    reader.read(e, g);
                    int n2 = g.n2();
                    if (rows[0].length < n2) {
                        rows[0] = new int[n2];
                    }
                    int[] r = rows[0];
                    for (int i2 = 0; i2 < n2; i2++) {
                        r[i2] = (int) g.traces()[i2]; // a dataset's table rows: trace numbers below 2^31
                    }
                    if (offsets != null) {
                        for (int i2 = 0; i2 < n2; i2++) {
                            Mute.top(g.samples(), i2 * g.n1(), time, options.mute().at(Math.abs(offsets[r[i2]])), 0);
                        }
                    }
                    ga.compute(g.samples(), n2, r, out);
                    for (int i2 = 0; i2 < n2; i2++) {
                        ensembleOf[r[i2]] = e;
                    }
                    agg.add(e, r, n2, out);
                    return n2;
                };
            }, progress);
            HeaderTable ensembleTable = agg.table(index);
            return new Result(out, ensembleOf, key, ensembleTable, probe.signalWindow(), probe.noiseWindow(),
                    (System.nanoTime() - started) / 1e9);
        }
    }

    /// The trace table: `trace`, `ensemble`, the header columns of `headers` the dataset has,
    /// then the attributes.
    public static HeaderTable traceTable(Dataset ds, Result r, List<String> headers) {
        int n = r.traces().rows();
        Map<String, Column> c = new LinkedHashMap<>();
        int[] trace = new int[n];
        for (int i = 0; i < n; i++) {
            trace[i] = i;
        }
        c.put("trace", new Column.Ints(trace));
        c.put("ensemble", new Column.Ints(r.ensembleOfTrace()));
        List<String> valid = HeaderColumns.validNames(ds);
        boolean onlyPresent = headers.equals(DEFAULT_HEADERS); // the defaults are taken where present; named ones must exist
        for (String h : headers) {
            if (!onlyPresent || valid.stream().anyMatch(v -> v.equalsIgnoreCase(h))) {
                c.put(h, new Column.Ints(HeaderColumns.intColumn(ds, h)));
            }
        }
        c.putAll(r.traces().table().columns());
        return HeaderTable.of(c);
    }

    /// Writes `OUT.parquet`, `OUT.ensembles.parquet` and `OUT.bad.csv`; returns their paths.
    public static List<Path> write(Dataset ds, Result r, List<String> headers, Path out) {
        HeaderTable t = traceTable(ds, r, headers);
        ParquetIO.write(t, out, WriteOptions.defaults());
        Path ens = sibling(out, ".ensembles.parquet");
        ParquetIO.write(r.ensembles(), ens, WriteOptions.defaults());
        Path bad = sibling(out, ".bad.csv");
        writeBadList(r, t, bad);
        return List.of(out, ens, bad);
    }

    /// `name.parquet` → `name` + suffix, beside it.
    public static Path sibling(Path out, String suffix) {
        String name = out.getFileName().toString();
        String stem = name.endsWith(".parquet") ? name.substring(0, name.length() - 8) : name;
        return out.resolveSibling(stem + suffix);
    }

    private static void writeBadList(Result r, HeaderTable t, Path file) {
        StringBuilder sb = new StringBuilder("trace,ensemble," + String.join(",", r.key().fields()) + ",flags,reasons\n");
        int[][] keyCols = new int[r.key().fields().size()][];
        for (int k = 0; k < keyCols.length; k++) {
            String f = r.key().fields().get(k);
            keyCols[k] = t.has(f) ? t.ints(f) : null;
        }
        for (int row = 0; row < r.traces().rows(); row++) {
            int f = r.traces().flags(row);
            if (f == 0) {
                continue;
            }
            sb.append(row).append(',').append(r.ensembleOfTrace()[row]);
            for (int[] k : keyCols) {
                sb.append(',').append(k == null ? "" : Integer.toString(k[row]));
            }
            sb.append(',').append(f).append(',').append(Flags.describe(f)).append('\n');
        }
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, sb);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /// Per-ensemble sums, filled by the workers (each ensemble by one worker only).
    static final class Aggregates {
        final int[] traces;
        final int[] dead;
        final int[] bad;
        final float[] rmsMean;
        final float[] rmsMedian;
        final float[] maxAbs;
        final float[] dominantMean;
        final float[] snrMean;
        final float[] corrMean;

        Aggregates(int n) {
            traces = new int[n];
            dead = new int[n];
            bad = new int[n];
            rmsMean = new float[n];
            rmsMedian = new float[n];
            maxAbs = new float[n];
            dominantMean = new float[n];
            snrMean = new float[n];
            corrMean = new float[n];
        }

        void add(int e, int[] rows, int n2, AttributeTable t) {
            double rms = 0;
            double dom = 0;
            double snr = 0;
            double corr = 0;
            int live = 0;
            int snrCount = 0;
            int corrCount = 0;
            float peak = 0;
            float[] liveRms = new float[n2];
            for (int i = 0; i < n2; i++) {
                int r = rows[i];
                dead[e] += t.dead(r) ? 1 : 0;
                bad[e] += t.flags(r) != 0 ? 1 : 0;
                peak = Math.max(peak, t.maxAbs(r));
                if (!t.dead(r)) {
                    liveRms[live] = t.rms(r);
                    rms += t.rms(r);
                    dom += t.dominantHz(r);
                    live++;
                    if (Float.isFinite(t.snrDb(r))) {
                        snr += t.snrDb(r);
                        snrCount++;
                    }
                    if (!Float.isNaN(t.correlation(r))) {
                        corr += t.correlation(r);
                        corrCount++;
                    }
                }
            }
            traces[e] = n2;
            maxAbs[e] = peak;
            rmsMean[e] = live > 0 ? (float) (rms / live) : 0;
            dominantMean[e] = live > 0 ? (float) (dom / live) : Float.NaN;
            snrMean[e] = snrCount > 0 ? (float) (snr / snrCount) : Float.NaN;
            corrMean[e] = corrCount > 0 ? (float) (corr / corrCount) : Float.NaN;
            java.util.Arrays.sort(liveRms, 0, live);
            rmsMedian[e] = live == 0 ? 0 : live % 2 == 1 ? liveRms[live / 2] : (liveRms[live / 2 - 1] + liveRms[live / 2]) / 2;
        }

        HeaderTable table(EnsembleIndex index) {
            int n = traces.length;
            Map<String, Column> c = new LinkedHashMap<>();
            int[] ens = new int[n];
            for (int e = 0; e < n; e++) {
                ens[e] = e;
            }
            c.put("ensemble", new Column.Ints(ens));
            for (int k = 0; k < index.key().size(); k++) {
                int[] v = new int[n];
                for (int e = 0; e < n; e++) {
                    v[e] = index.keyValue(e, k);
                }
                c.put(index.key().fields().get(k), new Column.Ints(v));
            }
            c.put("traces", new Column.Ints(traces));
            c.put("dead", new Column.Ints(dead));
            c.put("bad", new Column.Ints(bad));
            c.put("rms_mean", new Column.Floats(rmsMean));
            c.put("rms_median", new Column.Floats(rmsMedian));
            c.put("max_abs", new Column.Floats(maxAbs));
            c.put("dominant_hz_mean", new Column.Floats(dominantMean));
            c.put("snr_db_mean", new Column.Floats(snrMean));
            c.put("neighbour_corr_mean", new Column.Floats(corrMean));
            return HeaderTable.of(c);
        }
    }
}

package org.seisproc.bench;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.seisproc.dataset.Dataset;
import org.seisproc.ensemble.EnsembleIndex;
import org.seisproc.ensemble.EnsembleKey;
import org.seisproc.ensemble.Gather;
import org.seisproc.ensemble.GatherReader;
import org.seisproc.ensemble.Gathers;
import org.seisproc.ensemble.TraceSorter;
import org.seisproc.segy.Layouts;
import org.seisproc.segy.SampleFormat;
import org.seisproc.segy.TraceField;
import org.seisproc.synth.SurveyGeometry;
import org.seisproc.synth.SyntheticSurvey;

/// The Java side of `bench/ensembles/run.sh` (not JMH: whole-operation timings, compared with
/// Polars in the same run by the script).
///
/// - `keys DIR N`: writes `cdp.i32`, `offset.i32` (raw LE) of the first N traces of a
///   shot-ordered synthetic survey (960 channels, 4 receiver lines).
/// - `index DIR RUNS`: loads the columns, builds the cdp-by-offset index RUNS times in one JVM.
/// - `gathers DATASET`: gather fetch latency (sequential, random; reader, cache hits, prefetch).
/// - `sort DATASET OUT`: the physical sort by cdp,offset, MB/s.
public final class EnsembleBench {
    private EnsembleBench() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "keys" -> keys(Path.of(args[1]), Integer.parseInt(args[2]));
            case "index" -> index(Path.of(args[1]), Integer.parseInt(args[2]));
            case "gathers" -> gathers(Path.of(args[1]));
            case "sort" -> sort(Path.of(args[1]), Path.of(args[2]));
            default -> throw new IllegalArgumentException("modes: keys, index, gathers, sort");
        }
    }

    static void keys(Path dir, int n) throws Exception {
        Files.createDirectories(dir);
        int channels = 960;
        SyntheticSurvey s = new SyntheticSurvey(SurveyGeometry.of((n + channels - 1) / channels, channels), 1, 4000,
                SampleFormat.IEEE_FLOAT32, 1);
        int[] cdp = new int[n];
        int[] offset = new int[n];
        IntStream.range(0, 64).parallel().forEach(part -> {
            MemorySegment h = MemorySegment.ofArray(new byte[240]);
            for (int t = (int) ((long) n * part / 64); t < (int) ((long) n * (part + 1) / 64); t++) {
                s.header(t, h, ByteOrder.BIG_ENDIAN);
                cdp[t] = (int) TraceField.ENSEMBLE_NUMBER.field().readLong(h, 0, ByteOrder.BIG_ENDIAN);
                offset[t] = (int) TraceField.OFFSET.field().readLong(h, 0, ByteOrder.BIG_ENDIAN);
            }
        });
        write(dir.resolve("cdp.i32"), cdp);
        write(dir.resolve("offset.i32"), offset);
        System.out.printf("keys: %,d rows, %,d distinct cdp%n", n, Arrays.stream(cdp).distinct().count());
    }

    static void write(Path file, int[] values) throws Exception {
        try (Arena a = Arena.ofConfined(); FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            MemorySegment m = ch.map(FileChannel.MapMode.READ_WRITE, 0, 4L * values.length, a);
            MemorySegment.copy(values, 0, m, Layouts.INT_LE, 0, values.length);
        }
    }

    static int[] read(Path file) throws Exception {
        try (Arena a = Arena.ofConfined(); FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            MemorySegment m = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size(), a);
            int[] out = new int[(int) (ch.size() / 4)];
            MemorySegment.copy(m, Layouts.INT_LE, 0, out, 0, out.length);
            return out;
        }
    }

    static void index(Path dir, int runs) throws Exception {
        long t0 = System.nanoTime();
        int[] cdp = read(dir.resolve("cdp.i32"));
        int[] offset = read(dir.resolve("offset.i32"));
        double load = (System.nanoTime() - t0) / 1e9;
        EnsembleKey key = EnsembleKey.parse("cdp", "offset");
        for (int r = 0; r < runs; r++) {
            long t = System.nanoTime();
            EnsembleIndex idx = EnsembleIndex.build(key, new int[][] {cdp}, offset);
            double s = (System.nanoTime() - t) / 1e9;
            System.out.printf("java-index run=%d load=%.3f build=%.3f ensembles=%d foldMax=%d%n", r, load, s, idx.ensembleCount(),
                    idx.foldStats().max());
        }
    }

    static void gathers(Path dataset) {
        try (Dataset ds = Dataset.open(dataset); EnsembleIndex idx = EnsembleIndex.open(ds, EnsembleKey.parse("cdp", "offset"))) {
            int ne = idx.ensembleCount();
            System.out.printf("dataset %s: %,d traces x %d samples, %,d MB; %,d cdp gathers, fold mean %.1f max %d%n", dataset,
                    ds.traceCount(), ds.samplesPerTrace(), ds.samples().byteSize() / 1_000_000, ne, idx.foldStats().mean(),
                    idx.foldStats().max());
            GatherReader reader = new GatherReader(ds, idx);
            // warm-up (JIT), also touches the store
            for (int e = 0; e < ne; e++) {
                reader.read(e);
            }
            double[] seq = new double[ne];
            for (int e = 0; e < ne; e++) {
                long t = System.nanoTime();
                reader.read(e);
                seq[e] = (System.nanoTime() - t) / 1e3;
            }
            report("reader sequential (store in page cache, not in LRU)", seq);
            SplittableRandom rnd = new SplittableRandom(1);
            double[] ran = new double[Math.min(5000, ne)];
            for (int i = 0; i < ran.length; i++) {
                int e = rnd.nextInt(ne);
                long t = System.nanoTime();
                reader.read(e);
                ran[i] = (System.nanoTime() - t) / 1e3;
            }
            report("reader random (store in page cache, not in LRU)", ran);
            try (Gathers g = new Gathers(ds, idx, 256L << 20, 0, 1)) {
                double[] miss = new double[ran.length];
                for (int i = 0; i < miss.length; i++) {
                    int e = rnd.nextInt(ne);
                    g.clearCache();
                    long t = System.nanoTime();
                    g.gather(e);
                    miss[i] = (System.nanoTime() - t) / 1e3;
                }
                report("Gathers random, LRU miss (new gather allocated)", miss);
                double[] hit = new double[ran.length];
                int hot = Math.min(ne, 200);
                for (int e = 0; e < hot; e++) {
                    g.gather(e);
                }
                for (int i = 0; i < hit.length; i++) {
                    int e = rnd.nextInt(hot);
                    long t = System.nanoTime();
                    g.gather(e);
                    hit[i] = (System.nanoTime() - t) / 1e3;
                }
                report("Gathers random, LRU hit", hit);
            }
            try (Gathers g = new Gathers(ds, idx, 256L << 20, 2, 1)) {
                double[] pre = new double[ne];
                for (int e = 0; e < ne; e++) {
                    long t = System.nanoTime();
                    Gather x = g.gather(e);
                    pre[e] = (System.nanoTime() - t) / 1e3;
                    busy(x); // the user looks at the gather: ~0.5 ms of work
                }
                report("Gathers sequential with prefetch 2 (0.5 ms work per gather)", pre);
                System.out.println("  " + g.stats());
            }
        }
    }

    private static void busy(Gather g) {
        long end = System.nanoTime() + 500_000;
        double s = 0;
        while (System.nanoTime() < end) {
            s += g.samples()[0];
        }
        if (s == 42) {
            System.out.print("");
        }
    }

    private static void report(String what, double[] micros) {
        double[] s = micros.clone();
        Arrays.sort(s);
        System.out.printf("gather %-62s n=%5d  p50 %8.1f us  mean %8.1f us  p99 %8.1f us%n", what, s.length, s[s.length / 2],
                Arrays.stream(s).average().orElse(0), s[(int) (s.length * 0.99)]);
    }

    static void sort(Path dataset, Path out) {
        try (Dataset ds = Dataset.open(dataset)) {
            TraceSorter.Report r = TraceSorter.sort(ds, out, "cdp,offset", new TraceSorter.Options(1L << 30, 2, true, null));
            System.out.printf("sort: %,d traces, %,.0f MB in %.2f s = %,.0f MB/s (index %.2f s, blocks of %,d traces; incl. output checksums + fsync)%n",
                    r.traces(), r.bytes() / 1e6, r.seconds(), r.megabytesPerSecond(), r.indexSeconds(), r.blockTraces());
        }
    }
}

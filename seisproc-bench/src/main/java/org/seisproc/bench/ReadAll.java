package org.seisproc.bench;

import java.nio.file.Path;

import org.seisproc.segy.SegyFile;

/// Reads every trace of a SEG-Y/SU file, decoded to float32, and sums all samples (so nothing
/// can be optimised away): the end-to-end read path of [SegyFile] on one thread.
///
/// Prints one line of `key=value` pairs: `seconds` is the in-process time from before
/// `SegyFile.open` to after the last trace (JVM start-up excluded; measure that outside),
/// `mbps` the file's bytes per second over it (10^6 bytes/s).
///
/// With `--into-array` every sample goes into one `float[traces × samples]` first (as segyio's
/// `f.trace.raw[:]` fills one numpy array), which pays for touching that much fresh memory.
///
/// Usage: `ReadAll [--into-array] FILE`
public final class ReadAll {
    private ReadAll() {
    }

    public static void main(String[] args) {
        boolean intoArray = args.length == 2 && args[0].equals("--into-array");
        if (args.length != 1 && !intoArray) {
            System.err.println("usage: ReadAll [--into-array] FILE");
            System.exit(2);
        }
        long start = System.nanoTime();
        double sum = 0;
        long traces;
        long bytes;
        try (SegyFile f = SegyFile.open(Path.of(args[args.length - 1]))) {
            traces = f.traceCount();
            bytes = f.info().fileBytes();
            if (intoArray) {
                float[] all = new float[Math.multiplyExact(Math.toIntExact(traces), f.samplesPerTrace())];
                f.readTraces(0, (int) traces, all);
                sum = sum(all, 0, all.length);
            }
            float[] trace = new float[f.samplesPerTrace()];
            for (long t = 0; t < (intoArray ? 0 : traces); t++) {
                f.readTrace(t, trace);
                sum += sum(trace, 0, trace.length);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf((intoArray ? "into-array " : "") + "traces=%d bytes=%d seconds=%.4f mbps=%.1f sum=%.6e%n", traces, bytes, seconds, bytes / seconds / 1e6, sum);
    }

    /// Four independent accumulators, so the sum is not bound by the add latency.
    private static double sum(float[] a, int from, int to) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = from;
        for (; i + 3 < to; i += 4) {
            s0 += a[i];
            s1 += a[i + 1];
            s2 += a[i + 2];
            s3 += a[i + 3];
        }
        for (; i < to; i++) {
            s0 += a[i];
        }
        return (s0 + s1) + (s2 + s3);
    }
}

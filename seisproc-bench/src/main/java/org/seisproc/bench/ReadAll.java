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
/// Usage: `ReadAll FILE`
public final class ReadAll {
    private ReadAll() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: ReadAll FILE");
            System.exit(2);
        }
        long start = System.nanoTime();
        double sum = 0;
        long traces;
        long bytes;
        try (SegyFile f = SegyFile.open(Path.of(args[0]))) {
            traces = f.traceCount();
            bytes = f.info().fileBytes();
            float[] trace = new float[f.samplesPerTrace()];
            for (long t = 0; t < traces; t++) {
                f.readTrace(t, trace);
                // four independent accumulators, so the sum is not bound by the add latency
                double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                int i = 0;
                for (; i + 3 < trace.length; i += 4) {
                    s0 += trace[i];
                    s1 += trace[i + 1];
                    s2 += trace[i + 2];
                    s3 += trace[i + 3];
                }
                for (; i < trace.length; i++) {
                    s0 += trace[i];
                }
                sum += (s0 + s1) + (s2 + s3);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("traces=%d bytes=%d seconds=%.4f mbps=%.1f sum=%.6e%n", traces, bytes, seconds, bytes / seconds / 1e6, sum);
    }
}

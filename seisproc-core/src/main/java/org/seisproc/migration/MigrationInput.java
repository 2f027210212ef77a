package org.seisproc.migration;

/// The input of a migration, whatever holds it: trace count, time axis, source and receiver map
/// coordinates (m, scalars applied) per trace, and a reader of samples. [SurveyScan] builds one
/// over a dataset; tests and benchmarks build one over arrays.
///
/// @param samples               samples per input trace
/// @param sampleIntervalSeconds input sample interval (s)
/// @param firstTimeSeconds      time of the first input sample (s)
/// @param sourceX               source x per trace (m); likewise `sourceY`, `groupX`, `groupY`
/// @param reader                reads a trace's samples (thread-safe)
public record MigrationInput(int samples, double sampleIntervalSeconds, double firstTimeSeconds, double[] sourceX, double[] sourceY,
                             double[] groupX, double[] groupY, TraceReader reader) {
    /// Reads trace `trace`'s samples into `out[0..samples)`; called from many threads.
    @FunctionalInterface
    public interface TraceReader {
        void read(int trace, float[] out);
    }

    public MigrationInput {
        int n = sourceX.length;
        if (sourceY.length != n || groupX.length != n || groupY.length != n) {
            throw new IllegalArgumentException("coordinate arrays differ in length");
        }
        if (samples < 1 || !(sampleIntervalSeconds > 0)) {
            throw new IllegalArgumentException("input needs samples >= 1 and a positive sample interval");
        }
    }

    /// Number of input traces.
    public int traces() {
        return sourceX.length;
    }

    /// An input over in-memory traces (`traces[t]` has `samples` values).
    public static MigrationInput ofArrays(float[][] traces, double sampleIntervalSeconds, double[] sx, double[] sy, double[] gx,
                                          double[] gy) {
        int ns = traces.length == 0 ? 1 : traces[0].length;
        return new MigrationInput(ns, sampleIntervalSeconds, 0, sx, sy, gx, gy, (t, out) -> System.arraycopy(traces[t], 0, out, 0, ns));
    }
}

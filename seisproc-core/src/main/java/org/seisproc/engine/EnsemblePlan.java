package org.seisproc.engine;

/// The ensembles a job walks through: for each, its key values and the dataset trace numbers
/// of its traces in gather order (a slice of a sort permutation, so unsorted input needs no
/// physical sort). Implemented over the ensemble index; immutable and shared by all workers.
public interface EnsemblePlan {
    /// Number of ensembles.
    int ensembles();

    /// Key values of ensemble `e`.
    long[] key(int e);

    /// Key values of ensemble `e` into `into` (as many as there are key fields).
    default void key(int e, long[] into) {
        long[] k = key(e);
        System.arraycopy(k, 0, into, 0, into.length);
    }

    /// Number of traces of ensemble `e`.
    int traceCount(int e);

    /// Trace number of the `i`-th trace of ensemble `e`.
    long trace(int e, int i);

    /// Total number of traces over all ensembles (the sum of [#traceCount]; implementations
    /// that know it answer without the walk).
    default long traceTotal() {
        long n = 0;
        for (int e = 0; e < ensembles(); e++) {
            n += traceCount(e);
        }
        return n;
    }

    /// Names of the key fields.
    java.util.List<String> keyNames();
}

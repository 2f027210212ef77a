package org.seisproc.ensemble;

/// The traces of one ensemble: samples in `float[]` with `n1 = ns` (time, fastest) and
/// `n2` traces, `samples[i2 × n1 + i1]`; the trace numbers and the ensemble's key values.
///
/// A [GatherReader] refills one `Gather` again and again (the arrays may be longer than needed:
/// use `n1`, `n2`); a gather handed out by [Gathers] is shared through its cache and must not be
/// modified.
public final class Gather {
    private int ensemble = -1;
    private int n1;
    private int n2;
    private float[] samples = new float[0];
    private int[] traces = new int[0];
    private int[] keyValues = new int[0];

    /// Index of the ensemble in its [EnsembleIndex].
    public int ensemble() {
        return ensemble;
    }

    /// Samples per trace.
    public int n1() {
        return n1;
    }

    /// Traces in the gather.
    public int n2() {
        return n2;
    }

    /// The samples, `samples()[i2 * n1() + i1]`; only the first `n1 × n2` are valid.
    public float[] samples() {
        return samples;
    }

    /// Trace numbers (dataset order) of the gather's traces; only the first `n2` are valid.
    public int[] traces() {
        return traces;
    }

    /// The ensemble's key values.
    public int[] keyValues() {
        return keyValues;
    }

    /// Sample `i1` of trace `i2`.
    public float sample(int i1, int i2) {
        return samples[i2 * n1 + i1];
    }

    /// Bytes held by the arrays (capacity).
    public long bytes() {
        return 4L * samples.length + 4L * traces.length + 4L * keyValues.length + 32;
    }

    /// Sizes the gather for `n2` traces of `n1` samples, growing the arrays only when needed.
    void reset(int ensemble, int n1, int n2, int keyCount) {
        this.ensemble = ensemble;
        this.n1 = n1;
        this.n2 = n2;
        long need = (long) n1 * n2;
        if (need > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("ensemble " + ensemble + " has " + n2 + " traces of " + n1
                    + " samples, more than a float[] holds");
        }
        if (samples.length < need) {
            samples = new float[(int) need];
        }
        if (traces.length < n2) {
            traces = new int[n2];
        }
        if (keyValues.length != keyCount) {
            keyValues = new int[keyCount];
        }
    }
}

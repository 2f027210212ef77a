package org.seisproc.dsp;

/// Automatic gain control: each sample divided by the rms amplitude of a centred window.
///
/// `y[i] = x[i] / sqrt(mean(x[j]², |j − i| ≤ h))`, with `h = round(window / 2 / dt)` samples
/// and the window cut at the trace ends (the mean is over the samples inside). Where the window
/// is all zero the output is zero. Running sums make it O(n) per trace. (Yilmaz, Seismic Data
/// Analysis, 2001, §1.4.)
public final class Agc {
    /// The gain pass runs vectorised ([VectorAgc]) when the JVM has the `jdk.incubator.vector`
    /// module (decided without loading a Vector API class), unless `-Dseisproc.agc.scalar=true`.
    private static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !Boolean.getBoolean("seisproc.agc.scalar");

    private Agc() {
    }

    /// Applies AGC in place to `n1` samples of `x` from `offset`, half-window `half` samples;
    /// `work` needs n1 + 1 doubles (no allocation per call).
    public static void apply(float[] x, int offset, int n1, int half, double[] work) {
        if (half < 0) {
            throw new IllegalArgumentException("half window must be >= 0");
        }
        double[] cum = work;
        cum[0] = 0;
        for (int i1 = 0; i1 < n1; i1++) {
            double v = x[offset + i1];
            cum[i1 + 1] = cum[i1] + v * v;
        }
        // the samples whose window lies whole inside the trace, vectorised when the JVM can
        int from = Math.min(half, n1);
        int to = Math.max(from, n1 - half);
        int done = VECTOR && to > from ? VectorAgc.interior(x, offset, cum, half, from, to) : from;
        gain(x, offset, n1, half, cum, 0, from);
        gain(x, offset, n1, half, cum, done, n1);
    }

    /// The gain pass over samples `from ≤ i < to`, one at a time, in double.
    static void gain(float[] x, int offset, int n1, int half, double[] cum, int from, int to) {
        for (int i1 = from; i1 < to; i1++) {
            int lo = Math.max(0, i1 - half);
            int hi = Math.min(n1 - 1, i1 + half);
            double sum = cum[hi + 1] - cum[lo];   // x / sqrt(sum / n) with one division, not two
            x[offset + i1] = sum > 0 ? (float) (x[offset + i1] * Math.sqrt((hi - lo + 1) / sum)) : 0f;
        }
    }
}

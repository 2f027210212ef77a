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
        squareSums(x, offset, n1, cum);
        // the samples whose window lies whole inside the trace, vectorised when the JVM can
        int from = Math.min(half, n1);
        int to = Math.max(from, n1 - half);
        int done = VECTOR && to > from ? VectorAgc.interior(x, offset, cum, half, from, to) : from;
        gain(x, offset, n1, half, cum, 0, from);
        gain(x, offset, n1, half, cum, done, n1);
    }

    /// `cum[i] = x[0]² + … + x[i−1]²` for `0 ≤ i ≤ n1`, in double. A running sum is one chain of
    /// dependent additions (4 cycles each); four quarters of the trace are summed side by side
    /// instead, then each quarter's sums are shifted by the total of the quarters before it.
    static void squareSums(float[] x, int offset, int n1, double[] cum) {
        cum[0] = 0;
        int q = n1 / 4;
        if (q < 8) {
            for (int i = 0; i < n1; i++) {
                double v = x[offset + i];
                cum[i + 1] = cum[i] + v * v;
            }
            return;
        }
        int q2 = 2 * q;
        int q3 = 3 * q;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        for (int i = 0; i < q; i++) {
            double a = x[offset + i];
            double b = x[offset + q + i];
            double c = x[offset + q2 + i];
            double d = x[offset + q3 + i];
            s0 += a * a;
            s1 += b * b;
            s2 += c * c;
            s3 += d * d;
            cum[i + 1] = s0;
            cum[q + i + 1] = s1;
            cum[q2 + i + 1] = s2;
            cum[q3 + i + 1] = s3;
        }
        for (int i = 4 * q; i < n1; i++) { // the last quarter's extra samples
            double d = x[offset + i];
            s3 += d * d;
            cum[i + 1] = s3;
        }
        double base1 = s0;
        double base2 = base1 + s1;
        double base3 = base2 + s2;
        for (int i = q + 1; i <= q2; i++) {
            cum[i] += base1;
        }
        for (int i = q2 + 1; i <= q3; i++) {
            cum[i] += base2;
        }
        for (int i = q3 + 1; i <= n1; i++) {
            cum[i] += base3;
        }
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

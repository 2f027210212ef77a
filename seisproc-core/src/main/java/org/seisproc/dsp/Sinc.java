package org.seisproc.dsp;

/// Band-limited interpolation between samples: an 8-point sinc, sin(πu)/(πu), tapered by a
/// Kaiser-like cosine window w(u) = ½(1 + cos(πu/4)), |u| < 4, over the 8 nearest samples;
/// exact at sample positions; samples beyond the trace count as 0. After the windowed-sinc
/// interpolators of Mines JTK's `SincInterpolator` (which designs its windows by error bounds;
/// this fixed window keeps the kernel short).
public final class Sinc {
    /// Samples used on each side.
    public static final int HALF = 4;

    private Sinc() {
    }

    /// The value of `x[offset .. offset+n1)` at fractional sample `s` (0 outside [0, n1−1]).
    public static float interpolate(float[] x, int offset, int n1, double s) {
        if (!(s >= 0) || s > n1 - 1) {
            return 0f;
        }
        int i = (int) Math.floor(s);
        double f = s - i;
        if (f == 0) {
            return x[offset + i];
        }
        double sum = 0;
        for (int k = i - HALF + 1; k <= i + HALF; k++) {
            if (k < 0 || k >= n1) {
                continue;
            }
            double u = s - k;
            double pu = Math.PI * u;
            double w = 0.5 * (1 + Math.cos(Math.PI * u / HALF));
            sum += x[offset + k] * (Math.sin(pu) / pu) * w;
        }
        return (float) sum;
    }
}

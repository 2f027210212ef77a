package org.seisproc.dsp;

/// Normal-moveout correction and its inverse, for one trace at source–receiver offset x.
///
/// NMO maps the sample at t(t0) = √(t0² + x²/v(t0)²) to zero-offset time t0 (Dix 1955,
/// "Seismic velocities from surface measurements", Geophysics 20, 68–86), v the rms velocity
/// at t0; values between samples by linear interpolation. Stretch mute: output samples whose
/// relative stretch (t − t0)/t0 exceeds `maxStretch` are zeroed (t0 = 0 with x ≠ 0 counts as
/// infinite stretch). Inverse NMO maps back: for each time t it finds t0 with t(t0) = t by
/// inverting the (increasing) moveout table and interpolates the corrected trace there.
public final class Nmo {
    private Nmo() {
    }

    /// NMO-corrects `in[inOffset..]` into `out[outOffset..]` (n1 = time.count() samples each).
    public static void forward(float[] in, int inOffset, float[] out, int outOffset, Sampling time, double offsetMeters,
                               float[] vrms, double maxStretch) {
        forward(in, inOffset, out, outOffset, time, offsetMeters, vrms, maxStretch, false);
    }

    /// As [#forward(float[], int, float[], int, Sampling, double, float[], double)], with values
    /// between samples by 8-point windowed sinc ([Sinc]) when `sinc`, else linear.
    public static void forward(float[] in, int inOffset, float[] out, int outOffset, Sampling time, double offsetMeters,
                               float[] vrms, double maxStretch, boolean sinc) {
        int n1 = time.count();
        double dt = time.interval();
        double x2 = offsetMeters * offsetMeters;
        for (int i1 = 0; i1 < n1; i1++) {
            double t0 = time.value(i1);
            double v = vrms[i1];
            double tx = Math.sqrt(t0 * t0 + x2 / (v * v));
            double stretch = t0 > 0 ? (tx - t0) / t0 : (x2 > 0 ? Double.POSITIVE_INFINITY : 0);
            double at = (tx - time.first()) / dt;
            out[outOffset + i1] = stretch > maxStretch ? 0f : sinc ? Sinc.interpolate(in, inOffset, n1, at)
                    : interpolate(in, inOffset, n1, at);
        }
    }

    /// Removes NMO: `in` is an NMO-corrected trace, `out` gets the trace at recorded times.
    public static void inverse(float[] in, int inOffset, float[] out, int outOffset, Sampling time, double offsetMeters,
                               float[] vrms) {
        int n1 = time.count();
        double dt = time.interval();
        double x2 = offsetMeters * offsetMeters;
        // tx[i] = moveout time of zero-offset sample i; increasing for realistic velocities.
        int i0 = 0;
        double prevTx = Double.NEGATIVE_INFINITY;
        double prevT0 = 0;
        double nextTx = 0;
        for (int j = 0; j < n1; j++) {
            double t = time.value(j);
            float value = 0f;
            // advance until tx(i0) >= t
            while (i0 < n1) {
                double t0 = time.value(i0);
                double v = vrms[i0];
                nextTx = Math.sqrt(t0 * t0 + x2 / (v * v));
                if (nextTx >= t) {
                    break;
                }
                prevTx = nextTx;
                prevT0 = t0;
                i0++;
            }
            if (i0 < n1 && prevTx > Double.NEGATIVE_INFINITY) {
                double t0 = prevT0 + (time.value(i0) - prevT0) * (t - prevTx) / (nextTx - prevTx);
                value = interpolate(in, inOffset, n1, (t0 - time.first()) / dt);
            } else if (i0 < n1 && nextTx == t) {
                value = in[inOffset + i0];
            }
            out[outOffset + j] = value;
        }
    }

    /// Linear interpolation of `x` at fractional sample `s` (0 outside the trace).
    static float interpolate(float[] x, int offset, int n1, double s) {
        if (!(s >= 0) || s > n1 - 1) {
            return 0f;
        }
        int i = (int) s;
        if (i >= n1 - 1) {
            return x[offset + n1 - 1];
        }
        double w = s - i;
        return (float) ((1 - w) * x[offset + i] + w * x[offset + i + 1]);
    }
}

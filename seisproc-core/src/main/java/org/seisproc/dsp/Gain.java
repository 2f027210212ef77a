package org.seisproc.dsp;

/// Amplitude gains on traces stored as `x[i2][i1]` or one trace `x[i1]` (i1 = time sample).
///
/// - scalar: `y = a·x`;
/// - t-power: `y(t) = x(t)·t^p` (t in seconds from the first sample's time; SU `sugain tpow=`);
/// - spherical divergence: `y(t) = x(t)·t·v(t)²/v(t_ref)²` with v the rms velocity — the
///   geometric-spreading correction of Newman (1973), "Divergence effects in a layered earth",
///   Geophysics 38, 481–488, normalised to 1 at `t_ref` = 1 s for a constant velocity;
/// - trace balance: `y = x / rms(x)` (or `/ max|x|`), so every trace has unit rms (or peak).
public final class Gain {
    private Gain() {
    }

    /// `x[i1] *= a` for i1 in [0, n1).
    public static void scale(float[] x, int offset, int n1, float a) {
        for (int i1 = 0; i1 < n1; i1++) {
            x[offset + i1] *= a;
        }
    }

    /// `x[i1] *= t(i1)^p`, t(i1) = first + i1·interval in seconds; samples at t ≤ 0 become 0
    /// (unless p = 0, which changes nothing).
    public static void tpow(float[] x, int offset, Sampling time, double p) {
        if (p == 0) {
            return;
        }
        for (int i1 = 0; i1 < time.count(); i1++) {
            double t = time.value(i1);
            x[offset + i1] = t > 0 ? (float) (x[offset + i1] * Math.pow(t, p)) : 0f;
        }
    }

    /// Spherical divergence correction with rms velocity `vrms[i1]` (m/s) at each sample:
    /// `x *= t·v(t)² / v(1 s)²`, where v(1 s) is `vrms` at t = 1 s (nearest sample, clamped).
    public static void sphericalDivergence(float[] x, int offset, Sampling time, float[] vrms) {
        double vref = vrms[time.index(1.0)];
        double norm = 1.0 / (vref * vref);
        for (int i1 = 0; i1 < time.count(); i1++) {
            double t = Math.max(0, time.value(i1));
            double v = vrms[i1];
            x[offset + i1] = (float) (x[offset + i1] * t * v * v * norm);
        }
    }

    /// Divides the trace by its rms amplitude (`peak` false) or its largest |value| (`peak` true);
    /// a dead (all-zero) trace stays zero.
    public static void balance(float[] x, int offset, int n1, boolean peak) {
        double s = 0;
        for (int i1 = 0; i1 < n1; i1++) {
            double v = x[offset + i1];
            s = peak ? Math.max(s, Math.abs(v)) : s + v * v;
        }
        double norm = peak ? s : Math.sqrt(s / Math.max(1, n1));
        if (norm > 0) {
            scale(x, offset, n1, (float) (1.0 / norm));
        }
    }
}

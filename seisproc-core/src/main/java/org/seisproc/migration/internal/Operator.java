package org.seisproc.migration.internal;

import org.seisproc.dsp.Sampling;

/// What the kernel needs of one output trace's time axis, precomputed once per velocity function
/// (per output trace, or once for a laterally invariant velocity). Arrays are padded with
/// harmless values to a multiple of `lanes` so that the vector loop needs no tail:
///
/// - `a[k]` = (T/2)², `h[k]` = T/2 (s), `q[k]` = 1/v² (s²/m²);
/// - `r[k]` = v·T/2·tan θmax (m), the aperture angle's radius at T, made non-decreasing;
/// - `iw[k]` = 1/(f·r[k]) (1/m), the slope of the angle taper (f the taper fraction).
///
/// Padding samples have q = 0 and a huge `a`, so their traveltime falls past any trace's end
/// and they add zeros into the padded image samples, which are never written out.
public final class Operator {
    public final int nk;
    public final int nkPad;
    public final float[] a;
    public final float[] h;
    public final float[] q;
    public final float[] r;
    public final float[] iw;
    private final float taperFraction;

    /// For output times `time`, velocities `v` (m/s, one per output sample), the angle limit and
    /// taper fraction, padded to a multiple of `lanes`.
    public Operator(Sampling time, float[] v, double maxAngleDegrees, double taperFraction, int lanes) {
        nk = time.count();
        nkPad = (nk + lanes - 1) / lanes * lanes;
        a = new float[nkPad];
        h = new float[nkPad];
        q = new float[nkPad];
        r = new float[nkPad];
        iw = new float[nkPad];
        this.taperFraction = (float) taperFraction;
        double tan = Math.tan(Math.toRadians(maxAngleDegrees));
        double f = Math.max(taperFraction, 1e-6);
        float running = 0;
        for (int k = 0; k < nkPad; k++) {
            if (k < nk) {
                double half = Math.max(0, time.value(k)) / 2;
                a[k] = (float) (half * half);
                h[k] = (float) half;
                q[k] = (float) (1 / ((double) v[k] * v[k]));
                running = Math.max(running, (float) (v[k] * half * tan));
                r[k] = running;
            } else {
                a[k] = 1e30f;
                h[k] = 1;
                q[k] = 0;
                r[k] = Float.MAX_VALUE;
            }
            iw[k] = r[k] > 0 ? (float) (1 / (f * r[k])) : 0f;
        }
    }

    /// The first output sample whose angle radius reaches midpoint distance `dm` (m), or `nk`.
    public int firstSample(float dm) {
        return search(dm, 1f);
    }

    /// The first output sample from which the angle taper is 1 at distance `dm` (m), or `nk`.
    public int firstFullSample(float dm) {
        return search(dm, 1f - taperFraction);
    }

    private int search(float dm, float scale) {
        int lo = 0;
        int hi = nk;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (r[mid] * scale >= dm) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}

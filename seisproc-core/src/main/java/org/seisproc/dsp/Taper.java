package org.seisproc.dsp;

/// Interpolation of piecewise-linear functions y(x) given by knots, with constant extrapolation
/// beyond the first and last knot (used for mute tables and velocity functions).
public record Taper(double[] x, double[] y) {
    public Taper {
        if (x.length == 0 || x.length != y.length) {
            throw new IllegalArgumentException("a table needs as many x as y values, at least one pair");
        }
        for (int i = 1; i < x.length; i++) {
            if (!(x[i] > x[i - 1])) {
                throw new IllegalArgumentException("table x values must increase strictly: " + x[i - 1] + " then " + x[i]);
            }
        }
        x = x.clone();
        y = y.clone();
    }

    /// y at `v`: linear between knots, constant outside.
    public double at(double v) {
        if (v <= x[0]) {
            return y[0];
        }
        int n = x.length;
        if (v >= x[n - 1]) {
            return y[n - 1];
        }
        int lo = 0;
        int hi = n - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (x[mid] <= v) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double w = (v - x[lo]) / (x[hi] - x[lo]);
        return y[lo] + w * (y[hi] - y[lo]);
    }

    /// The function sampled on `s`.
    public float[] sample(Sampling s) {
        float[] out = new float[s.count()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) at(s.value(i));
        }
        return out;
    }
}

package org.seisproc.render;

import java.util.Arrays;

/// How to choose the colour range of a picture (after Mines JTK's `Clips`): from percentiles of
/// the data or from given values.
///
/// Symmetric (amplitudes): the range is [−c, c] with c the `percentile` of |v| (or the value
/// given). Not symmetric (maps, attributes): [p(100 − percentile), p(percentile)] of v, or the
/// two values given. Percentiles come from at most [#SAMPLE] values taken at a regular stride
/// (exact below that), sorted; NaNs are ignored.
///
/// @param percentile percentile in (0, 100], or NaN when values are given
/// @param low        low clip value (ignored when symmetric, NaN when by percentile)
/// @param high       high clip value (the clip c when symmetric)
/// @param symmetric  whether the range is centred on zero
public record Clip(double percentile, double low, double high, boolean symmetric) {
    /// Largest number of values a percentile is taken from.
    public static final int SAMPLE = 1 << 20;

    public Clip {
        if (!Double.isNaN(percentile) && !(percentile > 0 && percentile <= 100)) {
            throw new IllegalArgumentException("clip percentile must be in (0, 100], not " + percentile);
        }
    }

    /// Symmetric clip at the `percentile` of |v|.
    public static Clip symmetric(double percentile) {
        return new Clip(percentile, Double.NaN, Double.NaN, true);
    }

    /// Symmetric clip at ±`value`.
    public static Clip symmetricValue(double value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException("clip value must be positive, not " + value);
        }
        return new Clip(Double.NaN, -value, value, true);
    }

    /// Range [p(100 − percentile), p(percentile)].
    public static Clip percentiles(double percentile) {
        return new Clip(percentile, Double.NaN, Double.NaN, false);
    }

    /// Range [low, high].
    public static Clip values(double low, double high) {
        if (!(high > low)) {
            throw new IllegalArgumentException("clip needs low < high, not " + low + ", " + high);
        }
        return new Clip(Double.NaN, low, high, false);
    }

    /// The range {min, max} for `data[0..n)`; never empty (a flat or empty picture gets ±1
    /// around its value).
    public double[] range(float[] data, int n) {
        if (Double.isNaN(percentile)) {
            return new double[] {low, high};
        }
        int stride = Math.max(1, (int) Math.ceil(n / (double) SAMPLE));
        float[] s = new float[(n + stride - 1) / stride];
        int m = 0;
        for (int i = 0; i < n; i += stride) {
            float v = data[i];
            if (!Float.isNaN(v)) {
                s[m++] = symmetric ? Math.abs(v) : v;
            }
        }
        if (m == 0) {
            return new double[] {-1, 1};
        }
        Arrays.sort(s, 0, m);
        double lo;
        double hi;
        if (symmetric) {
            hi = s[rank(percentile, m)];
            if (!(hi > 0)) {
                hi = s[m - 1] > 0 ? s[m - 1] : 1;
            }
            lo = -hi;
        } else {
            lo = s[rank(100 - percentile, m)];
            hi = s[rank(percentile, m)];
            if (!(hi > lo)) {
                lo = s[0];
                hi = s[m - 1];
                if (!(hi > lo)) {
                    lo -= 1;
                    hi += 1;
                }
            }
        }
        return new double[] {lo, hi};
    }

    private static int rank(double p, int m) {
        return (int) Math.max(0, Math.min(m - 1, Math.round(p / 100.0 * (m - 1))));
    }
}

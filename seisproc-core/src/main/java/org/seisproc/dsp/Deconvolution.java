package org.seisproc.dsp;

/// Wiener prediction-error deconvolution (spiking: gap 1; predictive: gap > 1).
///
/// From the trace's autocorrelation r (lags 0 … gap + n − 1, r0 raised by the prewhitening
/// fraction ε: r0·(1 + ε)), the n-point prediction filter a solves the Toeplitz normal
/// equations Σ_j r|i−j| a_j = r(gap + i), i = 0 … n − 1 (Levinson recursion, O(n²)); the
/// prediction-error filter is [1, 0 … 0 (gap − 1 zeros), −a0 … −a(n−1)] and is convolved with the
/// trace (output truncated to the trace length). Peacock & Treitel (1969), "Predictive
/// deconvolution: theory and practice", Geophysics 34, 155–169; Robinson & Treitel (1980).
public final class Deconvolution {
    private Deconvolution() {
    }

    /// Autocorrelation of `x[offset..offset+n1)` at lags 0 … maxLag.
    public static double[] autocorrelation(float[] x, int offset, int n1, int maxLag) {
        double[] r = new double[maxLag + 1];
        for (int lag = 0; lag <= maxLag && lag < n1; lag++) {
            double s = 0;
            for (int i = lag; i < n1; i++) {
                s += (double) x[offset + i] * x[offset + i - lag];
            }
            r[lag] = s;
        }
        return r;
    }

    /// Solves the symmetric Toeplitz system T a = g (T_ij = r|i−j|, i,j < n) by Levinson recursion.
    public static double[] levinson(double[] r, double[] g, int n) {
        double[] a = new double[n];
        double[] f = new double[n];   // forward vector
        double[] tmp = new double[n];
        if (r[0] == 0) {
            return a;
        }
        f[0] = 1 / r[0];
        a[0] = g[0] / r[0];
        for (int m = 1; m < n; m++) {
            double ef = 0;
            for (int i = 0; i < m; i++) {
                ef += r[m - i] * f[i];
            }
            double denom = 1 - ef * ef;
            if (denom == 0) {
                break;
            }
            // new forward vector: (f, 0) - ef * (0, reverse(f)), scaled
            for (int i = 0; i <= m; i++) {
                double fi = i < m ? f[i] : 0;
                double bi = i > 0 ? f[m - i] : 0;
                tmp[i] = (fi - ef * bi) / denom;
            }
            System.arraycopy(tmp, 0, f, 0, m + 1);
            double ea = 0;
            for (int i = 0; i < m; i++) {
                ea += r[m - i] * a[i];
            }
            double scale = g[m] - ea;
            for (int i = 0; i <= m; i++) {
                a[i] += scale * f[m - i];
            }
        }
        return a;
    }

    /// The prediction-error filter (length gap + n) designed on `x[offset..offset+n1)`.
    public static float[] design(float[] x, int offset, int n1, int operatorLength, int gap, double prewhitening) {
        if (operatorLength < 1 || gap < 1) {
            throw new IllegalArgumentException("operator length and gap must be >= 1 sample");
        }
        double[] r = autocorrelation(x, offset, n1, gap + operatorLength - 1);
        double[] rw = r.clone();
        rw[0] *= 1 + prewhitening;
        double[] g = new double[operatorLength];
        for (int i = 0; i < operatorLength; i++) {
            g[i] = r[gap + i];
        }
        double[] a = levinson(rw, g, operatorLength);
        float[] pef = new float[gap + operatorLength];
        pef[0] = 1;
        for (int i = 0; i < operatorLength; i++) {
            pef[gap + i] = (float) -a[i];
        }
        return pef;
    }

    /// Convolves `x[offset..offset+n1)` with `filter` in place (causal, truncated to n1); `work`
    /// needs n1 floats.
    public static void apply(float[] x, int offset, int n1, float[] filter, float[] work) {
        for (int i = 0; i < n1; i++) {
            double s = 0;
            int kmax = Math.min(filter.length - 1, i);
            for (int k = 0; k <= kmax; k++) {
                s += (double) filter[k] * x[offset + i - k];
            }
            work[i] = (float) s;
        }
        System.arraycopy(work, 0, x, offset, n1);
    }
}

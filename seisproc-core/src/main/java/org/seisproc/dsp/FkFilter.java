package org.seisproc.dsp;

import org.jtransforms.fft.FloatFFT_1D;

/// F-K (frequency–wavenumber) velocity filter for a gather of n2 equally spaced traces.
///
/// The gather, zero-padded to powers of two n1' ≥ 2·n1 and n2' ≥ 2·n2, is transformed in time and
/// space (2-D DFT); each (f, k) is weighted by w(v) of the apparent velocity v = |f|/|k|:
/// 0 for v ≤ vReject, 1 for v ≥ vPass, linear between (k = 0, infinite velocity, passes), which
/// removes slow, steep events such as ground roll; then transformed back (real part). Yilmaz
/// (2001), Seismic Data Analysis, §6.2. Not thread-safe (one instance per worker).
public final class FkFilter {
    private final int n1;
    private final int n2;
    private final int nf;
    private final int nk;
    private final double dt;
    private final double dx;
    private final double vReject;
    private final double vPass;
    private final FloatFFT_1D fftT;
    private final FloatFFT_1D fftX;
    private final float[][] spectrum;   // [i2][2*nf] complex, full spectrum along time
    private final float[] column;

    /// A filter for gathers of `n2` traces of `n1` samples, `dt` s apart in time, `dx` m apart.
    public FkFilter(int n1, int n2, double dt, double dx, double vReject, double vPass) {
        if (!(vPass > vReject && vReject >= 0)) {
            throw new IllegalArgumentException("need 0 <= vReject < vPass (m/s), not " + vReject + ", " + vPass);
        }
        if (!(dx > 0)) {
            throw new IllegalArgumentException("trace spacing must be positive, not " + dx);
        }
        this.n1 = n1;
        this.n2 = n2;
        this.nf = Bandpass.fftLength(n1);
        this.nk = Bandpass.fftLength(n2);
        this.dt = dt;
        this.dx = dx;
        this.vReject = vReject;
        this.vPass = vPass;
        this.fftT = new FloatFFT_1D(nf);
        this.fftX = new FloatFFT_1D(nk);
        this.spectrum = new float[nk][2 * nf];
        this.column = new float[2 * nk];
    }

    /// The weight at frequency `f` (Hz) and wavenumber `k` (cycles/m).
    public double weight(double f, double k) {
        if (k == 0) {
            return 1;
        }
        double v = Math.abs(f) / Math.abs(k);
        return v <= vReject ? 0 : v >= vPass ? 1 : (v - vReject) / (vPass - vReject);
    }

    /// Filters the gather (trace i2 at `gather[i2·n1 ..]`) in place.
    public void apply(float[] gather) {
        for (int i2 = 0; i2 < nk; i2++) {
            float[] row = spectrum[i2];
            java.util.Arrays.fill(row, 0f);
            if (i2 < n2) {
                System.arraycopy(gather, i2 * n1, row, 0, n1);
            }
            fftT.realForwardFull(row);
        }
        for (int jf = 0; jf < nf; jf++) {
            double f = (jf <= nf / 2 ? jf : jf - nf) / (nf * dt);
            for (int i2 = 0; i2 < nk; i2++) {
                column[2 * i2] = spectrum[i2][2 * jf];
                column[2 * i2 + 1] = spectrum[i2][2 * jf + 1];
            }
            fftX.complexForward(column);
            for (int jk = 0; jk < nk; jk++) {
                double k = (jk <= nk / 2 ? jk : jk - nk) / (nk * dx);
                float w = (float) weight(f, k);
                column[2 * jk] *= w;
                column[2 * jk + 1] *= w;
            }
            fftX.complexInverse(column, true);
            for (int i2 = 0; i2 < nk; i2++) {
                spectrum[i2][2 * jf] = column[2 * i2];
                spectrum[i2][2 * jf + 1] = column[2 * i2 + 1];
            }
        }
        for (int i2 = 0; i2 < n2; i2++) {
            float[] row = spectrum[i2];
            fftT.complexInverse(row, true);
            for (int i1 = 0; i1 < n1; i1++) {
                gather[i2 * n1 + i1] = row[2 * i1];
            }
        }
    }
}

package org.seisproc.dsp;

import org.jtransforms.fft.FloatFFT_1D;

/// The amplitude spectrum of a window of a trace, and its dominant frequency and bandwidth.
///
/// The window's m samples, less their mean, are zero-padded to `nfft` = the smallest power of
/// two ≥ m and transformed (JTransforms real FFT); frequency k is f_k = k/(nfft·dt), its power
/// P_k = |X_k|², k = 0 … nfft/2. Then
/// - dominant frequency = f_k of the largest P_k for k ≥ 1 (the first on ties; 0 when all are 0);
/// - centroid f_c = Σ f_k P_k / Σ P_k and bandwidth = √(Σ (f_k − f_c)² P_k / Σ P_k), the rms
///   spectral width (Barnes 1993, "Instantaneous spectral bandwidth and dominant frequency with
///   applications to seismic reflection data", Geophysics 58, 419–428), over k = 0 … nfft/2.
///
/// An instance holds its FFT plan and buffers for one window length: one per worker thread.
public final class Spectrum {
    private final int m;
    private final int nfft;
    private final double df;
    private final FloatFFT_1D fft;
    private final float[] work;
    private final double[] power;

    /// For windows of `m` samples at interval `dt` seconds.
    public Spectrum(int m, double dt) {
        if (m < 1 || !(dt > 0)) {
            throw new IllegalArgumentException("a spectrum needs a window of at least one sample and dt > 0");
        }
        this.m = m;
        int n = 1;
        while (n < m) {
            n <<= 1;
        }
        this.nfft = Math.max(2, n);
        this.df = 1.0 / (nfft * dt);
        this.fft = new FloatFFT_1D(nfft);
        this.work = new float[nfft];
        this.power = new double[nfft / 2 + 1];
    }

    /// The FFT length.
    public int nfft() {
        return nfft;
    }

    /// Frequency spacing (Hz).
    public double df() {
        return df;
    }

    /// Computes the power spectrum of `x[offset + from .. offset + from + m)`; read it with
    /// [#power], [#dominantHz], [#bandwidthHz].
    public void compute(float[] x, int offset, int from) {
        double mean = 0;
        int at = offset + from;
        for (int i = 0; i < m; i++) {
            mean += x[at + i];
        }
        compute(x, offset, from, mean);
    }

    /// As [#compute(float[], int, int)] with the window's sum Σx known.
    public void compute(float[] x, int offset, int from, double sum) {
        int at = offset + from;
        float fm = (float) (sum / m);
        for (int i = 0; i < m; i++) {
            work[i] = x[at + i] - fm;
        }
        java.util.Arrays.fill(work, m, nfft, 0f);
        fft.realForward(work);
        int h = nfft / 2;
        power[0] = (double) work[0] * work[0];
        power[h] = (double) work[1] * work[1];
        double s0 = power[0] + power[h];
        double s1 = h * power[h];
        double s2 = (double) h * h * power[h];
        double max = power[h];
        int best = power[h] > 0 ? h : 0;
        for (int k = 1; k < h; k++) {
            double re = work[2 * k];
            double im = work[2 * k + 1];
            double p = re * re + im * im;
            power[k] = p;
            s0 += p;
            s1 += k * p;
            s2 += (double) k * k * p;
            if (p > max || (p == max && p > 0 && k < best)) {
                max = p;
                best = k;
            }
        }
        dominant = best * df;
        if (s0 > 0) {
            double fc = s1 / s0;
            bandwidth = df * Math.sqrt(Math.max(0, s2 / s0 - fc * fc));
        } else {
            bandwidth = 0;
        }
    }

    private double dominant;
    private double bandwidth;

    /// P_k = |X_k|², k = 0 … nfft/2 (valid after [#compute]; do not modify).
    public double[] power() {
        return power;
    }

    /// Frequency of the largest P_k, k ≥ 1 (Hz).
    public double dominantHz() {
        return dominant;
    }

    /// rms bandwidth about the centroid (Hz); 0 when the window has no power.
    public double bandwidthHz() {
        return bandwidth;
    }
}

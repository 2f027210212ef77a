package org.seisproc.dsp;

/// The amplitude spectrum of a window of a trace, and its dominant frequency and bandwidth.
///
/// The window's m samples, less their mean, are zero-padded to `nfft` = the smallest power of
/// two ≥ m and transformed ([RealFft]); frequency k is f_k = k/(nfft·dt), its power
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
    private final RealFft fft;
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
        this.fft = new RealFft(nfft);
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
        // two interleaved sets of sums (even and odd k): the adds do not wait on each other
        double s0a = power[0] + power[h];
        double s1a = h * power[h];
        double s2a = (double) h * h * power[h];
        double s0b = 0;
        double s1b = 0;
        double s2b = 0;
        double max = 0;   // the first largest P_k for 0 < k < h
        int best = 0;
        int k = 1;
        for (; k + 1 < h; k += 2) {
            double re0 = work[2 * k];
            double im0 = work[2 * k + 1];
            double re1 = work[2 * k + 2];
            double im1 = work[2 * k + 3];
            double p0 = re0 * re0 + im0 * im0;
            double p1 = re1 * re1 + im1 * im1;
            power[k] = p0;
            power[k + 1] = p1;
            double k0 = k;
            double k1 = k + 1;
            s0a += p0;
            s0b += p1;
            s1a += k0 * p0;
            s1b += k1 * p1;
            s2a += k0 * k0 * p0;
            s2b += k1 * k1 * p1;
            if (p0 > max) {
                max = p0;
                best = k;
            }
            if (p1 > max) {
                max = p1;
                best = k + 1;
            }
        }
        for (; k < h; k++) {
            double re = work[2 * k];
            double im = work[2 * k + 1];
            double p = re * re + im * im;
            power[k] = p;
            s0a += p;
            s1a += k * p;
            s2a += (double) k * k * p;
            if (p > max) {
                max = p;
                best = k;
            }
        }
        if (power[h] > max) {   // Nyquist only when strictly largest: a tie goes to the lower frequency
            best = h;
        }
        double s0 = s0a + s0b;
        double s1 = s1a + s1b;
        double s2 = s2a + s2b;
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

package org.seisproc.dsp;

/// Zero-phase band-pass filters applied in the frequency domain.
///
/// The trace is zero-padded to `nfft` = the smallest power of two ≥ 2·n1 (so the circular
/// convolution does not wrap), transformed ([RealFft]), each frequency f_k = k/(nfft·dt)
/// multiplied by a real, non-negative response H(f_k) — no phase change — and transformed back.
///
/// - Ormsby: the trapezoid through corner frequencies f1 ≤ f2 ≤ f3 ≤ f4 (Hz): 0 below f1, a
///   linear ramp to 1 at f2, 1 up to f3, a linear ramp to 0 at f4 (Ormsby 1961, "Design of
///   numerical filters with applications to missile data processing", J. ACM 8, 440–466).
/// - Butterworth: the squared magnitude of an order-n analog Butterworth low-pass at `fHigh`
///   times the high-pass at `fLow`, |H|² = 1/(1 + (f/fHigh)^2n) · 1/(1 + (fLow/f)^2n) — the
///   response of the filter run forward and backward (zero phase). A cut-off ≤ 0 disables its side.
///
/// An instance holds its FFT plan and response; it is not thread-safe (one per worker).
public final class Bandpass {
    private final int n1;
    private final int nfft;
    private final float[] response;
    private final RealFft fft;
    private final RealFft.Response prepared;

    private Bandpass(int n1, float[] response, int nfft) {
        this.n1 = n1;
        this.nfft = nfft;
        this.response = response;
        this.fft = new RealFft(nfft);
        this.prepared = fft.prepare(response);
    }

    /// The padded FFT length for traces of `n1` samples.
    public static int fftLength(int n1) {
        int n = 1;
        while (n < 2 * n1) {
            n <<= 1;
        }
        return n;
    }

    /// An Ormsby band-pass for traces of `n1` samples at `dt` seconds.
    public static Bandpass ormsby(int n1, double dt, double f1, double f2, double f3, double f4) {
        if (!(0 <= f1 && f1 <= f2 && f2 <= f3 && f3 <= f4)) {
            throw new IllegalArgumentException("Ormsby corners must satisfy 0 <= f1 <= f2 <= f3 <= f4 (Hz), not "
                    + f1 + ", " + f2 + ", " + f3 + ", " + f4);
        }
        if (!(f1 < f4)) {
            throw new IllegalArgumentException("Ormsby corners " + f1 + ", " + f2 + ", " + f3 + ", " + f4 + " Hz leave no pass band"
                    + " (f1 = f4): the filter would zero the data; widen the band");
        }
        double nyquist = 0.5 / dt;
        if (f4 > nyquist) {
            throw new IllegalArgumentException(String.format("Ormsby corner f4 = %s Hz is above the Nyquist frequency %.4g Hz"
                    + " (sample interval %.4g ms); use corners up to %.4g Hz", f4, nyquist, dt * 1e3, nyquist));
        }
        int nfft = fftLength(n1);
        float[] h = new float[nfft / 2 + 1];
        for (int k = 0; k < h.length; k++) {
            double f = k / (nfft * dt);
            double v;
            if (f < f1 || f > f4) {
                v = 0;
            } else if (f < f2) {
                v = (f - f1) / (f2 - f1);
            } else if (f <= f3) {
                v = 1;
            } else {
                v = (f4 - f) / (f4 - f3);
            }
            h[k] = (float) v;
        }
        return new Bandpass(n1, h, nfft);
    }

    /// A zero-phase Butterworth band-pass of order `order` (cut-offs in Hz; ≤ 0 disables a side).
    public static Bandpass butterworth(int n1, double dt, double fLow, double fHigh, int order) {
        if (order < 1) {
            throw new IllegalArgumentException("Butterworth order must be >= 1, not " + order);
        }
        if (fLow > 0 && fHigh > 0 && fLow >= fHigh) {
            throw new IllegalArgumentException("low cut-off " + fLow + " Hz must be below the high cut-off " + fHigh + " Hz");
        }
        double nyquist = 0.5 / dt;
        if (fLow >= nyquist || fHigh > nyquist) {
            throw new IllegalArgumentException(String.format("Butterworth cut-offs %s / %s Hz must lie below the Nyquist frequency"
                    + " %.4g Hz (sample interval %.4g ms)", fLow, fHigh, nyquist, dt * 1e3));
        }
        int nfft = fftLength(n1);
        float[] h = new float[nfft / 2 + 1];
        for (int k = 0; k < h.length; k++) {
            double f = k / (nfft * dt);
            double v = 1;
            if (fHigh > 0) {
                v /= 1 + Math.pow(f / fHigh, 2.0 * order);
            }
            if (fLow > 0) {
                v = f == 0 ? 0 : v / (1 + Math.pow(fLow / f, 2.0 * order));
            }
            h[k] = (float) v;
        }
        return new Bandpass(n1, h, nfft);
    }

    /// The response H at each of the nfft/2 + 1 frequencies k/(nfft·dt).
    public float[] response() {
        return response.clone();
    }

    /// Filters `x[offset .. offset+n1)` in place.
    public void apply(float[] x, int offset) {
        fft.filter(prepared, x, offset, n1);
    }
}

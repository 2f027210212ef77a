package org.seisproc.migration.internal;

import org.seisproc.dsp.RealFft;

/// Prepares an input trace for the kernel: the rho filter (−iω)^p (p = ½ in 2D, 1 in 3D, 0 off;
/// ω in radians per sample, applied by FFT on a zero-padded copy so nothing wraps around), then,
/// for anti-aliasing, causal and anticausal integration (running sums forward, then backward,
/// in double precision), after which a triangle of any length is three reads (see
/// [org.seisproc.migration.AntiAlias]). The result is stored with sample i at index i + 1 and
/// zeros at 0 and past the end (length nt + 3 + 64).
///
/// Not thread-safe: one per worker.
public final class TracePrep {
    private final int nt;
    private final double order;
    private final boolean integrate;
    private final int nfft;
    private final RealFft fft;
    private final float[] work;
    private final float[] response;

    public TracePrep(int nt, double rhoOrder, boolean integrate) {
        this.nt = nt;
        this.order = rhoOrder;
        this.integrate = integrate;
        int n = 2;
        while (n < 2 * nt) {
            n <<= 1;
        }
        this.nfft = n;
        if (rhoOrder > 0) {
            this.fft = new RealFft(n);
            this.work = new float[n];
            this.response = new float[n];
            // (−iω)^p = |ω|^p (cos(pπ/2) − i sin(pπ/2)) for ω > 0 (forward transform e^{−iωt}):
            // stored as (re, im) per bin k. The summation along a diffraction curve tangent to an
            // event from below collects it anticausally (image energy before the event time: a
            // half-integral in 2D, an integral in 3D, phase +pπ/2); this filter undoes that.
            double phase = -order * Math.PI / 2;
            for (int k = 1; k < n / 2; k++) {
                double mag = Math.pow(2 * Math.PI * k / n, order);
                response[2 * k] = (float) (mag * Math.cos(phase));
                response[2 * k + 1] = (float) (mag * Math.sin(phase));
            }
            response[0] = 0; // DC
            response[1] = (float) (Math.pow(Math.PI, order) * Math.cos(phase)); // Nyquist (real)
        } else {
            this.fft = null;
            this.work = null;
            this.response = null;
        }
    }

    /// Length of a prepared trace.
    public int length() {
        return nt + 3 + PAD;
    }

    /// Zeros past the end beyond the 2 guaranteed ones: room for the vector kernel's two
    /// contiguous loads of up to 16 lanes each from any clamped index.
    private static final int PAD = 64;

    /// Prepares `trace[0..nt)` into `out` (length ≥ [#length]).
    public void prepare(float[] trace, float[] out) {
        if (fft != null) {
            System.arraycopy(trace, 0, work, 0, nt);
            java.util.Arrays.fill(work, nt, nfft, 0f);
            fft.realForward(work);
            work[0] = 0;
            work[1] *= response[1];
            for (int k = 1; k < nfft / 2; k++) {
                float re = work[2 * k];
                float im = work[2 * k + 1];
                float hr = response[2 * k];
                float hi = response[2 * k + 1];
                work[2 * k] = re * hr - im * hi;
                work[2 * k + 1] = re * hi + im * hr;
            }
            fft.realInverse(work, true);
            System.arraycopy(work, 0, out, 1, nt);
        } else {
            System.arraycopy(trace, 0, out, 1, nt);
        }
        out[0] = 0;
        java.util.Arrays.fill(out, nt + 1, nt + 3 + PAD, 0f);
        if (integrate) {
            double run = 0;
            for (int i = 1; i <= nt; i++) {
                run += out[i];
                out[i] = (float) run;
            }
            run = 0;
            for (int i = nt; i >= 1; i--) {
                run += out[i];
                out[i] = (float) run;
            }
        }
    }
}

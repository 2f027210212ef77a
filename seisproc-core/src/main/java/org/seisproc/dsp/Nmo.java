package org.seisproc.dsp;

/// Normal-moveout correction and its inverse, for one trace at source–receiver offset x.
///
/// NMO maps the sample at t(t0) = √(t0² + x²/v(t0)²) to zero-offset time t0 (Dix 1955,
/// "Seismic velocities from surface measurements", Geophysics 20, 68–86), v the rms velocity
/// at t0; values between samples by linear interpolation. Stretch mute: output samples whose
/// relative stretch (t − t0)/t0 exceeds `maxStretch` are zeroed (t0 = 0 with x ≠ 0 counts as
/// infinite stretch). Inverse NMO maps back: for each time t it finds t0 with t(t0) = t by
/// inverting the (increasing) moveout table and interpolates the corrected trace there.
public final class Nmo {
    /// Linear NMO runs vectorised ([VectorNmo]) when the JVM has the `jdk.incubator.vector`
    /// module (decided without loading a Vector API class), unless `-Dseisproc.nmo.scalar=true`.
    private static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !Boolean.getBoolean("seisproc.nmo.scalar");

    private Nmo() {
    }

    /// True when linear forward NMO runs vectorised.
    public static boolean vectorised() {
        return VECTOR;
    }

    /// NMO-corrects `in[inOffset..]` into `out[outOffset..]` (n1 = time.count() samples each).
    public static void forward(float[] in, int inOffset, float[] out, int outOffset, Sampling time, double offsetMeters,
                               float[] vrms, double maxStretch) {
        forward(in, inOffset, out, outOffset, time, offsetMeters, vrms, maxStretch, false);
    }

    /// As [#forward(float[], int, float[], int, Sampling, double, float[], double)], with values
    /// between samples by 8-point windowed sinc ([Sinc]) when `sinc`, else linear.
    public static void forward(float[] in, int inOffset, float[] out, int outOffset, Sampling time, double offsetMeters,
                               float[] vrms, double maxStretch, boolean sinc) {
        Terms terms = new Terms(time);
        terms.velocities(vrms);
        forward(in, inOffset, out, outOffset, terms, offsetMeters, maxStretch, sinc);
    }

    /// The per-sample terms of one velocity function, t0² and 1/v², computed once for all the
    /// traces that share it (a CDP gather): the moveout of a trace is then one square root a
    /// sample, no division.
    public static final class Terms {
        final Sampling time;
        final double[] t0Squared;
        final double[] slowness2;
        // the same in float, for the vectorised path
        final float[] t0f;
        final float[] t0Squaredf;
        final float[] slowness2f;

        public Terms(Sampling time) {
            this.time = time;
            int n = time.count();
            this.t0Squared = new double[n];
            this.slowness2 = new double[n];
            this.t0f = new float[n];
            this.t0Squaredf = new float[n];
            this.slowness2f = new float[n];
            for (int i = 0; i < n; i++) {
                double t0 = time.value(i);
                t0Squared[i] = t0 * t0;
                t0f[i] = (float) t0;
                t0Squaredf[i] = (float) (t0 * t0);
            }
        }

        /// Takes the rms velocities `vrms` (one a sample).
        public void velocities(float[] vrms) {
            for (int i = 0; i < slowness2.length; i++) {
                double v = vrms[i];
                slowness2[i] = 1 / (v * v);
                slowness2f[i] = (float) slowness2[i];
            }
        }
    }

    /// NMO-corrects one trace with the velocity function of `terms` ([Terms#velocities]).
    public static void forward(float[] in, int inOffset, float[] out, int outOffset, Terms terms, double offsetMeters,
                               double maxStretch, boolean sinc) {
        if (VECTOR && !sinc) {
            VectorNmo.forward(in, inOffset, out, outOffset, terms, offsetMeters, maxStretch);
        } else {
            forwardScalar(in, inOffset, out, outOffset, terms, offsetMeters, maxStretch, sinc);
        }
    }

    /// The sample-by-sample forward NMO, in double (the reference the vector path is tested against).
    static void forwardScalar(float[] in, int inOffset, float[] out, int outOffset, Terms terms, double offsetMeters,
                              double maxStretch, boolean sinc) {
        Sampling time = terms.time;
        int n1 = time.count();
        double invDt = 1 / time.interval();
        double first = time.first();
        double x2 = offsetMeters * offsetMeters;
        double[] t0sq = terms.t0Squared;
        double[] s2 = terms.slowness2;
        for (int i1 = 0; i1 < n1; i1++) {
            double t0 = time.value(i1);
            double tx = Math.sqrt(t0sq[i1] + x2 * s2[i1]);
            // stretch (tx − t0)/t0 > maxStretch, without the division; t0 = 0 with x ≠ 0 is infinite stretch
            boolean muted = t0 > 0 ? tx - t0 > maxStretch * t0 : x2 > 0 && maxStretch < Double.POSITIVE_INFINITY;
            double at = (tx - first) * invDt;
            out[outOffset + i1] = muted ? 0f : sinc ? Sinc.interpolate(in, inOffset, n1, at) : interpolate(in, inOffset, n1, at);
        }
    }

    /// Removes NMO: `in` is an NMO-corrected trace, `out` gets the trace at recorded times.
    public static void inverse(float[] in, int inOffset, float[] out, int outOffset, Sampling time, double offsetMeters,
                               float[] vrms) {
        int n1 = time.count();
        double dt = time.interval();
        double x2 = offsetMeters * offsetMeters;
        // tx[i] = moveout time of zero-offset sample i; increasing for realistic velocities.
        int i0 = 0;
        double prevTx = Double.NEGATIVE_INFINITY;
        double prevT0 = 0;
        double nextTx = 0;
        for (int j = 0; j < n1; j++) {
            double t = time.value(j);
            float value = 0f;
            // advance until tx(i0) >= t
            while (i0 < n1) {
                double t0 = time.value(i0);
                double v = vrms[i0];
                nextTx = Math.sqrt(t0 * t0 + x2 / (v * v));
                if (nextTx >= t) {
                    break;
                }
                prevTx = nextTx;
                prevT0 = t0;
                i0++;
            }
            if (i0 < n1 && prevTx > Double.NEGATIVE_INFINITY) {
                double t0 = prevT0 + (time.value(i0) - prevT0) * (t - prevTx) / (nextTx - prevTx);
                value = interpolate(in, inOffset, n1, (t0 - time.first()) / dt);
            } else if (i0 < n1 && nextTx == t) {
                value = in[inOffset + i0];
            }
            out[outOffset + j] = value;
        }
    }

    /// Linear interpolation of `x` at fractional sample `s` (0 outside the trace).
    static float interpolate(float[] x, int offset, int n1, double s) {
        // the last sample counts when rounding puts it a hair past n1 − 1 (t0/dt at zero offset)
        if (!(s >= 0) || s > n1 - 1 + 1e-9) {
            return 0f;
        }
        int i = (int) s;
        if (i >= n1 - 1) {
            return x[offset + n1 - 1];
        }
        double w = s - i;
        return (float) ((1 - w) * x[offset + i] + w * x[offset + i + 1]);
    }
}

package org.seisproc.dsp;

/// Trace attributes for QC, each a small pure function of one trace `x[offset + i]`,
/// `0 ≤ i < n1`, or of a window of it `from ≤ i < to`. Sums are accumulated in double.
///
/// Definitions (the numpy reference, `src/test/python/make_qc_reference.py`, implements the same):
/// - rms = √(Σ x²/m), mean |a| = Σ|x|/m, max |a| = max |x| over the m samples of the window;
/// - S/N (dB) = 20·log10(rms(signal window) / rms(noise window)) ([#snrDb]);
/// - dead: every sample is 0 ([#dead]);
/// - longest clipped run: the longest run of consecutive samples whose |x| equals the trace's
///   max |x| (a clipped recording sits on its rails), 0 for a dead trace;
/// - longest constant run: the longest run of consecutive equal samples (1 for a trace
///   without repeats);
/// - spikes: samples 1 ≤ i ≤ n1−2 with |x[i]| > `factor`·rms(trace) and |x[i]| >
///   `ratio`·max(|x[i−1]|, |x[i+1]|) — an isolated sample far above the trace's level and its
///   neighbours (a band-limited wavelet's peak is never `ratio` times its neighbours);
/// - correlation of two traces: Σxy / √(Σx² Σy²) over the window (zero lag), 0 when either has
///   no energy.
public final class Attributes {
    /// Default spike threshold: times the trace's rms.
    public static final double SPIKE_FACTOR = 4;
    /// Default spike threshold: times the larger neighbouring |sample|.
    public static final double SPIKE_RATIO = 3;

    private Attributes() {
    }

    /// One pass over `[from, to)`: `out[0]` = Σx², `out[1]` = Σ|x|, `out[2]` = max |x|,
    /// `out[3]` = Σx (four interleaved partial sums, so the loop is not bound by the latency of
    /// one chain of additions).
    public static void moments(float[] x, int offset, int from, int to, double[] out) {
        double e0 = 0;
        double e1 = 0;
        double e2 = 0;
        double e3 = 0;
        double a0 = 0;
        double a1 = 0;
        double a2 = 0;
        double a3 = 0;
        double s0 = 0;
        double s1 = 0;
        float m0 = 0;
        float m1 = 0;
        int i = offset + from;
        int end = offset + to;
        for (; i + 3 < end; i += 4) {
            float v0 = x[i];
            float v1 = x[i + 1];
            float v2 = x[i + 2];
            float v3 = x[i + 3];
            e0 += (double) v0 * v0;
            e1 += (double) v1 * v1;
            e2 += (double) v2 * v2;
            e3 += (double) v3 * v3;
            float b0 = Math.abs(v0);
            float b1 = Math.abs(v1);
            float b2 = Math.abs(v2);
            float b3 = Math.abs(v3);
            a0 += b0;
            a1 += b1;
            a2 += b2;
            a3 += b3;
            m0 = Math.max(m0, Math.max(b0, b1));
            m1 = Math.max(m1, Math.max(b2, b3));
            s0 += (double) v0 + v1;
            s1 += (double) v2 + v3;
        }
        for (; i < end; i++) {
            float v = x[i];
            e0 += (double) v * v;
            a0 += Math.abs(v);
            m0 = Math.max(m0, Math.abs(v));
            s0 += v;
        }
        out[0] = (e0 + e1) + (e2 + e3);
        out[1] = (a0 + a1) + (a2 + a3);
        out[2] = Math.max(m0, m1);
        out[3] = s0 + s1;
    }

    /// Σ x² over `[from, to)`.
    public static double energy(float[] x, int offset, int from, int to) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = offset + from;
        int end = offset + to;
        for (; i + 3 < end; i += 4) {
            s0 += (double) x[i] * x[i];
            s1 += (double) x[i + 1] * x[i + 1];
            s2 += (double) x[i + 2] * x[i + 2];
            s3 += (double) x[i + 3] * x[i + 3];
        }
        for (; i < end; i++) {
            s0 += (double) x[i] * x[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /// rms over `[from, to)`: √(Σx²/m); 0 for an empty window.
    public static double rms(float[] x, int offset, int from, int to) {
        return to > from ? Math.sqrt(energy(x, offset, from, to) / (to - from)) : 0;
    }

    /// Σ|x|/m over `[from, to)`.
    public static double meanAbs(float[] x, int offset, int from, int to) {
        double s = 0;
        for (int i = offset + from, end = offset + to; i < end; i++) {
            s += Math.abs(x[i]);
        }
        return to > from ? s / (to - from) : 0;
    }

    /// max |x| over `[from, to)`.
    public static float maxAbs(float[] x, int offset, int from, int to) {
        float m = 0;
        for (int i = offset + from, end = offset + to; i < end; i++) {
            m = Math.max(m, Math.abs(x[i]));
        }
        return m;
    }

    /// Longest run of consecutive equal samples and whether every sample is 0, in one pass:
    /// returns the run length, negated when the trace is dead (all zeros).
    public static int constantRunOrDead(float[] x, int offset, int n1) {
        if (n1 == 0) {
            return 0;
        }
        // runs are rare in live data: a plain scan for an equal neighbour, then the run's length
        int best = 1;
        int end = offset + n1;
        int i = offset + 1;
        while (i < end) {
            if (x[i] != x[i - 1]) {
                i++;
                continue;
            }
            int start = i - 1;
            while (i < end && x[i] == x[i - 1]) {
                i++;
            }
            best = Math.max(best, i - start);
        }
        return best == n1 && x[offset] == 0f ? -best : best;
    }

    /// True when all n1 samples are 0.
    public static boolean dead(float[] x, int offset, int n1) {
        for (int i = offset, end = offset + n1; i < end; i++) {
            if (x[i] != 0f) {
                return false;
            }
        }
        return true;
    }

    /// Longest run of consecutive samples with |x| = `peak` (the trace's max |x|); 0 when peak is 0.
    public static int longestClippedRun(float[] x, int offset, int n1, float peak) {
        if (!(peak > 0)) {
            return 0;
        }
        // clipped samples are rare: a plain scan for one, then the run's length
        int best = 0;
        int end = offset + n1;
        int i = offset;
        while (i < end) {
            if (Math.abs(x[i]) != peak) {
                i++;
                continue;
            }
            int start = i;
            while (i < end && Math.abs(x[i]) == peak) {
                i++;
            }
            best = Math.max(best, i - start);
        }
        return best;
    }

    /// Longest run of consecutive equal samples (0 for an empty trace).
    public static int longestConstantRun(float[] x, int offset, int n1) {
        if (n1 == 0) {
            return 0;
        }
        int best = 1;
        int run = 1;
        for (int i = offset + 1, end = offset + n1; i < end; i++) {
            run = x[i] == x[i - 1] ? run + 1 : 1;
            best = Math.max(best, run);
        }
        return best;
    }

    /// Number of spikes: samples 1 ≤ i ≤ n1−2 with |x[i]| > factor·`rms` and |x[i]| >
    /// ratio·max(|x[i−1]|, |x[i+1]|), `rms` the whole trace's.
    public static int spikes(float[] x, int offset, int n1, double rms, double factor, double ratio) {
        double level = factor * rms;
        int count = 0;
        for (int i = offset + 1, end = offset + n1 - 1; i < end; i++) {
            double a = Math.abs(x[i]);
            if (a > level && a > ratio * Math.max(Math.abs(x[i - 1]), Math.abs(x[i + 1]))) {
                count++;
            }
        }
        return count;
    }

    /// Σ x·y over `[from, to)` of two traces.
    public static double dot(float[] x, int xOffset, float[] y, int yOffset, int from, int to) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = from;
        for (; i + 3 < to; i += 4) {
            s0 += (double) x[xOffset + i] * y[yOffset + i];
            s1 += (double) x[xOffset + i + 1] * y[yOffset + i + 1];
            s2 += (double) x[xOffset + i + 2] * y[yOffset + i + 2];
            s3 += (double) x[xOffset + i + 3] * y[yOffset + i + 3];
        }
        for (; i < to; i++) {
            s0 += (double) x[xOffset + i] * y[yOffset + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /// Normalised zero-lag correlation from Σxy, Σx², Σy²; 0 when either energy is 0.
    public static double correlation(double xy, double xx, double yy) {
        double d = xx * yy;
        return d > 0 ? xy / Math.sqrt(d) : 0;
    }

    /// 20·log10(signal / noise) for two rms values: +∞ when only the noise is 0, NaN when both are.
    public static double snrDb(double signalRms, double noiseRms) {
        if (noiseRms == 0) {
            return signalRms == 0 ? Double.NaN : Double.POSITIVE_INFINITY;
        }
        return 20 * Math.log10(signalRms / noiseRms);
    }
}

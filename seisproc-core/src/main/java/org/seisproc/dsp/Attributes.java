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

    /// Σ x² over `[from, to)`.
    public static double energy(float[] x, int offset, int from, int to) {
        double s = 0;
        for (int i = offset + from, end = offset + to; i < end; i++) {
            double v = x[i];
            s += v * v;
        }
        return s;
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
        int best = 0;
        int run = 0;
        for (int i = offset, end = offset + n1; i < end; i++) {
            run = Math.abs(x[i]) == peak ? run + 1 : 0;
            best = Math.max(best, run);
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
        double s = 0;
        for (int i = from; i < to; i++) {
            s += (double) x[xOffset + i] * y[yOffset + i];
        }
        return s;
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

package org.seisproc.qc;

import org.seisproc.dsp.Sampling;
import org.seisproc.dsp.Taper;

/// What `seisproc qc attributes` computes over: the signal window (rms, mean/max |a|, spectrum,
/// correlation), the noise window (S/N), an optional top mute, the spike thresholds and the
/// bad-trace flags. Times in seconds; a window is every sample with from ≤ t ≤ to.
///
/// @param signalFrom  start of the signal window (s); NaN: the first sample
/// @param signalTo    end of the signal window (s); NaN: the last sample
/// @param noiseFrom   start of the noise window (s); NaN: the last 20 % of the record
/// @param noiseTo     end of the noise window (s); NaN: the last sample
/// @param mute        top mute time (s) as a function of |offset| (m), or null
/// @param flags       bad-trace thresholds
public record AttributeOptions(double signalFrom, double signalTo, double noiseFrom, double noiseTo, Taper mute, Flags flags) {
    public static AttributeOptions defaults() {
        return new AttributeOptions(Double.NaN, Double.NaN, Double.NaN, Double.NaN, null, Flags.defaults());
    }

    /// The signal window in samples {from, to} (to exclusive) of `time`.
    public int[] signalWindow(Sampling time) {
        return window(time, signalFrom, signalTo, "signal");
    }

    /// The noise window in samples {from, to} (to exclusive).
    public int[] noiseWindow(Sampling time) {
        double from = Double.isNaN(noiseFrom) ? time.value((int) Math.floor(0.8 * time.count())) : noiseFrom;
        return window(time, from, noiseTo, "noise");
    }

    static int[] window(Sampling time, double from, double to, String what) {
        int n = time.count();
        int a = Double.isNaN(from) ? 0 : (int) Math.ceil((from - time.first()) / time.interval() - 1e-9);
        int b = Double.isNaN(to) ? n : (int) Math.floor((to - time.first()) / time.interval() + 1e-9) + 1;
        a = Math.max(0, a);
        b = Math.min(n, b);
        if (b - a < 2) {
            throw new IllegalArgumentException("the " + what + " window " + ms(from) + ":" + ms(to) + " ms holds fewer than 2 samples"
                    + " of the record (0 to " + ms(time.last()) + " ms, every " + ms(time.interval()) + " ms)");
        }
        return new int[] {a, b};
    }

    private static String ms(double s) {
        return Double.isNaN(s) ? "" : new java.math.BigDecimal(s * 1000).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /// Parses `A:B` (milliseconds) into {from, to} seconds; empty sides mean "from the start" /
    /// "to the end" (NaN).
    public static double[] parseWindowMs(String text, String option) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException(option + " '" + text + "': give START:END in milliseconds, e.g. 200:1500");
        }
        double[] w = {side(text.substring(0, colon), text, option), side(text.substring(colon + 1), text, option)};
        if (!Double.isNaN(w[0]) && !Double.isNaN(w[1]) && !(w[1] > w[0])) {
            throw new IllegalArgumentException(option + " '" + text + "': the end must be after the start");
        }
        return w;
    }

    private static double side(String s, String text, String option) {
        if (s.isBlank()) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(s.trim()) / 1000;
            if (v < 0) {
                throw new IllegalArgumentException(option + " '" + text + "': times must not be negative");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " '" + text + "': '" + s + "' is not a number of milliseconds");
        }
    }

    /// Parses a top mute `OFFSET:MS,OFFSET:MS,...` (metres : milliseconds, increasing offsets).
    public static Taper parseMute(String text) {
        String[] parts = text.split(",");
        double[] x = new double[parts.length];
        double[] t = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String[] p = parts[i].split(":");
            try {
                if (p.length != 2) {
                    throw new NumberFormatException();
                }
                x[i] = Double.parseDouble(p[0].trim());
                t[i] = Double.parseDouble(p[1].trim()) / 1000;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--mute '" + text + "': pair " + (i + 1) + " ('" + parts[i]
                        + "') is not OFFSET_M:TIME_MS, e.g. --mute 0:0,2000:800");
            }
            if (i > 0 && !(x[i] > x[i - 1])) {
                throw new IllegalArgumentException("--mute '" + text + "': offsets must increase (" + x[i] + " after " + x[i - 1] + ")");
            }
        }
        return new Taper(x, t);
    }
}

package org.seisproc.render;

import java.util.Locale;

/// Tick spacing and labels.
final class Ticks {
    private Ticks() {
    }

    /// A step of 1, 2 or 5 × 10^k giving about `target` intervals over `span`.
    static double step(double span, int target) {
        double raw = span / Math.max(1, target);
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / p;
        double nice = f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10;
        return nice * p;
    }

    /// `v` printed with just the decimals a tick step of `step` needs (and thousands compacted).
    static String label(double v, double step) {
        if (step >= 1 && Math.abs(v) < 1e12) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (Math.abs(v) >= 1e6 || (Math.abs(v) > 0 && Math.abs(v) < 1e-3)) {
            return String.format(Locale.ROOT, "%.3g", v);
        }
        int decimals = step >= 1 ? 0 : (int) Math.min(6, Math.ceil(-Math.log10(step) - 1e-9));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}

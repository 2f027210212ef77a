package org.seisproc.render;

/// One axis of a [Chart]: what it shows, its unit and its data range (`min` at the left or top
/// when the axis is reversed, see [Chart#yDown]).
///
/// @param label what the axis measures ("time", "offset", "crossline")
/// @param unit  its unit ("s", "m", "Hz"), or "" for counts and indices
/// @param min   the data value at the start of the axis
/// @param max   the data value at the end
/// @param whole ticks only at whole numbers (an axis of inline or crossline numbers)
public record Axis(String label, String unit, double min, double max, boolean whole) {
    public Axis(String label, String unit, double min, double max) {
        this(label, unit, min, max, false);
    }

    /// An axis over `count` consecutive whole numbers from `first` (each a cell one wide), ticked
    /// at whole numbers only.
    public static Axis ofWholeNumbers(String label, long first, long count) {
        return new Axis(label, "", first - 0.5, first + count - 0.5, true);
    }

    public Axis {
        if (!(max > min)) {
            if (max == min && Double.isFinite(min)) {
                double pad = min == 0 ? 1 : Math.abs(min) * 0.05;
                min -= pad;
                max += pad;
            } else {
                throw new IllegalArgumentException("axis '" + label + "' needs min < max, not " + min + ", " + max);
            }
        }
    }

    /// The label with its unit: `time (s)`.
    public String title() {
        return unit == null || unit.isEmpty() ? label : label + " (" + unit + ")";
    }

    /// "Nice" tick values inside [min, max]: steps of 1, 2 or 5 × 10^k, about `target` of them.
    public double[] ticks(int target) {
        double step = whole ? Math.max(1, Ticks.step(max - min, target)) : Ticks.step(max - min, target);
        double first = Math.ceil(min / step - 1e-9) * step;
        int n = (int) Math.floor((max - first) / step + 1e-9) + 1;
        double[] t = new double[Math.max(0, n)];
        for (int i = 0; i < t.length; i++) {
            t[i] = first + i * step;
            if (Math.abs(t[i]) < step * 1e-9) {
                t[i] = 0;
            }
        }
        return t;
    }
}

package org.seisproc.dsp;

/// A uniform sampling of one axis: `count` samples, `interval` apart, the first at `first`
/// (time axes in seconds). After Mines JTK's `Sampling`.
public record Sampling(int count, double interval, double first) {
    public Sampling {
        if (count < 0 || !(interval > 0)) {
            throw new IllegalArgumentException("sampling needs count >= 0 and interval > 0, not " + count + ", " + interval);
        }
    }

    /// The value (e.g. time in s) of sample `i`.
    public double value(int i) {
        return first + i * interval;
    }

    /// The nearest sample index of `v`, clamped to the axis.
    public int index(double v) {
        return (int) Math.max(0, Math.min(count - 1, Math.round((v - first) / interval)));
    }

    /// The last value.
    public double last() {
        return value(count - 1);
    }
}

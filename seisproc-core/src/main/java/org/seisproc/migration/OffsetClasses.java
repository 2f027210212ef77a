package org.seisproc.migration;

import java.util.Arrays;

/// Offset classes for common-image gathers: class `c` holds the traces with absolute
/// source–receiver distance in `[edges[c], edges[c + 1])` (m); traces outside every class are
/// not migrated. One class `[0, ∞)` gives the stack alone.
///
/// @param edgesMeters increasing class boundaries (at least two)
public record OffsetClasses(double[] edgesMeters) {
    public OffsetClasses {
        if (edgesMeters.length < 2) {
            throw new IllegalArgumentException("offset classes need at least two edges");
        }
        for (int i = 1; i < edgesMeters.length; i++) {
            if (!(edgesMeters[i] > edgesMeters[i - 1]) || edgesMeters[i - 1] < 0) {
                throw new IllegalArgumentException("offset class edges must be >= 0 and increase: " + Arrays.toString(edgesMeters));
            }
        }
        edgesMeters = edgesMeters.clone();
    }

    /// One class holding every offset (the stack alone).
    public static OffsetClasses all() {
        return new OffsetClasses(new double[] {0, Double.POSITIVE_INFINITY});
    }

    /// `count` classes of equal width covering `[0, maxMeters)`.
    public static OffsetClasses uniform(int count, double maxMeters) {
        if (count < 1 || !(maxMeters > 0)) {
            throw new IllegalArgumentException("uniform offset classes need count >= 1 and max > 0, not " + count + ", " + maxMeters);
        }
        double[] e = new double[count + 1];
        for (int i = 0; i <= count; i++) {
            e[i] = maxMeters * i / count;
        }
        return new OffsetClasses(e);
    }

    /// Number of classes.
    public int count() {
        return edgesMeters.length - 1;
    }

    /// The class of absolute offset `meters`, or -1 when outside every class.
    public int classOf(double meters) {
        double h = Math.abs(meters);
        if (h < edgesMeters[0] || h >= edgesMeters[edgesMeters.length - 1]) {
            return -1;
        }
        int c = Arrays.binarySearch(edgesMeters, h);
        return c >= 0 ? Math.min(c, count() - 1) : -c - 2;
    }

    /// Centre of class `c` (m); for an open last class its lower edge.
    public double centre(int c) {
        double hi = edgesMeters[c + 1];
        return Double.isInfinite(hi) ? edgesMeters[c] : (edgesMeters[c] + hi) / 2;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OffsetClasses other && Arrays.equals(edgesMeters, other.edgesMeters);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(edgesMeters);
    }

    @Override
    public String toString() {
        return "OffsetClasses" + Arrays.toString(edgesMeters);
    }
}

package org.seisproc.render;

import org.seisproc.dsp.Sampling;

/// What a [Chart] draws inside its axes, in data coordinates.
public sealed interface Layer permits Layer.Pixels, Layer.Points, Layer.Line, Layer.Bars {
    /// How a sampled 2-D array lies on the page (Mines JTK's `PixelsView.Orientation`).
    enum Orientation {
        /// Axis 1 (fastest, e.g. time) down, axis 2 (traces) to the right: seismic sections.
        X1DOWN_X2RIGHT,
        /// Axis 1 to the right, axis 2 up: maps (x fastest, y slow).
        X1RIGHT_X2UP
    }

    /// A sampled 2-D array `f[i2·n1 + i1]` drawn as coloured cells (nearest neighbour), NaN
    /// cells left blank. The colour range is [min, max] (see [Clip]).
    record Pixels(float[] f, Sampling s1, Sampling s2, Orientation orientation, ColorMap colors, double min, double max)
            implements Layer {
        public Pixels {
            if ((long) s1.count() * s2.count() > f.length) {
                throw new IllegalArgumentException("pixels need " + s1.count() + " x " + s2.count() + " values, got " + f.length);
            }
        }
    }

    /// Points at (x[i], y[i]), `size` pixels wide: coloured by `values` on [min, max] through
    /// `colors` when values are given, else all `rgb`.
    record Points(double[] x, double[] y, float[] values, ColorMap colors, double min, double max, int rgb, int size,
                  String legend) implements Layer {
        public Points {
            if (x.length != y.length || (values != null && values.length != x.length)) {
                throw new IllegalArgumentException("points need as many x, y (and values) as each other");
            }
        }

        /// Points of one colour.
        public static Points plain(double[] x, double[] y, int rgb, int size, String legend) {
            return new Points(x, y, null, null, 0, 1, rgb, size, legend);
        }

        /// Points coloured by value.
        public static Points colored(double[] x, double[] y, float[] values, ColorMap colors, double min, double max, int size) {
            return new Points(x, y, values, colors, min, max, 0, size, null);
        }
    }

    /// A polyline through (x[i], y[i]).
    record Line(double[] x, double[] y, int rgb, String legend) implements Layer {
        public Line {
            if (x.length != y.length) {
                throw new IllegalArgumentException("a line needs as many x as y");
            }
        }
    }

    /// Bars of height `heights[i]` between `edges[i]` and `edges[i+1]` (a histogram).
    record Bars(double[] edges, double[] heights, int rgb) implements Layer {
        public Bars {
            if (edges.length != heights.length + 1) {
                throw new IllegalArgumentException("bars need one more edge than heights");
            }
        }
    }
}

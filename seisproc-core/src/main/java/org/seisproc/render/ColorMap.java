package org.seisproc.render;

import java.util.Locale;

/// A 256-entry colour map (after Mines JTK's `ColorMap`): value v in [min, max] maps to entry
/// `round(255·(v − min)/(max − min))`, clamped; values outside the clip take the end colours.
/// Entries are opaque `0xRRGGBB` ints.
///
/// - `gray`: white (low) → black (high), the seismic convention of black positive peaks;
/// - `seismic`: red (low) → white (0 when the range is symmetric) → blue (high);
/// - `viridis`: perceptually uniform dark purple → blue → green → yellow, piecewise linear
///   through ten anchor colours of matplotlib's viridis, for maps of counts and attributes.
public record ColorMap(String name, int[] rgb) {
    /// Entries in every map.
    public static final int SIZE = 256;

    public ColorMap {
        if (rgb.length != SIZE) {
            throw new IllegalArgumentException("a colour map needs " + SIZE + " entries, not " + rgb.length);
        }
        rgb = rgb.clone();
    }

    /// The names [#byName] knows.
    public static final java.util.List<String> NAMES = java.util.List.of("gray", "seismic", "viridis");

    /// The map called `name` (gray/grey, seismic, viridis).
    public static ColorMap byName(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "gray", "grey" -> gray();
            case "seismic", "red-white-blue" -> seismic();
            case "viridis" -> viridis();
            default -> throw new IllegalArgumentException("unknown colour map '" + name + "': use one of " + NAMES);
        };
    }

    /// White (low) to black (high).
    public static ColorMap gray() {
        return ramp("gray", new int[] {0xFFFFFF, 0x000000});
    }

    /// Red (low), white (middle), blue (high).
    public static ColorMap seismic() {
        return ramp("seismic", new int[] {0xB2000F, 0xFF3B2E, 0xFFFFFF, 0x2E5BFF, 0x0A1FA8});
    }

    /// Viridis: ten anchors, linear between them.
    public static ColorMap viridis() {
        return ramp("viridis", new int[] {0x440154, 0x482878, 0x3E4989, 0x31688E, 0x26828E, 0x1F9E89, 0x35B779, 0x6ECE58,
                0xB5DE2B, 0xFDE725});
    }

    /// A map linear in RGB between equally spaced anchor colours.
    public static ColorMap ramp(String name, int[] anchors) {
        if (anchors.length < 2) {
            throw new IllegalArgumentException("a ramp needs at least two colours");
        }
        int[] out = new int[SIZE];
        for (int i = 0; i < SIZE; i++) {
            double s = i / (SIZE - 1.0) * (anchors.length - 1);
            int a = Math.min((int) s, anchors.length - 2);
            double w = s - a;
            out[i] = mix(anchors[a], anchors[a + 1], w);
        }
        return new ColorMap(name, out);
    }

    private static int mix(int c0, int c1, double w) {
        int r = (int) Math.round(((c0 >> 16) & 0xFF) * (1 - w) + ((c1 >> 16) & 0xFF) * w);
        int g = (int) Math.round(((c0 >> 8) & 0xFF) * (1 - w) + ((c1 >> 8) & 0xFF) * w);
        int b = (int) Math.round((c0 & 0xFF) * (1 - w) + (c1 & 0xFF) * w);
        return (r << 16) | (g << 8) | b;
    }

    /// The entry index of `v` on the range [min, max] (clamped; NaN gives -1).
    public static int index(double v, double min, double max) {
        if (Double.isNaN(v)) {
            return -1;
        }
        double span = max - min;
        double s = span > 0 ? (v - min) / span : 0.5;
        int i = (int) Math.round(s * (SIZE - 1));
        return i < 0 ? 0 : Math.min(i, SIZE - 1);
    }

    /// The colour of `v` on [min, max], `0xRRGGBB`; NaN gives `none`.
    public int color(double v, double min, double max, int none) {
        int i = index(v, min, max);
        return i < 0 ? none : rgb[i];
    }

    /// Entry `i`.
    public int entry(int i) {
        return rgb[i];
    }
}

package org.seisproc.render;

/// An offset/azimuth rose: traces counted in azimuth sectors × offset rings, drawn as coloured
/// annular sectors (north up, azimuth clockwise from north, 0–360°), with a colour bar of counts.
///
/// @param title       title above the picture
/// @param counts      `counts[ring · sectors + sector]`: traces in that cell
/// @param sectors     azimuth sectors (each 360/sectors degrees, the first starting at north)
/// @param rings       offset rings, each `maxRadius / rings` wide
/// @param maxRadius   outer radius (in `radiusUnit`)
/// @param radiusLabel what the radius is ("offset")
/// @param radiusUnit  its unit ("m")
/// @param colors      colour map for the counts
/// @param size        image width and height (pixels)
public record Rose(String title, float[] counts, int sectors, int rings, double maxRadius, String radiusLabel, String radiusUnit,
                   ColorMap colors, int size) {
    public Rose {
        if (counts.length != sectors * rings || sectors < 1 || rings < 1) {
            throw new IllegalArgumentException("a rose needs sectors x rings counts");
        }
        if (!(maxRadius > 0)) {
            throw new IllegalArgumentException("a rose needs a positive radius, not " + maxRadius);
        }
    }

    /// Counts traces of absolute offset `offset[i]` and azimuth `azimuthDegrees[i]` (clockwise
    /// from north) into a rose; offsets beyond `maxRadius` fall in the outer ring.
    public static float[] count(double[] offset, double[] azimuthDegrees, int n, int sectors, int rings, double maxRadius) {
        float[] c = new float[sectors * rings];
        for (int i = 0; i < n; i++) {
            add(c, sectors, rings, maxRadius, offset[i], azimuthDegrees[i]);
        }
        return c;
    }

    /// Counts one trace into `counts` (as [#count]).
    public static void add(float[] counts, int sectors, int rings, double maxRadius, double offset, double azimuthDegrees) {
        double a = azimuthDegrees % 360;
        if (a < 0) {
            a += 360;
        }
        int s = Math.min(sectors - 1, (int) (a / 360 * sectors));
        int r = Math.min(rings - 1, (int) (Math.abs(offset) / maxRadius * rings));
        counts[r * sectors + s]++;
    }
}

package org.seisproc.migration;

/// The survey's bin grid: inline/crossline numbers to map coordinates (m) and back, an affine
/// map fitted to the trace headers by [SurveyScan]:
///
/// x = originX + (il − inline0)·inlineDx + (xl − crossline0)·crosslineDx,
/// y = originY + (il − inline0)·inlineDy + (xl − crossline0)·crosslineDy.
///
/// `(inlineDx, inlineDy)` is the step on the map from one inline to the next (its length is the
/// inline spacing), `(crosslineDx, crosslineDy)` from one crossline to the next. For a 2D line
/// (one inline) the inline step is the crossline step turned by 90°.
///
/// @param inline0     inline number at the origin
/// @param crossline0  crossline number at the origin
/// @param originX     x of the origin bin centre (m)
/// @param originY     y of the origin bin centre (m)
/// @param inlineDx    x step per inline number (m)
/// @param inlineDy    y step per inline number (m)
/// @param crosslineDx x step per crossline number (m)
/// @param crosslineDy y step per crossline number (m)
public record BinGrid(int inline0, int crossline0, double originX, double originY, double inlineDx, double inlineDy,
                      double crosslineDx, double crosslineDy) {

    public BinGrid {
        double det = inlineDx * crosslineDy - inlineDy * crosslineDx;
        if (!(Math.abs(det) > 1e-9) || !Double.isFinite(det)) {
            throw new IllegalArgumentException("the bin grid is degenerate: inline step (" + inlineDx + ", " + inlineDy
                    + ") m and crossline step (" + crosslineDx + ", " + crosslineDy + ") m are parallel or zero");
        }
    }

    /// x (m) of the centre of bin (`inline`, `crossline`); fractional numbers interpolate.
    public double x(double inline, double crossline) {
        return originX + (inline - inline0) * inlineDx + (crossline - crossline0) * crosslineDx;
    }

    /// y (m) of the centre of bin (`inline`, `crossline`).
    public double y(double inline, double crossline) {
        return originY + (inline - inline0) * inlineDy + (crossline - crossline0) * crosslineDy;
    }

    /// The fractional inline number of map point (x, y).
    public double inline(double x, double y) {
        double dx = x - originX;
        double dy = y - originY;
        return inline0 + (dx * crosslineDy - dy * crosslineDx) / det();
    }

    /// The fractional crossline number of map point (x, y).
    public double crossline(double x, double y) {
        double dx = x - originX;
        double dy = y - originY;
        return crossline0 + (inlineDx * dy - inlineDy * dx) / det();
    }

    private double det() {
        return inlineDx * crosslineDy - inlineDy * crosslineDx;
    }

    /// Distance between adjacent inlines (m).
    public double inlineSpacing() {
        return Math.hypot(inlineDx, inlineDy);
    }

    /// Distance between adjacent crosslines (m): the bin size along an inline.
    public double crosslineSpacing() {
        return Math.hypot(crosslineDx, crosslineDy);
    }

    /// Azimuth of the inline direction (the direction of increasing crossline number along an
    /// inline), degrees clockwise from north (+y).
    public double inlineAzimuthDegrees() {
        double a = Math.toDegrees(Math.atan2(crosslineDx, crosslineDy));
        return a < 0 ? a + 360 : a;
    }
}

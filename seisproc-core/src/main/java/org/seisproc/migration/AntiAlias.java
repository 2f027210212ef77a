package org.seisproc.migration;

/// Operator anti-aliasing by triangle filtering (Lumley, Claerbout and Bevc 1994), computed as
/// Madagascar's `sfktmig` does: each input trace is integrated causally then anticausally once,
/// after which a triangle of any half-length `L` samples centred at fractional sample `j` costs
/// three interpolated reads: (2·F(j) − F(j − L − 1) − F(j + L + 1)) / (L + 1)².
///
/// `L` follows the operator's local slope: L = factor · Δ · |∇ₓt| / Δt, where |∇ₓt| is the
/// traveltime's gradient with respect to the image position (s/m),
/// |∇ₓt| = |(s − x)/tₛ + (r − x)/tᵣ| / v², Δ the mean bin spacing (m) and Δt the input sample
/// interval (s); it is clipped to `maxHalfLength`. A contribution whose triangle would reach
/// beyond either end of the trace is skipped.
///
/// @param enabled       whether to filter
/// @param factor        scale of the triangle length (1 = one bin's worth of moveout)
/// @param maxHalfLength the longest half-length, in input samples
public record AntiAlias(boolean enabled, double factor, int maxHalfLength) {
    public AntiAlias {
        if (!(factor > 0) || maxHalfLength < 0) {
            throw new IllegalArgumentException("anti-aliasing needs factor > 0 and maxHalfLength >= 0, not " + factor + ", " + maxHalfLength);
        }
    }

    /// Off.
    public static AntiAlias off() {
        return new AntiAlias(false, 1, 12);
    }

    /// On with the defaults: factor 1, at most 12 samples.
    public static AntiAlias on() {
        return new AntiAlias(true, 1, 12);
    }
}

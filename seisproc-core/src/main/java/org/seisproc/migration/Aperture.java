package org.seisproc.migration;

/// Which input traces contribute to an image point, and how their weight fades at the edge.
///
/// A trace contributes to image point (x, T) when the distance `d` from its midpoint to x is at
/// most `maxDistanceMeters` and the aperture angle θ, tan θ = d / (v(T)·T/2), is at most
/// `maxAngleDegrees`. Over the outer `taperFraction` of either limit the weight falls linearly
/// from 1 to 0 (distance: d from (1 − f)·dmax to dmax; angle: d from (1 − f)·R(T) to R(T),
/// R(T) = v·T/2·tan θmax).
///
/// @param maxDistanceMeters maximum midpoint-to-image distance (m)
/// @param maxAngleDegrees   maximum aperture angle from vertical (degrees, 0 < θ < 90)
/// @param taperFraction     fraction of each limit over which the weight tapers (0 ≤ f ≤ 1)
public record Aperture(double maxDistanceMeters, double maxAngleDegrees, double taperFraction) {
    public Aperture {
        if (!(maxDistanceMeters > 0) || !(maxAngleDegrees > 0 && maxAngleDegrees < 90) || !(taperFraction >= 0 && taperFraction <= 1)) {
            throw new IllegalArgumentException("aperture needs maxDistanceMeters > 0, 0 < maxAngleDegrees < 90 and "
                    + "0 <= taperFraction <= 1, not " + maxDistanceMeters + ", " + maxAngleDegrees + ", " + taperFraction);
        }
    }

    /// Weight of a trace at midpoint distance `d` (m) from the image point, before the angle
    /// limit: 1 inside, 0 beyond the maximum, linear over the taper.
    public double distanceWeight(double d) {
        if (d > maxDistanceMeters) {
            return 0;
        }
        double start = (1 - taperFraction) * maxDistanceMeters;
        return d <= start ? 1 : (maxDistanceMeters - d) / (maxDistanceMeters - start);
    }
}

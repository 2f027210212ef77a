package org.seisproc.migration;

/// Amplitude weights of each contribution and the trace filter applied before summation.
///
/// With the leg cosines cₛ = (T/2)/tₛ and cᵣ = (T/2)/tᵣ (straight rays at rms velocity; 1 at
/// the apex of zero offset), after Yilmaz (2001, §4.1) per leg:
/// - obliquity: ½·(cₛ + cᵣ), the mean cosine of the ray angles from vertical;
/// - spherical spreading: 1/r of each leg relative to its vertical path, cₛ·cᵣ in 3D and
///   √(cₛ·cᵣ) in 2D.
///
/// The rho filter is the anticausal time derivative of order ½ (2D) or 1 (3D), (−iω)^p with ω in
/// radians per sample (so the gain at Nyquist is π^p; p = 1 is −d/dt): the Kirchhoff sum collects
/// an event anticausally (a half-integral in 2D, an integral in 3D) and this undoes it, so a flat
/// reflector keeps its zero-phase wavelet and polarity. [Rho#AUTO] picks by the survey (one
/// inline = 2D).
///
/// @param obliquity whether to apply the obliquity factor
/// @param spreading whether to apply the spherical-spreading factor
/// @param rho       the rho filter
public record Weights(boolean obliquity, boolean spreading, Rho rho) {
    /// The rho (half-derivative) filter's order.
    public enum Rho {
        /// ½ for a 2D line, 1 for a 3D survey.
        AUTO,
        /// (iω)^½.
        HALF,
        /// iω.
        FULL,
        /// No filter.
        OFF;

        /// The derivative order for a survey that is (`threeD`) or is not 3D.
        public double order(boolean threeD) {
            return switch (this) {
                case AUTO -> threeD ? 1.0 : 0.5;
                case HALF -> 0.5;
                case FULL -> 1.0;
                case OFF -> 0.0;
            };
        }
    }

    /// No weights, no filter: the plain Kirchhoff sum.
    public static Weights none() {
        return new Weights(false, false, Rho.OFF);
    }

    /// Obliquity, spreading and the rho filter by dimension (the defaults).
    public static Weights standard() {
        return new Weights(true, true, Rho.AUTO);
    }
}

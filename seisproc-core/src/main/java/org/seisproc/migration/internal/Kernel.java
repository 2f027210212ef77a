package org.seisproc.migration.internal;

/// The Kirchhoff inner loop: adds one input trace's contributions to one output trace, over the
/// output samples from `kStart` (straight-ray double-square-root traveltime
/// t = √(T²/4 + |s−x|²/v²) + √(T²/4 + |r−x|²/v²)).
///
/// The prepared input trace `p` (see [TracePrep]) holds sample i at `p[i + 1]`, zeros at
/// `p[0]` and past the end, so a clamped index reads zeros outside the trace. Contributions are
/// `weight × angleTaper(k) × ampWeight(k) × p(t(k))`, where the angle taper is 1 from `kFull`
/// on and `ampWeight` is the obliquity/spreading weight when switched on ([Settings]).
public interface Kernel {
    /// Per-run constants of the kernel.
    ///
    /// @param nt          input samples per trace
    /// @param t0          time of the first input sample (s)
    /// @param dt          input sample interval (s)
    /// @param antiAlias   triangle filtering (the trace is the doubly integrated one)
    /// @param aaScale     anti-alias length per unit gradient: factor·Δbin/dt (samples per s/m)
    /// @param aaMaxHalf   the longest triangle half-length (samples)
    /// @param obliquity   apply ½(cₛ + cᵣ)
    /// @param spreading   apply cₛ·cᵣ (3D) or √(cₛ·cᵣ) (2D)
    /// @param threeD      3D spreading
    /// @param nearest     nearest-sample instead of linear interpolation (not with anti-aliasing)
    record Settings(int nt, double t0, double dt, boolean antiAlias, double aaScale, int aaMaxHalf, boolean obliquity,
                    boolean spreading, boolean threeD, boolean nearest) {
    }

    /// Adds the contributions; returns nothing (the caller counts `nk − kMin` contributions).
    ///
    /// @param p       prepared input trace (length [TracePrep#length])
    /// @param op      the output trace's operator
    /// @param sxr     source x minus image x (m), likewise `syr`, `gxr`, `gyr` for the receiver
    /// @param dm      midpoint-to-image distance (m)
    /// @param weight  constant weight of the pair (distance taper)
    /// @param kMin    first output sample inside the angle aperture
    /// @param kFull   first output sample past the angle taper (≥ kMin)
    /// @param image   the output trace's samples start at `image[offset]` (nkPad of them)
    void add(float[] p, Operator op, float sxr, float syr, float gxr, float gyr, float dm, float weight, int kMin, int kFull,
             float[] image, int offset);

    /// The lane count the operators must be padded to.
    int lanes();
}

package org.seisproc.migration;

/// The algorithm's settings (the wizard's "algorithm", "offset classes" and "execution" pages).
///
/// @param aperture       distance and angle limits with their taper
/// @param antiAlias      triangle-filter anti-aliasing
/// @param weights        obliquity, spreading and the rho filter
/// @param interpolation  `linear` (default) or `nearest` input-sample interpolation
/// @param offsetClasses  offset classes of the common-image gathers
/// @param tileInlines    output inlines per tile
/// @param tileCrosslines output crosslines per tile
public record MigrationParameters(Aperture aperture, AntiAlias antiAlias, Weights weights, String interpolation,
                                  OffsetClasses offsetClasses, int tileInlines, int tileCrosslines) {
    public MigrationParameters {
        if (!interpolation.equals("linear") && !interpolation.equals("nearest")) {
            throw new IllegalArgumentException("interpolation must be 'linear' or 'nearest', not '" + interpolation + "'");
        }
        if (interpolation.equals("nearest") && antiAlias.enabled()) {
            throw new IllegalArgumentException("anti-aliasing interpolates linearly; 'nearest' needs antiAlias off");
        }
        if (tileInlines < 1 || tileCrosslines < 1) {
            throw new IllegalArgumentException("tiles need at least one inline and one crossline, not " + tileInlines + " x " + tileCrosslines);
        }
    }

    /// Defaults: 3000 m, 60°, 10 % taper; anti-aliasing on; standard weights; linear; one offset
    /// class; 16 × 16 tiles.
    public static MigrationParameters defaults() {
        return new MigrationParameters(new Aperture(3000, 60, 0.1), AntiAlias.on(), Weights.standard(), "linear",
                OffsetClasses.all(), 16, 16);
    }

    public MigrationParameters withAperture(Aperture a) {
        return new MigrationParameters(a, antiAlias, weights, interpolation, offsetClasses, tileInlines, tileCrosslines);
    }

    public MigrationParameters withAntiAlias(AntiAlias a) {
        return new MigrationParameters(aperture, a, weights, interpolation, offsetClasses, tileInlines, tileCrosslines);
    }

    public MigrationParameters withWeights(Weights w) {
        return new MigrationParameters(aperture, antiAlias, w, interpolation, offsetClasses, tileInlines, tileCrosslines);
    }

    public MigrationParameters withOffsetClasses(OffsetClasses c) {
        return new MigrationParameters(aperture, antiAlias, weights, interpolation, c, tileInlines, tileCrosslines);
    }

    public MigrationParameters withTiles(int inlines, int crosslines) {
        return new MigrationParameters(aperture, antiAlias, weights, interpolation, offsetClasses, inlines, crosslines);
    }

    public MigrationParameters withInterpolation(String i) {
        return new MigrationParameters(aperture, antiAlias, weights, i, offsetClasses, tileInlines, tileCrosslines);
    }
}

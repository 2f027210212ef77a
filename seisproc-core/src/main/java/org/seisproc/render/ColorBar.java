package org.seisproc.render;

/// The colour bar beside a picture: the map, its range and what the colours mean.
///
/// @param colors the colour map
/// @param min    value at the bottom
/// @param max    value at the top
/// @param label  what it shows ("amplitude", "fold")
/// @param unit   its unit, or ""
public record ColorBar(ColorMap colors, double min, double max, String label, String unit) {
    public String title() {
        return unit == null || unit.isEmpty() ? label : label + " (" + unit + ")";
    }
}

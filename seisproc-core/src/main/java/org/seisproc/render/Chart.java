package org.seisproc.render;

import java.util.List;

/// A picture with axes: a title, a horizontal and a vertical [Axis], the [Layer]s drawn inside,
/// and optionally a [ColorBar]. `yDown` puts the vertical axis's `min` at the top (time down,
/// seismic convention; the horizontal axis is then labelled at the top too).
///
/// Render it with [Renderer#png] or [Renderer#render]. Everything here is data; nothing depends on
/// the drawing surface (after Mines JTK's `PixelsView` model).
///
/// @param title    title above the picture
/// @param x        horizontal axis
/// @param y        vertical axis
/// @param yDown    whether y grows downwards
/// @param layers   what is drawn, in order
/// @param colorBar colour bar at the right, or null
/// @param width    image width (pixels)
/// @param height   image height (pixels)
public record Chart(String title, Axis x, Axis y, boolean yDown, List<Layer> layers, ColorBar colorBar, int width, int height) {
    public Chart {
        layers = List.copyOf(layers);
        if (width < 200 || height < 150) {
            throw new IllegalArgumentException("a chart needs at least 200 x 150 pixels, not " + width + " x " + height);
        }
    }

    /// The same chart at another size.
    public Chart size(int w, int h) {
        return new Chart(title, x, y, yDown, layers, colorBar, w, h);
    }
}

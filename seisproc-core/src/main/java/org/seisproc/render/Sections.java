package org.seisproc.render;

import java.util.List;

import org.seisproc.dsp.Sampling;

/// Ready-made charts of seismic sections and gathers: time down, traces right, variable density,
/// symmetric clip, a colour bar of amplitude.
public final class Sections {
    private Sections() {
    }

    /// A section of `n2` traces of `time.count()` samples, `f[i2·n1 + i1]`; trace i2 is at
    /// `traces.value(i2)` on the horizontal axis (`traceLabel`, `traceUnit`).
    public static Chart section(String title, float[] f, Sampling time, Sampling traces, String traceLabel, String traceUnit,
                                Clip clip, ColorMap colors, int width, int height) {
        int n1 = time.count();
        int n2 = traces.count();
        double[] range = clip.range(f, n1 * n2);
        Axis x = new Axis(traceLabel, traceUnit, traces.first() - traces.interval() / 2,
                traces.first() + (n2 - 0.5) * traces.interval());
        Axis y = new Axis("time", "s", time.first() - time.interval() / 2, time.first() + (n1 - 0.5) * time.interval());
        Layer.Pixels p = new Layer.Pixels(f, time, traces, Layer.Orientation.X1DOWN_X2RIGHT, colors, range[0], range[1]);
        String how = Double.isNaN(clip.percentile()) ? "clip ±" + Ticks.label(range[1], range[1] / 100)
                : "clip " + Ticks.label(clip.percentile(), 0.1) + "th percentile of |a|";
        return new Chart(title, x, y, true, List.of(p), new ColorBar(colors, range[0], range[1], "amplitude (" + how + ")", ""),
                width, height);
    }

    /// A gather: traces numbered 1..n2 within the gather, sized for readability
    /// (3–12 pixels per trace, ~1 pixel per sample, within 600–1400 × 400–1000).
    public static Chart gather(String title, float[] f, int n1, int n2, Sampling time, Clip clip, ColorMap colors) {
        int w = Math.clamp(n2 * Math.clamp(900 / Math.max(1, n2), 3, 12) + 200L, 600, 1400);
        int h = Math.clamp(n1 + 100L, 400, 1000);
        return section(title, f, time, new Sampling(n2, 1, 1), "trace in gather", "", clip, colors, w, h);
    }
}

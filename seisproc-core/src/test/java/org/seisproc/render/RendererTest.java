package org.seisproc.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.seisproc.dsp.Sampling;

/// The picture model: colour maps, clips, nice ticks, and what a rendered chart contains (the
/// data where the axes say, a colour bar running through the map, margins for axes and title).
class RendererTest {
    @Test
    void colourMapsHave256EntriesAndTheirEndColours() {
        assertThat(ColorMap.gray().entry(0)).isEqualTo(0xFFFFFF);
        assertThat(ColorMap.gray().entry(255)).isEqualTo(0x000000);
        assertThat(ColorMap.viridis().entry(0)).isEqualTo(0x440154);
        assertThat(ColorMap.viridis().entry(255)).isEqualTo(0xFDE725);
        assertThat(ColorMap.seismic().entry(128) & 0xFF).isGreaterThan(0xF0); // near white in the middle
        assertThat(ColorMap.index(5, 0, 10)).isEqualTo(128);
        assertThat(ColorMap.index(-3, 0, 10)).isZero();
        assertThat(ColorMap.index(Double.NaN, 0, 10)).isEqualTo(-1);
        assertThatThrownBy(() -> ColorMap.byName("jet")).hasMessageContaining("gray, seismic, viridis");
    }

    @Test
    void clipsFromPercentilesAndValues() {
        float[] v = new float[1001];
        for (int i = 0; i < v.length; i++) {
            v[i] = i - 500;
        }
        assertThat(Clip.symmetric(100).range(v, v.length)).containsExactly(-500, 500);
        assertThat(Clip.symmetric(50).range(v, v.length)).containsExactly(-250, 250);
        assertThat(Clip.percentiles(90).range(v, v.length)).containsExactly(-400, 400);
        assertThat(Clip.symmetricValue(3).range(v, v.length)).containsExactly(-3, 3);
        assertThat(Clip.symmetric(99).range(new float[10], 10)).containsExactly(-1, 1); // all zero: still a range
    }

    @Test
    void ticksAreNiceAndLabelsCarryTheUnit() {
        assertThat(new Axis("time", "s", 0, 1).ticks(5)).containsExactly(0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0);
        assertThat(new Axis("offset", "m", -1234, 4321).ticks(5)).startsWith(-1000).contains(0.0, 4000.0);
        // two inlines: ticks at the inline numbers, never 0.6, 0.8, ... between them
        assertThat(Axis.ofWholeNumbers("inline", 1, 2).ticks(8)).containsExactly(1.0, 2.0);
        assertThat(Axis.ofWholeNumbers("crossline", 100, 41).ticks(5)).containsExactly(100.0, 110.0, 120.0, 130.0, 140.0);
        assertThat(new Axis("time", "s", 0, 1).title()).isEqualTo("time (s)");
        assertThat(new Axis("fold", "", 0, 1).title()).isEqualTo("fold");
        assertThat(Ticks.label(6000300, 100)).isEqualTo("6000300");
        assertThat(Ticks.label(0.25, 0.05)).isEqualTo("0.25");
    }

    @Test
    void aSectionIsDrawnWhereItsAxesSayWithAColourBar() throws Exception {
        int n1 = 100;
        int n2 = 20;
        float[] f = new float[n1 * n2];
        for (int i2 = 0; i2 < n2; i2++) {
            f[i2 * n1 + 50] = 1; // a positive event at t = 0.2 s on every trace
        }
        Chart c = Sections.section("test", f, new Sampling(n1, 0.004, 0), new Sampling(n2, 1, 1), "trace", "", Clip.symmetricValue(1),
                ColorMap.gray(), 600, 500);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(Renderer.png(c)));
        assertThat(img.getWidth()).isEqualTo(600);
        int[] a = Renderer.plotArea(c);
        int x = a[0] + a[2] / 2;
        int yEvent = (int) Math.round(Renderer.yPix(c, 0.2, a));
        int yQuiet = (int) Math.round(Renderer.yPix(c, 0.1, a));
        assertThat(img.getRGB(x, yEvent) & 0xFFFFFF).as("positive = black").isEqualTo(0x000000);
        assertThat(img.getRGB(x, yQuiet) & 0xFFFFFF).as("zero = mid grey").isIn(0x7F7F7F, 0x808080);
        int barX = a[0] + a[2] + 14 + 8;
        assertThat(img.getRGB(barX, a[1] + 2) & 0xFF).as("colour bar top = max colour (black)").isLessThan(0x10);
        assertThat(img.getRGB(barX, a[1] + a[3] - 2) & 0xFF).as("colour bar bottom = min colour (white)").isGreaterThan(0xEF);
        boolean ink = false;
        for (int y = 0; y < a[1] - 10; y++) {
            for (int xx = a[0]; xx < a[0] + a[2]; xx++) {
                ink |= (img.getRGB(xx, y) & 0xFFFFFF) != 0xFFFFFF;
            }
        }
        assertThat(ink).as("title and axis labels above the plot").isTrue();
    }

    @Test
    void mapsAndRosesRender() throws Exception {
        Chart map = new Chart("map", new Axis("x", "m", 0, 10), new Axis("y", "m", 0, 10), false,
                List.of(Layer.Points.plain(new double[] {1, 5}, new double[] {1, 8}, 0xFF0000, 4, "sources"),
                        new Layer.Line(new double[] {0, 10}, new double[] {0, 10}, 0x0000FF, null),
                        new Layer.Bars(new double[] {0, 1, 2}, new double[] {3, 4}, 0x00FF00)), null, 400, 300);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(Renderer.png(map)));
        int[] a = Renderer.plotArea(map);
        assertThat(img.getRGB((int) Math.round(Renderer.xPix(map, 5, a)), (int) Math.round(Renderer.yPix(map, 8, a))) & 0xFFFFFF)
                .isEqualTo(0xFF0000);
        float[] counts = Rose.count(new double[] {10, 10, 90}, new double[] {0, 5, 180}, 3, 36, 2, 100);
        assertThat(counts[0]).isEqualTo(2);
        assertThat(counts[36 + 18]).isEqualTo(1);
        BufferedImage rose = ImageIO.read(new ByteArrayInputStream(Renderer.png(new Rose("rose", counts, 36, 2, 100, "offset", "m",
                ColorMap.viridis(), 400))));
        assertThat(rose.getWidth()).isEqualTo(510);
    }
}

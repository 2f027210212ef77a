package org.seisproc.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.seisproc.dsp.Sampling;

/// Draws [Chart]s and [Rose]s into images and PNG bytes with `java.awt` (headless: the JVM's
/// `java.awt.headless` is set to true unless already set). One renderer for every picture:
/// `seisproc gather --png`, the QC report, the web application's still pictures.
///
/// Layout: title at the top; the vertical axis labelled at the left (its title turned); the
/// horizontal axis at the bottom, or at the top when the chart is time-down; the colour bar at
/// the right with its own ticks and title. Ticks are 1, 2, 5 × 10^k.
public final class Renderer {
    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    private static final Color BACKGROUND = Color.WHITE;
    private static final Color INK = new Color(0x222222);
    private static final Color NOTHING = new Color(0xEEEEEE);
    private static final Graphics2D METRICS = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();

    private Renderer() {
    }

    /// The chart as PNG bytes.
    public static byte[] png(Chart chart) {
        return encode(render(chart));
    }

    /// The rose as PNG bytes.
    public static byte[] png(Rose rose) {
        return encode(render(rose));
    }

    /// Writes PNG bytes to `file` (parent folders created).
    public static void write(byte[] png, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, png);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /// An image as PNG bytes.
    public static byte[] encode(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer in this JDK");
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /// The plot area of a chart of this size: x, y, width, height in pixels.
    static int[] plotArea(Chart c) {
        FontMetrics fm = METRICS.getFontMetrics(TEXT);
        int h0 = c.height() - 94; // top + bottom margins, either orientation
        double[] yt = c.y().ticks(Math.max(2, h0 / 60));
        double ystep = yt.length > 1 ? yt[1] - yt[0] : c.y().max() - c.y().min();
        int widest = 0;
        for (double t : yt) {
            widest = Math.max(widest, fm.stringWidth(Ticks.label(t, ystep)));
        }
        int left = Math.max(60, widest + 14 + fm.getHeight() + 8);
        int right = c.colorBar() != null ? 110 : 24;
        int top = c.yDown() ? 78 : 40;
        int bottom = c.yDown() ? 16 : 54;
        return new int[] {left, top, Math.max(10, c.width() - left - right), Math.max(10, c.height() - top - bottom)};
    }

    /// Draws a chart.
    public static BufferedImage render(Chart c) {
        BufferedImage img = new BufferedImage(c.width(), c.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = start(img);
        int[] a = plotArea(c);
        int px = a[0];
        int py = a[1];
        int pw = a[2];
        int ph = a[3];
        g.setColor(NOTHING);
        g.fillRect(px, py, pw, ph);
        java.awt.Shape oldClip = g.getClip();
        g.setClip(px, py, pw, ph);
        for (Layer layer : c.layers()) {
            switch (layer) {
                case Layer.Pixels p -> drawPixels(img, c, p, a);
                case Layer.Points p -> drawPoints(g, c, p, a);
                case Layer.Line l -> drawLine(g, c, l, a);
                case Layer.Bars b -> drawBars(g, c, b, a);
            }
        }
        g.setClip(oldClip);
        drawLegend(g, c, a);
        g.setColor(INK);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(px, py, pw, ph);
        g.setFont(TEXT);
        FontMetrics fm = g.getFontMetrics();
        // horizontal axis
        double[] xt = c.x().ticks(Math.max(2, pw / 90));
        double xstep = xt.length > 1 ? xt[1] - xt[0] : c.x().max() - c.x().min();
        int axisY = c.yDown() ? py : py + ph;
        int dir = c.yDown() ? -1 : 1;
        for (double t : xt) {
            int x = (int) Math.round(xPix(c, t, a));
            g.drawLine(x, axisY, x, axisY + 5 * dir);
            String s = Ticks.label(t, xstep);
            int tw = fm.stringWidth(s);
            g.drawString(s, x - tw / 2, c.yDown() ? axisY - 8 : axisY + 8 + fm.getAscent());
        }
        String xTitle = c.x().title();
        int xTitleY = c.yDown() ? axisY - 10 - fm.getHeight() - 4 : axisY + 12 + fm.getHeight() + fm.getAscent();
        g.drawString(xTitle, px + (pw - fm.stringWidth(xTitle)) / 2, xTitleY);
        // vertical axis
        double[] yt = c.y().ticks(Math.max(2, ph / 60));
        double ystep = yt.length > 1 ? yt[1] - yt[0] : c.y().max() - c.y().min();
        int maxLabel = 0;
        for (double t : yt) {
            int y = (int) Math.round(yPix(c, t, a));
            g.drawLine(px, y, px - 5, y);
            String s = Ticks.label(t, ystep);
            int tw = fm.stringWidth(s);
            maxLabel = Math.max(maxLabel, tw);
            g.drawString(s, px - 8 - tw, y + fm.getAscent() / 2 - 1);
        }
        drawTurned(g, c.y().title(), Math.max(fm.getAscent(), px - 12 - maxLabel - fm.getDescent()), py + ph / 2);
        // title
        g.setFont(TITLE);
        FontMetrics tf = g.getFontMetrics();
        String title = fit(c.title(), tf, c.width() - 10);
        g.drawString(title, (c.width() - tf.stringWidth(title)) / 2, tf.getAscent() + 6);
        if (c.colorBar() != null) {
            drawColorBar(g, c.colorBar(), px + pw + 14, py, ph);
        }
        g.dispose();
        return img;
    }

    private static Graphics2D start(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(BACKGROUND);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        return g;
    }

    private static String fit(String s, FontMetrics fm, int width) {
        if (fm.stringWidth(s) <= width) {
            return s;
        }
        String t = s;
        while (t.length() > 4 && fm.stringWidth(t + "…") > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }

    private static void drawTurned(Graphics2D g, String s, int x, int centreY) {
        AffineTransform old = g.getTransform();
        g.translate(x, centreY + g.getFontMetrics().stringWidth(s) / 2.0);
        g.rotate(-Math.PI / 2);
        g.drawString(s, 0, 0);
        g.setTransform(old);
    }

    static double xPix(Chart c, double v, int[] a) {
        return a[0] + (v - c.x().min()) / (c.x().max() - c.x().min()) * a[2];
    }

    static double yPix(Chart c, double v, int[] a) {
        double s = (v - c.y().min()) / (c.y().max() - c.y().min());
        return c.yDown() ? a[1] + s * a[3] : a[1] + a[3] - s * a[3];
    }

    /// Nearest-neighbour cells: each pixel centre maps back to data coordinates, then to the
    /// nearest sample of each axis.
    private static void drawPixels(BufferedImage img, Chart c, Layer.Pixels p, int[] a) {
        int pw = a[2];
        int ph = a[3];
        boolean x1down = p.orientation() == Layer.Orientation.X1DOWN_X2RIGHT;
        Sampling sx = x1down ? p.s2() : p.s1();
        Sampling sy = x1down ? p.s1() : p.s2();
        int[] col = new int[pw];
        for (int i = 0; i < pw; i++) {
            double v = c.x().min() + (i + 0.5) / pw * (c.x().max() - c.x().min());
            col[i] = nearest(sx, v);
        }
        int[] row = new int[ph];
        for (int j = 0; j < ph; j++) {
            double s = (j + 0.5) / ph;
            double v = c.yDown() ? c.y().min() + s * (c.y().max() - c.y().min()) : c.y().max() - s * (c.y().max() - c.y().min());
            row[j] = nearest(sy, v);
        }
        int n1 = p.s1().count();
        int[] line = new int[pw];
        for (int j = 0; j < ph; j++) {
            if (row[j] < 0) {
                continue;
            }
            boolean any = false;
            for (int i = 0; i < pw; i++) {
                if (col[i] < 0) {
                    line[i] = NOTHING.getRGB() & 0xFFFFFF;
                    continue;
                }
                int i1 = x1down ? row[j] : col[i];
                int i2 = x1down ? col[i] : row[j];
                line[i] = p.colors().color(p.f()[i2 * n1 + i1], p.min(), p.max(), NOTHING.getRGB() & 0xFFFFFF);
                any = true;
            }
            if (any) {
                img.setRGB(a[0], a[1] + j, pw, 1, line, 0, pw);
            }
        }
    }

    private static int nearest(Sampling s, double v) {
        double f = (v - s.first()) / s.interval();
        long i = Math.round(f);
        return i < 0 || i >= s.count() ? -1 : (int) i;
    }

    private static void drawPoints(Graphics2D g, Chart c, Layer.Points p, int[] a) {
        int r = Math.max(1, p.size());
        for (int i = 0; i < p.x().length; i++) {
            int rgb = p.values() == null ? p.rgb() : p.colors().color(p.values()[i], p.min(), p.max(), -1);
            if (rgb == -1) {
                continue;
            }
            g.setColor(new Color(rgb));
            int x = (int) Math.round(xPix(c, p.x()[i], a)) - r / 2;
            int y = (int) Math.round(yPix(c, p.y()[i], a)) - r / 2;
            g.fillRect(x, y, r, r);
        }
    }

    private static void drawLine(Graphics2D g, Chart c, Layer.Line l, int[] a) {
        int n = l.x().length;
        int[] xs = new int[n];
        int[] ys = new int[n];
        for (int i = 0; i < n; i++) {
            xs[i] = (int) Math.round(xPix(c, l.x()[i], a));
            ys[i] = (int) Math.round(yPix(c, l.y()[i], a));
        }
        g.setColor(new Color(l.rgb()));
        g.setStroke(new BasicStroke(1.5f));
        g.drawPolyline(xs, ys, n);
    }

    private static void drawBars(Graphics2D g, Chart c, Layer.Bars b, int[] a) {
        double base = yPix(c, Math.max(c.y().min(), 0), a);
        for (int i = 0; i < b.heights().length; i++) {
            int x0 = (int) Math.round(xPix(c, b.edges()[i], a));
            int x1 = (int) Math.round(xPix(c, b.edges()[i + 1], a));
            int y = (int) Math.round(yPix(c, b.heights()[i], a));
            int top = Math.min(y, (int) base);
            int h = Math.abs((int) base - y);
            g.setColor(new Color(b.rgb()));
            g.fillRect(x0, top, Math.max(1, x1 - x0), h);
            g.setColor(Color.WHITE);
            g.drawLine(x1, top, x1, top + h);
        }
    }

    private static void drawLegend(Graphics2D g, Chart c, int[] a) {
        java.util.List<String> names = new java.util.ArrayList<>();
        java.util.List<Integer> colors = new java.util.ArrayList<>();
        for (Layer l : c.layers()) {
            if (l instanceof Layer.Points p && p.legend() != null) {
                names.add(p.legend());
                colors.add(p.rgb());
            } else if (l instanceof Layer.Line ln && ln.legend() != null) {
                names.add(ln.legend());
                colors.add(ln.rgb());
            }
        }
        if (names.isEmpty()) {
            return;
        }
        g.setFont(TEXT);
        FontMetrics fm = g.getFontMetrics();
        int w = 0;
        for (String s : names) {
            w = Math.max(w, fm.stringWidth(s));
        }
        int x = a[0] + a[2] - w - 34;
        int y = a[1] + 8;
        g.setColor(new Color(255, 255, 255, 220));
        g.fillRect(x, y, w + 26, names.size() * (fm.getHeight() + 2) + 6);
        g.setColor(INK);
        g.drawRect(x, y, w + 26, names.size() * (fm.getHeight() + 2) + 6);
        for (int i = 0; i < names.size(); i++) {
            int ly = y + 4 + i * (fm.getHeight() + 2);
            g.setColor(new Color(colors.get(i)));
            g.fillRect(x + 6, ly + 3, 10, 10);
            g.setColor(INK);
            g.drawString(names.get(i), x + 20, ly + fm.getAscent());
        }
    }

    private static void drawColorBar(Graphics2D g, ColorBar bar, int x, int y, int h) {
        int w = 16;
        for (int j = 0; j < h; j++) {
            double s = 1 - (j + 0.5) / h;
            g.setColor(new Color(bar.colors().entry((int) Math.round(s * (ColorMap.SIZE - 1)))));
            g.drawLine(x, y + j, x + w - 1, y + j);
        }
        g.setColor(INK);
        g.drawRect(x, y, w, h);
        g.setFont(TEXT);
        FontMetrics fm = g.getFontMetrics();
        Axis axis = new Axis(bar.label(), bar.unit(), bar.min(), bar.max());
        double[] t = axis.ticks(Math.max(2, h / 50));
        double step = t.length > 1 ? t[1] - t[0] : bar.max() - bar.min();
        int maxLabel = 0;
        for (double v : t) {
            int ty = (int) Math.round(y + h - (v - axis.min()) / (axis.max() - axis.min()) * h);
            g.drawLine(x + w, ty, x + w + 4, ty);
            String s = Ticks.label(v, step);
            maxLabel = Math.max(maxLabel, fm.stringWidth(s));
            g.drawString(s, x + w + 7, ty + fm.getAscent() / 2 - 1);
        }
        drawTurned(g, bar.title(), x + w + 12 + maxLabel + fm.getAscent(), y + h / 2);
    }

    /// Draws a rose: north up, rings of offset with their labels, sectors coloured by count.
    public static BufferedImage render(Rose r) {
        int width = r.size() + 110;
        int height = r.size();
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = start(img);
        int top = 48;
        int radius = (height - top - 30) / 2;
        int cx = 30 + radius;
        int cy = top + radius;
        float max = 0;
        for (float v : r.counts()) {
            max = Math.max(max, v);
        }
        for (int ring = r.rings() - 1; ring >= 0; ring--) {
            double outer = radius * (ring + 1.0) / r.rings();
            double inner = radius * (double) ring / r.rings();
            for (int s = 0; s < r.sectors(); s++) {
                float v = r.counts()[ring * r.sectors() + s];
                double start = 90 - 360.0 * s / r.sectors(); // AWT: counter-clockwise from east
                double extent = -360.0 / r.sectors();
                Area cell = new Area(new Arc2D.Double(cx - outer, cy - outer, 2 * outer, 2 * outer, start, extent, Arc2D.PIE));
                cell.subtract(new Area(new Ellipse2D.Double(cx - inner, cy - inner, 2 * inner, 2 * inner)));
                g.setColor(v > 0 ? new Color(r.colors().color(v, 0, Math.max(1, max), 0)) : NOTHING);
                g.fill(cell);
            }
        }
        g.setColor(new Color(0x888888));
        g.setFont(TEXT);
        FontMetrics fm = g.getFontMetrics();
        double step = r.maxRadius() / r.rings();
        for (int ring = 1; ring <= r.rings(); ring++) {
            double rr = radius * (double) ring / r.rings();
            g.draw(new Ellipse2D.Double(cx - rr, cy - rr, 2 * rr, 2 * rr));
        }
        for (int k = 0; k < 8; k++) {
            double az = Math.toRadians(45 * k);
            g.drawLine(cx, cy, (int) Math.round(cx + radius * Math.sin(az)), (int) Math.round(cy - radius * Math.cos(az)));
        }
        g.setColor(INK);
        int labelEvery = Math.max(1, r.rings() / 4);
        for (int ring = labelEvery; ring <= r.rings(); ring += labelEvery) {
            double rr = radius * (double) ring / r.rings();
            String s = Ticks.label(step * ring, step);
            g.drawString(s, (int) Math.round(cx + rr * 0.7071) + 2, (int) Math.round(cy + rr * 0.7071) + fm.getAscent());
        }
        String[] compass = {"N 0°", "E 90°", "S 180°", "W 270°"};
        g.drawString(compass[0], cx - fm.stringWidth(compass[0]) / 2, cy - radius - 4);
        g.drawString(compass[1], cx + radius + 3, cy + fm.getAscent() / 2);
        g.drawString(compass[2], cx - fm.stringWidth(compass[2]) / 2, cy + radius + fm.getAscent() + 2);
        g.drawString(compass[3], Math.max(0, cx - radius - fm.stringWidth(compass[3]) - 3), cy + fm.getAscent() / 2);
        String unit = r.radiusUnit() == null || r.radiusUnit().isEmpty() ? "" : " (" + r.radiusUnit() + ")";
        g.drawString("rings: " + r.radiusLabel() + unit + "; azimuth clockwise from north", 6, height - 8);
        g.setFont(TITLE);
        FontMetrics tf = g.getFontMetrics();
        String title = fit(r.title(), tf, width - 10);
        g.drawString(title, (width - tf.stringWidth(title)) / 2, tf.getAscent() + 6);
        drawColorBar(g, new ColorBar(r.colors(), 0, Math.max(1, max), "traces per cell", ""), cx + radius + 44, top, 2 * radius);
        g.dispose();
        return img;
    }
}

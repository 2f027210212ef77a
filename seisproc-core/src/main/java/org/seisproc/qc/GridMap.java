package org.seisproc.qc;

/// Values accumulated on a regular grid of map cells over [x0, x1] × [y0, y1]: per cell the
/// count and the sum of values, so a map of millions of traces is drawn from at most nx × ny
/// cells (the mean per cell, NaN where empty). Cell (ix, iy) covers
/// [x0 + ix·dx, x0 + (ix+1)·dx) × [y0 + iy·dy, …); the upper edge falls in the last cell.
public final class GridMap {
    private final double x0;
    private final double y0;
    private final double dx;
    private final double dy;
    private final int nx;
    private final int ny;
    private final int[] count;
    private final double[] sum;

    public GridMap(double x0, double x1, double y0, double y1, int nx, int ny) {
        double w = Math.max(x1 - x0, 1e-9);
        double h = Math.max(y1 - y0, 1e-9);
        this.x0 = x0;
        this.y0 = y0;
        this.nx = nx;
        this.ny = ny;
        this.dx = w / nx;
        this.dy = h / ny;
        this.count = new int[nx * ny];
        this.sum = new double[nx * ny];
    }

    /// A grid over the bounding box of the points with about `cells` cells along its longer side
    /// and square cells (so the map keeps its aspect).
    public static GridMap covering(double[] xMinMax, double[] yMinMax, int cells) {
        double w = Math.max(xMinMax[1] - xMinMax[0], 1e-6);
        double h = Math.max(yMinMax[1] - yMinMax[0], 1e-6);
        double cell = Math.max(w, h) / cells;
        int nx = Math.max(1, (int) Math.ceil(w / cell));
        int ny = Math.max(1, (int) Math.ceil(h / cell));
        return new GridMap(xMinMax[0], xMinMax[0] + nx * cell, yMinMax[0], yMinMax[0] + ny * cell, nx, ny);
    }

    /// Adds `value` at (x, y); points outside are ignored.
    public void add(double x, double y, double value) {
        int ix = (int) ((x - x0) / dx);
        int iy = (int) ((y - y0) / dy);
        if (ix == nx) {
            ix--;
        }
        if (iy == ny) {
            iy--;
        }
        if (ix < 0 || ix >= nx || iy < 0 || iy >= ny) {
            return;
        }
        count[iy * nx + ix]++;
        sum[iy * nx + ix] += value;
    }

    public int nx() {
        return nx;
    }

    public int ny() {
        return ny;
    }

    public double x0() {
        return x0;
    }

    public double y0() {
        return y0;
    }

    public double dx() {
        return dx;
    }

    public double dy() {
        return dy;
    }

    /// Points in cell (ix, iy).
    public int count(int ix, int iy) {
        return count[iy * nx + ix];
    }

    /// Mean per cell, `f[iy·nx + ix]`, NaN where empty (x fastest: a picture's axis 1).
    public float[] means() {
        float[] f = new float[nx * ny];
        for (int i = 0; i < f.length; i++) {
            f[i] = count[i] > 0 ? (float) (sum[i] / count[i]) : Float.NaN;
        }
        return f;
    }

    /// Centres of the occupied cells: {x[], y[]}.
    public double[][] occupied() {
        int m = 0;
        for (int c : count) {
            m += c > 0 ? 1 : 0;
        }
        double[] x = new double[m];
        double[] y = new double[m];
        int k = 0;
        for (int iy = 0; iy < ny; iy++) {
            for (int ix = 0; ix < nx; ix++) {
                if (count[iy * nx + ix] > 0) {
                    x[k] = x0 + (ix + 0.5) * dx;
                    y[k] = y0 + (iy + 0.5) * dy;
                    k++;
                }
            }
        }
        return new double[][] {x, y};
    }
}

package org.seisproc.web;

import org.seisproc.migration.OutputGrid;
import org.seisproc.migration.Tile;
import org.seisproc.migration.TileImage;

/// The stacked image of a running migration as far as it has got, painted from the tiles the
/// run reports ([org.seisproc.migration.MigrationListener#tileDone]); the monitor shows an inline
/// or crossline section of it. The whole image is kept when it has at most [#MAX_FLOATS]
/// samples (64 MB); a larger one keeps the middle inline and the middle crossline only.
/// Bins of tiles not done yet are zero, and marked so ([#section]'s `done`).
final class LiveImage {
    /// Samples kept in memory for the whole image at most.
    static final long MAX_FLOATS = 16L << 20;

    private final OutputGrid grid;
    private final int nk;
    private final float[] all;
    private final float[] middleInline;
    private final float[] middleCrossline;
    private final boolean[] done;
    private volatile int version;

    LiveImage(OutputGrid grid) {
        this.grid = grid;
        this.nk = grid.time().count();
        boolean whole = grid.traces() * nk <= MAX_FLOATS;
        this.all = whole ? new float[(int) (grid.traces() * nk)] : null;
        this.middleInline = whole ? null : new float[grid.crosslines() * nk];
        this.middleCrossline = whole ? null : new float[grid.inlines() * nk];
        this.done = new boolean[(int) grid.traces()];
    }

    OutputGrid grid() {
        return grid;
    }

    /// True when every inline and crossline can be shown.
    boolean whole() {
        return all != null;
    }

    /// Tiles painted so far (the page refetches a section when it changes).
    int version() {
        return version;
    }

    /// Copies a finished tile's stack in.
    synchronized void paint(TileImage image) {
        Tile tile = image.tile();
        float[] s = image.stack();
        for (int bi = 0; bi < tile.inlines(); bi++) {
            for (int bj = 0; bj < tile.crosslines(); bj++) {
                int b = bi * tile.crosslines() + bj;
                int i = tile.inline0() + bi;
                int j = tile.crossline0() + bj;
                int o = i * grid.crosslines() + j;
                done[o] = true;
                if (all != null) {
                    System.arraycopy(s, b * nk, all, o * nk, nk);
                } else {
                    if (i == grid.inlines() / 2) {
                        System.arraycopy(s, b * nk, middleInline, j * nk, nk);
                    }
                    if (j == grid.crosslines() / 2) {
                        System.arraycopy(s, b * nk, middleCrossline, i * nk, nk);
                    }
                }
            }
        }
        version++;
    }

    /// A section as a binary frame: along inline number `inline` (traces = crosslines) or, when
    /// `inline` is null, along crossline number `crossline` (traces = inlines); both null: the
    /// middle inline. Arrays: `samples` (n2 × n1), `h:iline`, `h:xline`, `h:done` (1 where the
    /// bin's tile is done).
    synchronized byte[] section(Integer inline, Integer crossline) {
        boolean alongInline = inline != null || crossline == null;
        int index;
        if (alongInline) {
            int number = inline != null ? inline : grid.inline(grid.inlines() / 2);
            index = indexOf(number, grid.firstInline(), grid.inlineStep(), grid.inlines(), "inline");
            if (all == null && index != grid.inlines() / 2) {
                throw WebError.bad("inline", "this image is too large to keep whole; the monitor keeps inline "
                        + grid.inline(grid.inlines() / 2) + " and crossline " + grid.crossline(grid.crosslines() / 2) + " only");
            }
        } else {
            index = indexOf(crossline, grid.firstCrossline(), grid.crosslineStep(), grid.crosslines(), "crossline");
            if (all == null && index != grid.crosslines() / 2) {
                throw WebError.bad("crossline", "this image is too large to keep whole; the monitor keeps inline "
                        + grid.inline(grid.inlines() / 2) + " and crossline " + grid.crossline(grid.crosslines() / 2) + " only");
            }
        }
        int n2 = alongInline ? grid.crosslines() : grid.inlines();
        float[] samples = new float[n2 * nk];
        double[] il = new double[n2];
        double[] xl = new double[n2];
        double[] doneFlags = new double[n2];
        for (int k = 0; k < n2; k++) {
            int i = alongInline ? index : k;
            int j = alongInline ? k : index;
            int o = i * grid.crosslines() + j;
            il[k] = grid.inline(i);
            xl[k] = grid.crossline(j);
            doneFlags[k] = done[o] ? 1 : 0;
            if (all != null) {
                System.arraycopy(all, o * nk, samples, k * nk, nk);
            } else {
                System.arraycopy(alongInline ? middleInline : middleCrossline, k * nk, samples, k * nk, nk);
            }
        }
        return new Frame().meta("n1", nk).meta("n2", n2).meta("sampleIntervalMicros", grid.time().interval() * 1e6)
                .meta("firstTime", grid.time().first()).meta("along", alongInline ? "inline" : "crossline")
                .meta("number", alongInline ? grid.inline(index) : grid.crossline(index)).meta("version", version)
                .meta("whole", all != null).meta("headerNames", java.util.List.of("iline", "xline", "done"))
                .floats("samples", samples, 0, samples.length).doubles("h:iline", il).doubles("h:xline", xl)
                .doubles("h:done", doneFlags).encode();
    }

    private static int indexOf(int number, int first, int step, int count, String parameter) {
        int d = number - first;
        if (d < 0 || d % step != 0 || d / step >= count) {
            throw WebError.bad(parameter, parameter + " " + number + " is not on the output grid (" + first + ".."
                    + (first + (count - 1) * step) + " step " + step + ")");
        }
        return d / step;
    }
}

package org.seisproc.migration.internal;

/// A spatial index of trace midpoints on the bin grid: cells of `cellBins × cellBins` bins, each
/// with its traces in increasing trace order (compressed rows: one counting sort, two `int`
/// arrays). A tile asks for the traces whose midpoints fall in a rectangle of fractional
/// inline/crossline numbers and touches only the cells it overlaps: never a scan of the survey.
public final class MidpointIndex {
    private final float[] inline;
    private final float[] crossline;
    private final double inlineMin;
    private final double crosslineMin;
    private final double cell;
    private final int cellsInline;
    private final int cellsCrossline;
    private final int[] start;
    private final int[] traces;

    /// Indexes the midpoints (`inline[t]`, `crossline[t]`, fractional numbers) of traces that
    /// take part (`use[t] != 0`; null = all).
    public MidpointIndex(float[] inline, float[] crossline, byte[] use, double cellBins) {
        this.inline = inline;
        this.crossline = crossline;
        this.cell = cellBins;
        int n = inline.length;
        double ilMin = Double.POSITIVE_INFINITY;
        double ilMax = Double.NEGATIVE_INFINITY;
        double xlMin = Double.POSITIVE_INFINITY;
        double xlMax = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < n; t++) {
            if (use == null || use[t] != 0) {
                ilMin = Math.min(ilMin, inline[t]);
                ilMax = Math.max(ilMax, inline[t]);
                xlMin = Math.min(xlMin, crossline[t]);
                xlMax = Math.max(xlMax, crossline[t]);
            }
        }
        if (ilMin > ilMax) {
            ilMin = ilMax = xlMin = xlMax = 0;
        }
        this.inlineMin = ilMin;
        this.crosslineMin = xlMin;
        this.cellsInline = (int) ((ilMax - ilMin) / cell) + 1;
        this.cellsCrossline = (int) ((xlMax - xlMin) / cell) + 1;
        int cells = Math.multiplyExact(cellsInline, cellsCrossline);
        this.start = new int[cells + 1];
        int used = 0;
        for (int t = 0; t < n; t++) {
            if (use == null || use[t] != 0) {
                start[cellOf(t) + 1]++;
                used++;
            }
        }
        for (int c = 0; c < cells; c++) {
            start[c + 1] += start[c];
        }
        this.traces = new int[used];
        int[] fill = java.util.Arrays.copyOf(start, cells);
        for (int t = 0; t < n; t++) {
            if (use == null || use[t] != 0) {
                traces[fill[cellOf(t)]++] = t;
            }
        }
    }

    private int cellOf(int t) {
        int ci = (int) ((inline[t] - inlineMin) / cell);
        int cx = (int) ((crossline[t] - crosslineMin) / cell);
        return ci * cellsCrossline + cx;
    }

    /// Traces indexed.
    public int size() {
        return traces.length;
    }

    /// Bytes held by the index (its two arrays).
    public long bytes() {
        return 4L * (start.length + traces.length);
    }

    /// The traces with midpoints in `[ilLo, ilHi] × [xlLo, xlHi]` (fractional numbers), in
    /// increasing trace order.
    public int[] query(double ilLo, double ilHi, double xlLo, double xlHi) {
        int c0 = clamp((int) Math.floor((ilLo - inlineMin) / cell), cellsInline);
        int c1 = clamp((int) Math.floor((ilHi - inlineMin) / cell), cellsInline);
        int d0 = clamp((int) Math.floor((xlLo - crosslineMin) / cell), cellsCrossline);
        int d1 = clamp((int) Math.floor((xlHi - crosslineMin) / cell), cellsCrossline);
        if (ilHi < inlineMin || xlHi < crosslineMin || ilLo > inlineMin + cellsInline * cell || xlLo > crosslineMin + cellsCrossline * cell) {
            return new int[0];
        }
        int count = 0;
        for (int ci = c0; ci <= c1; ci++) {
            count += start[ci * cellsCrossline + d1 + 1] - start[ci * cellsCrossline + d0];
        }
        int[] out = new int[count];
        int n = 0;
        for (int ci = c0; ci <= c1; ci++) {
            for (int k = start[ci * cellsCrossline + d0]; k < start[ci * cellsCrossline + d1 + 1]; k++) {
                int t = traces[k];
                if (inline[t] >= ilLo && inline[t] <= ilHi && crossline[t] >= xlLo && crossline[t] <= xlHi) {
                    out[n++] = t;
                }
            }
        }
        out = java.util.Arrays.copyOf(out, n);
        java.util.Arrays.sort(out);
        return out;
    }

    private static int clamp(int c, int cells) {
        return Math.max(0, Math.min(cells - 1, c));
    }
}

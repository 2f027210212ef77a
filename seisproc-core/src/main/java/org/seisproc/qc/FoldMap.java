package org.seisproc.qc;

/// Traces per CDP bin on the inline × crossline grid: `counts[(il − firstInline)·crosslines +
/// (xl − firstCrossline)]`, computed in one pass over two header columns (no samples read).
///
/// @param firstInline    smallest inline
/// @param inlines        number of inlines in the grid (max − min + 1)
/// @param firstCrossline smallest crossline
/// @param crosslines     number of crosslines in the grid
/// @param counts         traces per bin (0 for an empty bin)
public record FoldMap(int firstInline, int inlines, int firstCrossline, int crosslines, int[] counts) {
    /// Largest grid this builds (bins); wider surveys need other bins.
    public static final long MAX_BINS = 64L << 20;

    /// Counts `n` traces with inline `iline[i]` and crossline `xline[i]`.
    public static FoldMap of(int[] iline, int[] xline, int n) {
        if (n == 0) {
            return new FoldMap(0, 1, 0, 1, new int[1]);
        }
        int il0 = Integer.MAX_VALUE;
        int il1 = Integer.MIN_VALUE;
        int xl0 = Integer.MAX_VALUE;
        int xl1 = Integer.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            il0 = Math.min(il0, iline[i]);
            il1 = Math.max(il1, iline[i]);
            xl0 = Math.min(xl0, xline[i]);
            xl1 = Math.max(xl1, xline[i]);
        }
        long nil = (long) il1 - il0 + 1;
        long nxl = (long) xl1 - xl0 + 1;
        if (nil * nxl > MAX_BINS) {
            throw new IllegalArgumentException("the inline/crossline grid " + nil + " x " + nxl + " is too large for a fold map (over "
                    + MAX_BINS + " bins): are iline/xline set?");
        }
        int[] c = new int[(int) (nil * nxl)];
        for (int i = 0; i < n; i++) {
            c[(iline[i] - il0) * (int) nxl + (xline[i] - xl0)]++;
        }
        return new FoldMap(il0, (int) nil, xl0, (int) nxl, c);
    }

    /// Traces in bin (il, xl); 0 outside the grid.
    public int fold(int il, int xl) {
        int a = il - firstInline;
        int b = xl - firstCrossline;
        return a < 0 || a >= inlines || b < 0 || b >= crosslines ? 0 : counts[a * crosslines + b];
    }

    /// Largest fold.
    public int max() {
        int m = 0;
        for (int c : counts) {
            m = Math.max(m, c);
        }
        return m;
    }

    /// Number of bins with at least one trace.
    public int liveBins() {
        int m = 0;
        for (int c : counts) {
            m += c > 0 ? 1 : 0;
        }
        return m;
    }
}

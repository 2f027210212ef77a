package org.seisproc.migration;

/// A migrated tile: for each bin of the tile (inline-major within the tile), the fold-normalised
/// common-image gather (one trace per offset class) and the stack, with their folds.
///
/// The image of class c at bin b is Σ contributions / (fold_c(b) / binsPerCell), where fold_c(b)
/// is the number of class-c input traces whose midpoints fall in the output cell of b (an
/// output step × step bins) and binsPerCell = inlineStep × crosslineStep: the Kirchhoff sum per
/// unit trace density. The stack is Σ_c sums / (Σ_c fold_c / binsPerCell). Bins without fold
/// are zero.
///
/// @param tile          the tile
/// @param samples       output samples per trace
/// @param gathers       `gathers[c][b * samples + k]`
/// @param stack         `stack[b * samples + k]`
/// @param fold          `fold[c][b]`
/// @param traces        input traces read for the tile
/// @param contributions input traces × output samples touched
public record TileImage(Tile tile, int samples, float[][] gathers, float[] stack, int[][] fold, long traces, long contributions) {
    /// Total fold of bin `b` over all classes.
    public int totalFold(int b) {
        int f = 0;
        for (int[] c : fold) {
            f += c[b];
        }
        return f;
    }
}

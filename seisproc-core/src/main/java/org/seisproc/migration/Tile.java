package org.seisproc.migration;

/// One unit of migration work: a rectangle of output bins (indices into the [OutputGrid]),
/// migrated from the input traces whose midpoints fall within it plus the aperture. A tile is
/// self-contained (a [MigrationPlan] and the tile are all it needs), so it can run on a thread
/// here or as a Spark task.
///
/// @param id         tile number (inline-major over the tile grid)
/// @param inline0    first inline index of the tile
/// @param inlines    inline indices in the tile
/// @param crossline0 first crossline index
/// @param crosslines crossline indices in the tile
public record Tile(int id, int inline0, int inlines, int crossline0, int crosslines) {
    /// Output traces (bins) in the tile.
    public int traces() {
        return inlines * crosslines;
    }
}

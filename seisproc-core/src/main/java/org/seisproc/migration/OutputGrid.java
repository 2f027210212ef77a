package org.seisproc.migration;

import org.seisproc.dsp.Sampling;

/// The migrated image's grid: inlines `firstInline, firstInline + inlineStep, …` (`inlines` of
/// them), crosslines likewise, and the output time axis (s). Output trace `o` is inline index
/// `o / crosslines`, crossline index `o % crosslines` (inline-major, as the image dataset stores
/// them).
///
/// @param firstInline    first inline number
/// @param inlineStep     inline number increment (≥ 1)
/// @param inlines        number of inlines (≥ 1)
/// @param firstCrossline first crossline number
/// @param crosslineStep  crossline number increment (≥ 1)
/// @param crosslines     number of crosslines (≥ 1)
/// @param time           output time axis (s)
public record OutputGrid(int firstInline, int inlineStep, int inlines, int firstCrossline, int crosslineStep, int crosslines,
                         Sampling time) {
    public OutputGrid {
        if (inlineStep < 1 || crosslineStep < 1 || inlines < 1 || crosslines < 1 || time.count() < 1) {
            throw new IllegalArgumentException("an output grid needs at least one inline, crossline and sample, with steps >= 1");
        }
    }

    /// Output traces (bins).
    public long traces() {
        return (long) inlines * crosslines;
    }

    /// Inline number of inline index `i`.
    public int inline(int i) {
        return firstInline + i * inlineStep;
    }

    /// Crossline number of crossline index `j`.
    public int crossline(int j) {
        return firstCrossline + j * crosslineStep;
    }

    /// The last inline number.
    public int lastInline() {
        return inline(inlines - 1);
    }

    /// The last crossline number.
    public int lastCrossline() {
        return crossline(crosslines - 1);
    }
}

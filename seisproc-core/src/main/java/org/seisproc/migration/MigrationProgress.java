package org.seisproc.migration;

/// A snapshot of a running migration, for the CLI's progress line and the web monitor.
///
/// @param tilesDone              tiles finished (including those a resumed run found done)
/// @param tilesTotal             tiles in the job
/// @param tracesRead             input trace reads so far in this run (a trace is read once per tile)
/// @param contributions          input traces × output samples touched so far in this run
/// @param elapsedSeconds         wall time of this run so far (s)
/// @param tracesPerSecond        trace reads per second (this run)
/// @param contributionsPerSecond contributions per second (this run)
/// @param etaSeconds             estimated seconds to the end (from the tiles' rate; NaN before the first tile)
/// @param classTracesRead        trace reads per offset class so far
/// @param classTracesExpected    trace reads per offset class the whole job needs (estimated from sampled tiles)
/// @param paused                 whether the run is paused
public record MigrationProgress(int tilesDone, int tilesTotal, long tracesRead, long contributions, double elapsedSeconds,
                                double tracesPerSecond, double contributionsPerSecond, double etaSeconds, long[] classTracesRead,
                                long[] classTracesExpected, boolean paused) {
    /// Fraction done, by tiles (0..1).
    public double fraction() {
        return tilesTotal == 0 ? 1 : (double) tilesDone / tilesTotal;
    }
}

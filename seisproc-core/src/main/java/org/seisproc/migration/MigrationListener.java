package org.seisproc.migration;

/// Follows a running migration (the CLI prints, the web monitor pushes to the browser). Called
/// from worker threads, so implementations must be thread-safe; every method has a no-op
/// default.
public interface MigrationListener {
    /// After every finished tile (and once at the start): where the run is.
    default void progress(MigrationProgress progress) {
    }

    /// A tile's image, just written (the monitor shows the tiles done so far).
    default void tileDone(TileImage image) {
    }

    /// A line of the run's log.
    default void log(String line) {
    }

    /// Ignores everything.
    MigrationListener NONE = new MigrationListener() {
    };
}

package org.seisproc.ensemble;

/// Whether a dataset has a usable stored index for a key.
public enum IndexStatus {
    /// No index stored for the key.
    ABSENT,
    /// Stored and built from the dataset as it is now.
    FRESH,
    /// Stored but built from other content (re-imported or rewritten dataset), or damaged.
    STALE
}

package org.seisproc.ensemble;

/// Fold (traces per ensemble) statistics of an index.
///
/// @param ensembles number of ensembles
/// @param min       smallest fold
/// @param mean      mean fold (traces / ensembles)
/// @param max       largest fold
public record FoldStats(int ensembles, int min, double mean, int max) {
}

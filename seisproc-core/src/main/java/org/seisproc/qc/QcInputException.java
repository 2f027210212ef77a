package org.seisproc.qc;

/// A QC request that names what the data does not have (inlines, ensembles): the user's
/// mistake, reported as a usage error (exit 2) by the command line.
public final class QcInputException extends IllegalArgumentException {
    public QcInputException(String message) {
        super(message);
    }
}

package org.seisproc.ensemble;

/// No ensemble has the key values asked for (a typed `--value`, a go-to in the navigator); the
/// message names the key and the nearest ensembles. A mistake in what the user asked, not in the
/// data.
public final class NoSuchEnsembleException extends IllegalArgumentException {
    public NoSuchEnsembleException(String message) {
        super(message);
    }
}

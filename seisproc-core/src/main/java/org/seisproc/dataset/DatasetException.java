package org.seisproc.dataset;

import java.nio.file.Path;

/// A dataset could not be read, written, imported or exported as asked. The message names the
/// dataset (or file) and says what to do; the CLI prints it without a stack trace.
public final class DatasetException extends RuntimeException {
    public DatasetException(Path where, String message) {
        super(where + ": " + message);
    }

    public DatasetException(Path where, String message, Throwable cause) {
        super(where + ": " + message, cause);
    }
}

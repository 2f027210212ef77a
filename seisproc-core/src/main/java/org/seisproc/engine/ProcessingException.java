package org.seisproc.engine;

/// A processor could not process a gather because of its data (a division by zero in a header
/// expression, a value that does not fit its field, ...). Deterministic: running the same job on
/// the same data fails the same way, so the message says what to fix, not "rerun".
public final class ProcessingException extends RuntimeException {
    public ProcessingException(String message) {
        super(message);
    }
}

package org.seisproc.io.parquet;

import java.nio.file.Path;

/// A Parquet file could not be read or written; the message names the file and what to do.
public final class ParquetException extends RuntimeException {
    public ParquetException(Path file, String message, Throwable cause) {
        super(file + ": " + message, cause);
    }

    public ParquetException(Path file, String message) {
        super(file + ": " + message);
    }
}

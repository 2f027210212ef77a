package org.seisproc.segy;

import java.nio.file.Path;

/// A SEG-Y or Seismic Unix file could not be read or written as asked.
///
/// The message is meant for a user: it names the file and, where it applies, the trace
/// (0-based) and the byte offset in the file, says what is wrong and what to do about it.
/// Callers at the edge of the program (the CLI) print the message, never the stack trace.
public final class SegyException extends RuntimeException {
    private final transient Path file;
    private final long trace;
    private final long byteOffset;

    public SegyException(Path file, long trace, long byteOffset, String message) {
        super(compose(file, trace, byteOffset, message));
        this.file = file;
        this.trace = trace;
        this.byteOffset = byteOffset;
    }

    public SegyException(Path file, long trace, long byteOffset, String message, Throwable cause) {
        super(compose(file, trace, byteOffset, message), cause);
        this.file = file;
        this.trace = trace;
        this.byteOffset = byteOffset;
    }

    /// An error about the file as a whole (no particular trace or byte).
    public static SegyException of(Path file, String message) {
        return new SegyException(file, -1, -1, message);
    }

    /// An error at a byte offset of the file header (no trace).
    public static SegyException atByte(Path file, long byteOffset, String message) {
        return new SegyException(file, -1, byteOffset, message);
    }

    /// The file the error is about, or null.
    public Path file() {
        return file;
    }

    /// The 0-based trace the error is about, or -1.
    public long trace() {
        return trace;
    }

    /// The 0-based byte offset in the file the error is about, or -1.
    public long byteOffset() {
        return byteOffset;
    }

    private static String compose(Path file, long trace, long byteOffset, String message) {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file);
        }
        if (trace >= 0) {
            sb.append(sb.isEmpty() ? "" : ": ").append("trace ").append(trace);
        }
        if (byteOffset >= 0) {
            sb.append(sb.isEmpty() ? "" : trace >= 0 ? ", " : ": ").append("byte ").append(byteOffset);
        }
        return sb.isEmpty() ? message : sb.append(": ").append(message).toString();
    }
}

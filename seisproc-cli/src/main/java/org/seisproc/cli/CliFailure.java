package org.seisproc.cli;

/// A command failed for a reason that is not a usage mistake (exit code 1).
final class CliFailure extends RuntimeException {
    CliFailure(String message) {
        super(message);
    }

    CliFailure(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.seisproc.cli;

import java.util.function.Supplier;

/// A mistake in how a command was called (exit code 2).
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }

    /// Interprets the value of `option` with `parse`: an [IllegalArgumentException] there is the
    /// user's mistake (exit 2), named by its option; the same exception deeper inside the work
    /// is a failure (exit 1).
    static <T> T parsing(String option, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            String m = String.valueOf(e.getMessage());
            throw new UsageException(m.contains(option) ? m : option + ": " + m);
        }
    }
}

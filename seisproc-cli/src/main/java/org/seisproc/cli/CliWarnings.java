package org.seisproc.cli;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/// Warnings the core library logs (`System.Logger` "org.seisproc", e.g. a damaged header table
/// read from the raw headers instead) printed as one line each, `seisproc: warning: …`, on
/// standard error — not the JDK's two-line default with a timestamp.
final class CliWarnings {
    private static final Logger LOGGER = Logger.getLogger("org.seisproc");

    private CliWarnings() {
    }

    /// Routes the library's warnings to standard error (idempotent).
    static void install() {
        synchronized (LOGGER) {
            for (Handler h : LOGGER.getHandlers()) {
                if (h instanceof OneLine) {
                    return;
                }
            }
            LOGGER.setUseParentHandlers(false);
            LOGGER.addHandler(new OneLine());
        }
    }

    private static final class OneLine extends Handler {
        OneLine() {
            setLevel(Level.WARNING);
        }

        @Override
        public void publish(LogRecord r) {
            if (isLoggable(r)) {
                System.err.println("seisproc: " + (r.getLevel().intValue() >= Level.SEVERE.intValue() ? "error" : "warning") + ": "
                        + r.getMessage());
            }
        }

        @Override
        public void flush() {
            System.err.flush();
        }

        @Override
        public void close() {
        }
    }
}

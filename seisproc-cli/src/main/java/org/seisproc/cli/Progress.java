package org.seisproc.cli;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicLong;

/// A thread-safe progress line for long work: done/total, rate and ETA, at most ~4 updates a
/// second, on one terminal line (`\r`) when the output is a terminal, else a line every 10 %.
final class Progress implements AutoCloseable {
    /// Test hook: pause this many milliseconds at every update, so that a test can interrupt a
    /// command mid-way (0: none).
    static final String PAUSE_PROPERTY = "seisproc.test.progressPauseMillis";
    private static final long PAUSE_MILLIS = Long.getLong(PAUSE_PROPERTY, 0);

    private final String label;
    private final long total;
    private final String unit;
    private final PrintWriter out;
    private final long start = System.nanoTime();
    private final AtomicLong lastPrint = new AtomicLong();
    private final boolean terminal = System.console() != null;
    private volatile long lastDecile = -1;
    private volatile long done;
    private final String finishing;
    private final java.util.concurrent.atomic.AtomicBoolean finishingShown = new java.util.concurrent.atomic.AtomicBoolean();

    Progress(String label, long total, String unit, PrintWriter out) {
        this(label, total, unit, out, null);
    }

    /// @param finishing what happens once every unit is done (said then, so that a long final
    ///                  step is not silent), or null
    Progress(String label, long total, String unit, PrintWriter out, String finishing) {
        this.label = label;
        this.total = total;
        this.unit = unit;
        this.out = out;
        this.finishing = finishing;
    }

    /// Reports that `doneSoFar` units are done.
    void update(long doneSoFar) {
        if (PAUSE_MILLIS > 0) {
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        done = Math.max(done, doneSoFar);
        long now = System.nanoTime();
        long last = lastPrint.get();
        if (terminal) {
            if (now - last > 250_000_000L && lastPrint.compareAndSet(last, now)) {
                print("\r");
            }
        } else {
            long decile = total > 0 ? done * 10 / total : 10;
            if (decile > lastDecile && decile < 10) {
                synchronized (this) {
                    if (decile > lastDecile) {
                        lastDecile = decile;
                        print("");
                        out.println();
                    }
                }
            }
        }
        if (finishing != null && done >= total && finishingShown.compareAndSet(false, true)) {
            synchronized (this) {
                print(terminal ? "\r" : "");
                out.println();
                out.printf("%s: finishing: %s...%n", label, finishing);
                out.flush();
            }
        }
    }

    private synchronized void print(String prefix) {
        double s = (System.nanoTime() - start) / 1e9;
        double rate = done / Math.max(s, 1e-9);
        // no estimate from the first instants: the rate is not known yet
        String eta = done >= total ? "done" : s < 1 || done == 0 ? "ETA --"
                : String.format("ETA %.0f s", (total - done) / rate);
        out.printf("%s%s: %,d / %,d %s (%3.0f%%), %,.0f %s/s, %s   ", prefix, label, done, total, unit,
                total > 0 ? 100.0 * done / total : 100.0, rate, unit, eta);
        out.flush();
    }

    @Override
    public void close() {
        if (terminal && !finishingShown.get()) {
            print("\r");
            out.println();
        }
    }

    /// `n` bytes for people: `812 B`, `4.2 KB`, `1.4 MB`, `5.36 GB` (decimal units, as the rates).
    static String bytes(long n) {
        if (n < 0) {
            return "n/a";
        }
        if (n < 1000) {
            return n + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = n;
        int u = -1;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(java.util.Locale.ROOT, v < 10 ? "%.2f %s" : v < 100 ? "%.1f %s" : "%.0f %s", v, units[u]);
    }
}

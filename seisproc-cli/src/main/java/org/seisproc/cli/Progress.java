package org.seisproc.cli;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicLong;

/// A thread-safe progress line for long work: done/total, rate and ETA, at most ~4 updates a
/// second, on one terminal line (`\r`) when the output is a terminal, else a line every 10 %.
final class Progress implements AutoCloseable {
    private final String label;
    private final long total;
    private final String unit;
    private final PrintWriter out;
    private final long start = System.nanoTime();
    private final AtomicLong lastPrint = new AtomicLong();
    private final boolean terminal = System.console() != null;
    private volatile long lastDecile = -1;
    private volatile long done;

    Progress(String label, long total, String unit, PrintWriter out) {
        this.label = label;
        this.total = total;
        this.unit = unit;
        this.out = out;
    }

    /// Reports that `doneSoFar` units are done.
    void update(long doneSoFar) {
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
    }

    private synchronized void print(String prefix) {
        double s = (System.nanoTime() - start) / 1e9;
        double rate = done / Math.max(s, 1e-9);
        double eta = rate > 0 ? (total - done) / rate : 0;
        out.printf("%s%s: %,d / %,d %s (%3.0f%%), %,.0f %s/s, ETA %.0f s   ", prefix, label, done, total, unit,
                total > 0 ? 100.0 * done / total : 100.0, rate, unit, eta);
        out.flush();
    }

    @Override
    public void close() {
        if (terminal) {
            print("\r");
            out.println();
        }
    }
}

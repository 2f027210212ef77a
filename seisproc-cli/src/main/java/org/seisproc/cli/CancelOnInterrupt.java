package org.seisproc.cli;

import java.util.concurrent.CountDownLatch;

/// Ctrl-C (SIGINT, SIGTERM) during a long run asks the work to stop instead of killing it: while
/// [#arm]ed, a shutdown hook runs `cancel` and then holds the JVM until [#close], so the
/// command finishes its ensembles or tiles, leaves its output resumable and prints its report
/// before the process exits. Used by `run`, `migrate` and the Spark runner.
public final class CancelOnInterrupt implements AutoCloseable {
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean fired;

    /// `cancel` asks the work to stop (an engine's cancel flag, a migration's control).
    public CancelOnInterrupt(Runnable cancel) {
        this.hook = new Thread(() -> {
            fired = true;
            cancel.run();
            try {
                finished.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "seisproc-cancel");
    }

    /// From now on an interrupt cancels the work.
    public void arm() {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            fired = true; // already exiting: the work is not started
        }
    }

    /// The work returned: an interrupt from now on ends the process as usual. Returns whether
    /// an interrupt cancelled the work.
    public boolean disarm() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException | IllegalArgumentException shuttingDownOrNotArmed) {
            // Ctrl-C: the hook is running and waits for close()
        }
        return fired;
    }

    /// The report is printed: a waiting hook may let the JVM exit.
    @Override
    public void close() {
        finished.countDown();
    }
}

package org.seisproc.migration;

/// Pause, resume and cancel for a running migration; thread-safe. Pausing takes effect between
/// tiles (a tile being migrated finishes); cancelling stops within a tile (its partial image is
/// dropped) and leaves the output resumable: every finished tile stays checkpointed.
public final class MigrationControl {
    private boolean paused;
    private volatile boolean cancelled;

    public synchronized void pause() {
        paused = true;
    }

    public synchronized void resume() {
        paused = false;
        notifyAll();
    }

    public synchronized void cancel() {
        cancelled = true;
        notifyAll();
    }

    public synchronized boolean paused() {
        return paused;
    }

    public boolean cancelled() {
        return cancelled;
    }

    /// Blocks while paused; returns false when cancelled.
    synchronized boolean awaitRunnable() {
        while (paused && !cancelled) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancelled = true;
            }
        }
        return !cancelled;
    }
}

package org.seisproc.qc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/// Items `0 .. count-1` (gathers, bins) spread over worker threads that each take the next item
/// when done with theirs — gathers differ in size, so no fixed split. Each worker has its own
/// state (readers, buffers) made by the factory on its thread. The first failure (exception or
/// error) stops every worker at its next item and is rethrown to the caller.
final class ParallelItems {
    /// One worker's state and work.
    interface Worker {
        /// Does item `j`; returns the traces it covered (for the progress count).
        long item(int j);

        /// After the worker's last item (e.g. flush its unit's statistics).
        default void finish() {
        }
    }

    private ParallelItems() {
    }

    /// Runs every item on `workers` threads (at least one); `progress` (may be null) receives the
    /// traces done so far.
    static void run(int workers, int count, Supplier<? extends Worker> newWorker, LongConsumer progress) {
        AtomicInteger next = new AtomicInteger();
        AtomicLong done = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable body = () -> {
            try {
                Worker w = newWorker.get();
                for (int j = next.getAndIncrement(); j < count && failure.get() == null; j = next.getAndIncrement()) {
                    long now = done.addAndGet(w.item(j));
                    if (progress != null) {
                        progress.accept(now);
                    }
                }
                w.finish();
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
        };
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < Math.max(1, workers); w++) {
            threads.add(Thread.ofPlatform().name("qc-" + w).start(body));
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        switch (failure.get()) {
            case null -> { }
            case RuntimeException e -> throw e;
            case Error e -> throw e;
            case Throwable t -> throw new IllegalStateException(t);
        }
    }
}

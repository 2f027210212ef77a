package org.seisproc.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/// Runs work over ranges of traces on N platform threads: each thread takes the next range
/// (dynamic scheduling, so uneven ranges balance), with its own scratch state. The first
/// failure cancels the rest and is rethrown.
public final class ParallelTraces {
    /// A half-open range of traces `[first, end)`.
    public record Range(long first, long end) {
    }

    /// Per-thread work: `worker()` makes the scratch state once per thread.
    public interface Work<S> {
        S worker();

        void run(S scratch, Range range) throws Exception;
    }

    private ParallelTraces() {
    }

    /// Splits `[0, traces)` into ranges of at most `chunk` traces.
    public static List<Range> split(long first, long end, long chunk) {
        List<Range> list = new ArrayList<>();
        for (long t = first; t < end; t += chunk) {
            list.add(new Range(t, Math.min(end, t + chunk)));
        }
        return list;
    }

    /// Runs `work` over `ranges` on `threads` threads.
    public static <S> void run(List<Range> ranges, int threads, Work<S> work) {
        int n = Math.max(1, Math.min(threads, ranges.size()));
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "seisproc-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    S scratch = work.worker();
                    for (int r = next.getAndIncrement(); r < ranges.size(); r = next.getAndIncrement()) {
                        if (Thread.currentThread().isInterrupted()) {
                            return null;
                        }
                        work.run(scratch, ranges.get(r));
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    next.set(ranges.size());
                    pool.shutdownNow();
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException re) {
                        throw re;
                    }
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.shutdownNow();
            throw new IllegalStateException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }
}

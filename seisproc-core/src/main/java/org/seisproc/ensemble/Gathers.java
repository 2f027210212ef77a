package org.seisproc.ensemble;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.seisproc.dataset.Dataset;

/// Lazy, cached, thread-safe access to the gathers of an index: [#gather] reads an ensemble
/// from the mapped trace store on first use and keeps it in an LRU cache bounded by a byte
/// budget; after each request the neighbours (`e ± 1 .. e ± prefetch`) are read in the
/// background by a small executor, so browsing forward or backward finds them ready. A new
/// request cancels prefetches not yet started (the user moved on); [#close] stops the executor.
///
/// Two threads asking for the same uncached gather share one read. Gathers handed out are
/// shared by the cache: read them, do not modify them (copy first).
public final class Gathers implements AutoCloseable {
    /// Counters: requests served from the cache, read on demand, read by prefetch; cache content.
    public record Stats(long hits, long misses, long prefetched, int cachedGathers, long cachedBytes, long budgetBytes) {
    }

    private final GatherReader reader;
    private final EnsembleIndex index;
    private final long budgetBytes;
    private final int prefetch;
    private final Object lock = new Object();
    private final LinkedHashMap<Integer, Gather> lru = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<Integer, CompletableFuture<Gather>> loading = new ConcurrentHashMap<>();
    private final List<Future<?>> pending = new ArrayList<>();
    private final ThreadPoolExecutor executor;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final AtomicLong prefetched = new AtomicLong();
    private long cachedBytes;
    private volatile boolean closed;

    /// Gathers of `index` from `dataset`, caching up to `budgetBytes`, prefetching `prefetch`
    /// neighbours on each side (0: none) with `prefetchThreads` background threads.
    public Gathers(Dataset dataset, EnsembleIndex index, long budgetBytes, int prefetch, int prefetchThreads) {
        if (budgetBytes < 0 || prefetch < 0 || prefetchThreads < 1) {
            throw new IllegalArgumentException("budget and prefetch must be >= 0, threads >= 1");
        }
        this.reader = new GatherReader(dataset, index);
        this.index = index;
        this.budgetBytes = budgetBytes;
        this.prefetch = prefetch;
        this.executor = new ThreadPoolExecutor(prefetchThreads, prefetchThreads, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "seisproc-gather-prefetch");
            t.setDaemon(true);
            return t;
        });
        executor.allowCoreThreadTimeOut(true);
    }

    /// A cache of `budgetBytes` with one neighbour prefetched on each side by one thread.
    public Gathers(Dataset dataset, EnsembleIndex index, long budgetBytes) {
        this(dataset, index, budgetBytes, 1, 1);
    }

    public EnsembleIndex index() {
        return index;
    }

    /// Ensemble `e` (cached, or read now), then its neighbours prefetched.
    public Gather gather(int e) {
        if (closed) {
            throw new IllegalStateException("gathers closed");
        }
        Gather g = cached(e);
        if (g != null) {
            hits.incrementAndGet();
        } else {
            g = load(e, false);
        }
        schedulePrefetch(e);
        return g;
    }

    /// Whether ensemble `e` is in the cache now.
    public boolean isCached(int e) {
        synchronized (lock) {
            return lru.containsKey(e);
        }
    }

    private Gather cached(int e) {
        synchronized (lock) {
            return lru.get(e);
        }
    }

    private Gather load(int e, boolean byPrefetch) {
        CompletableFuture<Gather> mine = new CompletableFuture<>();
        CompletableFuture<Gather> existing = loading.putIfAbsent(e, mine);
        if (existing != null) {
            if (!byPrefetch) {
                hits.incrementAndGet(); // another thread (often the prefetcher) is reading it
            }
            return existing.join();
        }
        try {
            Gather again = cached(e); // it may have arrived between the look-up and now
            if (again != null) {
                if (!byPrefetch) {
                    hits.incrementAndGet();
                }
                mine.complete(again);
                return again;
            }
            Gather g = reader.read(e, new Gather());
            (byPrefetch ? prefetched : misses).incrementAndGet();
            put(e, g);
            mine.complete(g);
            return g;
        } catch (RuntimeException | Error ex) {
            mine.completeExceptionally(ex);
            throw ex;
        } finally {
            loading.remove(e, mine);
        }
    }

    private void put(int e, Gather g) {
        long b = g.bytes();
        synchronized (lock) {
            if (b > budgetBytes || lru.containsKey(e)) {
                return; // too big to cache (still returned to the caller), or already there
            }
            Iterator<Map.Entry<Integer, Gather>> it = lru.entrySet().iterator();
            while (cachedBytes + b > budgetBytes && it.hasNext()) {
                cachedBytes -= it.next().getValue().bytes();
                it.remove();
            }
            lru.put(e, g);
            cachedBytes += b;
        }
    }

    private void schedulePrefetch(int e) {
        if (prefetch == 0) {
            return;
        }
        synchronized (pending) {
            for (Future<?> f : pending) {
                f.cancel(false); // not started yet: the user moved on
            }
            pending.clear();
            for (int d = 1; d <= prefetch; d++) {
                for (int n : new int[] {e + d, e - d}) {
                    if (n >= 0 && n < index.ensembleCount() && !isCached(n) && !loading.containsKey(n)) {
                        try {
                            pending.add(executor.submit(() -> {
                                if (!closed && !isCached(n)) {
                                    load(n, true);
                                }
                            }));
                        } catch (java.util.concurrent.RejectedExecutionException ignored) {
                            return; // closing
                        }
                    }
                }
            }
        }
    }

    /// Cancels prefetches not yet started.
    public void cancelPrefetch() {
        synchronized (pending) {
            for (Future<?> f : pending) {
                f.cancel(false);
            }
            pending.clear();
        }
    }

    /// Waits until every scheduled prefetch has finished (tests, benchmarks).
    public void awaitPrefetch() {
        List<Future<?>> copy;
        synchronized (pending) {
            copy = new ArrayList<>(pending);
        }
        for (Future<?> f : copy) {
            try {
                f.get();
            } catch (java.util.concurrent.CancellationException ignored) {
                // cancelled: nothing to wait for
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            } catch (java.util.concurrent.ExecutionException ex) {
                // a failed prefetch is retried (and reported) by the next request
            }
        }
    }

    public Stats stats() {
        synchronized (lock) {
            return new Stats(hits.get(), misses.get(), prefetched.get(), lru.size(), cachedBytes, budgetBytes);
        }
    }

    /// Drops every cached gather.
    public void clearCache() {
        synchronized (lock) {
            lru.clear();
            cachedBytes = 0;
        }
    }

    /// Stops the prefetcher and drops the cache.
    @Override
    public void close() {
        closed = true;
        cancelPrefetch();
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        clearCache();
    }
}

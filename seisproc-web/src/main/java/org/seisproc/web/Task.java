package org.seisproc.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/// One long-running piece of work the page watches: a processing job, an import or an export.
/// Its state, progress (units done of total: traces, or bytes for an export), rate, ETA, log and
/// result are read by [#snapshot] from any thread while the work updates them.
final class Task {
    enum State { QUEUED, RUNNING, DONE, FAILED, CANCELLED }

    /// What the work does; `cancel` is set when the user cancels.
    interface Work {
        void run(Task task) throws Exception;
    }

    /// Status of the [WebError] work throws to stop when the user cancelled (see [#checkCancel]).
    static final int CANCELLED_STATUS = 499;

    final String id;
    final String kind;
    final String title;
    final Work work;
    final AtomicBoolean cancel = new AtomicBoolean();
    final AtomicLong done = new AtomicLong();
    volatile long total;
    volatile String unit = "traces";
    volatile State state = State.QUEUED;
    volatile long startedNanos;
    volatile long endedNanos;
    volatile String error;
    private final List<String> log = new ArrayList<>();
    private final Map<String, Object> result = new LinkedHashMap<>();
    private List<Map<String, Object>> workers = List.of();
    private final Map<String, AtomicLong> liveGathers = new java.util.concurrent.ConcurrentSkipListMap<>();
    /// Extra fields for [#snapshot] (e.g. the job file, to resume).
    final Map<String, Object> info = new LinkedHashMap<>();

    Task(String id, String kind, String title, Work work) {
        this.id = id;
        this.kind = kind;
        this.title = title;
        this.work = work;
    }

    /// Stops work that has no cancel flag of its own (called from its progress callback): throws
    /// once the user has cancelled, and the task ends as cancelled with nothing committed.
    void checkCancel() {
        if (cancel.get()) {
            throw new WebError(CANCELLED_STATUS, "id", "cancelled at the user's request; nothing was committed (an output"
                    + " dataset is left incomplete: overwrite it on the next run)");
        }
    }

    void log(String line) {
        synchronized (log) {
            log.add(String.format("%7.2f s  %s", startedNanos == 0 ? 0 : (System.nanoTime() - startedNanos) / 1e9, line));
            if (log.size() > 2000) {
                log.removeFirst();
            }
        }
    }

    void result(String key, Object value) {
        synchronized (result) {
            result.put(key, value);
        }
    }

    void workers(List<Map<String, Object>> perWorker) {
        synchronized (result) {
            workers = List.copyOf(perWorker);
        }
    }

    /// Counts one ensemble finished by the calling worker thread (the engine reports progress
    /// once per ensemble, from the worker that did it): live per-worker figures.
    void ensembleDoneByCurrentThread() {
        liveGathers.computeIfAbsent(Thread.currentThread().getName(), k -> new AtomicLong()).incrementAndGet();
    }

    boolean finished() {
        State s = state;
        return s == State.DONE || s == State.FAILED || s == State.CANCELLED;
    }

    /// The task as the page shows it; `logFrom` skips log lines the page already has.
    Map<String, Object> snapshot(int logFrom) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("kind", kind);
        m.put("title", title);
        m.put("state", state.name().toLowerCase(java.util.Locale.ROOT));
        long d = done.get();
        long t = total;
        m.put("done", d);
        m.put("total", t);
        m.put("unit", unit);
        m.put("percent", t > 0 ? Math.min(100.0, 100.0 * d / t) : state == State.DONE ? 100.0 : 0.0);
        long end = endedNanos != 0 ? endedNanos : System.nanoTime();
        double seconds = startedNanos == 0 ? 0 : (end - startedNanos) / 1e9;
        m.put("seconds", seconds);
        double rate = seconds > 0 ? d / seconds : 0;
        m.put("rate", rate);
        m.put("etaSeconds", rate > 0 && t > d && !finished() ? (t - d) / rate : null);
        m.put("error", error);
        m.putAll(info);
        synchronized (log) {
            int from = Math.max(0, Math.min(logFrom, log.size()));
            m.put("logFrom", from);
            m.put("log", List.copyOf(log.subList(from, log.size())));
            m.put("logSize", log.size());
        }
        synchronized (result) {
            m.put("result", new LinkedHashMap<>(result));
            m.put("workers", workers);
        }
        List<Map<String, Object>> live = new ArrayList<>();
        liveGathers.forEach((name, n) -> live.add(Map.of("worker", name.replace("seisproc-worker-", ""), "gathers", n.get(),
                "gathersPerSecond", seconds > 0 ? n.get() / seconds : 0.0)));
        m.put("liveWorkers", live);
        return m;
    }

    static String now() {
        return Instant.now().toString();
    }
}

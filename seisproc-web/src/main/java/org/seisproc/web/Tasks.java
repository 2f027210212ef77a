package org.seisproc.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/// The server's queue of long-running work (jobs, imports, exports): one at a time, in order of
/// submission, on one background thread — each job already uses every core through its own
/// workers. Failures are recorded on the task (message only, no stack trace for the page).
final class Tasks implements AutoCloseable {
    private final Map<String, Task> tasks = new LinkedHashMap<>();
    private final AtomicInteger next = new AtomicInteger(1);
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "seisproc-web-tasks");
        t.setDaemon(true);
        return t;
    });
    private final Runnable onFinished;

    /// `onFinished` runs after each task (e.g. to let the page's dataset list refresh).
    Tasks(Runnable onFinished) {
        this.onFinished = onFinished;
    }

    /// Queues `work` and returns its task.
    Task submit(String kind, String title, Task.Work work) {
        Task task = new Task(kind + "-" + next.getAndIncrement(), kind, title, work);
        synchronized (tasks) {
            tasks.put(task.id, task);
        }
        runner.submit(() -> execute(task));
        return task;
    }

    private void execute(Task task) {
        if (task.cancel.get()) {
            task.state = Task.State.CANCELLED;
            return;
        }
        task.startedNanos = System.nanoTime();
        task.state = Task.State.RUNNING;
        task.log("started");
        try {
            task.work.run(task);
            if (task.state == Task.State.RUNNING) {
                task.state = task.cancel.get() ? Task.State.CANCELLED : Task.State.DONE;
            }
            task.log(task.state == Task.State.DONE ? "done" : "cancelled: the output is kept incomplete; resume to continue");
        } catch (WebError | IllegalArgumentException | org.seisproc.dataset.DatasetException | org.seisproc.segy.SegyException
                 | org.seisproc.engine.ProcessingException | java.io.UncheckedIOException e) {
            task.error = e.getMessage();
            task.state = e instanceof WebError w && w.status() == Task.CANCELLED_STATUS ? Task.State.CANCELLED : Task.State.FAILED;
            task.log((task.state == Task.State.CANCELLED ? "" : "failed: ") + e.getMessage());
        } catch (Exception | Error e) {
            task.error = "internal error: " + e;
            task.state = Task.State.FAILED;
            task.log("failed: " + e);
            System.err.println("seisproc serve: task " + task.id + " failed");
            e.printStackTrace(System.err);
        } finally {
            task.endedNanos = System.nanoTime();
            onFinished.run();
        }
    }

    Task get(String id) {
        synchronized (tasks) {
            Task t = tasks.get(id);
            if (t == null) {
                throw WebError.notFound("id", "no job '" + id + "'");
            }
            return t;
        }
    }

    List<Map<String, Object>> list() {
        List<Map<String, Object>> out = new ArrayList<>();
        synchronized (tasks) {
            for (Task t : tasks.values()) {
                Map<String, Object> s = t.snapshot(Integer.MAX_VALUE);
                s.remove("log");
                out.add(s);
            }
        }
        return out.reversed();
    }

    @Override
    public void close() {
        synchronized (tasks) {
            tasks.values().forEach(t -> t.cancel.set(true));
        }
        runner.shutdown();
        try {
            runner.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

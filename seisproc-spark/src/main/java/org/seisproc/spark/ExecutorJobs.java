package org.seisproc.spark;

import org.seisproc.dataset.DatasetWriter;
import org.seisproc.engine.Job;
import org.seisproc.engine.PreparedJob;

/// The job a Spark executor is working on, opened ONCE per executor JVM and shared by all its
/// task threads: the prepared job (input dataset mapped, ensemble index mapped, plan) and the
/// output attached for writing ([DatasetWriter#attach]). A task only takes a lease on it and
/// makes its own [org.seisproc.engine.EnsembleUnit] (its processor chain and gather buffer).
///
/// Why a static holder: Spark gives a task no per-executor object of its own, and opening the
/// dataset and mapping the index per task would repeat the job's set-up hundreds of times. The
/// holder keeps one run at a time (keyed by [TaskJob#runId]); a task of a newer run retires the
/// older one, which is closed when its last lease ends (a slow task of a finished run never
/// loses its mapping under it). The driver releases its run at the end ([#release]), which in
/// local mode — executors in the driver's JVM — unmaps everything at once.
final class ExecutorJobs {
    private static final Object LOCK = new Object();
    private static Entry current; // guarded by LOCK
    /// Runs opened by this JVM so far (tests check "once per executor" with it).
    static final java.util.concurrent.atomic.AtomicInteger OPENED = new java.util.concurrent.atomic.AtomicInteger();

    private ExecutorJobs() {
    }

    /// One opened run.
    static final class Entry {
        final String runId;
        final PreparedJob job;
        final DatasetWriter output;
        int leases; // guarded by LOCK
        boolean retired; // guarded by LOCK

        private Entry(String runId, PreparedJob job, DatasetWriter output) {
            this.runId = runId;
            this.job = job;
            this.output = output;
        }

        private void closeIfUnused() {
            if (retired && leases == 0) {
                try {
                    output.close();
                } finally {
                    job.close();
                }
            }
        }
    }

    /// A task's use of the executor's opened run; close it at the task's end.
    record Lease(Entry entry) implements AutoCloseable {
        PreparedJob job() {
            return entry.job;
        }

        DatasetWriter output() {
            return entry.output;
        }

        @Override
        public void close() {
            synchronized (LOCK) {
                entry.leases--;
                entry.closeIfUnused();
            }
        }
    }

    /// The executor's opened run for `task`, opened now when it is not (other tasks of this
    /// executor wait for it rather than open it again).
    static Lease acquire(TaskJob task) {
        synchronized (LOCK) {
            if (current != null && !current.runId.equals(task.runId())) {
                retire();
            }
            if (current == null) {
                current = open(task);
            }
            current.leases++;
            return new Lease(current);
        }
    }

    /// Closes the run `runId` once its tasks are done (nothing when this JVM does not hold it).
    static void release(String runId) {
        synchronized (LOCK) {
            if (current != null && current.runId.equals(runId)) {
                retire();
            }
        }
    }

    /// True when this JVM holds a run open (for tests).
    static boolean holdsAny() {
        synchronized (LOCK) {
            return current != null;
        }
    }

    private static void retire() {
        current.retired = true;
        current.closeIfUnused();
        current = null;
    }

    private static Entry open(TaskJob task) {
        Job job = task.job().parse();
        PreparedJob prepared = PreparedJob.prepare(job);
        try {
            if (prepared.plan().ensembles() != task.ensembles() || prepared.outputShape().traces() != task.outputTraces()) {
                throw new IllegalStateException("this executor sees " + prepared.plan().ensembles() + " ensembles and "
                        + prepared.outputShape().traces() + " output traces in " + job.input() + ", the driver planned "
                        + task.ensembles() + " and " + task.outputTraces() + ": the dataset must be the same, at the same path,"
                        + " on every executor (shared storage)");
            }
            DatasetWriter output = DatasetWriter.attach(prepared.input(), job.output(), prepared.outputShape());
            OPENED.incrementAndGet();
            return new Entry(task.runId(), prepared, output);
        } catch (RuntimeException e) {
            prepared.close();
            throw e;
        }
    }
}

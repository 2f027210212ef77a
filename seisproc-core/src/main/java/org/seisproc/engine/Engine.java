package org.seisproc.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

import org.seisproc.dataset.DatasetException;
import org.seisproc.dataset.DatasetWriter;

/// Runs a job: the coordinator validates the chain, opens the output, and schedules ensembles
/// to N worker threads; each worker reads its gather straight from the mapped input (via the
/// plan's trace numbers), runs its own chain of processor instances, and writes the result to
/// the output store at the same trace positions (or, for a chain that ends in a stack, at the
/// ensemble's position) — disjoint slices, no locks on the hot path.
///
/// Completed ensembles are recorded in the output's `job-progress.bin` (one byte each); an
/// interrupted or cancelled run leaves the output incomplete with that record, and a rerun with
/// `resume` skips what was done. A failing ensemble is reported with its key values; the job
/// stops or goes on per [Job#onError]. The output appears (atomically) only when every ensemble
/// succeeded.
public final class Engine {
    /// The record of finished ensembles inside an incomplete output (one byte each, 1 = written).
    public static final String PROGRESS_FILE = "job-progress.bin";

    /// @param workers   worker threads
    /// @param overwrite replace an existing complete output
    /// @param resume    continue an interrupted run of the same job if its files are there
    /// @param progress  receives the number of traces done so far (may be null)
    /// @param cancel    set to true to stop cleanly (e.g. from a Ctrl-C handler)
    public record Options(int workers, boolean overwrite, boolean resume, LongConsumer progress, AtomicBoolean cancel) {
        public static Options defaults() {
            return new Options(Runtime.getRuntime().availableProcessors(), false, true, null, new AtomicBoolean());
        }

        public Options withWorkers(int w) {
            return new Options(w, overwrite, resume, progress, cancel);
        }

        public Options withProgress(LongConsumer p) {
            return new Options(workers, overwrite, resume, p, cancel);
        }

        public Options withOverwrite(boolean o) {
            return new Options(workers, o, resume, progress, cancel);
        }
    }

    /// One ensemble that failed; `deterministic` when the data or the job caused it (a
    /// [ProcessingException] or a processor's IllegalArgumentException: rerunning the same job
    /// fails the same way, so no "rerun" advice).
    public record Failure(long[] key, String message, boolean deterministic) {
        public Failure(long[] key, String message) {
            this(key, message, false);
        }

        @Override
        public String toString() {
            return Arrays.toString(key) + ": " + message;
        }
    }

    /// What one worker did and what it cost in memory, measured.
    ///
    /// @param gathers          ensembles it processed
    /// @param traces           their traces
    /// @param bytesIn          bytes it copied from the shared, mapped input into its own gather buffer
    ///                         (samples and raw headers of its gathers; nothing else is ever copied)
    /// @param bytesOut         bytes it wrote to the output store
    /// @param allocatedAtStart heap bytes the worker thread allocated to get ready (its chain of
    ///                         processors and its gather buffer): what starting a worker copies
    /// @param allocatedRunning heap bytes it allocated while processing (buffers grown for a larger
    ///                         gather, per-gather scratch of processors; no per-sample allocation)
    public record WorkerStats(int gathers, long traces, long bytesIn, long bytesOut, long allocatedAtStart, long allocatedRunning) {
    }

    /// What a run did.
    ///
    /// @param startupSeconds     time from the call until the first gather was dispatched to a worker
    /// @param firstDispatchNanos [System#nanoTime] when the first gather was dispatched (0: none was)
    /// @param skipped            ensembles already done by an interrupted run (resumed)
    /// @param complete           the output was committed (false: cancelled or failed; it stays incomplete)
    /// @param workers            per worker, what it did and allocated
    public record Report(Path output, int ensembles, long traces, int skipped, List<Failure> failures, double seconds,
                         double startupSeconds, long firstDispatchNanos, boolean complete, List<WorkerStats> workers) {
    }

    private Engine() {
    }

    /// Sets `job` up ([PreparedJob#prepare]), runs it, and releases what the set-up opened.
    public static Report run(Job job, Options options) {
        try (PreparedJob prepared = PreparedJob.prepare(job)) {
            return run(prepared, options);
        }
    }

    /// Runs a prepared job to its output: N workers, each with its own [EnsembleUnit], take the
    /// next ensemble not yet done. The output is committed only when every planned ensemble was
    /// written; otherwise it stays incomplete with a record of the finished ones (a rerun of the
    /// same job resumes, a changed job refuses to: see [JobFingerprint]).
    public static Report run(PreparedJob prepared, Options options) {
        long start = System.nanoTime();
        Job job = prepared.job();
        if (job == null) {
            throw new IllegalArgumentException("a job without an output (a preview) cannot be run to a dataset");
        }
        EnsemblePlan plan = prepared.plan();
        int ensembles = plan.ensembles();
        DatasetWriter writer = openOutput(prepared, options.overwrite(), options.resume());
        byte[] done = loadProgress(writer, ensembles);
        int skipped = 0;
        long skippedTraces = 0;
        for (int e = 0; e < ensembles; e++) {
            if (done[e] != 0) {
                skipped++;
                skippedTraces += plan.traceCount(e);
            }
        }
        List<Failure> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        AtomicLong tracesDone = new AtomicLong(skippedTraces); // progress counts what a resumed run did before
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong firstDispatch = new AtomicLong();
        int workers = Math.max(1, Math.min(options.workers(), Math.max(1, ensembles)));
        WorkerStats[] stats = new WorkerStats[workers];
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int worker = w;
            threads.add(Thread.ofPlatform().name("seisproc-worker-" + w).start(() -> {
                try {
                    stats[worker] = work(prepared, writer, done, next, block(ensembles, workers), stop, options, failures,
                            tracesDone, firstDispatch);
                } catch (Throwable t) {
                    // a worker that cannot start (its chain or buffer) or dies of a VM error (already
                    // recorded against its ensemble) stops the job
                    failures.add(new Failure(new long[0], "worker " + worker + " stopped: " + t));
                    stop.set(true);
                }
            }));
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                options.cancel().set(true);
            }
        }
        boolean complete = failures.isEmpty() && !options.cancel().get() && !stop.get() && allDone(done);
        if (complete) {
            commitOutput(writer);
        } else {
            saveProgress(writer, done);
            writer.close(true);
        }
        long first = firstDispatch.get();
        double startup = first == 0 ? 0 : (first - start) / 1e9;
        List<WorkerStats> perWorker = new ArrayList<>();
        for (WorkerStats ws : stats) {
            perWorker.add(ws != null ? ws : new WorkerStats(0, 0, 0, 0, 0, 0)); // a worker that died before its end
        }
        return new Report(job.output(), ensembles, tracesDone.get() - skippedTraces, skipped, List.copyOf(failures),
                (System.nanoTime() - start) / 1e9, startup, first, complete, List.copyOf(perWorker));
    }

    /// Creates (or, with `resume`, reopens) a prepared job's output the way every runner does —
    /// the local pool and Spark's driver alike: refuses to resume another job's output
    /// ([JobFingerprint]), describes the job in the output's `dataset.json`, copies the source's
    /// headers only when the plan leaves traces out, and records the fingerprint. Read the
    /// progress record with [#loadProgress]; end with [#commitOutput] or [#saveProgress] and
    /// `close(true)`.
    public static DatasetWriter openOutput(PreparedJob prepared, boolean overwrite, boolean resume) {
        Job job = prepared.job();
        JobFingerprint fingerprint = JobFingerprint.of(prepared);
        if (resume) {
            fingerprint.requireResumable(job.output());
        }
        // Workers write the header of every trace they write; only a plan that leaves traces out
        // needs the source's headers copied first.
        boolean copyHeaders = !prepared.reduces() && prepared.plan().traceTotal() != prepared.input().traceCount();
        DatasetWriter writer = DatasetWriter.create(prepared.input(), job.output(), prepared.outputShape().traces(), copyHeaders,
                describe(job), overwrite, resume);
        fingerprint.save(writer.file(JobFingerprint.FILE));
        return writer;
    }

    /// Publishes an output whose every ensemble was written: its progress and fingerprint records
    /// removed, then [DatasetWriter#commit].
    public static void commitOutput(DatasetWriter writer) {
        try {
            Files.deleteIfExists(writer.file(PROGRESS_FILE));
            Files.deleteIfExists(writer.file(JobFingerprint.FILE));
        } catch (IOException e) {
            throw new DatasetException(writer.file(PROGRESS_FILE), "cannot remove: " + e.getMessage(), e);
        }
        writer.commit();
    }

    /// Consecutive ensembles a worker takes at a time: up to 32 (their traces are written
    /// together, see [WriteCombiner]), fewer when that would leave workers without work.
    static int block(int ensembles, int workers) {
        return Math.max(1, Math.min(32, ensembles / (8 * Math.max(1, workers))));
    }

    /// One worker's loop: its own unit takes the next `block` consecutive ensembles not yet done,
    /// processes them, writes their traces together (sorted by position, [WriteCombiner]) and only
    /// then records them as done, until none is left, the job is cancelled, or (with
    /// `onError: stop`) an ensemble failed. Any [Throwable] of an ensemble — an `Error` too — is a
    /// failure of that ensemble, never a silent gap.
    private static WorkerStats work(PreparedJob prepared, DatasetWriter writer, byte[] done, AtomicInteger next, int block,
                                    AtomicBoolean stop, Options options, List<Failure> failures, AtomicLong tracesDone,
                                    AtomicLong firstDispatch) {
        long allocated0 = allocatedBytes();
        EnsembleUnit unit = prepared.unit();
        long allocated1 = allocatedBytes();
        EnsemblePlan plan = prepared.plan();
        int ensembles = plan.ensembles();
        boolean goOn = "continue".equals(prepared.job().onError());
        int[] held = new int[block];
        for (int first = next.getAndAdd(block); first < ensembles; first = next.getAndAdd(block)) {
            int end = Math.min(ensembles, first + block);
            int count = 0;
            for (int e = first; e < end && !stop.get() && !options.cancel().get(); e++) {
                if (done[e] != 0) {
                    continue;
                }
                firstDispatch.compareAndSet(0, System.nanoTime());
                try {
                    unit.runHeld(e, writer);
                    held[count++] = e;
                } catch (Throwable ex) {
                    fail(plan.key(e), ex, goOn, stop, failures);
                    tracesDone.addAndGet(plan.traceCount(e));
                }
                if (unit.holdsEnough()) {
                    flush(unit, writer, held, count, done, plan, stop, failures, tracesDone, options);
                    count = 0;
                }
            }
            // the rest of the block, also when the job stopped or was cancelled within it
            flush(unit, writer, held, count, done, plan, stop, failures, tracesDone, options);
            if (stop.get() || options.cancel().get()) {
                break;
            }
        }
        unit.finish();
        long allocated2 = allocatedBytes();
        EnsembleUnit.Stats s = unit.stats();
        return new WorkerStats(s.gathers(), s.traces(), s.bytesIn(), s.bytesOut(), allocated1 - allocated0, allocated2 - allocated1);
    }

    /// Writes what `unit` holds, then records its `count` ensembles `held[..count)` as done and
    /// their traces in the progress; a failure to write stops the job.
    private static void flush(EnsembleUnit unit, DatasetWriter writer, int[] held, int count, byte[] done, EnsemblePlan plan,
                              AtomicBoolean stop, List<Failure> failures, AtomicLong tracesDone, Options options) {
        if (count == 0) {
            return;
        }
        try {
            unit.flushHeld(writer);
            for (int i = 0; i < count; i++) {
                done[held[i]] = 1;
            }
        } catch (Throwable ex) {
            fail(plan.key(held[0]), ex, false, stop, failures); // the output could not be written: no point going on
        }
        for (int i = 0; i < count; i++) {
            tracesDone.addAndGet(plan.traceCount(held[i]));
        }
        if (options.progress() != null) {
            options.progress().accept(tracesDone.get());
        }
    }

    /// Records `ex` against the ensemble with key values `key`; stops the job unless it goes on
    /// past failing ensembles (never past an `Error`, and a VM error is rethrown).
    private static void fail(long[] key, Throwable ex, boolean goOn, AtomicBoolean stop, List<Failure> failures) {
        failures.add(new Failure(key, describe(ex), ex instanceof ProcessingException || ex instanceof IllegalArgumentException));
        if (!goOn || ex instanceof Error) {
            stop.set(true);
        }
        if (ex instanceof VirtualMachineError vm) {
            throw vm;
        }
    }

    /// A failure's message: the processor's own words for data problems, the error's class for
    /// anything unexpected.
    public static String describe(Throwable ex) {
        if (ex instanceof ProcessingException || ex instanceof IllegalArgumentException) {
            return ex.getMessage();
        }
        return ex.getClass().getSimpleName() + ": " + ex.getMessage();
    }

    private static boolean allDone(byte[] done) {
        for (byte b : done) {
            if (b == 0) {
                return false;
            }
        }
        return true;
    }

    /// Heap bytes allocated so far by the calling thread (HotSpot's per-thread allocation
    /// counter, a cheap read of a TLAB counter); -1 where the JVM does not offer it.
    private static long allocatedBytes() {
        return java.lang.management.ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean mx
                ? mx.getCurrentThreadAllocatedBytes() : -1;
    }

    private static String describe(Job job) {
        StringBuilder sb = new StringBuilder("job on ").append(job.input().getFileName()).append(" by ").append(job.key()).append(':');
        for (Job.Step s : job.steps()) {
            sb.append(' ').append(s.spec().name()).append(s.parameters().asMap().entrySet().stream()
                    .filter(en -> !(en.getValue() instanceof com.fasterxml.jackson.databind.JsonNode))
                    .map(en -> en.getKey() + "=" + (en.getValue() instanceof double[] d ? Arrays.toString(d) : en.getValue()))
                    .toList());
        }
        return sb.toString();
    }

    /// The finished ensembles recorded by an interrupted run (one byte each), or none done.
    public static byte[] loadProgress(DatasetWriter writer, int ensembles) {
        Path file = writer.file(PROGRESS_FILE);
        if (writer.resumed() && Files.isRegularFile(file)) {
            try {
                byte[] bytes = Files.readAllBytes(file);
                if (bytes.length == ensembles) {
                    return bytes;
                }
            } catch (IOException e) {
                throw new DatasetException(file, "cannot read the progress record: " + e.getMessage(), e);
            }
        }
        return new byte[ensembles];
    }

    /// Records the finished ensembles in the output being written (see [#PROGRESS_FILE]).
    public static void saveProgress(DatasetWriter writer, byte[] done) {
        Path file = writer.file(PROGRESS_FILE);
        try {
            Files.write(file, done, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new DatasetException(file, "cannot record progress: " + e.getMessage(), e);
        }
    }
}

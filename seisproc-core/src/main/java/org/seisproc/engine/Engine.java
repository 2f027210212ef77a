package org.seisproc.engine;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
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

import org.seisproc.dataset.Dataset;
import org.seisproc.dataset.DatasetException;
import org.seisproc.dataset.DatasetWriter;
import org.seisproc.dsp.Sampling;
import org.seisproc.segy.HeaderLayout;

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
    static final String PROGRESS_FILE = "job-progress.bin";

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

    /// One ensemble that failed.
    public record Failure(long[] key, String message) {
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

    /// Runs `job` on `input` over `plan`.
    public static Report run(Job job, Dataset input, EnsemblePlan plan, HeaderLayout layout, Options options) {
        long start = System.nanoTime();
        Sampling time = new Sampling(input.samplesPerTrace(), input.manifest().sampleIntervalMicros() * 1e-6, 0);
        ProcessingContext context = new ProcessingContext(time, layout);
        // Initialise one chain up front so that every parameter problem surfaces before any work.
        List<String> problems = new ArrayList<>();
        for (Job.Step step : job.steps()) {
            try {
                step.spec().factory().get().init(step.parameters(), context);
            } catch (IllegalArgumentException e) {
                problems.add(step.spec().name() + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new Job.InvalidJobException(job.input(), problems);
        }
        int ensembles = plan.ensembles();
        long outTraces = job.reduces() ? ensembles : input.traceCount();
        String description = describe(job);
        // Workers write the header of every trace they write; only a plan that leaves traces out
        // needs the source's headers copied first.
        boolean copyHeaders = !job.reduces() && plan.traceTotal() != input.traceCount();
        DatasetWriter writer = DatasetWriter.create(input, job.output(), outTraces, copyHeaders, description,
                options.overwrite(), options.resume());
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
        long[] firstDispatch = {0};
        int workers = Math.max(1, Math.min(options.workers(), Math.max(1, ensembles)));
        List<Thread> threads = new ArrayList<>();
        Object dispatchLock = new Object();
        WorkerStats[] stats = new WorkerStats[workers];
        for (int w = 0; w < workers; w++) {
            int worker = w;
            Thread t = Thread.ofPlatform().name("seisproc-worker-" + w).start(() -> {
                long allocated0 = allocatedBytes();
                int gathers = 0;
                long traces = 0;
                long bytesIn = 0;
                long bytesOut = 0;
                List<Processor> chain = new ArrayList<>();
                for (Job.Step step : job.steps()) {
                    Processor p = step.spec().factory().get();
                    p.init(step.parameters(), context);
                    chain.add(p);
                }
                GatherData gather = new GatherData(input.samplesPerTrace(), input.traceHeaderBytes(), input.headerByteOrder());
                long allocated1 = allocatedBytes();
                long traceBytes = (long) input.samplesPerTrace() * Float.BYTES + input.traceHeaderBytes();
                long outTraceBytes = (long) input.samplesPerTrace() * input.sampleType().bytes() + input.traceHeaderBytes();
                for (int e = next.getAndIncrement(); e < ensembles; e = next.getAndIncrement()) {
                    if (stop.get() || options.cancel().get()) {
                        break;
                    }
                    if (done[e] != 0) {
                        continue;
                    }
                    if (firstDispatch[0] == 0) {
                        synchronized (dispatchLock) {
                            if (firstDispatch[0] == 0) {
                                firstDispatch[0] = System.nanoTime();
                            }
                        }
                    }
                    int n = plan.traceCount(e);
                    try {
                        read(input, plan, e, n, gather);
                        for (Processor p : chain) {
                            p.process(gather);
                        }
                        write(writer, gather, job.reduces() ? e : -1);
                        done[e] = 1;
                        gathers++;
                        traces += n;
                        bytesIn += n * traceBytes;
                        bytesOut += (job.reduces() ? 1 : n) * outTraceBytes;
                    } catch (RuntimeException ex) {
                        failures.add(new Failure(plan.key(e), ex.getClass().getSimpleName() + ": " + ex.getMessage()));
                        if (!job.onError().equals("continue")) {
                            stop.set(true);
                        }
                    }
                    long now = tracesDone.addAndGet(n);
                    if (options.progress() != null) {
                        options.progress().accept(now);
                    }
                }
                for (Processor p : chain) {
                    p.finish();
                }
                long allocated2 = allocatedBytes();
                stats[worker] = new WorkerStats(gathers, traces, bytesIn, bytesOut, allocated1 - allocated0, allocated2 - allocated1);
            });
            threads.add(t);
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                options.cancel().set(true);
            }
        }
        boolean complete = failures.isEmpty() && !options.cancel().get() && !stop.get();
        if (complete) {
            try {
                Files.deleteIfExists(writer.file(PROGRESS_FILE));
            } catch (IOException e) {
                throw new DatasetException(writer.file(PROGRESS_FILE), "cannot remove: " + e.getMessage(), e);
            }
            writer.commit();
        } else {
            saveProgress(writer, done);
            writer.close(true);
        }
        double startup = firstDispatch[0] == 0 ? 0 : (firstDispatch[0] - start) / 1e9;
        List<WorkerStats> perWorker = new ArrayList<>();
        for (WorkerStats ws : stats) {
            perWorker.add(ws != null ? ws : new WorkerStats(0, 0, 0, 0, 0, 0)); // a worker that died before its end
        }
        return new Report(job.output(), ensembles, tracesDone.get() - skippedTraces, skipped, List.copyOf(failures),
                (System.nanoTime() - start) / 1e9, startup, firstDispatch[0], complete, List.copyOf(perWorker));
    }

    /// Heap bytes allocated so far by the calling thread (HotSpot's per-thread allocation
    /// counter, a cheap read of a TLAB counter); -1 where the JVM does not offer it.
    private static long allocatedBytes() {
        return java.lang.management.ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean mx
                ? mx.getCurrentThreadAllocatedBytes() : -1;
    }

    /// Reads ensemble `e`'s traces and raw headers into `gather`.
    static void read(Dataset input, EnsemblePlan plan, int e, int n, GatherData gather) {
        gather.reset(n, plan, e);
        int n1 = input.samplesPerTrace();
        int hb = input.traceHeaderBytes();
        MemorySegment headers = gather.headers();
        for (int i = 0; i < n; i++) {
            long t = plan.trace(e, i);
            gather.traces()[i] = t;
            input.readTrace(t, gather.samples(), i * n1);
            MemorySegment.copy(input.traceHeaders(), t * hb, headers, (long) i * hb, hb);
        }
    }

    /// Writes the processed gather: each trace back at its own position, or (reduced) the single
    /// trace at `ensemble`.
    static void write(DatasetWriter writer, GatherData gather, int ensemble) {
        int n1 = gather.n1();
        int hb = gather.headerBytes();
        if (ensemble >= 0) {
            writer.writeTrace(ensemble, gather.samples(), 0);
            writer.writeHeader(ensemble, gather.headers(), 0);
            return;
        }
        for (int i = 0; i < gather.n2(); i++) {
            long t = gather.traces()[i];
            writer.writeTrace(t, gather.samples(), i * n1);
            writer.writeHeader(t, gather.headers(), (long) i * hb);
        }
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

    private static byte[] loadProgress(DatasetWriter writer, int ensembles) {
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

    private static void saveProgress(DatasetWriter writer, byte[] done) {
        Path file = writer.file(PROGRESS_FILE);
        try {
            Files.write(file, done, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new DatasetException(file, "cannot record progress: " + e.getMessage(), e);
        }
    }
}

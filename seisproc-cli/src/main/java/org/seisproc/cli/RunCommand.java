package org.seisproc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.seisproc.dataset.Dataset;
import org.seisproc.engine.Engine;
import org.seisproc.engine.EnsemblePlan;
import org.seisproc.engine.Job;
import org.seisproc.engine.PreparedJob;
import org.seisproc.engine.SharedData;
import org.seisproc.ensemble.IndexStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/// `seisproc run job.json [--workers N]`: runs a processing flow.
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs a processing job (JSON): reads gathers of the input dataset by the job's key, applies the",
                "processors, writes the output dataset. Ctrl-C stops cleanly; rerunning resumes. 'seisproc processors' lists them."})
final class RunCommand implements java.util.concurrent.Callable<Integer> {
    @Parameters(index = "0", paramLabel = "JOB.json")
    Path jobFile;

    @Option(names = "--workers", defaultValue = "0", description = "Worker threads (default: all cores).")
    int workers;

    @Option(names = "--overwrite", description = "Replace an existing output dataset.")
    boolean overwrite;

    @Option(names = "--no-resume", description = "Start over even if an interrupted run of this job left its output.")
    boolean noResume;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long t0 = System.nanoTime();
        Job job = Job.load(jobFile);
        long tJob = System.nanoTime();
        int w = workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
        AtomicBoolean cancel = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            cancel.set(true);
            try {
                finished.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "seisproc-cancel");
        // The Ctrl-C hook waits for `finished`: the JVM halts only after the report is printed.
        try (PreparedJob prepared = PreparedJob.prepare(job)) {
            Dataset input = prepared.input();
            EnsemblePlan plan = prepared.plan();
            PreparedJob.Setup setup = prepared.setup();
            SharedData shared = prepared.shared();
            String keySpec = shared.index().key().spec();
            out.printf("run: %s: %,d traces in %,d ensembles by %s; %d worker(s)%n", job.input(),
                    input.traceCount(), plan.ensembles(), keySpec, w);
            double ready = (tJob - t0) / 1e9 + setup.datasetSeconds() + setup.sharedSeconds();
            out.printf("run:   ready in %.3f s: job file %.3f s, dataset %.3f s, shared data %.3f s%n", ready,
                    (tJob - t0) / 1e9, setup.datasetSeconds(), setup.sharedSeconds());
            if (setup.indexBefore() != IndexStatus.FRESH) {
                String kept = shared.index().mapped()
                        ? "stored in " + input.dir().resolve("index") + " (later runs map it; 'seisproc index' builds it ahead)"
                        : "kept in memory (the dataset directory is not writable)";
                out.printf("run:   the %s index was %s: built now and %s%n", keySpec,
                        setup.indexBefore() == IndexStatus.ABSENT ? "absent" : "stale", kept);
            }
            for (SharedData.Item item : shared.memoryReport()) {
                out.printf("run:   shared %-52s %,14d bytes (%s)%n", item.what(), item.bytes(), item.kind());
            }
            Runtime.getRuntime().addShutdownHook(hook);
            Engine.Report r;
            try (Progress progress = new Progress("run", input.traceCount(), "traces", out, "checksums, header table, sync")) {
                r = Engine.run(prepared, new Engine.Options(w, overwrite, !noResume, progress::update, cancel));
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running and waits for us
            }
            for (Engine.Failure f : r.failures()) {
                err.println("seisproc run: ensemble " + job.key() + " = " + f);
            }
            if (r.skipped() > 0) {
                out.printf("run: resumed: %,d ensembles were already done%n", r.skipped());
            }
            for (int i = 0; i < r.workers().size(); i++) {
                Engine.WorkerStats ws = r.workers().get(i);
                out.printf("run:   worker %d: %,d gathers, %,d traces; copied %s in (its gathers), wrote %s; "
                                + "heap allocated %s to start, %s while running%n", i, ws.gathers(), ws.traces(),
                        Progress.bytes(ws.bytesIn()), Progress.bytes(ws.bytesOut()), Progress.bytes(ws.allocatedAtStart()),
                        Progress.bytes(ws.allocatedRunning()));
            }
            double startup = r.firstDispatchNanos() == 0 ? 0 : (r.firstDispatchNanos() - t0) / 1e9;
            String startLine = String.format("start-up %.3f s (job file read to first gather dispatched; %.2f s since the JVM started)",
                    startup, r.firstDispatchNanos() == 0 ? 0 : jvmUptimeAt(t0) + startup);
            if (!r.complete()) {
                out.printf("run: stopped after %,d traces in %.2f s; %s%n", r.traces(), r.seconds(), startLine);
                out.flush();
                if (cancel.get()) {
                    err.printf("seisproc run: cancelled; the output %s is incomplete; rerun the same job to resume%n", job.output());
                } else {
                    err.printf("seisproc run: %d ensemble(s) failed; the output %s is left incomplete (the finished ensembles"
                            + " are kept: after fixing the cause, a rerun of the same job does only the rest)%n",
                            r.failures().size(), job.output());
                }
                return Main.FAILURE;
            }
            out.printf("run: wrote %s: %,d ensembles, %,d traces in %.2f s (%,.0f traces/s); %s%n", r.output(),
                    r.ensembles(), r.traces(), r.seconds(), r.traces() / Math.max(r.seconds(), 1e-9), startLine);
        } finally {
            out.flush();
            err.flush();
            finished.countDown();
        }
        return Main.OK;
    }

    /// Seconds the JVM had been running at [System#nanoTime] `t`.
    private static double jvmUptimeAt(long t) {
        long uptimeNow = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        return uptimeNow / 1e3 - (System.nanoTime() - t) / 1e9;
    }
}

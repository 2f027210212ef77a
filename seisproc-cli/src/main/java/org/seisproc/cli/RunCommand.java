package org.seisproc.cli;

import java.io.PrintWriter;
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

/// `seisproc run job.json [--workers N] [--engine local|spark [--master M]]`: runs a processing flow.
@Command(name = "run", header = "Runs a processing job (JSON) on a dataset into a new dataset.", mixinStandardHelpOptions = true,
        description = {"Runs a processing job (JSON): reads gathers of the input dataset by the job's key, applies the",
                "processors, writes the output dataset. Ctrl-C stops cleanly; rerunning resumes. 'seisproc processors' lists them."})
final class RunCommand extends JobCommand {
    @Option(names = "--no-resume", description = "Start over even if an interrupted run of this job left its output.")
    boolean noResume;

    @Option(names = "--engine", defaultValue = "local", description = "local (threads, default) or spark (Apache Spark;"
            + " see docs/spark.md).")
    String engine;

    @Option(names = "--master", description = "With --engine spark: local[N], spark://HOST:7077, yarn (default local[*]).")
    String master;

    @Override
    int run(PrintWriter out, PrintWriter err) {
        if (!engine.equals("local") && !engine.equals("spark")) {
            throw new UsageException("--engine is local or spark, not '" + engine + "'");
        }
        if (engine.equals("spark")) {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(jobFile.toString()));
            if (master != null) {
                args.addAll(java.util.List.of("--master", master));
            }
            if (write.overwrite) {
                args.add("--overwrite");
            }
            if (noResume) {
                args.add("--no-resume");
            }
            return SparkEngine.run(args, out, err);
        }
        if (master != null) {
            throw new UsageException("--master goes with --engine spark");
        }
        long t0 = System.nanoTime();
        Job job = Job.load(jobFile);
        long tJob = System.nanoTime();
        int w = write.workers();
        AtomicBoolean cancel = new AtomicBoolean();
        // Ctrl-C cancels; the JVM halts only after the report is printed.
        CancelOnInterrupt interrupt = new CancelOnInterrupt(() -> cancel.set(true));
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
            interrupt.arm();
            Engine.Report r;
            try (Progress progress = new Progress("run", input.traceCount(), "traces", out, "checksums, header table, sync")) {
                r = Engine.run(prepared, new Engine.Options(w, write.overwrite, !noResume, progress::update, cancel));
            }
            interrupt.disarm();
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
                } else if (r.failures().stream().allMatch(Engine.Failure::deterministic)) {
                    err.printf("seisproc run: %d ensemble(s) failed on their data; the same job fails the same way again:"
                            + " change the job or fix the input. The output %s is left incomplete%n", r.failures().size(), job.output());
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
            interrupt.close();
        }
        return Main.OK;
    }

    /// Seconds the JVM had been running at [System#nanoTime] `t`.
    private static double jvmUptimeAt(long t) {
        long uptimeNow = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        return uptimeNow / 1e3 - (System.nanoTime() - t) / 1e9;
    }
}

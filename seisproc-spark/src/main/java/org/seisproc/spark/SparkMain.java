package org.seisproc.spark;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.spark.sql.SparkSession;
import org.seisproc.cli.CancelOnInterrupt;
import org.seisproc.cli.ExitCodes;
import org.seisproc.cli.Progress;
import org.seisproc.dataset.Dataset;
import org.seisproc.engine.Engine;
import org.seisproc.engine.EnsemblePlan;
import org.seisproc.engine.Job;
import org.seisproc.engine.PreparedJob;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/// `SparkMain JOB.json [--master M] [--partitions N] [--overwrite] [--no-resume]`: runs a job on
/// Spark and reports like `seisproc run` (set-up, progress, the final line, failures by their
/// ensembles' key values), plus Spark's own start-up on a line of its own. It is the main class
/// of `seisproc-spark.jar` — for `spark-submit --class org.seisproc.spark.SparkMain` — and what
/// `seisproc run --engine spark` starts in a child JVM (so the CLI's jar carries no Spark).
/// Exit codes as `seisproc`: 0 ok, 1 failure, 2 usage.
@Command(name = "seisproc-spark", mixinStandardHelpOptions = true,
        description = {"Runs a processing job (the JSON/YAML of 'seisproc run') on Apache Spark. The input and output",
                "must be at the same path on every executor (shared storage). Rerunning resumes, locally or on Spark."})
public final class SparkMain implements java.util.concurrent.Callable<Integer> {
    static final int OK = ExitCodes.OK;
    static final int FAILURE = ExitCodes.FAILURE;
    static final int USAGE = ExitCodes.USAGE;

    @Parameters(index = "0", paramLabel = "JOB.json")
    Path jobFile;

    @Option(names = "--master", description = "Spark master: local[N], spark://HOST:7077, yarn, k8s://... (default: what"
            + " spark-submit set, else local[*]). A local master retries a failed task 3 times, as a cluster does.")
    String master;

    @Option(names = "--partitions", defaultValue = "0", description = "Tasks to cut the ensembles into (default: 4 per core).")
    int partitions;

    @Option(names = "--overwrite", description = "Replace an existing output dataset.")
    boolean overwrite;

    @Option(names = "--no-resume", description = "Start over even if an interrupted run of this job left its output.")
    boolean noResume;

    private final SparkSession given;
    private PrintWriter out;
    private PrintWriter err;

    SparkMain(SparkSession given) {
        this.given = given;
    }

    public static void main(String[] args) {
        System.exit(run(null, new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /// Runs the command line on `session` (null: start one, and stop it at the end); returns the
    /// exit code.
    static int run(SparkSession session, PrintWriter out, PrintWriter err, String... args) {
        SparkMain command = new SparkMain(session);
        command.out = out;
        command.err = err;
        CommandLine cl = new CommandLine(command);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            // the same exit codes and messages as `seisproc run`
            Integer code = ExitCodes.report(ex, "run", err);
            if (code != null) {
                return code;
            }
            // Spark could not start (a bad master URL, no cluster there, ...): its own first line
            String msg = String.valueOf(ex.getMessage());
            int nl = msg.indexOf('\n');
            err.println("seisproc run: error: " + ex.getClass().getSimpleName() + ": " + (nl > 0 ? msg.substring(0, nl) : msg));
            return FAILURE;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public Integer call() {
        long t0 = System.nanoTime();
        JobText text = JobText.read(jobFile);
        Job job = text.parse();
        long tJob = System.nanoTime();
        AtomicBoolean cancel = new AtomicBoolean();
        CancelOnInterrupt interrupt = new CancelOnInterrupt(() -> cancel.set(true));
        SparkSession spark = null;
        try (PreparedJob prepared = PreparedJob.prepare(job)) {
            Dataset input = prepared.input();
            EnsemblePlan plan = prepared.plan();
            PreparedJob.Setup setup = prepared.setup();
            String keySpec = prepared.shared().index().key().spec();
            double ready = (tJob - t0) / 1e9 + setup.datasetSeconds() + setup.sharedSeconds();
            long tSpark = System.nanoTime();
            spark = given != null ? given : SparkSessions.start("seisproc run " + jobFile.getFileName(), master, Map.of());
            long tSession = System.nanoTime();
            SparkRunner.warmUp(spark);
            double sessionSeconds = (tSession - tSpark) / 1e9;
            double sparkSeconds = (System.nanoTime() - tSpark) / 1e9;
            String actualMaster = spark.sparkContext().master();
            out.printf("run: %s: %,d traces in %,d ensembles by %s; Spark %s (%d cores)%n", job.input(), input.traceCount(),
                    plan.ensembles(), keySpec, actualMaster, spark.sparkContext().defaultParallelism());
            out.printf("run:   ready in %.3f s: job file %.3f s, dataset %.3f s, shared data %.3f s%n", ready,
                    (tJob - t0) / 1e9, setup.datasetSeconds(), setup.sharedSeconds());
            out.printf("run:   Spark start-up %.3f s (session and executors %.3f s%s; its SQL engine's first query %.3f s)%n",
                    sparkSeconds, sessionSeconds, given != null ? ", already running" : "", sparkSeconds - sessionSeconds);
            interrupt.arm();
            Engine.Report r;
            try (Progress progress = new Progress("run", input.traceCount(), "traces", out, "checksums, header table, sync")) {
                r = SparkRunner.run(spark, text, prepared, new SparkRunner.Options(partitions, overwrite, !noResume,
                        progress::update, cancel));
            }
            interrupt.disarm();
            for (Engine.Failure f : r.failures()) {
                err.println("seisproc run: ensemble " + job.key() + " = " + f);
            }
            if (r.skipped() > 0) {
                out.printf("run: resumed: %,d ensembles were already done%n", r.skipped());
            }
            for (Engine.WorkerStats ws : r.workers()) {
                out.printf("run:   all tasks: %,d gathers, %,d traces; copied %s in (their gathers), wrote %s%n", ws.gathers(),
                        ws.traces(), Progress.bytes(ws.bytesIn()), Progress.bytes(ws.bytesOut()));
            }
            String startLine = String.format("start-up %.3f s (job file read to first task started; Spark's %.3f s included)",
                    r.firstDispatchNanos() == 0 ? 0 : (r.firstDispatchNanos() - t0) / 1e9, sparkSeconds);
            if (!r.complete()) {
                out.printf("run: stopped after %,d traces in %.2f s; %s%n", r.traces(), r.seconds(), startLine);
                out.flush();
                if (cancel.get()) {
                    err.printf("seisproc run: cancelled; the output %s is incomplete; rerun the same job to resume%n", job.output());
                } else {
                    err.printf("seisproc run: %d ensemble(s) failed; the output %s is left incomplete (the finished ensembles"
                            + " are kept: after fixing the cause, a rerun of the same job, local or on Spark, does only the rest)%n",
                            r.failures().size(), job.output());
                }
                return FAILURE;
            }
            out.printf("run: wrote %s: %,d ensembles, %,d traces in %.2f s (%,.0f traces/s); %s%n", r.output(),
                    r.ensembles(), r.traces(), r.seconds(), r.traces() / Math.max(r.seconds(), 1e-9), startLine);
        } finally {
            out.flush();
            err.flush();
            if (given == null && spark != null) {
                spark.stop();
            }
            interrupt.close();
        }
        return OK;
    }
}

package org.seisproc.spark;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.LongAccumulator;
import org.seisproc.dataset.DatasetWriter;
import org.seisproc.engine.Engine;
import org.seisproc.engine.EnsemblePlan;
import org.seisproc.engine.Job;
import org.seisproc.engine.PreparedJob;

/// Runs a job on Apache Spark with the output the local engine ([Engine#run]) writes, byte for
/// byte. The driver does the job's set-up — validate, index, plan ([PreparedJob]) and create the
/// output ([Engine#openOutput]) — then makes a small Spark `Dataset` of ensemble descriptors
/// (ensemble number and trace count; never samples) in contiguous slices, one slice a task
/// ([EnsembleTask]). Each executor opens the mapped dataset and attaches to the output once
/// ([ExecutorJobs]); its tasks run the engine's own [org.seisproc.engine.EnsembleUnit] and write
/// at the traces' positions, so a retried or speculative attempt rewrites the same bytes.
///
/// The driver marks the ensembles its successful tasks report in the local engine's progress
/// record and commits the output only when every ensemble was written ([Engine#commitOutput]);
/// otherwise the output stays incomplete with that record, and a rerun — local or on Spark —
/// resumes it (the same [org.seisproc.engine.JobFingerprint] guards both).
public final class SparkRunner {
    /// The descriptors' schema: `ensemble` (the plan's ensemble number), `traces` (its trace count).
    public static final StructType DESCRIPTOR = new StructType()
            .add("ensemble", DataTypes.IntegerType, false)
            .add("traces", DataTypes.IntegerType, false);

    /// @param partitions tasks to cut the ensembles into (0: four per core of the cluster, so a
    ///                   slow or retried task delays the end little)
    /// @param overwrite  replace an existing complete output
    /// @param resume     continue an interrupted run of the same job (local or Spark)
    /// @param progress   receives the traces done so far, on the driver, as tasks end (may be null)
    /// @param cancel     set to true to stop cleanly (the Spark job is cancelled)
    public record Options(int partitions, boolean overwrite, boolean resume, LongConsumer progress, AtomicBoolean cancel) {
        public static Options defaults() {
            return new Options(0, false, true, null, new AtomicBoolean());
        }
    }

    private SparkRunner() {
    }

    /// Sets the job up on the driver, runs it on `spark`, and releases the set-up.
    public static Engine.Report run(SparkSession spark, JobText jobText, Options options) {
        try (PreparedJob prepared = PreparedJob.prepare(jobText.parse())) {
            return run(spark, jobText, prepared, options);
        }
    }

    /// Runs `prepared` — the driver's set-up of `jobText` — on `spark`. The report has the local
    /// engine's fields; its one [Engine.WorkerStats] sums every task (allocation is not measured
    /// across executors: -1).
    public static Engine.Report run(SparkSession spark, JobText jobText, PreparedJob prepared, Options options) {
        long start = System.nanoTime();
        Job job = prepared.job();
        EnsemblePlan plan = prepared.plan();
        int ensembles = plan.ensembles();
        DatasetWriter writer = Engine.openOutput(prepared, options.overwrite(), options.resume());
        byte[] done;
        try {
            done = Engine.loadProgress(writer, ensembles);
        } catch (RuntimeException e) {
            writer.close(true);
            throw e;
        }
        int skipped = 0;
        long skippedTraces = 0;
        List<Row> todo = new ArrayList<>();
        for (int e = 0; e < ensembles; e++) {
            if (done[e] != 0) {
                skipped++;
                skippedTraces += plan.traceCount(e);
            } else {
                todo.add(RowFactory.create(e, plan.traceCount(e)));
            }
        }
        List<Engine.Failure> failures = new ArrayList<>();
        AtomicLong firstDispatch = new AtomicLong();
        long[] stats = new long[3];
        Set<Integer> written = new LinkedHashSet<>();
        try {
            writer.flush(); // headers the driver copied are on storage before any executor maps them
            if (!todo.isEmpty()) {
                runTasks(spark, new TaskJob(UUID.randomUUID().toString(), jobText, ensembles, prepared.outputShape().traces()),
                        "continue".equals(job.onError()), todo, skippedTraces, options, failures, firstDispatch, written, stats);
            }
        } catch (RuntimeException | Error e) {
            markDone(done, written);
            Engine.saveProgress(writer, done);
            writer.close(true);
            throw e;
        }
        markDone(done, written);
        long traces = 0;
        for (int e : written) {
            traces += plan.traceCount(e);
        }
        if (options.progress() != null) {
            options.progress().accept(skippedTraces + traces);
        }
        boolean complete = failures.isEmpty() && !options.cancel().get() && allDone(done);
        if (complete) {
            Engine.commitOutput(writer);
        } else {
            Engine.saveProgress(writer, done);
            writer.close(true);
        }
        long first = firstDispatch.get();
        Engine.WorkerStats all = new Engine.WorkerStats(written.size(), traces, stats[1], stats[2], -1, -1);
        return new Engine.Report(job.output(), ensembles, traces, skipped, List.copyOf(failures), (System.nanoTime() - start) / 1e9,
                first == 0 ? 0 : (first - start) / 1e9, first, complete, List.of(all));
    }

    /// Readies Spark's SQL engine for the runs to come: one descriptor through the same plan a
    /// run uses (session state, query planning, generated code), doing nothing. A new session
    /// pays seconds for this once; a run called after it measures only its own work.
    public static void warmUp(SparkSession spark) {
        JavaRDD<Row> one = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(List.of(RowFactory.create(0, 0)), 1);
        spark.createDataFrame(one, DESCRIPTOR).foreachPartition(WARM_UP);
    }

    private static final org.apache.spark.api.java.function.ForeachPartitionFunction<Row> WARM_UP = rows -> {
        while (rows.hasNext()) {
            rows.next();
        }
    };

    /// The Spark part: descriptors → tasks → what they report (ensembles written, failures, stats).
    private static void runTasks(SparkSession spark, TaskJob task, boolean goOn, List<Row> todo, long skippedTraces,
                                 Options options, List<Engine.Failure> failures, AtomicLong firstDispatch,
                                 Set<Integer> written, long[] stats) {
        SparkContext sc = spark.sparkContext();
        CollectionAccumulator<Integer> doneAcc = sc.collectionAccumulator("seisproc ensembles written");
        CollectionAccumulator<EnsembleTask.FailedEnsemble> failedAcc = sc.collectionAccumulator("seisproc ensembles failed");
        LongAccumulator tracesAcc = sc.longAccumulator("seisproc traces");
        LongAccumulator bytesInAcc = sc.longAccumulator("seisproc bytes in");
        LongAccumulator bytesOutAcc = sc.longAccumulator("seisproc bytes out");
        int partitions = options.partitions() > 0 ? options.partitions() : Math.max(1, sc.defaultParallelism() * 4);
        partitions = Math.min(partitions, todo.size());
        JavaRDD<Row> rdd = JavaSparkContext.fromSparkContext(sc).parallelize(todo, partitions);
        Dataset<Row> descriptors = spark.createDataFrame(rdd, DESCRIPTOR);
        EnsembleTask function = new EnsembleTask(task, goOn, doneAcc, failedAcc, tracesAcc, bytesInAcc, bytesOutAcc);

        String group = "seisproc-" + task.runId();
        SparkListener listener = new SparkListener() {
            @Override
            public void onTaskStart(SparkListenerTaskStart taskStart) {
                firstDispatch.compareAndSet(0, System.nanoTime());
            }

            @Override
            public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
                // Spark merges a successful task's accumulators before it posts the task's end
                if (options.progress() != null) {
                    options.progress().accept(skippedTraces + tracesAcc.value());
                }
            }
        };
        sc.addSparkListener(listener);
        sc.setJobGroup(group, "seisproc run " + task.job().file(), true);
        Thread watcher = Thread.ofVirtual().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                if (options.cancel().get()) {
                    sc.cancelJobGroup(group);
                    return;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        try {
            descriptors.foreachPartition(function);
        } catch (Exception e) { // Spark's own SparkException is checked in Java's eyes, though not declared
            if (!options.cancel().get()) {
                failures.add(failureOf(e));
            }
        } finally {
            watcher.interrupt();
            sc.clearJobGroup();
            sc.removeSparkListener(listener);
            ExecutorJobs.release(task.runId());
        }
        written.addAll(doneAcc.value());
        for (EnsembleTask.FailedEnsemble f : failedAcc.value()) {
            failures.add(new Engine.Failure(f.key(), f.reason()));
        }
        stats[0] = tracesAcc.value();
        stats[1] = bytesInAcc.value();
        stats[2] = bytesOutAcc.value();
    }

    /// A failed Spark job as the local engine reports a failure: the ensemble's key values and
    /// the reason when a task failed on an ensemble, else Spark's own first line.
    static Engine.Failure failureOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EnsembleFailure f) {
                return new Engine.Failure(f.key(), f.reason() + attemptsText(e));
            }
        }
        String msg = String.valueOf(e.getMessage());
        int nl = msg.indexOf('\n');
        return new Engine.Failure(new long[0], nl > 0 ? msg.substring(0, nl) : msg);
    }

    /// " (its task failed 4 times)" from Spark's "failed 4 times", when it says so.
    private static String attemptsText(Throwable e) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("failed (\\d+) times").matcher(String.valueOf(e.getMessage()));
        return m.find() ? " (its task failed " + m.group(1) + " times)" : "";
    }

    private static void markDone(byte[] done, Set<Integer> written) {
        for (int e : written) {
            done[e] = 1;
        }
    }

    private static boolean allDone(byte[] done) {
        for (byte b : done) {
            if (b == 0) {
                return false;
            }
        }
        return true;
    }
}

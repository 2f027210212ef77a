package org.seisproc.spark;

import java.util.Iterator;

import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.LongAccumulator;
import org.seisproc.dataset.DatasetWriter;
import org.seisproc.engine.Engine;
import org.seisproc.engine.EnsemblePlan;
import org.seisproc.engine.EnsembleUnit;
import org.seisproc.engine.PreparedJob;

/// One Spark task: a function over a partition of ensemble descriptors (`ensemble`, `traces`).
/// It takes the executor's opened job ([ExecutorJobs]), makes its own [EnsembleUnit] — the same
/// unit the local engine's workers use — and runs each ensemble through it, writing the traces
/// at their positions in the output. At the partition's end it forces what it wrote to storage
/// ([DatasetWriter#flush]) and only then counts its ensembles in the accumulators, which reach
/// the driver only when the task succeeds: a retried or speculative attempt rewrites the same
/// bytes and is counted once.
///
/// A failing ensemble fails the task with an [EnsembleFailure] naming its key values (Spark then
/// retries the task); with the job's `onError: continue` it is recorded in `failures` instead
/// and the task goes on, as the local engine does.
final class EnsembleTask implements ForeachPartitionFunction<Row> {
    private static final long serialVersionUID = 1L;

    /// An ensemble that failed under `onError: continue` (key values, the failure in the local
    /// engine's words).
    record FailedEnsemble(long[] key, String reason) implements java.io.Serializable {
    }

    private final TaskJob task;
    private final boolean goOn;
    private final CollectionAccumulator<Integer> done;
    private final CollectionAccumulator<FailedEnsemble> failures;
    private final LongAccumulator traces;
    private final LongAccumulator bytesIn;
    private final LongAccumulator bytesOut;

    EnsembleTask(TaskJob task, boolean goOn, CollectionAccumulator<Integer> done, CollectionAccumulator<FailedEnsemble> failures,
                 LongAccumulator traces, LongAccumulator bytesIn, LongAccumulator bytesOut) {
        this.task = task;
        this.goOn = goOn;
        this.done = done;
        this.failures = failures;
        this.traces = traces;
        this.bytesIn = bytesIn;
        this.bytesOut = bytesOut;
    }

    @Override
    public void call(Iterator<Row> descriptors) {
        TaskContext context = TaskContext.get();
        try (ExecutorJobs.Lease lease = ExecutorJobs.acquire(task)) {
            PreparedJob job = lease.job();
            DatasetWriter output = lease.output();
            EnsemblePlan plan = job.plan();
            EnsembleUnit unit = job.unit();
            int[] written = new int[16];
            int n = 0;
            while (descriptors.hasNext()) {
                if (context != null) {
                    context.killTaskIfInterrupted(); // the job was cancelled or failed elsewhere
                }
                Row row = descriptors.next();
                int e = row.getInt(0);
                if (plan.traceCount(e) != row.getInt(1)) {
                    throw new IllegalStateException("ensemble " + e + " has " + plan.traceCount(e) + " traces on this executor, "
                            + row.getInt(1) + " on the driver: the executors must see the driver's dataset and index");
                }
                try {
                    unit.run(e, output);
                } catch (Throwable ex) {
                    if (ex instanceof VirtualMachineError vm) {
                        throw vm;
                    }
                    EnsembleFailure failure = new EnsembleFailure(plan.keyNames(), plan.key(e), Engine.describe(ex), ex);
                    if (!goOn) {
                        throw failure;
                    }
                    failures.add(new FailedEnsemble(plan.key(e), failure.reason()));
                    continue;
                }
                if (n == written.length) {
                    written = java.util.Arrays.copyOf(written, n * 2);
                }
                written[n++] = e;
            }
            unit.finish();
            output.flush(); // on storage before the task reports success: the driver commits on that
            for (int i = 0; i < n; i++) {
                done.add(written[i]);
            }
            EnsembleUnit.Stats s = unit.stats();
            traces.add(s.traces());
            bytesIn.add(s.bytesIn());
            bytesOut.add(s.bytesOut());
        }
    }
}

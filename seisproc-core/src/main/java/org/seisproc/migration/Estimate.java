package org.seisproc.migration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/// What a migration will cost, before it runs: disk for the outputs, peak memory, the work in
/// contributions and a time at nominal kernel rates; and the refusals when the output does not
/// fit the disk or the memory budget (`seisproc migrate --estimate` prints it; the run refuses
/// to start on a refusal).
///
/// Memory = shared (per-trace geometry arrays and coordinates, the midpoint index) + workers ×
/// one tile's workspace (image sums per offset class, the normalised outputs, operators, trace
/// buffers). The outputs are memory-mapped files, not heap. The work is counted exactly on up to
/// 16 tiles spread over the grid and scaled to all tiles. Nominal rates per worker:
/// 1.0 × 10⁹ contributions/s (linear), 0.3 × 10⁹ with anti-aliasing (the kernel alone on the
/// development machine, see bench/migration); the run's own progress gives the real ETA.
///
/// @param outputTraces      bins of the output grid
/// @param samples           output samples per trace
/// @param offsetClasses     offset classes (gathers per bin)
/// @param stackBytes        the stacked image dataset's size (samples + trace headers)
/// @param gathersBytes      the gathers dataset's size (0 when not asked for)
/// @param diskFreeBytes     usable space where the outputs go
/// @param sharedBytes       memory shared by all workers
/// @param workerBytes       memory of one worker
/// @param workers           workers
/// @param peakMemoryBytes   shared + workers × worker
/// @param memoryBudgetBytes the budget (the job's, or the JVM's maximum heap)
/// @param traceReads        input trace reads (estimated)
/// @param contributions     contributions (estimated)
/// @param seconds           time at the nominal rate
/// @param refusals          why the run cannot start (empty when it can)
public record Estimate(long outputTraces, int samples, int offsetClasses, long stackBytes, long gathersBytes, long diskFreeBytes,
                       long sharedBytes, long workerBytes, int workers, long peakMemoryBytes, long memoryBudgetBytes, long traceReads,
                       long contributions, double seconds, List<String> refusals) {
    /// Nominal contributions per second per worker (see above).
    public static double nominalRate(boolean antiAlias) {
        return antiAlias ? 0.3e9 : 1.0e9;
    }

    /// The estimate for `pm` with `workers` workers.
    public static Estimate of(PreparedMigration pm, int workers) {
        MigrationJob job = pm.job();
        MigrationPlan plan = pm.plan();
        OutputGrid grid = pm.grid();
        int nk = grid.time().count();
        int classes = job.parameters().offsetClasses().count();
        int headerBytes = pm.input().traceHeaderBytes();
        long traces = grid.traces();
        long stack = traces * ((long) nk * 4 + headerBytes);
        long gathers = job.gathers() == null ? 0 : traces * classes * ((long) nk * 4 + headerBytes);
        long free = usable(job.output());
        long shared = plan.sharedBytes() + 32L * pm.input().traceCount();
        long worker = plan.workspaceBytes();
        long peak = shared + workers * worker;
        long budget = job.memoryBudgetBytes() > 0 ? job.memoryBudgetBytes() : Runtime.getRuntime().maxMemory();
        long[] work = plan.sampleWork(16);
        double scale = work[2] == 0 ? 0 : (double) plan.tiles().size() / work[2];
        long reads = Math.round(work[0] * scale);
        long contributions = Math.round(work[1] * scale);
        double seconds = contributions / (nominalRate(job.parameters().antiAlias().enabled()) * Math.max(1, workers));
        List<String> refusals = new ArrayList<>();
        if (free >= 0 && stack + gathers > free) {
            refusals.add(String.format("the output needs %,d bytes (image %,d + gathers %,d), the disk at %s has %,d free",
                    stack + gathers, stack, gathers, job.output().toAbsolutePath().getParent(), free));
        }
        if (peak > budget) {
            refusals.add(String.format("the run needs %,d bytes of memory (shared %,d + %d worker(s) x %,d), the budget is %,d; "
                    + "use smaller tiles (execution.tileInlines/tileCrosslines), fewer workers or offset classes, or a larger budget (-Xmx)",
                    peak, shared, workers, worker, budget));
        }
        return new Estimate(traces, nk, classes, stack, gathers, free, shared, worker, workers, peak, budget, reads, contributions, seconds,
                List.copyOf(refusals));
    }

    private static long usable(Path target) {
        Path p = target.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        if (p == null) {
            return -1;
        }
        try {
            return Files.getFileStore(p).getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }
}

package org.seisproc.migration;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import org.seisproc.dataset.DatasetShape;
import org.seisproc.dataset.DatasetWriter;
import org.seisproc.dataset.SampleType;
import org.seisproc.migration.internal.TileCheckpoint;
import org.seisproc.segy.TraceField;

/// Runs a prepared migration: N workers take tiles in turn, migrate each with its own
/// [MigrationPlan.Workspace] and write its traces into the image (and gathers) dataset(s) at
/// their positions; every finished tile is checkpointed at once, so a killed or cancelled run
/// resumes where it stopped. Nothing is visible until every tile is done and the outputs are
/// committed.
///
/// Output traces are inline-major (`o = inlineIndex × crosslines + crosslineIndex`); the gathers
/// dataset has `offsetClasses` traces per bin (`o × classes + c`). Headers set: trace sequence,
/// inline, crossline, CDP (the survey's numbering when it is affine in inline/crossline, else
/// o + 1), CDP x/y with the survey's coordinate scalar, offset (class centre, gathers), trace
/// number in the ensemble, fold (bytes 33–34, horizontally stacked traces), delay (109–110, ms).
public final class Migration {
    /// Name of the checkpoint file inside the image dataset being written.
    public static final String CHECKPOINT = "migration-checkpoint.bin";

    private Migration() {
    }

    /// @param workers   worker threads (≥ 1)
    /// @param overwrite replace existing outputs
    /// @param resume    continue an interrupted run of the same job
    public record Options(int workers, boolean overwrite, boolean resume) {
    }

    /// @param complete      every tile done and the outputs committed
    /// @param tiles         tiles in the job
    /// @param tilesSkipped  tiles a resumed run found done
    /// @param tracesRead    input trace reads of this run
    /// @param contributions contributions of this run
    /// @param seconds       wall time (s)
    /// @param peakHeapBytes the JVM's peak heap use over the run
    public record Report(boolean complete, int tiles, int tilesSkipped, long tracesRead, long contributions, double seconds,
                         long peakHeapBytes) {
    }

    /// Runs `pm`; `control` pauses or cancels it, `listener` follows it.
    public static Report run(PreparedMigration pm, Options options, MigrationListener listener, MigrationControl control) {
        long start = System.nanoTime();
        resetPeaks();
        MigrationJob job = pm.job();
        MigrationPlan plan = pm.plan();
        OutputGrid grid = pm.grid();
        int nk = grid.time().count();
        int classes = job.parameters().offsetClasses().count();
        double dtMicros = grid.time().interval() * 1e6;
        String step = "migrate: Kirchhoff prestack time migration, " + describe(job);
        List<Tile> tiles = plan.tiles();
        DatasetWriter stack = DatasetWriter.create(pm.input(), job.output(), new DatasetShape(grid.traces(), nk, dtMicros, SampleType.FLOAT32),
                step, options.overwrite(), options.resume());
        DatasetWriter gathers = null;
        TileCheckpoint checkpoint = null;
        boolean complete = false;
        try {
            if (job.gathers() != null) {
                gathers = DatasetWriter.create(pm.input(), job.gathers(),
                        new DatasetShape(grid.traces() * classes, nk, dtMicros, SampleType.FLOAT32), step + " (gathers)",
                        options.overwrite(), options.resume());
            }
            boolean resumed = stack.resumed() && (gathers == null || gathers.resumed());
            checkpoint = TileCheckpoint.open(stack.file(CHECKPOINT), fingerprint(pm), tiles.size(), resumed);
            int skipped = checkpoint.count();
            if (skipped > 0) {
                listener.log(String.format("resuming: %d of %d tiles were done", skipped, tiles.size()));
            }
            long[] classTotals = classTotals(pm);
            AtomicLongArray classRead = new AtomicLongArray(classes);
            AtomicInteger next = new AtomicInteger();
            AtomicInteger done = new AtomicInteger(skipped);
            AtomicLong reads = new AtomicLong();
            AtomicLong contributions = new AtomicLong();
            List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
            int workers = Math.max(1, Math.min(options.workers(), tiles.size()));
            listener.progress(progress(done.get(), tiles.size(), skipped, 0, 0, start, classRead, classTotals, control));
            List<Thread> threads = new ArrayList<>();
            TileCheckpoint cp = checkpoint;
            DatasetWriter gw = gathers;
            for (int w = 0; w < workers; w++) {
                threads.add(Thread.ofPlatform().name("seisproc-migrate-" + w).start(() -> {
                    try {
                        MigrationPlan.Workspace ws = plan.workspace();
                        for (int i = next.getAndIncrement(); i < tiles.size(); i = next.getAndIncrement()) {
                            if (!failures.isEmpty() || !control.awaitRunnable()) {
                                return;
                            }
                            Tile tile = tiles.get(i);
                            if (cp.done(tile.id())) {
                                continue;
                            }
                            TileImage image = plan.migrate(tile, ws, () -> control.cancelled() || !failures.isEmpty());
                            if (image == null) {
                                return;
                            }
                            write(pm, image, stack, gw);
                            cp.mark(tile.id());
                            reads.addAndGet(image.traces());
                            contributions.addAndGet(image.contributions());
                            int[] perClass = plan.tileTraces(tile);
                            for (int c = 0; c < classes; c++) {
                                classRead.addAndGet(c, perClass[c]);
                            }
                            int d = done.incrementAndGet();
                            listener.tileDone(image);
                            listener.progress(progress(d, tiles.size(), skipped, reads.get(), contributions.get(), start, classRead,
                                    classTotals, control));
                        }
                    } catch (Throwable t) {
                        failures.add(t);
                    }
                }));
            }
            for (Thread t : threads) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    control.cancel();
                }
            }
            if (!failures.isEmpty()) {
                Throwable f = failures.getFirst();
                throw f instanceof RuntimeException r ? r : new IllegalStateException("a migration worker failed: " + f, f);
            }
            complete = done.get() == tiles.size() && !control.cancelled();
            if (complete) {
                checkpoint.close(true);
                checkpoint = null;
                stack.commit();
                if (gathers != null) {
                    gathers.commit();
                }
                listener.log("wrote " + job.output() + (gathers != null ? " and " + job.gathers() : ""));
            } else {
                listener.log(String.format("stopped with %d of %d tiles done; rerun to resume", done.get(), tiles.size()));
            }
            return new Report(complete, tiles.size(), skipped, reads.get(), contributions.get(), (System.nanoTime() - start) / 1e9, peakHeap());
        } finally {
            if (checkpoint != null) {
                checkpoint.close(false);
            }
            if (!complete) {
                stack.close(true);
                if (gathers != null) {
                    gathers.close(true);
                }
            }
        }
    }

    private static MigrationProgress progress(int done, int total, int skipped, long reads, long contributions, long start,
                                              AtomicLongArray classRead, long[] classTotals, MigrationControl control) {
        double s = (System.nanoTime() - start) / 1e9;
        int ran = done - skipped;
        double eta = ran == 0 ? Double.NaN : s / ran * (total - done);
        long[] cr = new long[classRead.length()];
        for (int c = 0; c < cr.length; c++) {
            cr[c] = classRead.get(c);
        }
        return new MigrationProgress(done, total, reads, contributions, s, reads / Math.max(s, 1e-9), contributions / Math.max(s, 1e-9),
                eta, cr, classTotals.clone(), control.paused());
    }

    /// Expected trace reads per class: the class's share of the traces times the reads the
    /// sampled tiles predict.
    private static long[] classTotals(PreparedMigration pm) {
        MigrationPlan plan = pm.plan();
        int classes = pm.job().parameters().offsetClasses().count();
        long[] perClass = new long[classes];
        int step = Math.max(1, plan.tiles().size() / 16);
        int sampled = 0;
        for (int i = step / 2; i < plan.tiles().size(); i += step) {
            int[] t = plan.tileTraces(plan.tiles().get(i));
            for (int c = 0; c < classes; c++) {
                perClass[c] += t[c];
            }
            sampled++;
        }
        double scale = sampled == 0 ? 0 : (double) plan.tiles().size() / sampled;
        for (int c = 0; c < classes; c++) {
            perClass[c] = Math.round(perClass[c] * scale);
        }
        return perClass;
    }

    /// Writes a tile's traces and headers into the outputs (`gathers` may be null). Public for a
    /// distributed run: a task migrates its tiles with [MigrationPlan#migrate] and writes them
    /// through writers attached to its coordinator's outputs ([DatasetWriter#attach]).
    public static void write(PreparedMigration pm, TileImage image, DatasetWriter stack, DatasetWriter gathers) {
        Tile tile = image.tile();
        OutputGrid grid = pm.grid();
        SurveyScan scan = pm.scan();
        BinGrid bins = pm.plan().bins();
        int nk = image.samples();
        int classes = image.gathers().length;
        double factor = SurveyScan.factor(scan.coordinateScalar());
        OffsetClasses oc = pm.job().parameters().offsetClasses();
        long delayMs = Math.round(grid.time().first() * 1000);
        for (int bi = 0; bi < tile.inlines(); bi++) {
            for (int bj = 0; bj < tile.crosslines(); bj++) {
                int b = bi * tile.crosslines() + bj;
                int i = tile.inline0() + bi;
                int j = tile.crossline0() + bj;
                long o = (long) i * grid.crosslines() + j;
                int il = grid.inline(i);
                int xl = grid.crossline(j);
                long cdp = scan.cdpOf(il, xl) >= 0 ? scan.cdpOf(il, xl) : o + 1;
                long cx = Math.round(bins.x(il, xl) / factor);
                long cy = Math.round(bins.y(il, xl) / factor);
                stack.writeTrace(o, image.stack(), b * nk);
                header(stack, o, o + 1, il, xl, cdp, cx, cy, scan.coordinateScalar(), 0, 1, image.totalFold(b), delayMs);
                if (gathers != null) {
                    for (int c = 0; c < classes; c++) {
                        long g = o * classes + c;
                        gathers.writeTrace(g, image.gathers()[c], b * nk);
                        header(gathers, g, g + 1, il, xl, cdp, cx, cy, scan.coordinateScalar(), Math.round(oc.centre(c)), c + 1,
                                image.fold()[c][b], delayMs);
                    }
                }
            }
        }
    }

    private static void header(DatasetWriter w, long trace, long sequence, int il, int xl, long cdp, long cx, long cy, int scalar,
                               long offset, int inEnsemble, int fold, long delayMs) {
        w.setHeader(trace, TraceField.TRACE_SEQUENCE_LINE.field(), sequence);
        w.setHeader(trace, TraceField.TRACE_SEQUENCE_FILE.field(), sequence);
        w.setHeader(trace, TraceField.ENSEMBLE_NUMBER.field(), cdp);
        w.setHeader(trace, TraceField.TRACE_NUMBER_IN_ENSEMBLE.field(), inEnsemble);
        w.setHeader(trace, TraceField.TRACE_IDENTIFICATION_CODE.field(), 1);
        w.setHeader(trace, TraceField.HORIZONTALLY_STACKED_TRACES.field(), Math.min(fold, Short.MAX_VALUE));
        w.setHeader(trace, TraceField.DATA_USE.field(), 1);
        w.setHeader(trace, TraceField.OFFSET.field(), offset);
        w.setHeader(trace, TraceField.COORDINATE_SCALAR.field(), scalar);
        w.setHeader(trace, TraceField.COORDINATE_UNITS.field(), 1);
        w.setHeader(trace, TraceField.DELAY_RECORDING_TIME.field(), delayMs);
        w.setHeader(trace, TraceField.CDP_X.field(), cx);
        w.setHeader(trace, TraceField.CDP_Y.field(), cy);
        w.setHeader(trace, TraceField.INLINE.field(), il);
        w.setHeader(trace, TraceField.CROSSLINE.field(), xl);
    }

    /// What determines the image: the input (its creation time and checksums) and every setting but
    /// the workers.
    private static byte[] fingerprint(PreparedMigration pm) {
        MigrationJob j = pm.job();
        var sums = pm.input().manifest().checksums();
        String text = pm.input().traceCount() + "|" + pm.input().manifest().created() + "|"
                + (sums == null ? "" : sums.samplesSha256() + sums.traceHeadersSha256()) + "|"
                + pm.grid() + "|" + j.parameters() + "|" + j.headers() + "|" + j.velocity().kind() + j.velocity().v() + j.velocity().v0()
                + j.velocity().k() + j.velocity().path() + velocityTable(j) + "|" + j.gathers();
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String velocityTable(MigrationJob j) {
        StringBuilder sb = new StringBuilder();
        for (MigrationJob.TableFunction f : j.velocity().functions()) {
            sb.append(f.cdp()).append(',').append(f.inline()).append(',').append(f.crossline()).append(java.util.Arrays.toString(f.times()))
                    .append(java.util.Arrays.toString(f.velocities()));
        }
        return sb.toString();
    }

    private static String describe(MigrationJob job) {
        MigrationParameters p = job.parameters();
        return "velocity " + job.velocity().kind() + ", aperture " + p.aperture().maxDistanceMeters() + " m / "
                + p.aperture().maxAngleDegrees() + " deg, anti-alias " + (p.antiAlias().enabled() ? "on" : "off") + ", "
                + p.offsetClasses().count() + " offset class(es)";
    }

    private static void resetPeaks() {
        for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long peak = 0;
        for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}

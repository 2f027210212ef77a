package org.seisproc.cli;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicLong;

import org.seisproc.migration.BinGrid;
import org.seisproc.migration.Estimate;
import org.seisproc.migration.Migration;
import org.seisproc.migration.MigrationControl;
import org.seisproc.migration.MigrationException;
import org.seisproc.migration.MigrationJob;
import org.seisproc.migration.MigrationListener;
import org.seisproc.migration.MigrationProgress;
import org.seisproc.migration.OutputGrid;
import org.seisproc.migration.PreparedMigration;
import org.seisproc.migration.SurveyScan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/// `seisproc migrate JOB.json [--estimate] [--workers N] [--overwrite]`: Kirchhoff prestack time
/// migration (see docs/migration.md).
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Kirchhoff prestack time migration of a dataset (3D or 2D) onto a bin grid: the stacked image and, when "
                + "the job names 'gathers', common-image gathers by offset class. Prints the survey scan and the memory/time estimate "
                + "first; refuses an output larger than the disk or the memory budget. Ctrl-C stops cleanly; rerunning resumes from "
                + "the last finished tile. Workers: --workers, else the job's \"workers\", else one per core. The job file is described "
                + "in docs/migration.md."})
final class MigrateCommand extends JobCommand {
    @Option(names = "--estimate", description = "Print the survey scan and the memory and time estimate, then stop.")
    boolean estimateOnly;

    @Option(names = "--no-resume", description = "Start over even if an interrupted run of this job left its output.")
    boolean noResume;

    @Override
    int run(PrintWriter out, PrintWriter err) {
        MigrationJob job = MigrationJob.load(jobFile);
        // workers: --workers, else the job's "workers", else one per core
        if (write.workers.requested == null && job.workers() > 0) {
            write.workers.requested = job.workers();
        }
        int w = write.workers();
        PreparedMigration pm;
        try {
            pm = PreparedMigration.prepare(job);
        } catch (MigrationException e) {
            throw new CliFailure(e.getMessage());
        }
        MigrationControl control = new MigrationControl();
        CancelOnInterrupt interrupt = new CancelOnInterrupt(control::cancel);
        try (pm) {
            printScan(out, pm);
            Estimate e = Estimate.of(pm, w);
            printEstimate(out, e, pm);
            if (!e.refusals().isEmpty()) {
                throw new CliFailure("the estimate refuses this job:\n  - " + String.join("\n  - ", e.refusals()));
            }
            if (estimateOnly) {
                return Main.OK;
            }
            if (!job.parameters().antiAlias().enabled() && !pm.plan().vectorised()) {
                out.println("migrate:   note: the JVM runs without jdk.incubator.vector; the scalar kernel is slower");
            }
            interrupt.arm();
            Migration.Report r = Migration.run(pm, new Migration.Options(w, write.overwrite, !noResume), new Printer(out), control);
            interrupt.disarm();
            if (!r.complete()) {
                out.flush();
                err.printf("seisproc migrate: cancelled; %s is incomplete; rerun to resume from the last finished tile%n", job.output());
                return Main.FAILURE;
            }
            out.printf("migrate: wrote %s%s: %,d tiles (%,d resumed) in %.2f s; %,d trace reads (%,.0f/s), %,d contributions "
                            + "(%.3g/s, %.3g/s per worker); peak heap %s%n", job.output(), job.gathers() != null ? " and " + job.gathers() : "",
                    r.tiles(), r.tilesSkipped(), r.seconds(), r.tracesRead(), r.tracesRead() / Math.max(r.seconds(), 1e-9), r.contributions(),
                    r.contributions() / Math.max(r.seconds(), 1e-9), r.contributions() / Math.max(r.seconds(), 1e-9) / w,
                    Progress.bytes(r.peakHeapBytes()));
            return Main.OK;
        } finally {
            out.flush();
            err.flush();
            interrupt.close();
        }
    }

    private static void printScan(PrintWriter out, PreparedMigration pm) {
        SurveyScan s = pm.scan();
        BinGrid b = pm.plan().bins();
        double[] x = s.extent();
        out.printf("migrate: %s: %,d traces x %d samples; %s; coordinate scalar %d%n", pm.input().dir(), pm.input().traceCount(),
                pm.input().samplesPerTrace(), s.threeD() ? "3D" : "2D line", s.coordinateScalar());
        out.printf("migrate:   extent x %.1f..%.1f m, y %.1f..%.1f m; offsets up to %.0f m%n", x[0], x[1], x[2], x[3], s.maxOffsetMeters());
        out.printf("migrate:   bins: inlines %d..%d, crosslines %d..%d; spacing %.2f m (inline) x %.2f m (crossline), azimuth %.1f deg, "
                        + "fit residual %.2f m%n", s.inlineMin(), s.inlineMax(), s.crosslineMin(), s.crosslineMax(), b.inlineSpacing(),
                b.crosslineSpacing(), b.inlineAzimuthDegrees(), s.binResidualMeters());
        for (String n : s.notes()) {
            out.println("migrate:   " + n);
        }
        OutputGrid g = pm.grid();
        out.printf("migrate:   output: inlines %d..%d step %d, crosslines %d..%d step %d, %d samples of %.1f ms from %.3f s; %d tile(s)%n",
                g.firstInline(), g.lastInline(), g.inlineStep(), g.firstCrossline(), g.lastCrossline(), g.crosslineStep(),
                g.time().count(), g.time().interval() * 1e3, g.time().first(), pm.plan().tiles().size());
    }

    private static void printEstimate(PrintWriter out, Estimate e, PreparedMigration pm) {
        out.printf("migrate:   estimate: output %s (image %s + gathers %s; %s free), memory %s (shared %s + %d worker(s) x %s; budget %s)%n",
                Progress.bytes(e.stackBytes() + e.gathersBytes()), Progress.bytes(e.stackBytes()), Progress.bytes(e.gathersBytes()),
                e.diskFreeBytes() < 0 ? "?" : Progress.bytes(e.diskFreeBytes()), Progress.bytes(e.peakMemoryBytes()),
                Progress.bytes(e.sharedBytes()), e.workers(), Progress.bytes(e.workerBytes()), Progress.bytes(e.memoryBudgetBytes()));
        out.printf("migrate:   estimate: ~%,d trace reads, ~%.3g contributions, ~%.1f s at the nominal %.2g contributions/s per worker (%s kernel)%n",
                e.traceReads(), (double) e.contributions(), e.seconds(), Estimate.nominalRate(pm.job().parameters().antiAlias().enabled()),
                pm.plan().vectorised() ? "vector" : "scalar");
    }

    /// Prints progress at most every 2 s and at every tenth of the tiles.
    private static final class Printer implements MigrationListener {
        private final PrintWriter out;
        private final AtomicLong last = new AtomicLong();
        private volatile int lastDecile = -1;

        Printer(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void progress(MigrationProgress p) {
            long now = System.nanoTime();
            int decile = (int) (p.fraction() * 10);
            long l = last.get();
            if ((decile > lastDecile || now - l > 2_000_000_000L) && last.compareAndSet(l, now)) {
                lastDecile = Math.max(lastDecile, decile);
                synchronized (out) {
                    out.printf("migrate:   %d/%d tiles, %,.0f traces/s, %.3g contributions/s, ETA %s%n", p.tilesDone(), p.tilesTotal(),
                            p.tracesPerSecond(), p.contributionsPerSecond(), Double.isNaN(p.etaSeconds()) ? "?" : String.format("%.0f s", p.etaSeconds()));
                    out.flush();
                }
            }
        }

        @Override
        public void log(String line) {
            synchronized (out) {
                out.println("migrate: " + line);
            }
        }
    }
}

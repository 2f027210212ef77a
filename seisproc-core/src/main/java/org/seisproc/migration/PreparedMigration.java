package org.seisproc.migration;

import java.util.ArrayList;
import java.util.List;

import org.seisproc.dataset.Dataset;
import org.seisproc.dsp.Sampling;

/// A migration job set up and checked, before any work: the input dataset open, the survey
/// scanned, the output grid resolved, the velocity built and checked against the grid, the
/// [MigrationPlan] made. Everything that would stop the run is found here and reported together
/// ([MigrationException]). Close it to release the datasets.
public final class PreparedMigration implements AutoCloseable {
    private final MigrationJob job;
    private final Dataset input;
    private final SurveyScan scan;
    private final OutputGrid grid;
    private final VelocityModel velocity;
    private final MigrationPlan plan;

    private PreparedMigration(MigrationJob job, Dataset input, SurveyScan scan, OutputGrid grid, VelocityModel velocity, MigrationPlan plan) {
        this.job = job;
        this.input = input;
        this.scan = scan;
        this.grid = grid;
        this.velocity = velocity;
        this.plan = plan;
    }

    /// Sets `job` up; a [MigrationException] lists every problem of the data, the grid and the velocity.
    public static PreparedMigration prepare(MigrationJob job) {
        Dataset input = Dataset.open(job.input());
        VelocityModel velocity = null;
        try {
            SurveyScan scan = SurveyScan.scan(input, job.headers());
            List<String> problems = new ArrayList<>(scan.problems());
            OutputGrid grid = null;
            if (problems.isEmpty()) {
                grid = job.grid().resolve(scan, input.samplesPerTrace(), input.manifest().sampleIntervalMicros(), problems);
                velocity = job.velocity().model(scan, problems);
                if (grid != null && velocity != null) {
                    problems.addAll(velocity.coverageProblems(grid));
                }
            }
            if (!problems.isEmpty()) {
                throw new MigrationException("cannot migrate " + job.input(), problems);
            }
            MigrationPlan plan = MigrationPlan.prepare(scan.input(), scan.bins(), grid, velocity, job.parameters());
            return new PreparedMigration(job, input, scan, grid, velocity, plan);
        } catch (RuntimeException e) {
            if (velocity instanceof VelocityModel.Volume v) {
                v.close();
            }
            input.close();
            throw e;
        }
    }

    public MigrationJob job() {
        return job;
    }

    public Dataset input() {
        return input;
    }

    public SurveyScan scan() {
        return scan;
    }

    public OutputGrid grid() {
        return grid;
    }

    public MigrationPlan plan() {
        return plan;
    }

    /// v(T) (m/s) at bin (`inline`, `crossline`) on the output times (the wizard's preview).
    public float[] velocityAt(int inline, int crossline) {
        Sampling t = grid.time();
        float[] v = new float[t.count()];
        velocity.at(inline, crossline, t, v);
        return v;
    }

    @Override
    public void close() {
        if (velocity instanceof VelocityModel.Volume v) {
            v.close();
        }
        input.close();
    }
}

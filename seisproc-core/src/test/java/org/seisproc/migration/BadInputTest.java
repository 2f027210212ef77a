package org.seisproc.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seisproc.dataset.Dataset;
import org.seisproc.dataset.DatasetWriter;
import org.seisproc.dataset.Importer;
import org.seisproc.engine.Job;
import org.seisproc.segy.SampleFormat;
import org.seisproc.segy.TraceField;
import org.seisproc.synth.SurveyGeometry;
import org.seisproc.synth.SyntheticSurvey;

/// Bad input gets a clear error before any work starts: every problem of a job file at once,
/// zero coordinates, mixed coordinate scalars, a velocity that does not cover the grid, an output
/// larger than the memory budget; and a survey with fewer traces than one tile still migrates.
class BadInputTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path survey;

    @BeforeAll
    static void makeSurvey() {
        SyntheticSurvey s = new SyntheticSurvey(SurveyGeometry.of(6, 24), 100, 4000, SampleFormat.IEEE_FLOAT32, 3);
        Path sgy = dir.resolve("small.sgy");
        s.write(sgy, ByteOrder.BIG_ENDIAN, 2, t -> { });
        survey = dir.resolve("small.ds");
        Importer.run(List.of(sgy), survey, Importer.Options.defaults().withWorkers(1));
    }

    static MigrationJob job(Path input, String output, String extra) throws Exception {
        String text = "{\"input\": \"" + input + "\", \"output\": \"" + dir.resolve(output) + "\","
                + "\"velocity\": {\"kind\": \"constant\", \"v\": 2000}, \"aperture\": {\"maxDistanceMeters\": 300}" + extra + "}";
        MigrationJob.Parsed p = MigrationJob.parse(JSON.readTree(text), dir);
        assertThat(p.problems()).isEmpty();
        return p.job();
    }

    /// A copy of the survey with `edit` applied to its raw headers.
    static Path edited(String name, java.util.function.BiConsumer<DatasetWriter, Long> edit) {
        Path out = dir.resolve(name);
        try (Dataset in = Dataset.open(survey)) {
            DatasetWriter w = DatasetWriter.derive(in, out, "edit", true);
            float[] tr = new float[in.samplesPerTrace()];
            for (long t = 0; t < in.traceCount(); t++) {
                in.readTrace(t, tr, 0);
                w.writeTrace(t, tr, 0);
                edit.accept(w, t);
            }
            w.commit();
        }
        return out;
    }

    @Test
    void aJobFileReportsEveryProblemAtOnce() throws Exception {
        MigrationJob.Parsed p = MigrationJob.parse(JSON.readTree("""
                {"input": "a.ds", "velocity": {"kind": "linear", "v0": -5}, "aperture": {"maxAngleDegrees": 95},
                 "offsetClasses": {"preset": "uniform", "count": 0}, "weights": {"rho": "quarter"}, "colour": "blue"}"""), dir);
        assertThat(p.job()).isNull();
        assertThat(String.join("\n", p.problems())).contains("'output'", "v0", "aperture", "offsetClasses", "rho", "colour");
        assertThat(p.problems()).hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void loadingABadJobFileThrowsWithTheProblems() throws Exception {
        Path f = dir.resolve("bad.json");
        java.nio.file.Files.writeString(f, "{\"input\": \"x.ds\"}");
        assertThatThrownBy(() -> MigrationJob.load(f)).isInstanceOf(Job.InvalidJobException.class).hasMessageContaining("output")
                .hasMessageContaining("velocity");
    }

    @Test
    void zeroCoordinatesAreRefusedBeforeAnyWork() throws Exception {
        Path ds = edited("zero.ds", (w, t) -> {
            if (t == 5 || t == 9) {
                for (TraceField f : new TraceField[] {TraceField.SOURCE_X, TraceField.SOURCE_Y, TraceField.GROUP_X, TraceField.GROUP_Y}) {
                    w.setHeader(t, f.field(), 0);
                }
            }
        });
        MigrationJob job = job(ds, "never.ds", "");
        assertThatThrownBy(() -> PreparedMigration.prepare(job)).isInstanceOf(MigrationException.class)
                .hasMessageContaining("2 trace(s) have zero source and receiver coordinates").hasMessageContaining("trace 5");
        assertThat(dir.resolve("never.ds")).doesNotExist();
    }

    @Test
    void inconsistentCoordinateScalarsAreRefused() throws Exception {
        Path ds = edited("mixed.ds", (w, t) -> {
            if (t == 7) {
                w.setHeader(t, TraceField.COORDINATE_SCALAR.field(), -10);
            }
        });
        assertThatThrownBy(() -> PreparedMigration.prepare(job(ds, "never.ds", ""))).isInstanceOf(MigrationException.class)
                .hasMessageContaining("inconsistent coordinate scalars: trace 0 has -100, trace 7 has -10");
    }

    @Test
    void aVelocityThatDoesNotCoverTheGridIsRefused() throws Exception {
        String table = ", \"velocity\": {\"kind\": \"table\", \"functions\": [{\"inline\": 1, \"crossline\": 3, \"times\": [0, 0.2], "
                + "\"velocities\": [1800, 2000]}, {\"inline\": 1, \"crossline\": 9, \"times\": [0, 0.2], \"velocities\": [1800, 2000]}]}";
        String text = "{\"input\": \"" + survey + "\", \"output\": \"" + dir.resolve("v.ds") + "\"" + table + "}";
        MigrationJob j = MigrationJob.parse(JSON.readTree(text), dir).job();
        assertThatThrownBy(() -> PreparedMigration.prepare(j)).isInstanceOf(MigrationException.class)
                .hasMessageContaining("covers 0.0..0.2 s, the output needs 0.0..0.396 s").hasMessageContaining("cover crosslines 3..9");
    }

    @Test
    void theEstimateRefusesAnOutputLargerThanTheMemoryBudget() throws Exception {
        MigrationJob j = job(survey, "big.ds", ", \"execution\": {\"memoryBudgetMegabytes\": 0.01, \"tileInlines\": 64, \"tileCrosslines\": 64}");
        try (PreparedMigration pm = PreparedMigration.prepare(j)) {
            Estimate e = Estimate.of(pm, 2);
            assertThat(e.refusals()).hasSize(1);
            assertThat(e.refusals().getFirst()).contains("bytes of memory", "budget is 10,485");
            assertThat(e.stackBytes()).isEqualTo(pm.grid().traces() * (100 * 4 + 240));
        }
    }

    @Test
    void fewerTracesThanOneTileStillMigrates() throws Exception {
        MigrationJob j = job(survey, "one-tile.ds", ", \"execution\": {\"tileInlines\": 100, \"tileCrosslines\": 1000}");
        try (PreparedMigration pm = PreparedMigration.prepare(j)) {
            assertThat(pm.plan().tiles()).hasSize(1);
            Migration.Report r = Migration.run(pm, new Migration.Options(4, true, false), MigrationListener.NONE, new MigrationControl());
            assertThat(r.complete()).isTrue();
        }
        try (Dataset out = Dataset.open(dir.resolve("one-tile.ds"))) {
            float[] tr = new float[out.samplesPerTrace()];
            double energy = 0;
            for (long t = 0; t < out.traceCount(); t++) {
                out.readTrace(t, tr, 0);
                for (float v : tr) {
                    energy += v * v;
                }
            }
            assertThat(energy).isGreaterThan(0);
        }
    }

    /// A velocity dataset of 2000 m/s (10 ms samples, 0..0.49 s) with a trace for every bin of
    /// inlines 1..`inlines` x crosslines 1..`crosslines`.
    static Path velocityDataset(String name, int inlines, int crosslines) {
        Path out = dir.resolve(name);
        try (Dataset in = Dataset.open(survey)) {
            DatasetWriter w = DatasetWriter.create(in, out, new org.seisproc.dataset.DatasetShape((long) inlines * crosslines, 50, 10_000,
                    org.seisproc.dataset.SampleType.FLOAT32), "velocity", true, false);
            float[] v = new float[50];
            java.util.Arrays.fill(v, 2000f);
            for (int i = 0; i < inlines; i++) {
                for (int j = 0; j < crosslines; j++) {
                    long t = (long) i * crosslines + j;
                    w.writeTrace(t, v, 0);
                    w.setHeader(t, TraceField.INLINE.field(), i + 1);
                    w.setHeader(t, TraceField.CROSSLINE.field(), j + 1);
                }
            }
            w.commit();
        }
        return out;
    }

    @Test
    void aVelocityDatasetGivesTheSameImageAsTheSameConstantAndMustCoverTheGrid() throws Exception {
        MigrationJob constant = job(survey, "vc.ds", "");
        int inlines;
        int crosslines;
        try (PreparedMigration pm = PreparedMigration.prepare(constant)) {
            inlines = pm.scan().inlineMax();
            crosslines = pm.scan().crosslineMax();
            assertThat(Migration.run(pm, new Migration.Options(2, true, false), MigrationListener.NONE, new MigrationControl()).complete())
                    .isTrue();
        }
        Path velocity = velocityDataset("vrms.ds", inlines, crosslines);
        String text = "{\"input\": \"" + survey + "\", \"output\": \"" + dir.resolve("vd.ds") + "\","
                + "\"velocity\": {\"kind\": \"dataset\", \"path\": \"" + velocity + "\"}, \"aperture\": {\"maxDistanceMeters\": 300}}";
        MigrationJob fromDataset = MigrationJob.parse(JSON.readTree(text), dir).job();
        try (PreparedMigration pm = PreparedMigration.prepare(fromDataset)) {
            assertThat(pm.velocityAt(1, 3)[10]).isEqualTo(2000f);
            assertThat(Migration.run(pm, new Migration.Options(2, true, false), MigrationListener.NONE, new MigrationControl()).complete())
                    .isTrue();
        }
        try (Dataset a = Dataset.open(dir.resolve("vc.ds")); Dataset b = Dataset.open(dir.resolve("vd.ds"))) {
            assertThat(b.sampleDigest()).isEqualTo(a.sampleDigest());
        }
        Path partial = velocityDataset("vrms-half.ds", inlines, crosslines / 2);
        String half = text.replace(velocity.toString(), partial.toString()).replace("vd.ds", "vh.ds");
        MigrationJob j = MigrationJob.parse(JSON.readTree(half), dir).job();
        assertThatThrownBy(() -> PreparedMigration.prepare(j)).isInstanceOf(MigrationException.class)
                .hasMessageContaining("has no velocity trace for").hasMessageContaining("inline 1, crossline " + (crosslines / 2 + 1));
    }
}

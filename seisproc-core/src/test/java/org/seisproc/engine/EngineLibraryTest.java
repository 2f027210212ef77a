package org.seisproc.engine;

import org.seisproc.ensemble.Gather;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seisproc.dataset.Dataset;
import org.seisproc.dataset.DatasetException;
import org.seisproc.dataset.DatasetFiles;
import org.seisproc.ensemble.EnsembleKey;
import org.seisproc.segy.SampleFormat;
import org.seisproc.synth.SurveyGeometry;
import org.seisproc.synth.SyntheticSurvey;

/// The engine as a library: the per-ensemble unit gives a preview equal to what a job writes,
/// bit for bit; an `Error` in a worker never lets an output be committed; a changed job refuses
/// to resume an interrupted run of another.
class EngineLibraryTest {
    @TempDir
    static Path dir;
    static Path dataset;

    private static final String CHAIN = "[{\"name\": \"agc\", \"windowMs\": 300},"
            + " {\"name\": \"bandpass\", \"type\": \"ormsby\", \"f1\": 4, \"f2\": 8, \"f3\": 40, \"f4\": 60},"
            + " {\"name\": \"nmo\", \"velocities\": [{\"cdp\": 1, \"times\": [0, 3], \"velocities\": [1800, 3000]}]}]";

    @BeforeAll
    static void makeSurvey() {
        SyntheticSurvey survey = new SyntheticSurvey(new SurveyGeometry(12, 1, 48, 25, 200, 25), 400, 4000,
                SampleFormat.IEEE_FLOAT32, 5);
        dataset = survey.writeAndImport(dir.resolve("s.sgy"), dir.resolve("s.ds"), 2);
    }

    static Job job(String output, String processors) throws Exception {
        String json = "{\"input\": \"" + dataset + "\", \"output\": \"" + dir.resolve(output) + "\", \"key\": [\"cdp\"], "
                + "\"sortBy\": [\"offset\"], \"processors\": " + processors + "}";
        return Job.parse(new ObjectMapper().readTree(json), dir, dir.resolve(output + ".json"));
    }

    @Test
    void thePreviewOfAGatherIsBitForBitWhatTheJobWrites() throws Exception {
        Job job = job("chain.ds", CHAIN);
        Engine.Report r = Engine.run(job, Engine.Options.defaults().withWorkers(2));
        assertThat(r.complete()).isTrue();
        try (Dataset in = Dataset.open(dataset); Dataset out = Dataset.open(job.output());
             PreparedJob preview = PreparedJob.of(in, EnsembleKey.parse("cdp", "offset"), job.steps())) {
            EnsembleUnit unit = preview.unit();
            int checked = 0;
            for (int e : new int[] {0, preview.plan().ensembles() / 2, preview.plan().ensembles() - 1}) {
                Gather input = unit.read(e).copy();
                Gather processed = unit.process(e);
                assertThat(processed.n2()).isEqualTo(input.n2()).isPositive();
                float[] written = new float[in.samplesPerTrace()];
                for (int i = 0; i < processed.n2(); i++) {
                    out.readTrace(processed.traces()[i], written, 0);
                    for (int j = 0; j < written.length; j++) {
                        int got = Float.floatToRawIntBits(processed.samples()[i * processed.n1() + j]);
                        assertThat(got).as("ensemble %d trace %d sample %d", e, i, j).isEqualTo(Float.floatToRawIntBits(written[j]));
                    }
                    checked++;
                }
                // the unit's buffer is reused, the copy is not: the input stays the input
                assertThat(input.samples()).isNotEqualTo(java.util.Arrays.copyOf(processed.samples(), input.samples().length));
            }
            assertThat(checked).isGreaterThan(3);
        }
    }

    @Test
    void anErrorInAWorkerLeavesTheOutputIncomplete() throws Exception {
        ProcessorSpec dying = FailingStep.failingOn("die-on-cdp-5", 5, () -> {
            throw new AssertionError("a worker's Error");
        });
        Job base = job("error.ds", "[{\"name\": \"agc\"}]");
        for (String policy : List.of("stop", "continue")) {
            Job j = FailingStep.after(base, policy, dying);
            Engine.Report r = Engine.run(j, new Engine.Options(2, true, false, null, new AtomicBoolean()));
            assertThat(r.complete()).as(policy).isFalse();
            assertThat(r.failures()).as(policy).isNotEmpty();
            assertThat(r.failures().getFirst().key()).containsExactly(5L);
            assertThat(r.failures().getFirst().message()).contains("AssertionError", "a worker's Error");
            assertThat(base.output().resolve(DatasetFiles.MANIFEST)).doesNotExist();
            assertThat(base.output().resolve(DatasetFiles.INCOMPLETE_MARKER)).exists();
            assertThatThrownBy(() -> Dataset.open(base.output())).isInstanceOf(DatasetException.class);
        }
    }

    @Test
    void aChangedJobRefusesToResumeAndNoResumeStartsOver() throws Exception {
        Job first = job("resume.ds", "[{\"name\": \"agc\", \"windowMs\": 300}]");
        AtomicBoolean cancel = new AtomicBoolean();
        long some;
        try (Dataset in = Dataset.open(dataset)) {
            some = in.traceCount() / 3;
        }
        Engine.Report r = Engine.run(first, new Engine.Options(1, false, true, done -> {
            if (done >= some) {
                cancel.set(true);
            }
        }, cancel));
        assertThat(r.complete()).isFalse();
        Job changed = job("resume.ds", "[{\"name\": \"agc\", \"windowMs\": 200}]");
        assertThatThrownBy(() -> Engine.run(changed, Engine.Options.defaults().withWorkers(2)))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("different job").hasMessageContaining("processors")
                .hasMessageContaining("windowMs=300.0").hasMessageContaining("windowMs=200.0")
                .hasMessageContaining("--no-resume");
        assertThat(first.output().resolve(Engine.PROGRESS_FILE)).as("the refused run left the record alone").exists();
        // the same job resumes
        Engine.Report resumed = Engine.run(first, Engine.Options.defaults().withWorkers(2));
        assertThat(resumed.complete()).isTrue();
        assertThat(resumed.skipped()).isPositive();
        // a changed job without resume starts over (replacing needs overwrite once complete)
        Engine.Report over = Engine.run(changed, new Engine.Options(2, true, false, null, new AtomicBoolean()));
        assertThat(over.complete()).isTrue();
        assertThat(over.skipped()).isZero();
        assertThat(first.output().resolve(JobFingerprint.FILE)).doesNotExist();
    }

    @Test
    void aStackExportsToSegyThatSegyioReadsWithItsShapeAndCdps() throws Exception {
        Job stack = job("stack.ds", "[{\"name\": \"stack\"}]");
        Engine.Report r = Engine.run(stack, Engine.Options.defaults().withWorkers(2));
        assertThat(r.complete()).isTrue();
        Path sgy = dir.resolve("stack.sgy");
        String cdps;
        try (Dataset out = Dataset.open(stack.output()); PreparedJob p = PreparedJob.prepare(stack)) {
            org.seisproc.dataset.Exporter.run(out, sgy, org.seisproc.dataset.Exporter.Options.defaults());
            StringBuilder sb = new StringBuilder();
            for (int e = 0; e < p.plan().ensembles(); e++) {
                sb.append(e == 0 ? "" : " ").append(p.plan().key(e)[0]);
            }
            cdps = sb.toString();
            assertThat(out.traceCount()).isEqualTo(p.plan().ensembles());
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(org.seisproc.testdata.Python.has("segyio"), "python3-segyio is not installed");
        String printed = org.seisproc.testdata.Python.run("""
                import segyio, sys
                with segyio.open(sys.argv[1], ignore_geometry=True) as f:
                    print(f.tracecount, len(f.samples), int(segyio.tools.dt(f)))
                    print(' '.join(str(h[segyio.TraceField.CDP]) for h in f.header))
                """, sgy.toString());
        List<String> lines = printed.lines().toList();
        try (Dataset in = Dataset.open(dataset)) {
            assertThat(lines.get(0)).isEqualTo(cdps.split(" ").length + " " + in.samplesPerTrace() + " "
                    + (long) in.manifest().sampleIntervalMicros());
        }
        assertThat(lines.get(1)).isEqualTo(cdps);
    }

    @Test
    void theOutputShapeOfAStackIsOneTracePerEnsemble() throws Exception {
        Job stack = job("shape.ds", "[{\"name\": \"stack\"}]");
        try (PreparedJob p = PreparedJob.prepare(stack)) {
            assertThat(p.reduces()).isTrue();
            assertThat(p.outputShape().traces()).isEqualTo(p.plan().ensembles());
            assertThat(p.outputShape().samplesPerTrace()).isEqualTo(p.input().samplesPerTrace());
            assertThat(p.context().layout().fields()).isEqualTo(p.input().headerLayout().fields());
        }
        assertThat(Files.exists(dir.resolve("shape.ds"))).as("preparing writes nothing").isFalse();
    }
}

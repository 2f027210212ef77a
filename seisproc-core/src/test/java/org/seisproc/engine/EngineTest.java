package org.seisproc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seisproc.dataset.Dataset;
import org.seisproc.dataset.DatasetFiles;
import org.seisproc.processors.Processors;
import org.seisproc.segy.HeaderLayout;
import org.seisproc.segy.SampleFormat;
import org.seisproc.synth.SurveyGeometry;
import org.seisproc.synth.SyntheticSurvey;

/// The engine end to end on a synthetic survey: NMO with the model's velocities and a stack put
/// the reflectors at their modelled times; a cancelled run resumes to the same result; a failing
/// ensemble is reported with its key and stops (or not) per policy.
class EngineTest {
    @TempDir
    static Path dir;
    static Path dataset;
    static SyntheticSurvey survey;

    @BeforeAll
    static void makeSurvey() {
        survey = new SyntheticSurvey(new SurveyGeometry(40, 1, 96, 25, 200, 25), 750, 4000, SampleFormat.IEEE_FLOAT32, 11);
        dataset = survey.writeAndImport(dir.resolve("s.sgy"), dir.resolve("s.ds"), 2);
    }

    private static Job job(String output, String processors) throws Exception {
        String json = "{\"input\": \"" + dataset + "\", \"output\": \"" + dir.resolve(output) + "\", \"key\": [\"cdp\"], "
                + "\"sortBy\": [\"offset\"], \"processors\": " + processors + "}";
        return Job.parse(new ObjectMapper().readTree(json), dir, dir.resolve(output + ".json"));
    }

    private static String velocities() {
        return "[{\"cdp\": 1, \"times\": [0, 3], \"velocities\": [" + SyntheticSurvey.V0 + ", " + (SyntheticSurvey.V0 + 3 * SyntheticSurvey.K) + "]}]";
    }

    @Test
    void nmoAndStackPutTheReflectorsAtTheirModelledTimes() throws Exception {
        Job job = job("stack.ds", "[{\"name\": \"mute\", \"offsets\": [0, 1200], \"timesMs\": [0, 600], \"taperMs\": 40},"
                + "{\"name\": \"nmo\", \"velocities\": " + velocities() + ", \"maxStretchPercent\": 30}, {\"name\": \"stack\"}]");
        try (Dataset in = Dataset.open(dataset)) {
            EnsemblePlan plan = TestPlans.byKey(in, "cdp", "offset");
            Engine.Report r = Engine.run(PreparedJob.of(job, in, plan), Engine.Options.defaults().withWorkers(2));
            assertThat(r.complete()).isTrue();
            assertThat(r.failures()).isEmpty();
            try (Dataset out = Dataset.open(job.output())) {
                assertThat(out.traceCount()).isEqualTo(plan.ensembles());
                // the best-covered CDP
                int best = 0;
                for (int e = 0; e < plan.ensembles(); e++) {
                    if (plan.traceCount(e) > plan.traceCount(best)) {
                        best = e;
                    }
                }
                float[] trace = new float[out.samplesPerTrace()];
                out.readTrace(best, trace, 0);
                assertThat(out.header(best, HeaderLayout.standard().field("cdp"))).isEqualTo(plan.key(best)[0]);
                assertThat(out.header(best, HeaderLayout.standard().field("nhs"))).isEqualTo(plan.traceCount(best));
                double dt = 0.004;
                double[] t0 = survey.reflectorTimes();
                double[] amp = survey.reflectorAmplitudes();
                for (int r0 = 0; r0 < 4; r0++) {
                    int expected = (int) Math.round(t0[r0] / dt);
                    int peak = expected - 6;
                    for (int i = expected - 6; i <= expected + 6; i++) {
                        if (Math.abs(trace[i]) > Math.abs(trace[peak])) {
                            peak = i;
                        }
                    }
                    assertThat(peak).as("reflector %d at %.3f s", r0, t0[r0]).isBetween(expected - 1, expected + 1);
                    assertThat(Math.signum(trace[peak])).as("polarity of reflector %d", r0).isEqualTo((float) Math.signum(amp[r0]));
                }
            }
        }
    }

    @Test
    void theIndexPlanEqualsABruteForceGroupingAndDrivesTheSameRun() throws Exception {
        Job viaIndex = job("via-index.ds", "[{\"name\": \"agc\", \"windowMs\": 300}]");
        Job viaBrute = job("via-brute.ds", "[{\"name\": \"agc\", \"windowMs\": 300}]");
        try (Dataset in = Dataset.open(dataset);
             SharedData shared = SharedData.load(in, List.of(), org.seisproc.ensemble.EnsembleKey.parse("cdp", "offset"))) {
            EnsemblePlan index = new IndexPlan(shared.index());
            EnsemblePlan brute = TestPlans.byKey(in, "cdp", "offset");
            assertThat(index.ensembles()).isEqualTo(brute.ensembles());
            for (int e = 0; e < index.ensembles(); e++) {
                assertThat(index.key(e)).containsExactly(brute.key(e));
                assertThat(index.traceCount(e)).isEqualTo(brute.traceCount(e));
                for (int i = 0; i < index.traceCount(e); i++) {
                    assertThat(index.trace(e, i)).isEqualTo(brute.trace(e, i));
                }
            }
            Engine.run(PreparedJob.of(viaIndex, in, index), Engine.Options.defaults().withWorkers(2));
            Engine.run(PreparedJob.of(viaBrute, in, brute), Engine.Options.defaults().withWorkers(2));
        }
        try (Dataset a = Dataset.open(viaIndex.output()); Dataset b = Dataset.open(viaBrute.output())) {
            assertThat(a.sampleDigest()).isEqualTo(b.sampleDigest());
        }
    }

    @Test
    void aCancelledRunResumesToTheSameResult() throws Exception {
        String chain = "[{\"name\": \"agc\", \"windowMs\": 300}, {\"name\": \"bandpass\", \"type\": \"ormsby\", \"f1\": 4, \"f2\": 8, \"f3\": 40, \"f4\": 60}]";
        Job full = job("full.ds", chain);
        Job partial = job("partial.ds", chain);
        try (Dataset in = Dataset.open(dataset)) {
            EnsemblePlan plan = TestPlans.byKey(in, "cdp", "offset");
            Engine.run(PreparedJob.of(full, in, plan), Engine.Options.defaults().withWorkers(2));
            AtomicBoolean cancel = new AtomicBoolean();
            long half = in.traceCount() / 2;
            Engine.Options stopHalfway = new Engine.Options(1, false, true, done -> {
                if (done >= half) {
                    cancel.set(true);
                }
            }, cancel);
            Engine.Report first = Engine.run(PreparedJob.of(partial, in, plan), stopHalfway);
            assertThat(first.complete()).isFalse();
            assertThat(partial.output().resolve(DatasetFiles.MANIFEST)).doesNotExist();
            assertThat(partial.output().resolve(Engine.PROGRESS_FILE)).exists();
            Engine.Report second = Engine.run(PreparedJob.of(partial, in, plan), Engine.Options.defaults().withWorkers(2));
            assertThat(second.complete()).isTrue();
            assertThat(second.skipped()).isPositive().isLessThan(plan.ensembles());
            assertThat(partial.output().resolve(Engine.PROGRESS_FILE)).doesNotExist();
        }
        try (Dataset a = Dataset.open(full.output()); Dataset b = Dataset.open(partial.output())) {
            assertThat(b.sampleDigest()).isEqualTo(a.sampleDigest());
            assertThat(Files.mismatch(full.output().resolve(DatasetFiles.TRACE_HEADERS), partial.output().resolve(DatasetFiles.TRACE_HEADERS)))
                    .isEqualTo(-1L);
        }
    }

    @Test
    void aFailingEnsembleIsReportedWithItsKeyAndThePolicyIsFollowed() throws Exception {
        ProcessorSpec failing = FailingStep.failingOn("fail-on-cdp-5", 5, () -> {
            throw new IllegalStateException("bad gather");
        });
        for (String policy : List.of("stop", "continue")) {
            Job base = job("fail-" + policy + ".ds", "[{\"name\": \"agc\"}]");
            Job job = FailingStep.after(base, policy, failing);
            try (Dataset in = Dataset.open(dataset)) {
                EnsemblePlan plan = TestPlans.byKey(in, "cdp", "offset");
                Engine.Report r = Engine.run(PreparedJob.of(job, in, plan), Engine.Options.defaults().withWorkers(2));
                assertThat(r.complete()).isFalse();
                assertThat(r.failures()).hasSize(1);
                assertThat(r.failures().getFirst().key()).containsExactly(5L);
                assertThat(r.failures().getFirst().message()).contains("bad gather");
                if (policy.equals("continue")) {
                    assertThat(r.traces()).isEqualTo(in.traceCount());
                }
            }
        }
    }

    @Test
    void parameterProblemsFoundAtInitStopTheJobBeforeWork() throws Exception {
        Job job = job("never.ds", "[{\"name\": \"bandpass\", \"f1\": 50, \"f2\": 10}]");
        try (Dataset in = Dataset.open(dataset)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Engine.run(PreparedJob.of(job, in, TestPlans.byKey(in, "cdp", "offset")),
                    Engine.Options.defaults())).isInstanceOf(Job.InvalidJobException.class)
                    .hasMessageContaining("Ormsby corners");
        }
        assertThat(dir.resolve("never.ds")).doesNotExist();
        assertThat(Processors.find("bandpass")).isNotNull();
    }

    @Test
    void workersCopyOnlyTheirGathersAndTheOutputShareTheHeaderTableWhenHeadersAreUnchanged() throws Exception {
        Job job = job("agc-bp.ds", "[{\"name\": \"agc\", \"windowMs\": 300}, "
                + "{\"name\": \"bandpass\", \"type\": \"ormsby\", \"f1\": 4, \"f2\": 8, \"f3\": 40, \"f4\": 60}]");
        try (Dataset in = Dataset.open(dataset);
             SharedData shared = SharedData.load(in, List.of(), org.seisproc.ensemble.EnsembleKey.parse("cdp", "offset"))) {
            EnsemblePlan plan = new IndexPlan(shared.index());
            // Runs before compile the chain: what a worker allocates while its code is still
            // interpreted or in C1 (temporaries that escape analysis removes later, the Vector
            // API's fallbacks) would hide what is measured. One run of 50 gathers was not always
            // enough for C2 to finish: a worker allocated 3.6 MB for 3.0 MB read in one of 5 clean
            // builds, and the test failed 1 time in 4 with a busy process beside it on the 2-core
            // build machine; with five runs before, 8 of 8 passed so.
            for (int i = 0; i < 5; i++) {
                Job warmUp = job("agc-bp-warm-up-" + i + ".ds", "[{\"name\": \"agc\", \"windowMs\": 300}, "
                        + "{\"name\": \"bandpass\", \"type\": \"ormsby\", \"f1\": 4, \"f2\": 8, \"f3\": 40, \"f4\": 60}]");
                assertThat(Engine.run(PreparedJob.of(warmUp, in, plan), Engine.Options.defaults().withWorkers(2)).complete()).isTrue();
            }
            Engine.Report r = Engine.run(PreparedJob.of(job, in, plan), Engine.Options.defaults().withWorkers(2));
            assertThat(r.complete()).isTrue();
            assertThat(r.workers()).hasSize(2);
            assertThat(r.startupSeconds()).isPositive();
            assertThat(r.firstDispatchNanos()).isPositive();
            long traceBytes = in.samplesPerTrace() * 4L + in.traceHeaderBytes();
            int maxFold = 0;
            for (int e = 0; e < plan.ensembles(); e++) {
                maxFold = Math.max(maxFold, plan.traceCount(e));
            }
            long gatherBuffer = maxFold * (traceBytes + Long.BYTES);
            long sharedBytes = in.samples().byteSize() + in.traceHeaders().byteSize();
            assertThat(gatherBuffer * 8).as("the test needs shared data much larger than a gather").isLessThan(sharedBytes);
            long traces = 0;
            int gathers = 0;
            for (Engine.WorkerStats w : r.workers()) {
                traces += w.traces();
                gathers += w.gathers();
                assertThat(w.bytesIn()).isEqualTo(w.traces() * traceBytes);
                if (w.allocatedAtStart() >= 0) {
                    // A worker's own memory is its chain and its gather buffer, never a copy of the
                    // shared data, nor of the gathers it read: a copy of those would allocate at least
                    // the bytes it read. (What it does allocate in so short a run is the temporaries
                    // of code the JIT has not finished compiling: about half that, and noisy.)
                    assertThat(w.allocatedAtStart()).as("heap allocated by a worker to start").isLessThan(gatherBuffer);
                    assertThat(w.allocatedAtStart() + w.allocatedRunning())
                            .as("heap allocated by a worker for %d gathers of %d bytes read (one gather buffer: %d bytes)",
                                    w.gathers(), w.bytesIn(), gatherBuffer)
                            .isLessThan(w.bytesIn());
                }
            }
            assertThat(traces).isEqualTo(in.traceCount());
            assertThat(gathers).isEqualTo(plan.ensembles());
        }
        // AGC and band-pass leave the headers alone: the output shares the input's header table
        assertThat(Files.isSameFile(job.output().resolve(DatasetFiles.HEADERS_PARQUET), dataset.resolve(DatasetFiles.HEADERS_PARQUET)))
                .isTrue();
        assertThat(Files.mismatch(job.output().resolve(DatasetFiles.TRACE_HEADERS), dataset.resolve(DatasetFiles.TRACE_HEADERS)))
                .isEqualTo(-1L);
    }

    @Test
    void aStackGetsItsOwnHeaderTableDecodedFromItsHeaders() throws Exception {
        Job job = job("stack-table.ds", "[{\"name\": \"nmo\", \"velocities\": " + velocities() + "}, {\"name\": \"stack\"}]");
        try (Dataset in = Dataset.open(dataset)) {
            Engine.run(PreparedJob.of(job, in, TestPlans.byKey(in, "cdp", "offset")), Engine.Options.defaults().withWorkers(2));
        }
        Path table = job.output().resolve(DatasetFiles.HEADERS_PARQUET);
        assertThat(Files.isSameFile(table, dataset.resolve(DatasetFiles.HEADERS_PARQUET))).isFalse();
        try (Dataset out = Dataset.open(job.output())) {
            var columns = org.seisproc.io.parquet.ParquetIO.read(table, List.of("cdp", "nhs"), null);
            assertThat(columns.rows()).isEqualTo((int) out.traceCount());
            assertThat(columns.ints("cdp")).containsExactly(out.intColumn(HeaderLayout.standard().field("cdp")));
            assertThat(columns.ints("nhs")).containsExactly(out.intColumn(HeaderLayout.standard().field("nhs")));
        }
    }

    /// Every trace of `out` is twice `in`'s where `planned` holds, and zero elsewhere.
    private static void assertDoubledWhere(Dataset in, Dataset out, java.util.function.LongPredicate planned) {
        float[] a = new float[in.samplesPerTrace()];
        float[] b = new float[in.samplesPerTrace()];
        for (long t = 0; t < in.traceCount(); t++) {
            in.readTrace(t, a, 0);
            out.readTrace(t, b, 0);
            for (int i = 0; i < a.length; i++) {
                assertThat(b[i]).as("trace %d sample %d", t, i).isEqualTo(planned.test(t) ? 2 * a[i] : 0f);
            }
        }
    }

    /// Gathers of 8 MB and more (1,499 traces × 1,500 samples) are written at once rather than
    /// held by the worker's write combiner; smaller ones around them are held and written later.
    /// Either way every trace lands at its place.
    @Test
    void gathersAsLargeAsTheCombinerAreWrittenAtOnceAndLandInPlace() throws Exception {
        SyntheticSurvey big = new SyntheticSurvey(new SurveyGeometry(4, 1, 1500, 25, 200, 25), 1500, 2000,
                SampleFormat.IEEE_FLOAT32, 3);
        Path ds = big.writeAndImport(dir.resolve("big.sgy"), dir.resolve("big.ds"), 2);
        String json = "{\"input\": \"" + ds + "\", \"output\": \"" + dir.resolve("big-x2.ds") + "\", \"key\": [\"fldr\"], "
                + "\"processors\": [{\"name\": \"scale\", \"factor\": 2}]}";
        Job job = Job.parse(new ObjectMapper().readTree(json), dir, dir.resolve("big-x2.json"));
        try (Dataset in = Dataset.open(ds)) {
            EnsemblePlan shots = TestPlans.byKey(in, "fldr", "tracf");
            assertThat((long) shots.traceCount(0) * in.samplesPerTrace() * Float.BYTES).isGreaterThanOrEqualTo(WriteCombiner.LIMIT_BYTES);
            // the shot gathers, and after each its first trace alone as an ensemble of its own
            EnsemblePlan mixed = new EnsemblePlan() {
                @Override
                public int ensembles() {
                    return 2 * shots.ensembles();
                }

                @Override
                public long[] key(int e) {
                    return new long[] {e};
                }

                @Override
                public int traceCount(int e) {
                    return e % 2 == 0 ? shots.traceCount(e / 2) - 1 : 1;
                }

                @Override
                public long trace(int e, int i) {
                    return e % 2 == 0 ? shots.trace(e / 2, i + 1) : shots.trace(e / 2, 0);
                }

                @Override
                public List<String> keyNames() {
                    return List.of("part");
                }
            };
            assertThat(Engine.run(PreparedJob.of(job, in, mixed), Engine.Options.defaults().withWorkers(2)).complete()).isTrue();
            try (Dataset out = Dataset.open(job.output())) {
                assertDoubledWhere(in, out, t -> true);
            }
            assertThat(Files.mismatch(job.output().resolve(DatasetFiles.TRACE_HEADERS), ds.resolve(DatasetFiles.TRACE_HEADERS)))
                    .isEqualTo(-1L);
        }
    }

    @Test
    void tracesOutsideThePlanKeepTheirHeadersAndZeroSamples() throws Exception {
        Job job = job("half.ds", "[{\"name\": \"scale\", \"factor\": 2}]");
        try (Dataset in = Dataset.open(dataset)) {
            EnsemblePlan all = TestPlans.byKey(in, "cdp", "offset");
            EnsemblePlan evenOnly = new EnsemblePlan() {
                @Override
                public int ensembles() {
                    return (all.ensembles() + 1) / 2;
                }

                @Override
                public long[] key(int e) {
                    return all.key(2 * e);
                }

                @Override
                public int traceCount(int e) {
                    return all.traceCount(2 * e);
                }

                @Override
                public long trace(int e, int i) {
                    return all.trace(2 * e, i);
                }

                @Override
                public List<String> keyNames() {
                    return all.keyNames();
                }
            };
            assertThat(Engine.run(PreparedJob.of(job, in, evenOnly), Engine.Options.defaults().withWorkers(2)).complete()).isTrue();
            java.util.Set<Long> planned = new java.util.HashSet<>();
            for (int e = 0; e < evenOnly.ensembles(); e++) {
                for (int i = 0; i < evenOnly.traceCount(e); i++) {
                    planned.add(evenOnly.trace(e, i));
                }
            }
            assertThat(planned.size()).isLessThan((int) in.traceCount());
            try (Dataset out = Dataset.open(job.output())) {
                assertDoubledWhere(in, out, planned::contains);
            }
            assertThat(Files.mismatch(job.output().resolve(DatasetFiles.TRACE_HEADERS), dataset.resolve(DatasetFiles.TRACE_HEADERS)))
                    .isEqualTo(-1L);
        }
    }
}

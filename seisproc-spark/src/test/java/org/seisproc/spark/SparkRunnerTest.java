package org.seisproc.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.seisproc.dataset.DatasetFiles;
import org.seisproc.engine.Engine;
import org.seisproc.engine.Job;

/// The same job on the local engine and on Spark (`local[2]`) writes the same output: equal
/// sample digests (`seisproc checksum`) and equal raw trace headers, for a processing flow, a
/// flow ending in a stack and one with header math.
class SparkRunnerTest extends OnTestSurvey {
    static SparkSession spark;

    @BeforeAll
    static void setUp() {
        spark = SparkTestSession.get();
    }

    private static void assertSameAsLocal(String name, String processors, long expectedTraces) {
        Path local = TestSurvey.runLocally(survey.job(name + "-local", processors));
        Path jobFile = survey.job(name + "-spark", processors);
        Engine.Report r = SparkRunner.run(spark, JobText.read(jobFile), SparkRunner.Options.defaults());
        assertThat(r.failures()).isEmpty();
        assertThat(r.complete()).isTrue();
        Path out = Job.load(jobFile).output();
        assertThat(Files.exists(out.resolve(DatasetFiles.INCOMPLETE_MARKER))).isFalse();
        assertThat(out.resolve(Engine.PROGRESS_FILE)).doesNotExist();
        assertThat(TestSurvey.traceCount(out)).isEqualTo(expectedTraces);
        assertThat(TestSurvey.digest(out)).isEqualTo(TestSurvey.digest(local));
        assertThat(TestSurvey.rawHeaders(out)).isEqualTo(TestSurvey.rawHeaders(local));
        // the flow changed the data: equal digests are not those of the input
        assertThat(TestSurvey.digest(out)).isNotEqualTo(TestSurvey.digest(survey.dataset));
    }

    @Test
    void agcBandpassNmoMuteIsIdenticalToTheLocalEngine() {
        long traces = TestSurvey.traceCount(survey.dataset);
        assertSameAsLocal("flow", TestSurvey.FLOW, traces);
    }

    @Test
    void aStackIsIdenticalToTheLocalEngine() {
        Path local = TestSurvey.runLocally(survey.job("count", TestSurvey.STACK));
        long cdps = TestSurvey.traceCount(local);
        long traces = TestSurvey.traceCount(survey.dataset);
        assertThat(cdps).isGreaterThan(10).isLessThan(traces);
        assertSameAsLocal("stack", TestSurvey.STACK, cdps);
    }

    @Test
    void headerMathIsIdenticalToTheLocalEngine() {
        long traces = TestSurvey.traceCount(survey.dataset);
        assertSameAsLocal("math", TestSurvey.HEADER_MATH, traces);
        Path out = survey.dir.resolve("math-spark.ds");
        assertThat(TestSurvey.rawHeaders(out)).isNotEqualTo(TestSurvey.rawHeaders(survey.dataset));
    }

    @Test
    void theExecutorOpensTheJobOnceReportsProgressAndReleasesTheJobWhenTheRunEnds() throws Exception {
        Path jobFile = survey.job("release", "[{\"name\": \"agc\", \"windowMs\": 200}]");
        java.util.List<Long> progress = new java.util.concurrent.CopyOnWriteArrayList<>();
        int opened = ExecutorJobs.OPENED.get();
        Engine.Report r = SparkRunner.run(spark, JobText.read(jobFile), new SparkRunner.Options(6, false, true, progress::add,
                new java.util.concurrent.atomic.AtomicBoolean()));
        assertThat(r.complete()).isTrue();
        // six tasks on one executor (local mode), one opening of the dataset and the output
        assertThat(ExecutorJobs.OPENED.get() - opened).isEqualTo(1);
        assertThat(ExecutorJobs.holdsAny()).isFalse();
        assertThat(progress).hasSizeGreaterThanOrEqualTo(2).allMatch(p -> p > 0 && p <= r.traces());
        assertThat(progress.getLast()).isEqualTo(r.traces());
        assertThat(r.workers().getFirst().traces()).isEqualTo(r.traces());
        // a rerun of a complete output without --overwrite is refused, as locally
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SparkRunner.run(spark, JobText.read(jobFile),
                SparkRunner.Options.defaults())).hasMessageContaining("exists");
    }
}

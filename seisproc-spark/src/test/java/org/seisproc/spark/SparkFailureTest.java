package org.seisproc.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seisproc.dataset.DatasetFiles;
import org.seisproc.engine.Engine;
import org.seisproc.engine.EnsemblePlan;
import org.seisproc.engine.Job;
import org.seisproc.engine.PreparedJob;

/// Failures injected into Spark tasks (`test-fault`, [TestProcessors]): a task that fails once is
/// retried and the output is still identical to the local engine's; a task that fails every time
/// fails the job naming the ensemble's key values and leaves the output incomplete with its
/// progress record, which a rerun resumes — with the local engine or on Spark.
class SparkFailureTest extends OnTestSurvey {
    static SparkSession spark;
    static String reference;
    static long failingCdp;

    @BeforeAll
    static void setUp() {
        spark = SparkTestSession.get();
        reference = TestSurvey.digest(TestSurvey.runLocally(survey.job("reference", TestSurvey.FLOW)));
        try (PreparedJob p = PreparedJob.prepare(Job.load(survey.job("plan", TestSurvey.FLOW)))) {
            EnsemblePlan plan = p.plan();
            failingCdp = plan.key(plan.ensembles() / 2)[0];
        }
    }

    @BeforeEach
    @AfterEach
    void arm() {
        TestProcessors.ARMED.set(true);
        TestProcessors.FIRED.set(0);
    }

    /// The flow with `test-fault` first, failing `failingCdp` on its first `attempts` attempts.
    private static Path faultyJob(String name, int attempts) {
        return survey.job(name, "[{\"name\": \"test-fault\", \"keyValue\": " + failingCdp + ", \"attempts\": " + attempts + "}, "
                + TestSurvey.FLOW.substring(1));
    }

    @Test
    void aTaskThatFailsOnceIsRetriedAndTheOutputIsIdentical() {
        Path jobFile = faultyJob("once", 1);
        Engine.Report r = SparkRunner.run(spark, JobText.read(jobFile), SparkRunner.Options.defaults());
        assertThat(TestProcessors.FIRED.get()).as("the injected failure happened").isEqualTo(1);
        assertThat(r.failures()).isEmpty();
        assertThat(r.complete()).isTrue();
        assertThat(TestSurvey.digest(Job.load(jobFile).output())).isEqualTo(reference);
    }

    @Test
    void aTaskThatAlwaysFailsFailsTheJobWithTheEnsemblesKeyAndALocalRerunResumes() throws Exception {
        Path jobFile = faultyJob("always-local", 1000);
        Path out = failAlways(jobFile);

        TestProcessors.ARMED.set(false); // the cause is fixed; the job is the same
        Engine.Report resumed = Engine.run(Job.load(jobFile), Engine.Options.defaults().withWorkers(2));
        assertThat(resumed.complete()).isTrue();
        assertThat(resumed.skipped()).as("ensembles the Spark run finished are not redone").isGreaterThan(0);
        assertThat(TestSurvey.digest(out)).isEqualTo(reference);
    }

    @Test
    void aTaskThatAlwaysFailsLeavesAnOutputThatSparkResumes() throws Exception {
        Path jobFile = faultyJob("always-spark", 1000);
        Path out = failAlways(jobFile);

        TestProcessors.ARMED.set(false);
        Engine.Report resumed = SparkRunner.run(spark, JobText.read(jobFile), SparkRunner.Options.defaults());
        assertThat(resumed.complete()).isTrue();
        assertThat(resumed.skipped()).isGreaterThan(0);
        assertThat(resumed.ensembles() - resumed.skipped()).isEqualTo(resumed.workers().getFirst().gathers());
        assertThat(TestSurvey.digest(out)).isEqualTo(reference);
    }

    @Test
    void aLocalRunThatFailedIsResumedOnSpark() throws Exception {
        Path jobFile = faultyJob("local-then-spark", 1000);
        Engine.Report failed = Engine.run(Job.load(jobFile), Engine.Options.defaults().withWorkers(1));
        assertThat(failed.complete()).isFalse();
        TestProcessors.ARMED.set(false);
        Engine.Report resumed = SparkRunner.run(spark, JobText.read(jobFile), SparkRunner.Options.defaults());
        assertThat(resumed.complete()).isTrue();
        assertThat(resumed.skipped()).isGreaterThan(0);
        assertThat(TestSurvey.digest(Job.load(jobFile).output())).isEqualTo(reference);
    }

    @Test
    void withOnErrorContinueTheOtherEnsemblesAreWrittenAndTheFailureNamed() {
        Path jobFile = survey.job("continue", "[{\"name\": \"test-fault\", \"keyValue\": " + failingCdp
                + ", \"attempts\": 1000}, " + TestSurvey.FLOW.substring(1), "continue");
        Engine.Report r = SparkRunner.run(spark, JobText.read(jobFile), SparkRunner.Options.defaults());
        assertThat(r.complete()).isFalse();
        assertThat(r.failures()).hasSize(1);
        assertThat(r.failures().getFirst().key()).containsExactly(failingCdp);
        assertThat(r.workers().getFirst().gathers()).isEqualTo(r.ensembles() - 1);
    }

    /// Runs a job whose `failingCdp` task fails every attempt; checks the report and the output.
    private static Path failAlways(Path jobFile) throws Exception {
        Engine.Report r = SparkRunner.run(spark, JobText.read(jobFile), SparkRunner.Options.defaults());
        assertThat(TestProcessors.FIRED.get()).as("every attempt failed").isEqualTo(SparkSessions.LOCAL_ATTEMPTS);
        assertThat(r.complete()).isFalse();
        assertThat(r.failures()).hasSize(1);
        assertThat(r.failures().getFirst().key()).containsExactly(failingCdp);
        assertThat(r.failures().getFirst().message()).contains("injected failure");
        Path out = Job.load(jobFile).output();
        assertThat(out.resolve(DatasetFiles.INCOMPLETE_MARKER)).exists();
        byte[] progress = Files.readAllBytes(out.resolve(Engine.PROGRESS_FILE));
        int done = 0;
        for (byte b : progress) {
            done += b;
        }
        assertThat(done).as("ensembles recorded as done").isGreaterThan(0).isLessThan(progress.length);
        assertThat(r.workers().getFirst().gathers()).isEqualTo(done);
        return out;
    }
}

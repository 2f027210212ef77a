package org.seisproc.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/// The Spark runner's command line: the output of `seisproc run`, Spark's start-up on its own
/// line, exit codes; a local master gets the retries a cluster has.
class SparkMainTest extends OnTestSurvey {

    private static TestSurvey.Result run(String... args) {
        return TestSurvey.Result.of((o, e) -> SparkMain.run(SparkTestSession.get(), o, e, args));
    }

    @Test
    void runsAJobAndReportsLikeTheLocalRun() {
        Path job = survey.job("cli", TestSurvey.STACK);
        TestSurvey.Result r = run(job.toString(), "--partitions", "3");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("ensembles by cdp", "Spark local[2,4]", "Spark start-up", "run: wrote ", "traces/s");
        assertThat(survey.dir.resolve("cli.ds").resolve("dataset.json")).exists();
        // a second run refuses to overwrite
        TestSurvey.Result again = run(job.toString());
        assertThat(again.code()).isEqualTo(SparkMain.FAILURE);
        assertThat(again.err()).contains("already exists", "--overwrite");
        assertThat(run(job.toString(), "--overwrite").code()).isZero();
    }

    @Test
    void aFailingEnsembleIsNamedAndTheExitCodeIsOne() throws Exception {
        Path job = survey.job("cli-fail", "[{\"name\": \"test-fault\", \"keyValue\": -1, \"attempts\": 1000}]");
        assertThat(run(job.toString()).code()).isZero(); // no ensemble has cdp -1
        Path bad = survey.job("cli-bad", "[{\"name\": \"agc\", \"windowMs\": -5}]");
        TestSurvey.Result r = run(bad.toString());
        assertThat(r.code()).isEqualTo(SparkMain.USAGE);
        assertThat(r.err()).contains("processors[0] (agc)").doesNotContain("Exception");
        Path missing = survey.dir.resolve("nope.json");
        assertThat(run(missing.toString()).code()).isEqualTo(SparkMain.USAGE);
        Files.writeString(survey.dir.resolve("x.json"), "{ not json");
        assertThat(run(survey.dir.resolve("x.json").toString()).code()).isEqualTo(SparkMain.USAGE);
    }

    @Test
    void aLocalMasterRetriesFailedTasksAsAClusterDoes() {
        assertThat(SparkSessions.withRetries("local[2]")).isEqualTo("local[2,4]");
        assertThat(SparkSessions.withRetries("local[*]")).isEqualTo("local[*,4]");
        assertThat(SparkSessions.withRetries("local")).isEqualTo("local[1,4]");
        assertThat(SparkSessions.withRetries("local[2,1]")).isEqualTo("local[2,1]");
        assertThat(SparkSessions.withRetries("spark://h:7077")).isEqualTo("spark://h:7077");
        assertThat(SparkSessions.withRetries("yarn")).isEqualTo("yarn");
    }
}

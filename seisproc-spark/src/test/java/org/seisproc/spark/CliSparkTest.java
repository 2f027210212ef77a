package org.seisproc.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.seisproc.cli.Main;

/// `seisproc run JOB --engine spark --master local[2]` through the CLI as users type it: the CLI
/// starts the Spark runner in a child JVM (here on this build's class path: the runner's jar is
/// built after the tests) and its output equals `seisproc run JOB` with the local engine.
class CliSparkTest extends OnTestSurvey {

    private static TestSurvey.Result seisproc(String... args) {
        return TestSurvey.Result.of((o, e) -> Main.commandLine(o, e, args).execute(args));
    }

    @Test
    void theLocalAndTheSparkEngineWriteTheSameOutput() throws Exception {
        // a stand-in for seisproc-spark.jar: an empty jar, with this build's class path beside it
        Path jar = dir.resolve("runner/seisproc-spark.jar");
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        try (JarOutputStream j = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            j.flush();
        }
        Files.writeString(jar.resolveSibling("spark-classpath.txt"), System.getProperty("java.class.path"));
        System.setProperty("seisproc.spark.jar", jar.toString());
        try {
            TestSurvey.Result local = seisproc("run", survey.job("cli-local", TestSurvey.FLOW).toString(), "--workers", "2");
            assertThat(local.code()).as(local.err()).isZero();
            TestSurvey.Result spark = seisproc("run", survey.job("cli-spark", TestSurvey.FLOW).toString(), "--engine", "spark",
                    "--master", "local[2]");
            assertThat(spark.code()).as(spark.out() + spark.err()).isZero();
            assertThat(spark.out()).contains("Spark local[2,4]", "Spark start-up", "run: wrote ");
            TestSurvey.Result a = seisproc("checksum", survey.dir.resolve("cli-local.ds").toString());
            TestSurvey.Result b = seisproc("checksum", survey.dir.resolve("cli-spark.ds").toString());
            String sumA = a.out().strip().lines().reduce((x, y) -> y).orElseThrow();
            String sumB = b.out().strip().lines().reduce((x, y) -> y).orElseThrow();
            assertThat(sumB).isEqualTo(sumA).hasSize(64);
        } finally {
            System.clearProperty("seisproc.spark.jar");
        }
    }
}

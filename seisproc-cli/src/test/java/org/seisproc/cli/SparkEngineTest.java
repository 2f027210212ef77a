package org.seisproc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// `seisproc run --engine`: usage errors, and how the Spark runner's jar is found (the run on
/// Spark itself is tested in seisproc-spark, whose jar is built after this module).
class SparkEngineTest {
    @TempDir
    Path dir;

    private int run(StringWriter err, String... args) {
        return Main.commandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args).execute(args);
    }

    @Test
    void anUnknownEngineOrAMasterWithoutSparkIsAUsageError() {
        StringWriter err = new StringWriter();
        assertThat(run(err, "run", "job.json", "--engine", "flink")).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("--engine is local or spark");
        StringWriter err2 = new StringWriter();
        assertThat(run(err2, "run", "job.json", "--master", "local[2]")).isEqualTo(Main.USAGE);
        assertThat(err2.toString()).contains("--master goes with --engine spark");
    }

    @Test
    void theRunnersJarIsFoundBesideTheCliJarInTheSourceTreeOrByTheEnvironment() throws Exception {
        Path cliJar = dir.resolve("seisproc-cli/target/seisproc.jar");
        Files.createDirectories(cliJar.getParent());
        Files.writeString(cliJar, "");
        assertThat(SparkEngine.findJar(null, cliJar, dir.resolve("elsewhere"))).isNull();

        Path inTree = dir.resolve("seisproc-spark/target/seisproc-spark.jar");
        Files.createDirectories(inTree.getParent());
        Files.writeString(inTree, "");
        assertThat(SparkEngine.findJar(null, cliJar, dir.resolve("elsewhere"))).isEqualTo(inTree);

        Path beside = cliJar.resolveSibling("seisproc-spark.jar");
        Files.writeString(beside, "");
        assertThat(SparkEngine.findJar("", cliJar, dir)).isEqualTo(beside);

        assertThat(SparkEngine.findJar(inTree.toString(), cliJar, dir)).isEqualTo(inTree);
        assertThatThrownBy(() -> SparkEngine.findJar(dir.resolve("none.jar").toString(), cliJar, dir))
                .hasMessageContaining(SparkEngine.JAR_ENV).hasMessageContaining("not a file");
    }
}

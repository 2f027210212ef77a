package org.seisproc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// `seisproc migrate`: a job-file problem is a usage error (2) listing every problem; `--estimate`
/// prints the scan and the estimate and writes nothing; a run writes an image dataset that
/// exports to SEG-Y; an existing output without --overwrite is a failure (1).
class MigrateCommandTest {
    @TempDir
    Path dir;

    @Test
    void migrateEstimatesRunsAndExports() throws Exception {
        CliTest.importedSurvey(dir, "--shots", "6", "--channels", "24", "--samples", "100", "--format", "5");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"input\": \"ds\", \"velocity\": {\"kind\": \"warp\"}}");
        CliTest.Result r = CliTest.run("migrate", bad.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("'output'", "velocity.kind");
        Path job = dir.resolve("job.json");
        Files.writeString(job, """
                {"input": "ds", "output": "image.ds",
                 "velocity": {"kind": "linear", "v0": 1800, "k": 600},
                 "aperture": {"maxDistanceMeters": 300, "maxAngleDegrees": 60},
                 "execution": {"tileInlines": 2, "tileCrosslines": 16}}""");
        r = CliTest.run("migrate", job.toString(), "--estimate");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("bins: inlines 1..2", "estimate: output", "contributions");
        assertThat(dir.resolve("image.ds")).doesNotExist();
        r = CliTest.run("migrate", job.toString(), "--workers", "2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("wrote " + dir.resolve("image.ds"), "contributions");
        r = CliTest.run("export", dir.resolve("image.ds").toString(), dir.resolve("image.sgy").toString());
        assertThat(r.code()).as(r.err()).isZero();
        r = CliTest.run("info", dir.resolve("image.sgy").toString(), "--json");
        assertThat(r.out()).contains("\"samples\" : 100");
        r = CliTest.run("migrate", job.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("--overwrite");
    }
}

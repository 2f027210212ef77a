package org.seisproc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// `index`, `gather`, `sort`: outputs, JSON, PNG and exit codes.
class EnsembleCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    static String ds;

    @BeforeAll
    static void survey() {
        ds = CliTest.importedSurvey(dir, "--shots", "12", "--channels", "48", "--samples", "40");
    }

    @Test
    void indexBuildsThenLoads() throws Exception {
        CliTest.Result r = CliTest.run("index", ds, "--key", "cdp", "--key2", "offset", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.path("action").asText()).isEqualTo("built");
        assertThat(j.path("traces").asLong()).isEqualTo(12 * 48);
        assertThat(j.path("ensembles").asInt()).isGreaterThan(1);
        assertThat(j.path("fold").path("mean").asDouble()).isEqualTo(576.0 / j.path("ensembles").asInt());
        CliTest.Result again = CliTest.run("index", ds, "--key", "cdp", "--key2", "offset");
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("loaded").contains("fold       min");
    }

    @Test
    void gatherJsonAndPng() throws Exception {
        CliTest.Result r = CliTest.run("gather", ds, "--key", "fldr", "--value", "1003", "--json", "--png", dir.resolve("g.png").toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.path("keyValues").get(0).asInt()).isEqualTo(1003);
        assertThat(j.path("traces").asInt()).isEqualTo(48);
        assertThat(j.path("traceNumbers").get(0).asInt()).isEqualTo(2 * 48);
        assertThat(j.path("headers").path("fldr").get(47).asInt()).isEqualTo(1003);
        assertThat(j.path("headers").path("tracf").get(47).asInt()).isEqualTo(48);
        assertThat(j.path("samples").path("rms").asDouble()).isPositive();
        BufferedImage img = ImageIO.read(dir.resolve("g.png").toFile());
        // the shared renderer: 12 px per trace + axes and colour bar, at least 600 x 400
        assertThat(img.getWidth()).isEqualTo(48 * 12 + 200);
        assertThat(img.getHeight()).isEqualTo(400);
        assertThat(img.getRGB(5, 5)).isEqualTo(0xFFFFFFFF); // margin for the title and axes
        CliTest.Result two = CliTest.run("gather", ds, "--key", "iline,xline", "--value", "1,2");
        assertThat(two.code()).isIn(0, 2);
    }

    @Test
    void sortWritesADatasetThatRecordsTheSort() throws Exception {
        String out = dir.resolve("sorted").toString();
        CliTest.Result r = CliTest.run("sort", ds, out, "--by", "cdp,offset", "--memory", "64k");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("sort: ").contains("576 traces");
        JsonNode m = JSON.readTree(Path.of(out, "dataset.json").toFile());
        assertThat(m.path("processing").get(0).asText()).isEqualTo("sort --by cdp,offset");
        CliTest.Result again = CliTest.run("sort", ds, out, "--by", "cdp");
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("--overwrite");
    }

    @Test
    void badKeysAndValuesAreUsageErrors() {
        CliTest.Result r = CliTest.run("index", ds, "--key", "cdpp");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("key 'cdpp'").contains("valid keys: ").contains("offset").contains(ds);
        CliTest.Result g = CliTest.run("gather", ds, "--key", "cdp", "--value", "-5");
        assertThat(g.code()).isEqualTo(2);
        assertThat(g.err()).contains("no ensemble cdp").contains("nearest");
        CliTest.Result s = CliTest.run("sort", ds, dir.resolve("x").toString(), "--by", "cdp", "--memory", "lots");
        assertThat(s.code()).isEqualTo(2);
        assertThat(s.err()).contains("--memory");
        CliTest.Result missing = CliTest.run("index", dir.resolve("nope").toString(), "--key", "cdp");
        assertThat(missing.code()).isEqualTo(1);
    }

    @Test
    void runProcessesAJobAndReportsStartUpAndWorkers() throws Exception {
        Path job = dir.resolve("job.json");
        java.nio.file.Files.writeString(job, "{\"input\": \"ds\", \"output\": \"agc.ds\", \"key\": [\"cdp\"], \"sortBy\": [\"offset\"],"
                + " \"processors\": [{\"name\": \"agc\", \"windowMs\": 40}, {\"name\": \"scale\", \"factor\": 2}]}");
        CliTest.Result r = CliTest.run("run", job.toString(), "--workers", "2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("ready in", "shared data", "worker 0:", "worker 1:", "copied", "heap allocated", "start-up");
        assertThat(r.out()).containsPattern("wrote .*agc\\.ds: \\d+ ensembles, 576 traces");
        assertThat(dir.resolve("agc.ds").resolve("headers.parquet")).exists();
        CliTest.Result again = CliTest.run("run", job.toString());
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("--overwrite");
        assertThat(CliTest.run("run", job.toString(), "--overwrite").code()).isZero();

        Path bad = dir.resolve("bad.json");
        java.nio.file.Files.writeString(bad, "{\"input\": \"ds\", \"output\": \"bad.ds\", \"key\": [\"cdp\"],"
                + " \"processors\": [{\"name\": \"agc\", \"windowMs\": \"long\"}, {\"name\": \"nosuch\"}]}");
        CliTest.Result invalid = CliTest.run("run", bad.toString());
        assertThat(invalid.code()).isEqualTo(2);
        assertThat(invalid.err()).contains("windowMs", "nosuch");
        assertThat(dir.resolve("bad.ds")).doesNotExist();
    }
}

package org.seisproc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// `seisproc qc stack|attributes|batch|report`: outputs, messages and exit codes.
class QcCommandsTest {
    @TempDir
    static Path dir;
    static String ds;

    @BeforeAll
    static void survey() {
        ds = CliTest.importedSurvey(dir, "--shots", "6", "--channels", "48", "--samples", "200", "--dt", "2000");
    }

    @Test
    void attributesStackAndReport() throws Exception {
        String attrs = dir.resolve("a.parquet").toString();
        CliTest.Result a = CliTest.run("qc", "attributes", ds, attrs, "--window-ms", "100:350", "--flag", "spikes=2");
        assertThat(a.code()).as(a.err()).isZero();
        assertThat(a.out()).contains("288 traces in 6 gathers (fldr)").contains("signal window samples 50..175");
        assertThat(dir.resolve("a.ensembles.parquet")).exists();
        assertThat(Files.readString(dir.resolve("a.bad.csv"))).startsWith("trace,ensemble,fldr,flags,reasons");
        CliTest.Result schema = CliTest.run("schema", attrs);
        assertThat(schema.out()).contains("288 rows").contains("dominant_hz").contains("neighbour_corr").contains("offset");

        String stack = dir.resolve("stack").toString();
        CliTest.Result s = CliTest.run("qc", "stack", ds, stack, "--velocity", "1.8+0.6t km/s", "--lines", "1-2", "--method", "median");
        assertThat(s.code()).as(s.err()).isZero();
        assertThat(s.out()).contains("(inlines 1-2)").contains(dir.resolve("stack.fold").toString());

        String html = dir.resolve("r.html").toString();
        CliTest.Result r = CliTest.run("qc", "report", ds, html, "--stack", stack, "--attributes", attrs, "--pictures", dir.resolve("pics").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("11 pictures");
        assertThat(Files.readString(Path.of(html))).contains("data:image/png;base64,").contains("Fold map");
        assertThat(dir.resolve("pics/fold-map.png")).exists();
    }

    @Test
    void userMistakesAreOneLineUsageErrors() {
        CliTest.Result lines = CliTest.run("qc", "stack", ds, dir.resolve("x").toString(), "--velocity", "2000", "--lines", "7-9");
        assertThat(lines.code()).isEqualTo(2);
        assertThat(lines.err()).contains("inline(s) 7-9 do not exist").contains("it has inlines 1-").doesNotContain("Exception");
        CliTest.Result vel = CliTest.run("qc", "stack", ds, dir.resolve("x").toString(), "--velocity", "fast");
        assertThat(vel.code()).isEqualTo(1);
        assertThat(vel.err()).contains("neither a file nor a function");
        CliTest.Result flag = CliTest.run("qc", "attributes", ds, dir.resolve("b.parquet").toString(), "--flag", "spiky=1");
        assertThat(flag.code()).isEqualTo(2);
        assertThat(flag.err()).contains("unknown threshold 'spiky'");
        CliTest.Result win = CliTest.run("qc", "attributes", ds, dir.resolve("b.parquet").toString(), "--window-ms", "300");
        assertThat(win.code()).isEqualTo(2);
        assertThat(win.err()).contains("START:END");
    }

    @Test
    void batchWritesBeforeAfterNoiseAndMetrics() throws Exception {
        Path job = dir.resolve("batch.json");
        Files.writeString(job, "{\"input\": \"ds\", \"output\": \"batch\", \"key\": [\"fldr\"], \"gathers\": [1002],"
                + " \"processors\": [{\"name\": \"agc\", \"windowMs\": 100}]}");
        CliTest.Result b = CliTest.run("qc", "batch", job.toString());
        assertThat(b.code()).as(b.err()).isZero();
        assertThat(b.out()).contains("1 gather(s), 48 traces").contains("fldr=1002").contains("overall");
        assertThat(dir.resolve("batch/noise/dataset.json")).exists();
        assertThat(dir.resolve("batch/qc.json")).exists();
        Files.writeString(job, "{\"input\": \"ds\", \"output\": \"batch2\", \"key\": [\"fldr\"], \"gathers\": [5],"
                + " \"processors\": [{\"name\": \"agc\"}]}");
        CliTest.Result missing = CliTest.run("qc", "batch", job.toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("gathers [5] do not exist");
    }
}

package org.seisproc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seisproc.dataset.Dataset;
import org.seisproc.segy.HeaderField;

/// `seisproc run` end to end on what used to go wrong: a dataset imported with its own header
/// layout is read at its own bytes by the processors; a dataset without a sample interval fails
/// with exit 1 naming it; job files with misspelt fields or impossible filters are refused with
/// exit 2, naming `processors[i]`.
class RunJobTest {
    @TempDir
    Path dir;

    /// A 2-shot × 12-channel survey of 50 samples (IEEE float, big-endian).
    private Path synth(String name) {
        Path sgy = dir.resolve(name);
        CliTest.Result r = CliTest.run("synth", sgy.toString(), "--shots", "2", "--channels", "12", "--samples", "50", "--format", "5");
        assertThat(r.code()).as(r.err()).isZero();
        return sgy;
    }

    private Path job(String name, String body) throws Exception {
        Path job = dir.resolve(name);
        Files.writeString(job, body);
        return job;
    }

    @Test
    void processorsReadTheDatasetsOwnHeaderLayout() throws Exception {
        Path sgy = synth("moved.sgy");
        // move every trace's offset (bytes 37-40) to bytes 233-236, leaving zero at the standard place
        byte[] file = Files.readAllBytes(sgy);
        int traceBytes = 240 + 50 * 4;
        int traces = (file.length - 3600) / traceBytes;
        int nonZero = 0;
        for (int t = 0; t < traces; t++) {
            int at = 3600 + t * traceBytes;
            int offset = ByteBuffer.wrap(file, at + 36, 4).getInt();
            nonZero += offset != 0 ? 1 : 0;
            ByteBuffer.wrap(file, at + 232, 4).putInt(offset);
            ByteBuffer.wrap(file, at + 36, 4).putInt(0);
        }
        assertThat(nonZero).isGreaterThan(traces / 2);
        Files.write(sgy, file);
        Path spec = dir.resolve("spec.json");
        Files.writeString(spec, "{\"base\": \"standard\", \"fields\": [{\"name\": \"offset\", \"byte\": 233, \"type\": \"int32\"}]}");
        CliTest.Result imp = CliTest.run("import", sgy.toString(), dir.resolve("moved.ds").toString(), "--header-spec", spec.toString());
        assertThat(imp.code()).as(imp.err()).isZero();
        Path job = job("copy-offset.json", "{\"input\": \"moved.ds\", \"output\": \"out.ds\", \"key\": [\"fldr\"],"
                + " \"processors\": [{\"name\": \"header\", \"set\": \"cdp\", \"expression\": \"offset\"}]}");
        CliTest.Result run = CliTest.run("run", job.toString(), "--workers", "2");
        assertThat(run.code()).as(run.err()).isZero();
        try (Dataset in = Dataset.open(dir.resolve("moved.ds")); Dataset out = Dataset.open(dir.resolve("out.ds"))) {
            HeaderField offset = in.headerLayout().field("offset");
            HeaderField cdp = out.headerLayout().field("cdp");
            assertThat(offset.bytePosition()).isEqualTo(233);
            for (long t = 0; t < in.traceCount(); t++) {
                long expected = offset.readLong(in.traceHeaders(), t * 240, in.headerByteOrder());
                assertThat(cdp.readLong(out.traceHeaders(), t * 240, out.headerByteOrder())).as("trace %d", t).isEqualTo(expected);
            }
        }
    }

    @Test
    void aDatasetWithoutASampleIntervalFailsNamingIt() throws Exception {
        Path sgy = synth("nodt.sgy");
        byte[] file = Files.readAllBytes(sgy);
        ByteBuffer.wrap(file, 3216, 2).putShort((short) 0);
        int traceBytes = 240 + 50 * 4;
        for (int at = 3600; at + traceBytes <= file.length; at += traceBytes) {
            ByteBuffer.wrap(file, at + 116, 2).putShort((short) 0);
        }
        Files.write(sgy, file);
        assertThat(CliTest.run("import", sgy.toString(), dir.resolve("nodt.ds").toString()).code()).isZero();
        Path job = job("agc.json", "{\"input\": \"nodt.ds\", \"output\": \"agc.ds\", \"key\": [\"fldr\"],"
                + " \"processors\": [{\"name\": \"agc\"}]}");
        CliTest.Result run = CliTest.run("run", job.toString());
        assertThat(run.code()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains("nodt.ds").contains("sample interval").doesNotContain("Exception");
    }

    @Test
    void jobFileMistakesAreUsageErrorsNamingWhere() throws Exception {
        synth("s.sgy");
        assertThat(CliTest.run("import", dir.resolve("s.sgy").toString(), dir.resolve("s.ds").toString()).code()).isZero();
        CliTest.Result misspelt = CliTest.run("run", job("misspelt.json", "{\"input\": \"s.ds\", \"output\": \"o.ds\","
                + " \"key\": [\"fldr\"], \"sortby\": [\"offset\"], \"onerror\": \"continue\", \"processors\": [{\"name\": \"agc\"}]}").toString());
        assertThat(misspelt.code()).isEqualTo(2);
        assertThat(misspelt.err()).contains("unknown field 'sortby'; did you mean 'sortBy'?", "unknown field 'onerror'");
        CliTest.Result filters = CliTest.run("run", job("filters.json", "{\"input\": \"s.ds\", \"output\": \"o.ds\", \"key\": [\"fldr\"],"
                + " \"processors\": [{\"name\": \"agc\", \"windowMs\": -1},"
                + " {\"name\": \"bandpass\", \"f1\": 10, \"f2\": 10, \"f3\": 10, \"f4\": 10},"
                + " {\"name\": \"bandpass\", \"f1\": 10, \"f2\": 20, \"f3\": 300, \"f4\": 400}]}").toString());
        assertThat(filters.code()).isEqualTo(2);
        assertThat(filters.err()).contains("processors[0] (agc): windowMs must be positive")
                .doesNotContain("agc: agc:")
                .contains("processors[1] (bandpass)", "no pass band")
                .contains("processors[2] (bandpass)", "Nyquist");
        assertThat(dir.resolve("o.ds")).doesNotExist();
    }
}

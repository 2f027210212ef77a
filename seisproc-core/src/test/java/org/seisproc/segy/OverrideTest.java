package org.seisproc.segy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seisproc.testdata.Fixtures;

/// Real files with a wrong format code or sample count in the binary header can be read by
/// forcing the right values; the file is named in the warning.
class OverrideTest {
    @Test
    void aWrongFormatCodeCanBeOverridden(@TempDir Path dir) throws Exception {
        Path good = Fixtures.file("segyio/small.sgy");
        byte[] bytes = Files.readAllBytes(good);
        bytes[3224] = 0;
        bytes[3225] = 99;   // format 99: not SEG-Y
        Path bad = Files.write(dir.resolve("bad-format.sgy"), bytes);
        assertThatThrownBy(() -> SegyFile.open(bad).close()).isInstanceOf(SegyException.class).hasMessageContaining("--format");
        try (SegyFile a = SegyFile.open(good);
             SegyFile b = SegyFile.open(bad, ReadOptions.defaults().withFormat(SampleFormat.IBM_FLOAT32))) {
            assertThat(SampleDigest.of(b)).isEqualTo(SampleDigest.of(a));
            assertThat(b.info().warnings()).anyMatch(w -> w.contains("format 99"));
        }
    }

    @Test
    void aWrongSampleCountCanBeOverridden(@TempDir Path dir) throws Exception {
        Path good = Fixtures.file("segyio/small.sgy");
        byte[] bytes = Files.readAllBytes(good);
        bytes[3220] = 0;
        bytes[3221] = 49;   // 49 instead of 50
        Path bad = Files.write(dir.resolve("bad-ns.sgy"), bytes);
        assertThatThrownBy(() -> SegyFile.open(bad).close()).isInstanceOf(SegyException.class);
        try (SegyFile a = SegyFile.open(good); SegyFile b = SegyFile.open(bad, ReadOptions.defaults().withSamples(50))) {
            assertThat(SampleDigest.of(b)).isEqualTo(SampleDigest.of(a));
        }
    }
}

package org.seisproc.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seisproc.dataset.internal.TargetDir;
import org.seisproc.segy.SampleFormat;
import org.seisproc.segy.SegyException;
import org.seisproc.synth.SurveyGeometry;
import org.seisproc.synth.SyntheticSurvey;

/// A disk that fills up in the middle of a write (a 2 MB tmpfs; the free-space check before
/// the write is bypassed) gives a message in words — no Java exception class — and leaves no
/// complete-looking output. Runs where a tmpfs can be mounted (root on Linux), skips elsewhere.
class DiskFullTest {
    @TempDir
    Path tmp;
    private Path small;

    private static boolean run(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    @BeforeEach
    void mount() throws Exception {
        small = Files.createDirectories(tmp.resolve("small-disk"));
        assumeTrue(System.getProperty("os.name").startsWith("Linux") && run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", small.toString()),
                "cannot mount a tmpfs here (not root?); skipping");
    }

    @AfterEach
    void unmount() {
        run("umount", "-l", small.toString());
    }

    @Test
    void aDiskFillingUpIsReportedInWords() throws Exception {
        Path sgy = tmp.resolve("s.sgy");
        new SyntheticSurvey(SurveyGeometry.of(8, 96), 1000, 2000, SampleFormat.IBM_FLOAT32, 1).write(sgy, ByteOrder.BIG_ENDIAN, 1, null);
        System.setProperty(TargetDir.FREE_BYTES_PROPERTY, Long.toString(1L << 40));
        try {
            assertThatThrownBy(() -> Importer.run(List.of(sgy), small.resolve("ds"), Importer.Options.defaults()))
                    .isInstanceOf(DatasetException.class).hasMessageContaining("No space left on device")
                    .hasMessageContaining("the disk is full").hasMessageNotContaining("java.io").hasMessageNotContaining("IOException");
        } finally {
            System.clearProperty(TargetDir.FREE_BYTES_PROPERTY);
        }
        assertThat(small.resolve("ds").resolve(DatasetFiles.MANIFEST)).doesNotExist();
        Path ds = tmp.resolve("ds");
        Importer.run(List.of(sgy), ds, Importer.Options.defaults());
        try (Dataset d = Dataset.open(ds)) {
            assertThatThrownBy(() -> Exporter.run(d, small.resolve("out.sgy"), Exporter.Options.defaults()))
                    .isInstanceOf(SegyException.class).hasMessageContaining("No space left on device")
                    .hasMessageNotContaining("IOException");
        }
        assertThat(small.resolve("out.sgy")).doesNotExist();
        try (var files = Files.list(small)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.contains("partial")).toList()).isEmpty();
        }
    }
}

package org.seisproc.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seisproc.dataset.internal.TargetLock;
import org.seisproc.segy.SampleFormat;
import org.seisproc.synth.SurveyGeometry;
import org.seisproc.synth.SyntheticSurvey;

/// Export replaces a file only when asked, cleans up the partial files a killed export left,
/// and takes the output's lock.
class ExportSafetyTest {
    @TempDir
    Path tmp;

    private Path dataset() {
        Path ds = new SyntheticSurvey(SurveyGeometry.of(1, 24), 50, 2000, SampleFormat.IBM_FLOAT32, 1)
                .writeAndImport(tmp.resolve("in.sgy"), tmp.resolve("in.ds"), 1);
        return ds;
    }

    @Test
    void anExistingFileIsReplacedOnlyWithOverwrite() throws Exception {
        Path ds = dataset();
        Path precious = Files.writeString(tmp.resolve("precious.txt"), "my notes");
        try (Dataset d = Dataset.open(ds)) {
            assertThatThrownBy(() -> Exporter.run(d, precious, Exporter.Options.defaults())).isInstanceOf(DatasetException.class)
                    .hasMessageContaining("exists").hasMessageContaining("--overwrite");
            assertThat(Files.readString(precious)).isEqualTo("my notes");
            Exporter.run(d, precious, Exporter.Options.defaults().withOverwrite(true));
            assertThat(Files.mismatch(precious, tmp.resolve("in.sgy"))).isEqualTo(-1);
            assertThatThrownBy(() -> Exporter.run(d, tmp, Exporter.Options.defaults())).hasMessageContaining("contains the input");
            Path folder = Files.createDirectories(tmp.resolve("folder.sgy"));
            assertThatThrownBy(() -> Exporter.run(d, folder, Exporter.Options.defaults().withOverwrite(true)))
                    .hasMessageContaining("is a directory");
        }
    }

    @Test
    void partialFilesOfAKilledExportAreRemovedByTheNextOneAndOthersAreKept() throws Exception {
        Path ds = dataset();
        Path out = tmp.resolve("out.sgy");
        Path stale1 = Files.writeString(tmp.resolve(".out.sgy.partial-1a2b"), "half a file");
        Path stale2 = Files.writeString(tmp.resolve(".out.sgy.partial-ffff"), "another");
        Path other = Files.writeString(tmp.resolve(".other.sgy.partial-1a2b"), "not ours");
        try (Dataset d = Dataset.open(ds)) {
            Exporter.run(d, out, Exporter.Options.defaults());
        }
        assertThat(stale1).doesNotExist();
        assertThat(stale2).doesNotExist();
        assertThat(other).exists();
        assertThat(TargetLock.lockFile(out)).doesNotExist();
    }

    @Test
    void aSecondExportToTheSameFileRefusesWhileTheFirstRuns() throws Exception {
        Path ds = dataset();
        Path out = tmp.resolve("out.sgy");
        try (TargetLock held = TargetLock.acquire(out); Dataset d = Dataset.open(ds)) {
            assertThatThrownBy(() -> Exporter.run(d, out, Exporter.Options.defaults())).hasMessageContaining("being written");
        }
        assertThat(out).doesNotExist();
    }
}

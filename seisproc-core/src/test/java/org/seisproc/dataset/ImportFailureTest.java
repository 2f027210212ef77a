package org.seisproc.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seisproc.dataset.internal.TargetDir;
import org.seisproc.segy.SampleDigest;
import org.seisproc.segy.SampleFormat;
import org.seisproc.segy.SegyException;
import org.seisproc.segy.SegyFile;
import org.seisproc.synth.SurveyGeometry;
import org.seisproc.synth.SyntheticSurvey;
import org.seisproc.testdata.Fixtures;

/// An import that is killed, runs out of disk, targets an unwritable place or reads bad input
/// never leaves a dataset that looks complete, never touches anything outside its target, and
/// a rerun ends with a correct dataset.
class ImportFailureTest {
    @TempDir
    Path tmp;

    private Path survey(int shots) {
        Path sgy = tmp.resolve("survey.sgy");
        new SyntheticSurvey(SurveyGeometry.of(shots, 96), 500, 2000, SampleFormat.IBM_FLOAT32, 5).write(sgy, ByteOrder.BIG_ENDIAN, 2, null);
        return sgy;
    }

    @Test
    void killedImportLeavesAnIncompleteDatasetAndTheRerunFinishesIt() throws Exception {
        Path sgy = survey(60); // 5,760 traces, ~12 MB: dozens of chunks, one every 200 ms in the child
        Path ds = tmp.resolve("killed.ds");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                SlowImportMain.class.getName(), sgy.toString(), ds.toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            String line = out.readLine();
            assertThat(line).as("child output").startsWith("progress");
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no cleanup
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(ds.resolve(DatasetFiles.MANIFEST)).doesNotExist();
        assertThat(ds.resolve(DatasetFiles.INCOMPLETE_MARKER)).exists();
        assertThatThrownBy(() -> Dataset.open(ds)).isInstanceOf(DatasetException.class).hasMessageContaining("incomplete");

        Importer.Report r = Importer.run(List.of(sgy), ds, Importer.Options.defaults());
        try (SegyFile f = SegyFile.open(sgy); Dataset d = Dataset.open(ds)) {
            assertThat(r.traces()).isEqualTo(f.traceCount());
            assertThat(d.sampleDigest()).isEqualTo(SampleDigest.of(f));
        }
        assertThat(ds.resolve(DatasetFiles.INCOMPLETE_MARKER)).doesNotExist();
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList())
                    .as("nothing outside the target").containsExactlyInAnyOrder("survey.sgy", "survey.sgy.model.json", "killed.ds");
        }
    }

    @Test
    void aFullDiskIsReportedBeforeWritingAndLeavesNoCompleteDataset() {
        Path sgy = survey(2);
        Path ds = tmp.resolve("full.ds");
        System.setProperty(TargetDir.FREE_BYTES_PROPERTY, "1000");
        try {
            assertThatThrownBy(() -> Importer.run(List.of(sgy), ds, Importer.Options.defaults()))
                    .isInstanceOf(DatasetException.class).hasMessageContaining("not enough disk space").hasMessageContaining(ds.toString());
        } finally {
            System.clearProperty(TargetDir.FREE_BYTES_PROPERTY);
        }
        assertThat(ds.resolve(DatasetFiles.MANIFEST)).doesNotExist();
        assertThatThrownBy(() -> Dataset.open(ds)).hasMessageContaining("incomplete");
        Importer.run(List.of(sgy), ds, Importer.Options.defaults());
        try (Dataset d = Dataset.open(ds)) {
            assertThat(d.traceCount()).isEqualTo(192);
        }
    }

    @Test
    void anUnwritableTargetGivesAClearError() throws Exception {
        Path sgy = survey(1);
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        assertThatThrownBy(() -> Importer.run(List.of(sgy), file.resolve("ds"), Importer.Options.defaults()))
                .isInstanceOf(DatasetException.class).hasMessageContaining("cannot create the dataset directory");
        assertThatThrownBy(() -> Importer.run(List.of(sgy), file, Importer.Options.defaults()))
                .isInstanceOf(DatasetException.class).hasMessageContaining("not a directory");
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    void aForeignDirectoryAndAnExistingDatasetAreNotOverwrittenSilently() throws Exception {
        Path sgy = survey(1);
        Path foreign = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(foreign.resolve("notes.txt"), "keep me");
        assertThatThrownBy(() -> Importer.run(List.of(sgy), foreign, Importer.Options.defaults()))
                .isInstanceOf(DatasetException.class).hasMessageContaining("not empty");
        assertThat(Files.readString(foreign.resolve("notes.txt"))).isEqualTo("keep me");

        Path ds = tmp.resolve("ds");
        Importer.run(List.of(sgy), ds, Importer.Options.defaults());
        assertThatThrownBy(() -> Importer.run(List.of(sgy), ds, Importer.Options.defaults()))
                .isInstanceOf(DatasetException.class).hasMessageContaining("--overwrite");
        Importer.run(List.of(sgy), ds, Importer.Options.defaults().withOverwrite(true));
        try (Dataset d = Dataset.open(ds)) {
            assertThat(d.traceCount()).isEqualTo(96);
        }
    }

    @Test
    void badInputFailsBeforeTheTargetIsCreated() {
        Path broken = Fixtures.file("segyio/broken.sgy");
        Path ds = tmp.resolve("broken.ds");
        assertThatThrownBy(() -> Importer.run(List.of(broken), ds, Importer.Options.defaults()))
                .isInstanceOf(SegyException.class).hasMessageContaining("broken.sgy").hasMessageContaining("--allow-truncated");
        assertThat(ds).doesNotExist();
        assertThatThrownBy(() -> Dataset.open(tmp.resolve("nothing-here"))).isInstanceOf(DatasetException.class)
                .hasMessageContaining("not a dataset");
    }
}

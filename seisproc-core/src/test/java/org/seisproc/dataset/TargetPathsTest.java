package org.seisproc.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seisproc.ensemble.TraceSorter;
import org.seisproc.segy.SampleFormat;
import org.seisproc.synth.SurveyGeometry;
import org.seisproc.synth.SyntheticSurvey;

/// An output never aliases an input: not through a symlink, not inside it, not around it — in
/// the helper and in every writer that uses it (import, derived datasets, sort, export).
class TargetPathsTest {
    @TempDir
    Path tmp;

    private Path dataset(String name) {
        Path sgy = tmp.resolve(name + ".sgy");
        new SyntheticSurvey(SurveyGeometry.of(1, 24), 50, 2000, SampleFormat.IEEE_FLOAT32, 1).write(sgy, ByteOrder.BIG_ENDIAN, 1, null);
        Path ds = tmp.resolve(name);
        Importer.run(List.of(sgy), ds, Importer.Options.defaults());
        return ds;
    }

    @Test
    void theHelperComparesRealPathsAndFileIdentity() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in.ds"));
        Path link = Files.createSymbolicLink(tmp.resolve("link.ds"), in);
        assertThatThrownBy(() -> TargetPaths.requireSeparate(link, in)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("is the input");
        assertThatThrownBy(() -> TargetPaths.requireSeparate(in, link)).hasMessageContaining("is the input");
        assertThatThrownBy(() -> TargetPaths.requireSeparate(in, tmp.resolve("x/../in.ds"))).hasMessageContaining("is the input");
        assertThatThrownBy(() -> TargetPaths.requireSeparate(in, in.resolve("sub.ds"))).hasMessageContaining("inside the input");
        assertThatThrownBy(() -> TargetPaths.requireSeparate(link, link.resolve("a/b.ds"))).hasMessageContaining("inside the input");
        assertThatThrownBy(() -> TargetPaths.requireSeparate(in.resolve("sub.sgy"), in)).hasMessageContaining("contains the input");
        Path file = Files.writeString(tmp.resolve("a.sgy"), "x");
        Path hard = Files.createLink(tmp.resolve("hard.sgy"), file);
        assertThatThrownBy(() -> TargetPaths.requireSeparate(file, hard)).hasMessageContaining("is the input");
        assertThatCode(() -> TargetPaths.requireSeparate(in, tmp.resolve("in.ds2"))).doesNotThrowAnyException();
        assertThatCode(() -> TargetPaths.requireSeparate(in, tmp.resolve("other/out.ds"))).doesNotThrowAnyException();
    }

    @Test
    void aDerivedDatasetThroughASymlinkToItsInputIsRefusedAndTheInputSurvives() throws Exception {
        Path copy = dataset("copy.ds");
        String before;
        try (Dataset d = Dataset.open(copy)) {
            before = d.sampleDigest();
        }
        Path link = Files.createSymbolicLink(tmp.resolve("link.ds"), copy);
        try (Dataset in = Dataset.open(link)) {
            assertThatThrownBy(() -> DatasetWriter.derive(in, copy, "x", true)).isInstanceOf(DatasetException.class)
                    .hasMessageContaining("is the input");
            assertThatThrownBy(() -> DatasetWriter.derive(in, copy.resolve("sub.ds"), "x", true)).hasMessageContaining("inside the input");
            assertThatThrownBy(() -> TraceSorter.sort(in, tmp, "cdp", new TraceSorter.Options(1 << 20, 1, true, null)))
                    .hasMessageContaining("contains the input");
        }
        try (Dataset d = Dataset.open(copy)) {
            assertThat(d.sampleDigest()).isEqualTo(before);
        }
    }

    @Test
    void importAndExportRefuseOutputsThatAliasTheirInputs() throws Exception {
        Path ds = dataset("in.ds");
        Path sgy = tmp.resolve("in.ds.sgy");
        assertThatThrownBy(() -> Importer.run(List.of(sgy), sgy, Importer.Options.defaults().withOverwrite(true)))
                .hasMessageContaining("is the input");
        Path inside = Files.copy(sgy, ds.resolve("kept.sgy"));
        assertThatThrownBy(() -> Importer.run(List.of(inside), ds, Importer.Options.defaults().withOverwrite(true)))
                .hasMessageContaining("contains the input");
        Files.delete(inside);
        try (Dataset d = Dataset.open(ds)) {
            assertThatThrownBy(() -> Exporter.run(d, ds.resolve("out.sgy"), Exporter.Options.defaults()))
                    .hasMessageContaining("inside the input");
            Path link = Files.createSymbolicLink(tmp.resolve("store-link.sgy"), ds.resolve(d.sampleType().fileName()));
            assertThatThrownBy(() -> Exporter.run(d, link, Exporter.Options.defaults().withOverwrite(true)))
                    .hasMessageContaining("inside the input");
        }
        try (Dataset d = Dataset.open(ds)) {
            assertThat(d.traceCount()).isEqualTo(24);
        }
    }
}

package org.seisproc.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seisproc.dataset.internal.ChunkChecksums;
import org.seisproc.segy.SampleFormat;
import org.seisproc.synth.SurveyGeometry;
import org.seisproc.synth.SyntheticSurvey;

/// One flipped byte in a dataset is found, and named: the file, the chunk and its traces (with
/// the per-chunk CRC32C codes), or the file (a dataset written before them, by its digests).
class DatasetVerifierTest {
    @TempDir
    Path tmp;

    private Path dataset(int shots, boolean sha256) {
        Path sgy = tmp.resolve("in.sgy");
        new SyntheticSurvey(SurveyGeometry.of(shots, 96), 1000, 2000, SampleFormat.IBM_FLOAT32, 3).write(sgy, ByteOrder.BIG_ENDIAN, 2, null);
        Path ds = tmp.resolve(sha256 ? "in-sha.ds" : "in.ds");
        Importer.run(List.of(sgy), ds, Importer.Options.defaults().withChecksums(sha256));
        return ds;
    }

    private static void flip(Path file, long at) throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(at);
            int b = f.read();
            f.seek(at);
            f.write(b ^ 0x10);
        }
    }

    @Test
    void anIntactDatasetVerifies() {
        for (boolean sha256 : new boolean[] {false, true}) {
            Path ds = dataset(2, sha256);
            try (Dataset d = Dataset.open(ds)) {
                DatasetVerifier.Result r = DatasetVerifier.verify(d);
                assertThat(r.problems()).isEmpty();
                assertThat(r.chunkFiles()).isGreaterThanOrEqualTo(5);
                assertThat(r.digests()).as("SHA-256 digests recorded by an import %s --checksum", sha256 ? "with" : "without")
                        .isEqualTo(sha256 ? 2 : 0);
            }
        }
    }

    @Test
    void aFlippedSampleByteIsNamedWithItsChunkAndTraces() throws Exception {
        Path ds = dataset(30, false); // 2,880 traces x 4,000 bytes = 11.5 MB: three chunks, coded by the copy workers
        long traceBytes = 4000;
        long at = ChunkChecksums.CHUNK_BYTES + 12345; // in chunk 1
        flip(ds.resolve("traces.f32"), at);
        try (Dataset d = Dataset.open(ds)) {
            DatasetVerifier.Result r = DatasetVerifier.verify(d);
            assertThat(r.problems()).hasSize(1);
            String m = r.problems().getFirst().message();
            long firstTrace = ChunkChecksums.CHUNK_BYTES / traceBytes;
            assertThat(m).contains("traces.f32 chunk 1").contains(String.format("traces %,d-", firstTrace)).contains("damaged");
            assertThat(at / traceBytes).isBetween(firstTrace, 2L * ChunkChecksums.CHUNK_BYTES / traceBytes);
        }
    }

    @Test
    void aFlippedHeaderByteIsFoundAlsoInADatasetWithoutChunkCodes() throws Exception {
        Path ds = dataset(2, true);
        Files.delete(ds.resolve(DatasetFiles.CHUNK_CRCS)); // as written before chunk codes existed (with SHA-256)
        flip(ds.resolve(DatasetFiles.TRACE_HEADERS), 500);
        try (Dataset d = Dataset.open(ds)) {
            DatasetVerifier.Result r = DatasetVerifier.verify(d);
            assertThat(r.chunkFiles()).isZero();
            assertThat(r.problems()).hasSize(1);
            assertThat(r.problems().getFirst().message()).startsWith(DatasetFiles.TRACE_HEADERS).contains("SHA-256");
        }
    }
}

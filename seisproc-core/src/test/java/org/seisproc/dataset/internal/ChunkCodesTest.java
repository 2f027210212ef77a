package org.seisproc.dataset.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32C;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Chunk codes assembled from the ranges writers report equal the codes of the written file
/// read back whole (java.util.zip.CRC32C over each 4 MiB chunk), whatever the ranges and their order.
class ChunkCodesTest {
    @TempDir
    Path tmp;

    private static int crc(byte[] b, int from, int n) {
        CRC32C c = new CRC32C();
        c.update(b, from, n);
        return (int) c.getValue();
    }

    @Test
    void combineEqualsTheCodeOfTheConcatenation() {
        Random r = new Random(7);
        byte[] data = new byte[1 << 16];
        r.nextBytes(data);
        for (int k = 0; k < 200; k++) {
            int a = r.nextInt(data.length);
            int b = r.nextInt(data.length - a + 1);
            assertThat(ChunkCodes.combine(crc(data, 0, a), crc(data, a, b), b)).as("split %d + %d", a, b).isEqualTo(crc(data, 0, a + b));
        }
        assertThat(ChunkCodes.combine(crc(data, 0, 10), crc(data, 10, 0), 0)).isEqualTo(crc(data, 0, 10));
    }

    @Test
    void rangesInAnyOrderGiveTheCodesOfTheWholeFile() throws Exception {
        Random r = new Random(11);
        int size = 2 * ChunkChecksums.CHUNK_BYTES + 1_234_567; // the last chunk partial
        byte[] data = new byte[size];
        r.nextBytes(data);
        Path file = Files.write(tmp.resolve("f.bin"), data);
        List<int[]> ranges = new ArrayList<>();
        for (int at = 0; at < size; ) {
            int n = Math.min(size - at, 1 + r.nextInt(3_000_000)); // crosses chunk boundaries at random places
            ranges.add(new int[] {at, n});
            at += n;
        }
        Collections.shuffle(ranges, r);
        ChunkCodes codes = new ChunkCodes(size);
        ranges.parallelStream().forEach(g -> codes.add(g[0], data, g[0], g[1]));
        assertThat(codes.codes()).containsExactly(ChunkChecksums.compute(file));
    }

    @Test
    void piecesAreDroppedAsSoonAsTheyCoverTheirChunk() throws Exception {
        int trace = 6_000;
        int traces = 3 * ChunkChecksums.CHUNK_BYTES / trace + 7;
        byte[] data = new byte[traces * trace];
        new Random(5).nextBytes(data);
        ChunkCodes codes = new ChunkCodes(data.length);
        int most = 0;
        for (int t = 0; t < traces; t++) { // one write a trace, in order, as a single-trace writer does
            codes.add((long) t * trace, data, t * trace, trace);
            most = Math.max(most, codes.pendingPieces());
        }
        // at most the pieces of one chunk are held at a time, not one per trace of the file
        assertThat(most).isLessThanOrEqualTo(ChunkChecksums.CHUNK_BYTES / trace + 1);
        assertThat(codes.pendingPieces()).isZero();
        assertThat(codes.codes()).containsExactly(ChunkChecksums.compute(Files.write(tmp.resolve("t.bin"), data)));
    }

    @Test
    void aGapOrAnOverlapIsABug() {
        byte[] data = new byte[100];
        ChunkCodes gap = new ChunkCodes(100);
        gap.add(0, data, 0, 40);
        gap.add(50, data, 50, 50);
        assertThatThrownBy(() -> gap.codes()).isInstanceOf(IllegalStateException.class).hasMessageContaining("not reported");
        ChunkCodes twice = new ChunkCodes(100);
        twice.add(0, data, 0, 60);
        twice.add(50, data, 50, 50);
        assertThatThrownBy(() -> twice.codes()).isInstanceOf(IllegalStateException.class).hasMessageContaining("twice");
        ChunkCodes shortFile = new ChunkCodes(100);
        shortFile.add(0, data, 0, 60);
        assertThatThrownBy(() -> shortFile.codes()).isInstanceOf(IllegalStateException.class).hasMessageContaining("60 bytes");
    }
}

package org.seisproc.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seisproc.dataset.Dataset;
import org.seisproc.dataset.DatasetVerifier;
import org.seisproc.dataset.DatasetWriter;
import org.seisproc.dataset.Exporter;
import org.seisproc.dataset.Importer;
import org.seisproc.dataset.DatasetFiles;
import org.seisproc.segy.SampleFormat;
import org.seisproc.synth.SurveyGeometry;
import org.seisproc.synth.SyntheticSurvey;

/// Writes that go around the page cache in their aligned middle and through it at their edges
/// give the file that plain writes give, from any thread, at any position and length; where the
/// file system takes no direct writes, everything goes through the page cache. An import, a
/// processing job and exports written that way give the same files as through the page cache.
class DirectWritesTest {
    @TempDir
    Path tmp;

    /// Disjoint ranges of random lengths (some under a block, some over many) written in random
    /// order from several threads.
    private static void writeInPieces(Path file, byte[] data, DirectWrites direct) throws Exception {
        Random r = new Random(3);
        List<int[]> ranges = new ArrayList<>();
        for (int at = 0; at < data.length; ) {
            int n = Math.min(data.length - at, r.nextBoolean() ? 1 + r.nextInt(5_000) : 60_000 + r.nextInt(400_000));
            ranges.add(new int[] {at, n});
            at += n;
        }
        Collections.shuffle(ranges, r);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ranges.parallelStream().forEach(g -> {
                ByteBuffer staging = DirectWrites.staging(g[1]);
                staging.put(DirectWrites.offset(g[0]), data, g[0], g[1]);
                try {
                    direct.write(ch, staging, g[0], g[1]);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            ch.force(false);
        } finally {
            direct.close();
        }
    }

    @Test
    void alignedMiddlesDirectAndEdgesCachedMakeTheSameFile() throws Exception {
        byte[] data = new byte[12_345_678];
        new Random(1).nextBytes(data);
        Path file = tmp.resolve("direct.bin");
        Files.createFile(file);
        DirectWrites direct = DirectWrites.open(file, true);
        boolean wasDirect = direct.direct();
        writeInPieces(file, data, direct);
        assertThat(Files.mismatch(file, Files.write(tmp.resolve("plain.bin"), data))).isEqualTo(-1L);
        // the build machines' file systems (ext4, xfs) take direct writes: this test exercised them
        Assumptions.assumeTrue(wasDirect, "no direct writes on " + Files.getFileStore(tmp));
        assertThat(direct.block()).isPositive();
    }

    @Test
    void directWritesTheFileSystemRefusesGoThroughThePageCache() throws Exception {
        Path file = tmp.resolve("refused.bin");
        Files.createFile(file);
        Assumptions.assumeTrue(DirectWrites.open(file, true).block() > 512, "a file system with 512-byte blocks");
        // aligned to 512 bytes where the file system needs more: the first such write is refused
        DirectWrites direct = DirectWrites.openAligned(file, 512);
        byte[] data = new byte[3_000_000];
        new Random(2).nextBytes(data);
        writeInPieces(file, data, direct);
        assertThat(direct.direct()).as("gave up direct writes").isFalse();
        assertThat(Files.readAllBytes(file)).isEqualTo(data);
    }

    @Test
    void tmpfsGetsTheSameFileWhetherItTakesDirectWritesOrNot() throws Exception {
        Path shm = Path.of("/dev/shm");
        Assumptions.assumeTrue(Files.isDirectory(shm) && Files.isWritable(shm), "no /dev/shm");
        Path file = Files.createTempFile(shm, "seisproc-direct", ".bin");
        try {
            byte[] data = new byte[3_000_000];
            new Random(4).nextBytes(data);
            writeInPieces(file, data, DirectWrites.open(file, true));
            assertThat(Files.readAllBytes(file)).isEqualTo(data);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void smallFilesGoThroughThePageCacheUnlessAskedOtherwise() {
        String before = System.getProperty("seisproc.io.direct");
        try {
            System.clearProperty("seisproc.io.direct");
            assertThat(DirectWrites.wanted(DirectWrites.AUTO_MIN_BYTES - 1)).isFalse();
            assertThat(DirectWrites.wanted(DirectWrites.AUTO_MIN_BYTES)).isTrue();
            System.setProperty("seisproc.io.direct", "on");
            assertThat(DirectWrites.wanted(1)).isTrue();
            System.setProperty("seisproc.io.direct", "off");
            assertThat(DirectWrites.wanted(Long.MAX_VALUE)).isFalse();
        } finally {
            restore(before);
        }
    }

    private static void restore(String value) {
        if (value == null) {
            System.clearProperty("seisproc.io.direct");
        } else {
            System.setProperty("seisproc.io.direct", value);
        }
    }

    @Test
    void anImportAJobAndExportsWrittenDirectlyAreTheFilesWrittenThroughThePageCache() throws Exception {
        // 97 channels of 1,001 float32 samples: traces that straddle the blocks at every offset
        SyntheticSurvey survey = new SyntheticSurvey(new SurveyGeometry(12, 1, 97, 25, 200, 25), 1001, 2000,
                SampleFormat.IBM_FLOAT32, 5);
        Path sgy = tmp.resolve("s.sgy");
        survey.write(sgy, java.nio.ByteOrder.BIG_ENDIAN, 2, null);
        String before = System.getProperty("seisproc.io.direct");
        try {
            for (String mode : List.of("on", "off")) {
                System.setProperty("seisproc.io.direct", mode);
                Path ds = tmp.resolve(mode + ".ds");
                Importer.run(List.of(sgy), ds, Importer.Options.defaults().withWorkers(2));
                try (Dataset in = Dataset.open(ds); DatasetWriter w = DatasetWriter.derive(in, tmp.resolve(mode + "-x2.ds"), "x2", false)) {
                    float[] gather = new float[40 * in.samplesPerTrace()];
                    for (long t = 0; t < in.traceCount(); t += 40) { // runs of traces, as the engine writes gathers
                        int n = (int) Math.min(40, in.traceCount() - t);
                        for (int i = 0; i < n; i++) {
                            in.readTrace(t + i, gather, i * in.samplesPerTrace());
                        }
                        for (int i = 0; i < n * in.samplesPerTrace(); i++) {
                            gather[i] *= 2;
                        }
                        w.writeTraces(t, n, gather, 0);
                    }
                    w.commit();
                }
                try (Dataset in = Dataset.open(ds)) { // byte-identical, and converting (format 5)
                    Exporter.run(in, tmp.resolve(mode + ".sgy"), Exporter.Options.defaults());
                    Exporter.run(in, tmp.resolve(mode + "-5.sgy"), Exporter.Options.defaults().withFormat(SampleFormat.IEEE_FLOAT32));
                }
            }
        } finally {
            restore(before);
        }
        for (String name : List.of("on.ds", "on-x2.ds")) {
            try (Dataset ds = Dataset.open(tmp.resolve(name))) {
                DatasetVerifier.Result r = DatasetVerifier.verify(ds);
                assertThat(r.problems()).as(name).isEmpty();
                assertThat(r.chunkFiles()).as(name).isPositive();
            }
        }
        assertThat(Files.mismatch(tmp.resolve("on.sgy"), sgy)).isEqualTo(-1L);
        assertThat(Files.mismatch(tmp.resolve("off.sgy"), sgy)).isEqualTo(-1L);
        assertThat(Files.mismatch(tmp.resolve("on-5.sgy"), tmp.resolve("off-5.sgy"))).isEqualTo(-1L);
        for (String file : List.of("traces.f32", "trace-headers.bin", DatasetFiles.CHUNK_CRCS)) {
            assertThat(Files.mismatch(tmp.resolve("on.ds").resolve(file), tmp.resolve("off.ds").resolve(file))).as(file).isEqualTo(-1L);
            assertThat(Files.mismatch(tmp.resolve("on-x2.ds").resolve(file), tmp.resolve("off-x2.ds").resolve(file))).as(file)
                    .isEqualTo(-1L);
        }
    }
}

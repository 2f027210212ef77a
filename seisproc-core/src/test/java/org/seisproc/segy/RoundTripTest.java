package org.seisproc.segy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.seisproc.testdata.Fixtures;

/// Read → decode → encode → write of every fixture the reader accepts gives the original file
/// byte for byte (SHA-256 against `fileSha256` of reference.json, which hashes the fixture as
/// published, not our output). Samples go through float[] where the format is exact in float32,
/// through double[] otherwise, so this also proves encode(decode(x)) == x on real data.
class RoundTripTest {
    @TempDir
    Path tmp;

    /// Every fixture that opens: reference entries without error, plus the read-or-reject ones
    /// (rev 2.1 field-limit files, Format4, mapping-empty) when our reader accepts them.
    private static List<Map.Entry<String, JsonNode>> readable() {
        List<Map.Entry<String, JsonNode>> list = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : Fixtures.entries()) {
            if (e.getValue().path("error").isNull()) {
                list.add(e);
            } else {
                try (SegyFile f = SegyFile.open(Fixtures.file(e.getKey()))) {
                    list.add(e);
                } catch (SegyException rejected) {
                    // rejected cleanly: covered by ReferenceFixturesTest / ErrorsTest
                }
            }
        }
        return list;
    }

    @TestFactory
    Stream<DynamicTest> appendingEveryTraceUnchangedGivesTheSameFile() {
        return readable().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            try (SegyFile f = SegyFile.open(Fixtures.file(e.getKey()))) {
                Path out = tmp.resolve("append-" + f.path().getFileName());
                try (SegyWriter w = SegyWriter.create(out, FileSpec.copyOf(f))) {
                    float[] fs = new float[f.samplesPerTrace()];
                    double[] ds = new double[f.samplesPerTrace()];
                    boolean viaDouble = fitsDouble(f);
                    for (long t = 0; t < f.traceCount(); t++) {
                        if (!viaDouble) {
                            w.writeRawTrace(f.rawTrace(t));   // see sixtyFourBitIntegersBeyond2To53...
                        } else if (f.format().exactInFloat32()) {
                            f.readTrace(t, fs, 0);
                            w.writeTrace(f.traceHeader(t), fs, 0);
                        } else {
                            f.readTrace(t, ds, 0);
                            w.writeTrace(f.traceHeader(t), ds, 0);
                        }
                    }
                    w.setTrailer(f.trailingBytes());
                    w.commit();
                }
                assertThat(sha256(out)).as("SHA-256 of the re-written %s", e.getKey())
                        .isEqualTo(e.getValue().path("fileSha256").asText());
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> writingTracesByIndexFromTwoThreadsGivesTheSameFile() {
        // There is no raw positional write, so files whose samples a double cannot hold are left out.
        return readable().stream().filter(e -> fitsDouble(e.getKey())).map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            try (SegyFile f = SegyFile.open(Fixtures.file(e.getKey()));
                 ExecutorService pool = Executors.newFixedThreadPool(2)) {
                Path out = tmp.resolve("indexed-" + f.path().getFileName());
                try (SegyWriter w = SegyWriter.create(out, FileSpec.copyOf(f))) {
                    List<Future<?>> jobs = new ArrayList<>();
                    for (int k = 0; k < 2; k++) {
                        int first = k;
                        // Thread k writes traces k, k+2, ... from the last down, so slots fill out of order.
                        jobs.add(pool.submit(() -> {
                            float[] fs = new float[f.samplesPerTrace()];
                            double[] ds = new double[f.samplesPerTrace()];
                            long last = f.traceCount() - 1 - ((f.traceCount() - 1 - first) & 1);
                            for (long t = last; t >= 0; t -= 2) {
                                if (f.format().exactInFloat32()) {
                                    f.readTrace(t, fs, 0);
                                    w.writeTraceAt(t, f.traceHeader(t), fs, 0);
                                } else {
                                    f.readTrace(t, ds, 0);
                                    w.writeTraceAt(t, f.traceHeader(t), ds, 0);
                                }
                            }
                        }));
                    }
                    for (Future<?> j : jobs) {
                        j.get();
                    }
                    w.setTrailer(f.trailingBytes());
                    w.commit(f.traceCount());
                }
                assertThat(sha256(out)).as("SHA-256 of the re-written %s", e.getKey())
                        .isEqualTo(e.getValue().path("fileSha256").asText());
            }
        }));
    }

    @Test
    void aWriterClosedWithoutCommitLeavesNothingBehind() throws IOException {
        Path folder = Fixtures.requireFolder();
        Path dir = Files.createDirectory(tmp.resolve("out"));
        try (SegyFile f = SegyFile.open(folder.resolve("segyio/small.sgy"));
             SegyWriter w = SegyWriter.create(dir.resolve("x.sgy"), FileSpec.copyOf(f))) {
            float[] s = new float[f.samplesPerTrace()];
            for (long t = 0; t < 3; t++) {
                f.readTrace(t, s);
                w.writeTrace(f.traceHeader(t), s, 0);
            }
            try (Stream<Path> during = Files.list(dir)) {
                assertThat(during.toList()).as("the partial file exists while writing").hasSize(1);
            }
        }
        try (Stream<Path> after = Files.list(dir)) {
            assertThat(after.toList()).as("files left after close without commit").isEmpty();
        }
    }

    @Test
    void aFailedRewriteKeepsTheOldTarget() throws IOException {
        Path folder = Fixtures.requireFolder();
        Path target = tmp.resolve("keep.sgy");
        Files.writeString(target, "old content");
        try (SegyFile f = SegyFile.open(folder.resolve("segyio/small.sgy"));
             SegyWriter w = SegyWriter.create(target, FileSpec.copyOf(f))) {
            w.writeRawTrace(f.rawTrace(0));
        }
        assertThat(Files.readString(target)).isEqualTo("old content");
        try (Stream<Path> after = Files.list(tmp)) {
            assertThat(after.toList()).containsExactly(target);
        }
    }

    /// Whether every sample survives decode to double and encode back: false only for 64-bit
    /// integer files holding values of magnitude ≥ 2^53 (the documented limit of the double path).
    private static boolean fitsDouble(String rel) {
        try (SegyFile f = SegyFile.open(Fixtures.file(rel))) {
            return fitsDouble(f);
        }
    }

    private static boolean fitsDouble(SegyFile f) {
        if (f.format() != SampleFormat.INT64 && f.format() != SampleFormat.UINT64) {
            return true;
        }
        double[] s = new double[f.samplesPerTrace()];
        for (long t = 0; t < f.traceCount(); t++) {
            f.readTrace(t, s, 0);
            for (double v : s) {
                if (Math.abs(v) >= 0x1p53) {
                    return false;
                }
            }
        }
        return true;
    }

    /// Format12 (uint64) of the F3 crop holds int16 data stored as two's complement, so negative
    /// samples are words near 2^64 that no double holds exactly: the double path rounds them to
    /// the nearest double (2^64 saturating to 0xFFFF_FFFF_FFFF_FFFF). This pins that limit down: exactly
    /// the words ≥ 2^53 change, every other word is kept, and re-decoding is stable.
    @TestFactory
    Stream<DynamicTest> sixtyFourBitIntegersBeyond2To53AreTheOnlyLossOfTheDoublePath() {
        return Stream.of("segyio/multiformats/Format12msb.sgy", "segyio/multiformats/Format12lsb.sgy")
                .filter(r -> Fixtures.folderOrNull() != null)
                .map(rel -> DynamicTest.dynamicTest(rel, () -> {
                    try (SegyFile f = SegyFile.open(Fixtures.file(rel))) {
                        assertThat(fitsDouble(f)).as("fixture still has uint64 words beyond 2^53").isFalse();
                        int n = f.samplesPerTrace();
                        double[] s = new double[n];
                        double[] again = new double[n];
                        MemorySegment encoded = MemorySegment.ofArray(new byte[8 * n]);
                        java.lang.foreign.ValueLayout.OfLong word = Layouts.long_(f.byteOrder());
                        long changed = 0;
                        for (long t = 0; t < f.traceCount(); t++) {
                            f.readTrace(t, s, 0);
                            SampleCodec.encode(f.format(), f.byteOrder(), s, 0, encoded, 0, n);
                            SampleCodec.decode(f.format(), f.byteOrder(), encoded, 0, again, 0, n);
                            assertThat(again).as("trace %d re-decoded", t).containsExactly(s);
                            MemorySegment raw = f.rawSamples(t);
                            for (int i = 0; i < n; i++) {
                                long before = raw.get(word, 8L * i);
                                long after = encoded.get(word, 8L * i);
                                if (before != after) {
                                    changed++;
                                    assertThat(Long.compareUnsigned(before, 1L << 53)).as("changed word %x", before).isGreaterThanOrEqualTo(0);
                                    // rounded to the nearest double (ulp 2048 near 2^64), 2^64 saturating to 2^64 - 1
                                    assertThat(Math.abs(after - before)).as("change of word %x", before).isLessThanOrEqualTo(1024L);
                                }
                            }
                        }
                        assertThat(changed).isPositive();
                    }
                }));
    }

    static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(Files.readAllBytes(file));
        return HexFormat.of().formatHex(sha.digest());
    }
}

package org.seisproc.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seisproc.io.parquet.ParquetIO;
import org.seisproc.segy.HeaderField;
import org.seisproc.segy.SampleFormat;
import org.seisproc.synth.SurveyGeometry;
import org.seisproc.synth.SyntheticSurvey;

/// Derived datasets: their header table follows their raw headers, and replacing one never
/// leaves the old files behind.
class DatasetWriterTest {
    @TempDir
    static Path dir;
    static Path source;

    @BeforeAll
    static void makeSource() {
        SyntheticSurvey survey = new SyntheticSurvey(new SurveyGeometry(6, 1, 24, 25, 200, 25), 100, 4000, SampleFormat.IEEE_FLOAT32, 3);
        source = survey.writeAndImport(dir.resolve("s.sgy"), dir.resolve("s.ds"), 1);
    }

    @Test
    void reorderedHeadersGetTheirOwnHeaderTableInTheNewOrder() {
        Path target = dir.resolve("reversed.ds");
        try (Dataset in = Dataset.open(source);
             DatasetWriter out = DatasetWriter.create(in, target, in.traceCount(), false, "reverse", false, false)) {
            long n = in.traceCount();
            float[] trace = new float[in.samplesPerTrace()];
            for (long t = 0; t < n; t++) {
                in.readTrace(n - 1 - t, trace, 0);
                out.writeTrace(t, trace, 0);
                out.writeHeader(t, in.traceHeader(n - 1 - t), 0);
            }
            out.commit();
        }
        try (Dataset in = Dataset.open(source); Dataset out = Dataset.open(target)) {
            HeaderField tracl = in.headerLayout().field("tracl");
            int[] expected = in.intColumn(tracl);
            int[] table = ParquetIO.read(target.resolve(DatasetFiles.HEADERS_PARQUET), List.of("tracl"), null).ints("tracl");
            assertThat(table).hasSize(expected.length);
            for (int t = 0; t < expected.length; t++) {
                assertThat(table[t]).isEqualTo(expected[expected.length - 1 - t]);
            }
            assertThat(out.intColumn(tracl)).containsExactly(table);
        }
    }

    /// Writes `source` reversed into `target`, saying each block of `block` traces final in a
    /// shuffled order, except the traces `from .. to-1` (never said final); commits when asked.
    private static void reverseSayingFinal(Path target, int block, long from, long to, boolean commit) {
        try (Dataset in = Dataset.open(source);
             DatasetWriter out = DatasetWriter.create(in, target, in.traceCount(), false, "reverse", true, false)) {
            long n = in.traceCount();
            List<Long> firsts = new java.util.ArrayList<>();
            for (long f = 0; f < n; f += block) {
                firsts.add(f);
            }
            java.util.Collections.shuffle(firsts, new java.util.Random(7));
            float[] trace = new float[in.samplesPerTrace()];
            for (long first : firsts) {
                long count = Math.min(block, n - first);
                for (long t = first; t < first + count; t++) {
                    in.readTrace(n - 1 - t, trace, 0);
                    out.writeTrace(t, trace, 0);
                    out.writeHeader(t, in.traceHeader(n - 1 - t), 0);
                }
                if (first + count <= from || first >= to) {
                    out.headersFinal(first, count);
                }
            }
            if (commit) {
                out.commit();
            }
        }
    }

    private static void assertReversedTable(Path target) {
        try (Dataset in = Dataset.open(source); Dataset out = Dataset.open(target)) {
            for (String field : List.of("tracl", "cdp", "offset")) {
                HeaderField f = in.headerLayout().field(field);
                int[] expected = in.intColumn(f);
                int[] table = ParquetIO.read(target.resolve(DatasetFiles.HEADERS_PARQUET), List.of(field), null).ints(field);
                assertThat(table).as(field).hasSize(expected.length);
                for (int t = 0; t < expected.length; t++) {
                    assertThat(table[t]).as(field + " of trace " + t).isEqualTo(expected[expected.length - 1 - t]);
                }
                assertThat(out.intColumn(f)).containsExactly(table);
            }
        }
    }

    @Test
    void headersSaidFinalGetTheirTableWhileTheTracesAreWritten() {
        Path target = dir.resolve("final.ds");
        reverseSayingFinal(target, 5, 0, 0, true);
        assertReversedTable(target);
        // some traces never said final: the commit builds the table itself, the same
        reverseSayingFinal(target, 5, 40, 47, true);
        assertReversedTable(target);
    }

    @Test
    void aWriterClosedWhileItsTableWaitsForHeadersLeavesNoDataset() {
        Path target = dir.resolve("abandoned.ds");
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                () -> reverseSayingFinal(target, 5, 0, 60, false));
        assertThat(Files.exists(target.resolve(DatasetManifest.FILE_NAME))).isFalse();
    }

    @Test
    void tracesGatheredFromScatteredOffsetsLandInOrderInEitherSampleType() {
        for (SampleType type : SampleType.values()) {
            Path target = dir.resolve("gathered-" + type + ".ds");
            try (Dataset in = Dataset.open(source)) {
                int ns = in.samplesPerTrace();
                int n = (int) in.traceCount();
                float[] held = new float[n * ns];
                int[] offsets = new int[n];
                for (int t = 0; t < n; t++) {
                    int slot = (t * 7 + 3) % n; // trace t is held at slot (7t + 3) mod n: scattered
                    in.readTrace(t, held, slot * ns);
                    offsets[t] = slot * ns;
                }
                DatasetShape shape = new DatasetShape(n, ns, in.manifest().sampleIntervalMicros(), type);
                try (DatasetWriter out = DatasetWriter.create(in, target, shape, "gather", true, false)) {
                    out.writeTraces(0, 5, held, offsets, 0);
                    out.writeTraces(5, n - 5, held, offsets, 5);
                    for (int t = 0; t < n; t++) {
                        out.writeHeader(t, in.traceHeader(t), 0);
                    }
                    out.commit();
                }
                try (Dataset out = Dataset.open(target)) {
                    assertThat(out.sampleType()).isEqualTo(type);
                    float[] a = new float[ns];
                    float[] b = new float[ns];
                    for (int t = 0; t < n; t++) {
                        in.readTrace(t, a, 0);
                        out.readTrace(t, b, 0);
                        assertThat(b).as(type + " trace " + t).isEqualTo(a);
                    }
                }
            }
        }
    }

    @Test
    void overwritingADatasetLeavesNoneOfItsFilesBehind() throws Exception {
        Path target = dir.resolve("twice.ds");
        for (int round = 0; round < 2; round++) {
            try (Dataset in = Dataset.open(source); DatasetWriter out = DatasetWriter.derive(in, target, "round " + round, true)) {
                out.writeTrace(0, new float[in.samplesPerTrace()], 0);
                out.commit();
            }
        }
        // a crash while replacing leaves the old files aside in an incomplete dataset; the rerun clears them
        Path aside = Files.createDirectories(target.resolve(".replaced-crashed").resolve("sources"));
        Files.writeString(aside.resolve("junk.bin"), "old");
        Files.writeString(target.resolve(DatasetFiles.INCOMPLETE_MARKER), "interrupted");
        try (Dataset in = Dataset.open(source); DatasetWriter out = DatasetWriter.derive(in, target, "round 3", true)) {
            out.commit();
        }
        try (Stream<Path> files = Files.list(target)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith(".replaced"))
                    .doesNotContain(DatasetFiles.INCOMPLETE_MARKER);
        }
        try (Dataset out = Dataset.open(target)) {
            assertThat(out.manifest().processing()).last().asString().contains("round 3");
        }
    }

    @Test
    void theManifestReaderAgreesWithJacksonRecordBinding() throws Exception {
        Path target = dir.resolve("described.ds");
        try (Dataset in = Dataset.open(source); DatasetWriter out = DatasetWriter.derive(in, target, "a step", true)) {
            out.commit();
        }
        for (Path ds : List.of(source, target)) {
            var bound = new com.fasterxml.jackson.databind.ObjectMapper()
                    .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(ds.resolve(DatasetManifest.FILE_NAME).toFile(), DatasetManifest.class);
            DatasetManifest read = DatasetManifest.read(ds);
            assertThat(read).isEqualTo(bound);
            assertThat(read.headerSchema()).isNotEmpty();
            assertThat(read.source().files()).isNotEmpty();
            assertThat(DatasetManifest.fromJson(new com.fasterxml.jackson.databind.ObjectMapper().readTree(read.toJson()))).isEqualTo(read);
        }
    }

    @Test
    void aReadOnlySourceTableIsSharedWithoutWritingIt() throws Exception {
        // root may open a read-only file for writing anyway: the check means something only for others
        org.junit.jupiter.api.Assumptions.assumeFalse("root".equals(System.getProperty("user.name")),
                "running as root: file permissions do not apply");
        Path table = source.resolve(DatasetFiles.HEADERS_PARQUET);
        var before = Files.getPosixFilePermissions(table);
        Files.setPosixFilePermissions(table, java.nio.file.attribute.PosixFilePermissions.fromString("r--r--r--"));
        try {
            Path target = dir.resolve("from-read-only.ds");
            try (Dataset in = Dataset.open(source); DatasetWriter out = DatasetWriter.derive(in, target, "copy", true)) {
                float[] trace = new float[in.samplesPerTrace()];
                for (long t = 0; t < in.traceCount(); t++) {
                    in.readTrace(t, trace, 0);
                    out.writeTrace(t, trace, 0);
                }
                out.commit();
            }
            assertThat(Files.mismatch(target.resolve(DatasetFiles.HEADERS_PARQUET), table)).isEqualTo(-1L);
        } finally {
            Files.setPosixFilePermissions(table, before);
        }
    }
}

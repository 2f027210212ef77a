package org.seisproc.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.seisproc.segy.SampleDigest;
import org.seisproc.segy.SampleFormat;
import org.seisproc.segy.SegyException;
import org.seisproc.segy.SegyFile;
import org.seisproc.synth.SurveyGeometry;
import org.seisproc.synth.SyntheticSurvey;
import org.seisproc.testdata.Fixtures;

/// Import → export of every readable shared fixture is byte-identical to the source, and the
/// dataset's checksum equals reference.json's; conversions report their loss; edits come out.
class DatasetRoundTripTest {
    @TempDir
    Path tmp;

    /// `source` imported as `tmp/name` with the default options.
    private Path imported(Path source, String name) {
        Path ds = tmp.resolve(name);
        Importer.run(List.of(source), ds, Importer.Options.defaults());
        return ds;
    }

    @TestFactory
    Stream<DynamicTest> everyReadableFixtureRoundTripsByteForByte() {
        return Fixtures.entries().stream()
                .filter(e -> e.getValue().path("error").isNull())
                .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> roundTrip(e)));
    }

    private void roundTrip(Map.Entry<String, JsonNode> e) throws Exception {
        Path source = Fixtures.file(e.getKey());
        String name = source.getFileName().toString();
        Path ds = tmp.resolve(name + ".ds");
        // with the SHA-256 computed at import (--checksum), which must be segyio's digest
        Importer.Report r = Importer.run(List.of(source), ds, Importer.Options.defaults().withWorkers(2).withChecksums(true));
        assertThat(r.traces()).isEqualTo(e.getValue().path("traces").asLong());
        assertThat(r.samplesSha256()).isEqualTo(e.getValue().path("samplesSha256").asText());
        Path out = tmp.resolve("out-" + name);
        try (Dataset d = Dataset.open(ds)) {
            assertThat(d.sampleDigest()).isEqualTo(e.getValue().path("samplesSha256").asText());
            Exporter.Report x = Exporter.run(d, out, Exporter.Options.defaults().withWorkers(2));
            assertThat(x.verbatimFileHeader()).isTrue();
            assertThat(x.samplesChanged()).isZero();
        }
        assertThat(sha256(out)).as("exported file SHA-256").isEqualTo(e.getValue().path("fileSha256").asText());
    }

    @Test
    void int32SourcesAreStoredAsFloat64AndStayExact() throws Exception {
        Path source = Fixtures.file("segyio/multiformats/Format2msb.sgy");
        Path ds = imported(source, "f2.ds");
        try (Dataset d = Dataset.open(ds); SegyFile f = SegyFile.open(source)) {
            assertThat(d.sampleType()).isEqualTo(SampleType.FLOAT64);
            double[] a = new double[f.samplesPerTrace()];
            double[] b = new double[f.samplesPerTrace()];
            for (long t = 0; t < f.traceCount(); t += 37) {
                f.readTrace(t, a, 0);
                d.readTrace(t, b, 0);
                assertThat(b).containsExactly(a);
            }
        }
    }

    @Test
    void convertingFormatAndByteOrderKeepsValuesAndHeaders() throws Exception {
        Path source = Fixtures.file("segyio/small.sgy");
        Path ds = imported(source, "small.ds");
        Path out = tmp.resolve("small-le-f5.sgy");
        try (Dataset d = Dataset.open(ds)) {
            Exporter.Report r = Exporter.run(d, out, Exporter.Options.defaults().withFormat(SampleFormat.IEEE_FLOAT32)
                    .withByteOrder(ByteOrder.LITTLE_ENDIAN).withRevision(2));
            assertThat(r.lossChecked()).isFalse();
            assertThat(r.verbatimFileHeader()).isFalse();
        }
        try (SegyFile a = SegyFile.open(source); SegyFile b = SegyFile.open(out)) {
            assertThat(b.byteOrder()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
            assertThat(b.format()).isEqualTo(SampleFormat.IEEE_FLOAT32);
            assertThat(b.info().revision()).isEqualTo("2.0");
            assertThat(SampleDigest.of(b)).isEqualTo(SampleDigest.of(a));
            for (long t = 0; t < a.traceCount(); t++) {
                for (String field : List.of("iline", "xline", "cdp", "offset", "ns", "sx", "scalco")) {
                    assertThat(b.header(t, field)).as("trace %d %s", t, field).isEqualTo(a.header(t, field));
                }
            }
            assertThat(b.textualHeader()).isEqualTo(a.textualHeader());
        }
    }

    @Test
    void lossyConversionSaysHowMuchWasLost() throws Exception {
        Path ds = new SyntheticSurvey(SurveyGeometry.of(2, 24), 300, 2000, SampleFormat.IEEE_FLOAT32, 3)
                .writeAndImport(tmp.resolve("s.sgy"), tmp.resolve("s.ds"), 2);
        try (Dataset d = Dataset.open(ds)) {
            Exporter.Report r = Exporter.run(d, tmp.resolve("s16.sgy"), Exporter.Options.defaults().withFormat(SampleFormat.INT16));
            assertThat(r.lossChecked()).isTrue();
            assertThat(r.samplesChanged()).isPositive();
            assertThat(r.maxAbsError()).isGreaterThan(0).isLessThanOrEqualTo(0.5);
            assertThat(r.lossSummary()).contains("format 3").contains("samples changed");
            Exporter.Report same = Exporter.run(d, tmp.resolve("s5.sgy"), Exporter.Options.defaults());
            assertThat(same.samplesChanged()).isZero();
            assertThat(same.lossSummary()).isNull();
        }
    }

    @Test
    void multipleInputsConcatenateInOrder() throws Exception {
        Path a = Fixtures.file("segyio/small.sgy");
        Path b = Fixtures.file("segyio/small-lsb.sgy");
        Path c = Fixtures.file("segyio/normal-small.sgy");
        Path ds = tmp.resolve("abc.ds");
        assertThatThrownBy(() -> Importer.run(List.of(a, b), tmp.resolve("ab.ds"), Importer.Options.defaults()))
                .isInstanceOf(SegyException.class).hasMessageContaining("endian");
        Importer.Report r = Importer.run(List.of(a, c), ds, Importer.Options.defaults());
        assertThat(r.traces()).isEqualTo(50);
        try (Dataset d = Dataset.open(ds); SegyFile fc = SegyFile.open(c)) {
            float[] x = new float[fc.samplesPerTrace()];
            float[] y = new float[fc.samplesPerTrace()];
            fc.readTrace(3, x);
            d.readTrace(28, y, 0);
            assertThat(y).containsExactly(x);
            assertThat(d.manifest().source().files()).hasSize(2);
            assertThat(d.manifest().source().files().get(1).firstTrace()).isEqualTo(25);
        }
    }

    @Test
    void aProcessedDatasetExportsItsOwnSamplesAndHeaders() throws Exception {
        Path source = Fixtures.file("segyio/small.sgy");
        Path ds = imported(source, "in.ds");
        Path processed = tmp.resolve("processed.ds");
        try (Dataset in = Dataset.open(ds); DatasetWriter w = DatasetWriter.derive(in, processed, "scale x2, cdp + 1000", false)) {
            float[] buf = new float[in.samplesPerTrace()];
            var cdp = org.seisproc.segy.HeaderLayout.standard().field("cdp");
            for (long t = 0; t < in.traceCount(); t++) {
                in.readTrace(t, buf, 0);
                for (int i = 0; i < buf.length; i++) {
                    buf[i] *= 2;
                }
                w.writeTrace(t, buf, 0);
                w.setHeader(t, cdp, in.header(t, cdp) + 1000);
            }
            w.commit();
        }
        Path out = tmp.resolve("processed.sgy");
        try (Dataset p = Dataset.open(processed)) {
            assertThat(p.manifest().processing()).containsExactly("scale x2, cdp + 1000");
            Exporter.run(p, out, Exporter.Options.defaults());
        }
        try (SegyFile a = SegyFile.open(source); SegyFile b = SegyFile.open(out)) {
            assertThat(b.traceCount()).isEqualTo(a.traceCount());
            float[] x = new float[a.samplesPerTrace()];
            float[] y = new float[a.samplesPerTrace()];
            for (long t = 0; t < a.traceCount(); t++) {
                a.readTrace(t, x);
                b.readTrace(t, y);
                for (int i = 0; i < x.length; i++) {
                    assertThat(y[i]).isEqualTo(2 * x[i]);
                }
                assertThat(b.header(t, "cdp")).isEqualTo(a.header(t, "cdp") + 1000);
                assertThat(b.header(t, "iline")).isEqualTo(a.header(t, "iline"));
            }
            assertThat(b.textualHeader()).isEqualTo(a.textualHeader());
        }
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}

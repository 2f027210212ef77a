package org.seisproc.segy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.seisproc.testdata.Fixtures;

/// Every shared fixture against `reference.json` (values from an independent decoder, checked
/// against segyio): layout, header fields, first/last samples, statistics and the decoded-sample
/// SHA-256; files marked with an error must fail with a clear message naming the file.
class ReferenceFixturesTest {
    /// Fixtures the reference reads as errors that the README allows us to read or reject.
    private static boolean readOrRejectAllowed(String rel) {
        return rel.contains("increment") || rel.contains("decrement") || rel.contains("Format4") || rel.endsWith("mapping-empty.sgy");
    }

    @TestFactory
    Stream<DynamicTest> everyFixtureMatchesTheReference() {
        return Fixtures.entries().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> check(e)));
    }

    private void check(Map.Entry<String, JsonNode> entry) {
        String rel = entry.getKey();
        JsonNode ref = entry.getValue();
        Path path = Fixtures.file(rel);
        if (!ref.path("error").isNull()) {
            if (readOrRejectAllowed(rel)) {
                try (SegyFile f = SegyFile.open(path)) {
                    assertThat(f.traceCount()).isGreaterThanOrEqualTo(0);
                } catch (SegyException e) {
                    assertThat(e.getMessage()).contains(path.toString());
                }
                return;
            }
            assertThatThrownBy(() -> SegyFile.open(path).close())
                    .isInstanceOf(SegyException.class)
                    .hasMessageContaining(path.toString());
            return;
        }
        try (SegyFile f = SegyFile.open(path)) {
            SegyInfo info = f.info();
            assertThat(info.byteOrderName()).as("byte order").isEqualTo(ref.path("byteOrder").asText());
            assertThat(info.format().code()).as("format").isEqualTo(ref.path("format").asInt());
            assertThat(info.traces()).as("traces").isEqualTo(ref.path("traces").asLong());
            assertThat(info.samplesPerTrace()).as("samples").isEqualTo(ref.path("samples").asInt());
            if (ref.has("extendedTextHeaders") && !ref.path("extendedTextHeaders").isNull()) {
                assertThat(info.extendedTextHeaders()).as("extended textual headers").isEqualTo(ref.path("extendedTextHeaders").asInt());
                assertThat(info.additionalTraceHeaders()).as("additional trace headers").isEqualTo(ref.path("additionalTraceHeaders").asInt());
                assertThat(info.revision()).as("revision").isEqualTo(ref.path("revision").asText());
                assertThat(info.binarySampleIntervalMicros()).as("binary interval").isEqualTo(ref.path("binarySampleIntervalMicros").asInt());
                assertThat(info.sortingCode()).as("sorting code").isEqualTo(ref.path("binarySortingCode").asInt());
            }
            assertThat(SampleDigest.of(f)).as("decoded-sample SHA-256").isEqualTo(ref.path("samplesSha256").asText());
            if (f.traceCount() > 0) {
                checkHeaders(f, 0, ref.path("headers").path("first"));
                checkHeaders(f, f.traceCount() - 1, ref.path("headers").path("last"));
                checkSamples(f, 0, ref.path("firstSamples"));
                checkSamples(f, f.traceCount() - 1, ref.path("lastSamples"));
                checkStatistics(f, ref);
            }
        }
    }

    private static void checkHeaders(SegyFile f, long trace, JsonNode expected) {
        for (Map.Entry<String, JsonNode> field : expected.properties()) {
            int position = Integer.parseInt(field.getKey());
            HeaderType type = switch (position) {
                case 71, 117 -> HeaderType.INT16;
                case 115 -> HeaderType.UINT16;
                default -> HeaderType.INT32;
            };
            long actual = f.header(trace, new HeaderField("b" + position, position, type));
            assertThat(actual).as("trace %d header byte %d", trace, position).isEqualTo(field.getValue().asLong());
        }
        // The standard layout's own types agree with the reference's for these positions.
        assertThat(f.header(trace, "cdp")).isEqualTo(expected.path("21").asLong());
        assertThat(f.header(trace, "scalco")).isEqualTo(expected.path("71").asLong());
        assertThat(f.header(trace, "ns")).isEqualTo(expected.path("115").asLong());
    }

    private static void checkSamples(SegyFile f, long trace, JsonNode expected) {
        float[] samples = new float[f.samplesPerTrace()];
        f.readTrace(trace, samples);
        for (int i = 0; i < expected.size(); i++) {
            JsonNode v = expected.get(i);
            float want = v.isTextual() ? Float.parseFloat(v.asText()) : (float) v.asDouble();
            assertThat(samples[i]).as("trace %d sample %d", trace, i).isEqualTo(want);
        }
    }

    private static void checkStatistics(SegyFile f, JsonNode ref) {
        if (ref.path("min").isNull() || !ref.has("min")) {
            return;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        float[] s = new float[f.samplesPerTrace()];
        for (long t = 0; t < f.traceCount(); t++) {
            f.readTrace(t, s);
            for (float v : s) {
                if (Float.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                    sum += v;
                }
            }
        }
        assertThat(min).as("min").isEqualTo(ref.path("min").asDouble());
        assertThat(max).as("max").isEqualTo(ref.path("max").asDouble());
        double want = ref.path("sum").asDouble();
        assertThat(sum).as("sum").isCloseTo(want, within(Math.max(1e-6, Math.abs(want) * 1e-9)));
    }

    @TestFactory
    Stream<DynamicTest> forcingTheOtherByteOrderIsHonoured() {
        return Stream.of("segyio/small.sgy", "segyio/small-lsb.sgy").filter(r -> Fixtures.folderOrNull() != null)
                .map(rel -> DynamicTest.dynamicTest(rel, () -> {
                    try (SegyFile f = SegyFile.open(Fixtures.file(rel))) {
                        ByteOrder detected = f.byteOrder();
                        ByteOrder other = detected == ByteOrder.BIG_ENDIAN ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
                        assertThatThrownBy(() -> SegyFile.open(Fixtures.file(rel), ReadOptions.defaults().withByteOrder(other)).close())
                                .isInstanceOf(SegyException.class);
                    }
                }));
    }
}

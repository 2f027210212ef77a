package org.seisproc.qc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.seisproc.dsp.Sampling;

/// Every trace attribute against numpy on the same traces: `src/test/python/make_qc_reference.py`
/// writes the definitions of `dsp.Attributes` / `dsp.Spectrum` with numpy primitives and stores
/// inputs and expected values in `qc-reference.json` (a gather with a dead, a clipped, a constant,
/// a spiky and a loud trace, and a gather of one trace).
class AttributesReferenceTest {
    private static JsonNode doc;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = AttributesReferenceTest.class.getResourceAsStream("/qc-reference.json")) {
            doc = new ObjectMapper().readTree(in);
        }
    }

    static float[] floats(JsonNode node) {
        ByteBuffer b = ByteBuffer.wrap(Base64.getDecoder().decode(node.asText())).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[b.remaining() / 4];
        b.asFloatBuffer().get(out);
        return out;
    }

    private static AttributeTable compute(JsonNode c) {
        int n1 = c.path("n1").asInt();
        int n2 = c.path("n2").asInt();
        double dt = c.path("dt").asDouble();
        Sampling time = new Sampling(n1, dt, 0);
        JsonNode sw = doc.path("signal_window");
        JsonNode nw = doc.path("noise_window");
        // windows given in samples by the reference: as times, every sample from..to inclusive
        AttributeOptions o = new AttributeOptions(sw.get(0).asInt() * dt, (sw.get(1).asInt() - 1) * dt, nw.get(0).asInt() * dt,
                (nw.get(1).asInt() - 1) * dt, null, Flags.defaults());
        GatherAttributes g = new GatherAttributes(time, o);
        assertThat(g.signalWindow()).containsExactly(sw.get(0).asInt(), sw.get(1).asInt());
        assertThat(g.noiseWindow()).containsExactly(nw.get(0).asInt(), nw.get(1).asInt());
        AttributeTable t = new AttributeTable(n2 + 3);
        int[] rows = new int[n2];
        for (int i = 0; i < n2; i++) {
            rows[i] = n2 + 2 - i; // rows are trace numbers, in any order
        }
        g.compute(floats(c.path("samples")), n2, rows, t);
        return t;
    }

    private static void check(String name) {
        JsonNode c = doc.path("cases").path(name);
        AttributeTable t = compute(c);
        int n2 = c.path("n2").asInt();
        for (int i = 0; i < n2; i++) {
            int row = n2 + 2 - i;
            JsonNode e = c.path("expected").get(i);
            String at = name + " trace " + i;
            assertThat((double) t.rms(row)).as(at + " rms").isCloseTo(e.path("rms").asDouble(), within(1e-6 + 1e-6 * e.path("rms").asDouble()));
            assertThat((double) t.meanAbs(row)).as(at + " mean|a|").isCloseTo(e.path("mean_abs").asDouble(), within(1e-6 + 1e-6 * e.path("mean_abs").asDouble()));
            assertThat((double) t.maxAbs(row)).as(at + " max|a|").isEqualTo(e.path("max_abs").asDouble());
            assertThat((double) t.dominantHz(row)).as(at + " dominant").isCloseTo(e.path("dominant_hz").asDouble(), within(1e-4));
            assertThat((double) t.bandwidthHz(row)).as(at + " bandwidth").isCloseTo(e.path("bandwidth_hz").asDouble(), within(1e-3));
            if (e.path("snr_db").isNull()) {
                assertThat(t.snrDb(row)).as(at + " snr").isNaN();
            } else {
                assertThat((double) t.snrDb(row)).as(at + " snr").isCloseTo(e.path("snr_db").asDouble(), within(1e-4));
            }
            assertThat(t.dead(row)).as(at + " dead").isEqualTo(e.path("dead").asBoolean());
            assertThat(t.clippedRun(row)).as(at + " clipped run").isEqualTo(e.path("clipped_run").asInt());
            assertThat(t.constantRun(row)).as(at + " constant run").isEqualTo(e.path("constant_run").asInt());
            assertThat(t.spikes(row)).as(at + " spikes").isEqualTo(e.path("spikes").asInt());
            if (e.path("neighbour_corr").isNull()) {
                assertThat(t.correlation(row)).as(at + " correlation").isNaN();
            } else {
                assertThat((double) t.correlation(row)).as(at + " correlation").isCloseTo(e.path("neighbour_corr").asDouble(), within(1e-6));
            }
            assertThat(t.flags(row)).as(at + " flags " + Flags.describe(t.flags(row))).isEqualTo(e.path("flags").asInt());
        }
    }

    @Test
    void gatherWithPlantedDefectsMatchesNumpy() {
        check("gather");
        JsonNode e = doc.path("cases").path("gather").path("expected");
        // the planted defects are what the reference flags (so the test data means what it says)
        assertThat(e.get(2).path("flags").asInt() & Flags.DEAD).isNotZero();
        assertThat(e.get(3).path("flags").asInt() & Flags.CLIPPED).isNotZero();
        assertThat(e.get(4).path("flags").asInt() & Flags.CONSTANT).isNotZero();
        assertThat(e.get(5).path("spikes").asInt()).isEqualTo(3);
        assertThat(e.get(6).path("flags").asInt() & Flags.RMS_HIGH).isNotZero();
        assertThat(e.get(0).path("flags").asInt()).isZero();
    }

    @Test
    void singleTraceGatherHasNoNeighbourCorrelation() {
        check("single");
    }

    @Test
    void flagSettingsParseAndRejectNonsense() {
        Flags f = Flags.parse(java.util.List.of("spikes=2", "rms-ratio=3"));
        assertThat(f.spikes()).isEqualTo(2);
        assertThat(f.rmsRatio()).isEqualTo(3);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Flags.parse(java.util.List.of("spiky=2")))
                .hasMessageContaining("unknown threshold 'spiky'");
        assertThat(Flags.describe(Flags.DEAD | Flags.SPIKES)).isEqualTo("dead+spikes");
    }
}

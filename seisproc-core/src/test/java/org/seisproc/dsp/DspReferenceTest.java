package org.seisproc.dsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/// Every DSP kernel against numpy/scipy on the same input: `src/test/python/make_dsp_reference.py`
/// implements each kernel's documented definition with numpy/scipy primitives and stores input
/// and expected output in `dsp-reference.json`. Outputs agree to float32 rounding (relative to the
/// largest amplitude).
class DspReferenceTest {
    private static JsonNode cases;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = DspReferenceTest.class.getResourceAsStream("/dsp-reference.json")) {
            cases = new ObjectMapper().readTree(in).path("cases");
        }
    }

    static float[] floats(JsonNode node) {
        ByteBuffer b = ByteBuffer.wrap(Base64.getDecoder().decode(node.asText())).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[b.remaining() / 4];
        b.asFloatBuffer().get(out);
        return out;
    }

    static void assertClose(float[] actual, float[] expected, double relative) {
        assertThat(actual).hasSameSizeAs(expected);
        double peak = 0;
        for (float v : expected) {
            peak = Math.max(peak, Math.abs(v));
        }
        double worst = 0;
        int at = -1;
        for (int i = 0; i < actual.length; i++) {
            double d = Math.abs(actual[i] - expected[i]);
            if (d > worst) {
                worst = d;
                at = i;
            }
        }
        assertThat(worst).as("largest difference at sample %d (peak %g)", at, peak).isLessThanOrEqualTo(relative * Math.max(peak, 1e-30));
    }

    private static Sampling time(JsonNode c) {
        return new Sampling(c.path("n1").asInt(), c.path("dt").asDouble(), 0);
    }

    @Test
    void agc() {
        JsonNode c = cases.path("agc");
        float[] x = floats(c.path("input"));
        Agc.apply(x, 0, x.length, c.path("half").asInt(), new double[x.length + 1]);
        assertClose(x, floats(c.path("output")), 1e-5);
    }

    @Test
    void tpowAndSphericalDivergenceAndBalance() {
        JsonNode c = cases.path("tpow");
        float[] x = floats(c.path("input"));
        Gain.tpow(x, 0, time(c), c.path("power").asDouble());
        assertClose(x, floats(c.path("output")), 1e-6);

        c = cases.path("spherical");
        x = floats(c.path("input"));
        Gain.sphericalDivergence(x, 0, time(c), floats(c.path("vrms")));
        assertClose(x, floats(c.path("output")), 1e-6);

        c = cases.path("balance");
        x = floats(c.path("input"));
        Gain.balance(x, 0, x.length, false);
        assertClose(x, floats(c.path("output")), 1e-6);
    }

    @Test
    void ormsbyAndButterworthBandpass() {
        JsonNode c = cases.path("ormsby");
        float[] x = floats(c.path("input"));
        JsonNode k = c.path("corners");
        Bandpass.ormsby(x.length, c.path("dt").asDouble(), k.get(0).asDouble(), k.get(1).asDouble(), k.get(2).asDouble(),
                k.get(3).asDouble()).apply(x, 0);
        assertClose(x, floats(c.path("output")), 1e-5);

        c = cases.path("butterworth");
        x = floats(c.path("input"));
        Bandpass.butterworth(x.length, c.path("dt").asDouble(), c.path("low").asDouble(), c.path("high").asDouble(),
                c.path("order").asInt()).apply(x, 0);
        assertClose(x, floats(c.path("output")), 1e-5);
    }

    @Test
    void topAndBottomMute() {
        JsonNode c = cases.path("mute");
        float[] x = floats(c.path("input"));
        Mute.top(x, 0, time(c), c.path("top").get(0).asDouble(), c.path("top").get(1).asDouble());
        Mute.bottom(x, 0, time(c), c.path("bottom").get(0).asDouble(), c.path("bottom").get(1).asDouble());
        assertClose(x, floats(c.path("output")), 1e-6);
    }

    @Test
    void nmoWithStretchMuteAndInverse() {
        JsonNode c = cases.path("nmo");
        int n1 = c.path("n1").asInt();
        int n2 = c.path("n2").asInt();
        float[] in = floats(c.path("input"));
        float[] v = floats(c.path("vrms"));
        float[] out = new float[n1 * n2];
        float[] back = new float[n1 * n2];
        for (int i2 = 0; i2 < n2; i2++) {
            double offset = c.path("offsets").get(i2).asDouble();
            Nmo.forward(in, i2 * n1, out, i2 * n1, time(c), offset, v, c.path("maxStretch").asDouble());
        }
        assertClose(out, floats(c.path("output")), 1e-5);
        float[] nmo = floats(c.path("output"));
        for (int i2 = 0; i2 < n2; i2++) {
            Nmo.inverse(nmo, i2 * n1, back, i2 * n1, time(c), c.path("offsets").get(i2).asDouble(), v);
        }
        assertClose(back, floats(c.path("inverse")), 1e-5);
    }

    @Test
    void spikingAndPredictiveDeconvolution() {
        for (String name : new String[] {"decon_spiking", "decon_predictive"}) {
            JsonNode c = cases.path(name);
            float[] x = floats(c.path("input"));
            float[] filter = Deconvolution.design(x, 0, x.length, c.path("operator").asInt(), c.path("gap").asInt(),
                    c.path("prewhitening").asDouble());
            assertClose(filter, floats(c.path("filter")), 1e-4);
            Deconvolution.apply(x, 0, x.length, filter, new float[x.length]);
            assertClose(x, floats(c.path("output")), 1e-4);
        }
    }

    @Test
    void foldNormalisedStack() {
        JsonNode c = cases.path("stack");
        int n1 = c.path("n1").asInt();
        float[] out = new float[n1];
        int[] fold = new int[n1];
        Stack.stack(floats(c.path("input")), n1, c.path("n2").asInt(), out, fold);
        assertClose(out, floats(c.path("output")), 1e-6);
        for (int i1 = 0; i1 < n1; i1++) {
            assertThat(fold[i1]).isEqualTo(c.path("fold").get(i1).asInt());
        }
    }

    @Test
    void fkVelocityFilter() {
        JsonNode c = cases.path("fk");
        float[] g = floats(c.path("input"));
        new FkFilter(c.path("n1").asInt(), c.path("n2").asInt(), c.path("dt").asDouble(), c.path("dx").asDouble(),
                c.path("vReject").asDouble(), c.path("vPass").asDouble()).apply(g);
        assertClose(g, floats(c.path("output")), 1e-5);
    }
}

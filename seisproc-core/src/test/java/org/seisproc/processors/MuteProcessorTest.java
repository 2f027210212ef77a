package org.seisproc.processors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.seisproc.processors.TestSteps.assertRefuses;
import static org.seisproc.processors.TestSteps.gather;
import static org.seisproc.processors.TestSteps.init;
import static org.seisproc.processors.TestSteps.problems;
import static org.seisproc.processors.TestSteps.setHeader;
import static org.seisproc.processors.TestSteps.trace;

import org.junit.jupiter.api.Test;
import org.seisproc.ensemble.Gather;
import org.seisproc.engine.Processor;
import org.seisproc.segy.TraceField;

class MuteProcessorTest {
    private static final int N1 = 101;
    private static final double DT = 0.004;   // 0 … 400 ms
    private static final String TABLE = "'offsets': [0, 1000], 'timesMs': [100, 300]";

    /// Four traces of ones at offsets 500 (mute 200 ms), -1000 (|offset|: 300 ms), 2000 (beyond the
    /// table: 300 ms) and 0 (100 ms).
    private static Gather onesAtOffsets() {
        long[] offsets = {500, -1000, 2000, 0};
        Gather g = gather(N1, offsets.length);
        java.util.Arrays.fill(g.samples(), 0, N1 * offsets.length, 1f);
        for (int i2 = 0; i2 < offsets.length; i2++) {
            setHeader(g, i2, TraceField.OFFSET, offsets[i2]);
        }
        return g;
    }

    /// The top-mute weight of the javadoc: 0 before tm, ½(1 − cos(π(t − tm)/L)) in the taper, 1 after.
    private static double topWeight(double t, double tm, double taper) {
        return t < tm ? 0 : t < tm + taper ? 0.5 * (1 - Math.cos(Math.PI * (t - tm) / taper)) : 1;
    }

    @Test
    void topMuteZeroesBeforeTheTimeAtTheTracesOffsetWithAHalfCosineTaper() {
        Processor mute = init(MuteProcessor.SPEC, "{" + TABLE + ", 'taperMs': 20}", N1, DT);
        Gather g = onesAtOffsets();
        mute.process(g);
        double[] muteTimes = {0.2, 0.3, 0.3, 0.1};
        for (int i2 = 0; i2 < 4; i2++) {
            float[] y = trace(g, i2);
            for (int i1 = 0; i1 < N1; i1++) {
                assertThat((double) y[i1]).as("trace %d sample %d", i2, i1)
                        .isCloseTo(topWeight(i1 * DT, muteTimes[i2], 0.020), within(1e-6));
            }
        }
        // by hand for the 500 m trace: mute at sample 50, taper over samples 50 … 54
        float[] y = trace(g, 0);
        assertThat(y[49]).isZero();
        assertThat(y[50]).isZero();
        assertThat((double) y[52]).isCloseTo(0.5 * (1 - Math.cos(Math.PI * 2 / 5)), within(1e-6));
        assertThat(y[55]).isEqualTo(1f);
    }

    @Test
    void bottomMuteZeroesAfterTheTime() {
        Processor mute = init(MuteProcessor.SPEC, "{'side': 'bottom', " + TABLE + ", 'taperMs': 20}", N1, DT);
        Gather g = onesAtOffsets();
        mute.process(g);
        float[] y = trace(g, 0);   // mute at 200 ms = sample 50, taper 45 … 50
        for (int i1 = 0; i1 < N1; i1++) {
            double t = i1 * DT;
            double w = t > 0.2 ? 0 : t > 0.18 ? 0.5 * (1 - Math.cos(Math.PI * (0.2 - t) / 0.02)) : 1;
            assertThat((double) y[i1]).as("sample %d", i1).isCloseTo(w, within(1e-6));
        }
        assertThat(y[45]).isEqualTo(1f);
        assertThat(y[50]).isZero();
        assertThat(trace(g, 3)[20]).as("offset 0: taper 80 … 100 ms").isEqualTo(1f);
        assertThat(trace(g, 3)[24]).isStrictlyBetween(0f, 1f);
        assertThat(trace(g, 3)[26]).isZero();
    }

    @Test
    void zeroTaperIsAHardMute() {
        Processor mute = init(MuteProcessor.SPEC, "{" + TABLE + ", 'taperMs': 0}", N1, DT);
        Gather g = onesAtOffsets();
        mute.process(g);
        float[] y = trace(g, 0);
        for (int i1 = 0; i1 < N1; i1++) {
            assertThat(y[i1]).as("sample %d", i1).isEqualTo(i1 < 50 ? 0f : 1f);
        }
    }

    @Test
    void badTablesSideAndTaperAreRejectedByName() {
        assertThat(problems(MuteProcessor.SPEC, "{'timesMs': [100]}")).singleElement().asString().contains("'offsets' is required");
        assertThat(problems(MuteProcessor.SPEC, "{'offsets': [0], 'timesMs': 100}")).singleElement().asString()
                .contains("'timesMs' must be a list of numbers (ms)");
        assertRefuses(MuteProcessor.SPEC, "{'offsets': [0, 1000], 'timesMs': [100]}", N1, DT)
                .hasMessageContaining("offsets").hasMessageContaining("timesMs");
        assertRefuses(MuteProcessor.SPEC, "{'offsets': [], 'timesMs': []}", N1, DT)
                .hasMessageContaining("offsets").hasMessageContaining("timesMs");
        assertRefuses(MuteProcessor.SPEC, "{'offsets': [1000, 0], 'timesMs': [300, 100]}", N1, DT)
                .hasMessageContaining("offsets").hasMessageContaining("increase");
        assertRefuses(MuteProcessor.SPEC, "{'side': 'left', " + TABLE + "}", N1, DT)
                .hasMessageContaining("side").hasMessageContaining("'left'");
        assertRefuses(MuteProcessor.SPEC, "{" + TABLE + ", 'taperMs': -20}", N1, DT)
                .hasMessageContaining("taperMs");
    }

}

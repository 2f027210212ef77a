package org.seisproc.processors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.seisproc.processors.TestSteps.gather;
import static org.seisproc.processors.TestSteps.init;
import static org.seisproc.processors.TestSteps.problems;
import static org.seisproc.processors.TestSteps.trace;

import org.junit.jupiter.api.Test;
import org.seisproc.ensemble.Gather;
import org.seisproc.engine.Processor;

class TpowGainTest {
    private static final double DT = 0.25;

    @Test
    void multipliesSampleJByJTimesDtToThePower() {
        Processor tpow = init(TpowGain.SPEC, "{'power': 1.5}", 9, DT);
        Gather g = gather(9, 2);
        for (int i1 = 0; i1 < 9; i1++) {
            g.samples()[i1] = 1f;
            g.samples()[9 + i1] = -2f;
        }
        tpow.process(g);
        for (int i1 = 0; i1 < 9; i1++) {
            double gain = Math.pow(i1 * DT, 1.5);
            assertThat((double) trace(g, 0)[i1]).as("trace 0 sample %d", i1).isCloseTo(gain, within(1e-6));
            assertThat((double) trace(g, 1)[i1]).as("trace 1 sample %d", i1).isCloseTo(-2 * gain, within(1e-6));
        }
    }

    @Test
    void defaultPowerIsTwoAndZeroPowerChangesNothing() {
        assertThat(gained("{}", 5, 4f)).containsExactly(0f, 0.25f, 1f, 2.25f, 4f);
        assertThat(gained("{'power': 0}", 5, 4f)).containsOnly(4f);
    }

    @Test
    void negativePowerDividesAndZeroesTimeZero() {
        assertThat(gained("{'power': -1}", 3, 1f)).containsExactly(0f, 4f, 2f);
    }

    /// One trace of `n` samples equal to `value` after the gain with `parameters`.
    private static float[] gained(String parameters, int n, float value) {
        Gather g = gather(n, 1);
        java.util.Arrays.fill(g.samples(), 0, n, value);
        init(TpowGain.SPEC, parameters, n, DT).process(g);
        return trace(g, 0);
    }

    @Test
    void powerMustBeANumber() {
        assertThat(problems(TpowGain.SPEC, "{'power': '2'}")).singleElement().asString().contains("'power' must be a number");
        assertThat(problems(TpowGain.SPEC, "{'exponent': 2}")).singleElement().asString().contains("unknown parameter 'exponent'");
    }
}

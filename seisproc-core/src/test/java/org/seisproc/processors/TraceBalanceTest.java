package org.seisproc.processors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.seisproc.processors.TestSteps.assertRefuses;
import static org.seisproc.processors.TestSteps.gather;
import static org.seisproc.processors.TestSteps.init;
import static org.seisproc.processors.TestSteps.problems;
import static org.seisproc.processors.TestSteps.setTrace;
import static org.seisproc.processors.TestSteps.trace;

import org.junit.jupiter.api.Test;
import org.seisproc.ensemble.Gather;

class TraceBalanceTest {
    /// Three traces of 4 samples (the middle one dead) after the balance with `parameters`.
    private static Gather balanced(String parameters) {
        Gather g = gather(4, 3);
        setTrace(g, 0, new float[] {3, 4, 0, 0});
        setTrace(g, 1, new float[] {0, 0, 0, 0});
        setTrace(g, 2, new float[] {-10, 5, 0, 20});
        init(TraceBalance.SPEC, parameters, 4, 0.004).process(g);
        return g;
    }

    @Test
    void rmsModeGivesEveryTraceUnitRmsAndLeavesDeadTracesZero() {
        Gather g = balanced("{}");
        // rms of (3, 4, 0, 0) = sqrt(25 / 4) = 2.5; rms of (-10, 5, 0, 20) = sqrt(525 / 4)
        assertThat(trace(g, 0)).containsExactly(1.2f, 1.6f, 0f, 0f);
        assertThat(trace(g, 1)).containsOnly(0f);
        float r = (float) (1 / Math.sqrt(525 / 4.0));
        assertThat(trace(g, 2)).containsExactly(-10 * r, 5 * r, 0f, 20 * r);
        assertThat(TestSteps.rms(g.samples(), 8, 12)).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-6));
    }

    @Test
    void peakModeGivesEveryTraceUnitLargestAmplitude() {
        Gather g = balanced("{'mode': 'peak'}");
        assertThat(trace(g, 0)).containsExactly(0.75f, 1f, 0f, 0f);
        assertThat(trace(g, 1)).containsOnly(0f);
        assertThat(trace(g, 2)).containsExactly(-0.5f, 0.25f, 0f, 1f);
    }

    @Test
    void unknownModeIsRejectedByName() {
        assertRefuses(TraceBalance.SPEC, "{'mode': 'max'}", 4, 0.004)
                .hasMessageContaining("mode").hasMessageContaining("'max'");
        assertThat(problems(TraceBalance.SPEC, "{'mode': 1}")).singleElement().asString().contains("'mode' must be a string");
    }
}

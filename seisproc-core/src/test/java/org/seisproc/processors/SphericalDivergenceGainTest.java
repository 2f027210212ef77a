package org.seisproc.processors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.seisproc.processors.TestSteps.assertRefuses;
import static org.seisproc.processors.TestSteps.gather;
import static org.seisproc.processors.TestSteps.init;
import static org.seisproc.processors.TestSteps.problems;
import static org.seisproc.processors.TestSteps.trace;

import org.junit.jupiter.api.Test;
import org.seisproc.ensemble.Gather;
import org.seisproc.engine.Processor;

class SphericalDivergenceGainTest {
    private static final int N1 = 11;
    private static final double DT = 0.2;   // 0 … 2 s; t = 1 s is sample 5

    @Test
    void constantVelocityGainIsTime() {
        Processor divergence = init(SphericalDivergenceGain.SPEC, "{'times': [0], 'velocities': [2000]}", N1, DT);
        Gather g = gather(N1, 2);
        java.util.Arrays.fill(g.samples(), 0, 2 * N1, 3f);
        divergence.process(g);
        for (int i2 = 0; i2 < 2; i2++) {
            for (int i1 = 0; i1 < N1; i1++) {
                assertThat((double) trace(g, i2)[i1]).as("trace %d sample %d", i2, i1).isCloseTo(3 * i1 * DT, within(1e-5));
            }
        }
    }

    @Test
    void gainIsTimesVelocitySquaredOverVelocityAtOneSecondSquared() {
        // v(t) = 1500 + 500 t (linear between the knots), v(1 s) = 2000
        Processor divergence = init(SphericalDivergenceGain.SPEC, "{'times': [0, 2], 'velocities': [1500, 2500]}", N1, DT);
        Gather g = gather(N1, 1);
        java.util.Arrays.fill(g.samples(), 0, N1, 1f);
        divergence.process(g);
        for (int i1 = 0; i1 < N1; i1++) {
            double t = i1 * DT;
            double v = 1500 + 500 * t;
            assertThat((double) trace(g, 0)[i1]).as("sample %d", i1).isCloseTo(t * v * v / (2000.0 * 2000.0), within(1e-5));
        }
        assertThat(trace(g, 0)[5]).isEqualTo(1f);
    }

    @Test
    void badVelocityFunctionsNameTheParameter() {
        assertThat(problems(SphericalDivergenceGain.SPEC, "{'velocities': [2000]}")).singleElement().asString()
                .contains("'times' is required");
        assertThat(problems(SphericalDivergenceGain.SPEC, "{'times': 0, 'velocities': [2000]}")).singleElement().asString()
                .contains("'times' must be a list of numbers");
        assertRefuses(SphericalDivergenceGain.SPEC, "{'times': [0, 1], 'velocities': [2000]}", N1, DT)
                .hasMessageContaining("times").hasMessageContaining("velocities");
        assertRefuses(SphericalDivergenceGain.SPEC, "{'times': [0, 1], 'velocities': [2000, 0]}", N1, DT)
                .hasMessageContaining("velocities must be positive");
        assertRefuses(SphericalDivergenceGain.SPEC, "{'times': [0, 1, 1], 'velocities': [2000, 2100, 2200]}", N1, DT)
                .hasMessageContaining("times");
    }

}

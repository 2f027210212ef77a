package org.seisproc.processors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.seisproc.processors.TestSteps.context;
import static org.seisproc.processors.TestSteps.gather;
import static org.seisproc.processors.TestSteps.init;
import static org.seisproc.processors.TestSteps.parameters;
import static org.seisproc.processors.TestSteps.problems;
import static org.seisproc.processors.TestSteps.rms;
import static org.seisproc.processors.TestSteps.trace;

import org.junit.jupiter.api.Test;
import org.seisproc.ensemble.Gather;
import org.seisproc.engine.Processor;

class AgcProcessorTest {
    private static final int N1 = 500;
    private static final double DT = 0.004;

    /// A 25 Hz sine whose amplitude jumps from 1 to 100 at 1 s.
    private static float[] weakThenStrong() {
        float[] x = new float[N1];
        for (int i1 = 0; i1 < N1; i1++) {
            double amplitude = i1 < 250 ? 1 : 100;
            x[i1] = (float) (amplitude * Math.sin(2 * Math.PI * 25 * i1 * DT + 0.3));
        }
        return x;
    }

    @Test
    void outputHasUnitRmsInTheWindowWhateverTheInputLevel() {
        Processor agc = init(AgcProcessor.SPEC, "{'windowMs': 200}", N1, DT);
        Gather g = gather(N1, 1);
        TestSteps.setTrace(g, 0, weakThenStrong());
        agc.process(g);
        float[] y = trace(g, 0);
        // away from the jump and the ends (half window = 25 samples) a 200 ms window sees 5 whole cycles
        assertThat(rms(y, 50, 200)).isCloseTo(1.0, within(0.02));
        assertThat(rms(y, 300, 450)).isCloseTo(1.0, within(0.02));
        for (float v : y) {
            assertThat(Math.abs(v)).isLessThan(8f);   // |y| <= sqrt(51 window samples) by Cauchy-Schwarz; finite
        }
    }

    @Test
    void eachSampleIsDividedByTheRmsOfItsCentredWindowCutAtTheEnds() {
        Processor agc = init(AgcProcessor.SPEC, "{'windowMs': 40}", N1, DT);   // half window = 5 samples
        Gather g = gather(N1, 2);
        float[] x = weakThenStrong();
        TestSteps.setTrace(g, 1, x);
        agc.process(g);
        float[] y = trace(g, 1);
        for (int i1 : new int[] {0, 3, 100, 247, 250, 253, 499}) {
            double s = 0;
            int count = 0;
            for (int j = Math.max(0, i1 - 5); j <= Math.min(N1 - 1, i1 + 5); j++) {
                s += (double) x[j] * x[j];
                count++;
            }
            assertThat((double) y[i1]).as("sample %d", i1).isCloseTo(x[i1] / Math.sqrt(s / count), within(1e-4));
        }
        assertThat(trace(g, 0)).as("the dead trace stays zero, no NaN").containsOnly(0f);
    }

    @Test
    void windowMustBeAPositiveNumberOfMilliseconds() {
        for (String bad : new String[] {"0", "-100"}) {
            assertThatThrownBy(() -> AgcProcessor.SPEC.factory().get().init(parameters(AgcProcessor.SPEC, "{'windowMs': " + bad + "}"),
                    context(N1, DT))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("windowMs");
        }
        assertThat(problems(AgcProcessor.SPEC, "{'windowMs': [500]}")).singleElement().asString()
                .contains("'windowMs' must be a number (ms)");
    }
}

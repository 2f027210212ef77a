package org.seisproc.processors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.seisproc.processors.TestSteps.gather;
import static org.seisproc.processors.TestSteps.init;
import static org.seisproc.processors.TestSteps.problems;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.seisproc.ensemble.Gather;
import org.seisproc.engine.Parameters;
import org.seisproc.engine.Processor;

class ScalarGainTest {
    @Test
    void multipliesEverySampleOfTheGatherByTheFactor() {
        Processor scale = init(ScalarGain.SPEC, "{'factor': -2.5}", 4, 0.004);
        Gather g = gather(4, 3);
        for (int i = 0; i < 12; i++) {
            g.samples()[i] = i - 5;
        }
        scale.process(g);
        for (int i = 0; i < 12; i++) {
            assertThat(g.samples()[i]).as("sample %d", i).isEqualTo(-2.5f * (i - 5));
        }
    }

    @Test
    void leavesTheBufferBeyondTheGatherAlone() {
        Processor scale = init(ScalarGain.SPEC, "{'factor': 3}", 2, 0.004);
        Gather g = gather(2, 3);
        java.util.Arrays.fill(g.samples(), 1f);
        g.reset(2, new long[] {1});   // a smaller gather in the same (larger) buffer
        scale.process(g);
        assertThat(g.samples()).containsExactly(3f, 3f, 3f, 3f, 1f, 1f);
    }

    @Test
    void factorIsRequiredAndMustBeANumber() {
        assertThat(problems(ScalarGain.SPEC, "{}")).singleElement().asString().contains("'factor' is required");
        assertThat(problems(ScalarGain.SPEC, "{'factor': 'two'}")).singleElement().asString().contains("'factor' must be a number");
        assertThat(problems(ScalarGain.SPEC, "{'factor': 2, 'gain': 3}")).singleElement().asString().contains("unknown parameter 'gain'");
        assertThatThrownBy(() -> Parameters.of(ScalarGain.SPEC, Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'factor'");
    }
}

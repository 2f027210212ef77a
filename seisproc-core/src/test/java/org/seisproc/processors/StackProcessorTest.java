package org.seisproc.processors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.seisproc.processors.TestSteps.gather;
import static org.seisproc.processors.TestSteps.header;
import static org.seisproc.processors.TestSteps.init;
import static org.seisproc.processors.TestSteps.problems;
import static org.seisproc.processors.TestSteps.setHeader;
import static org.seisproc.processors.TestSteps.setTrace;
import static org.seisproc.processors.TestSteps.trace;

import org.junit.jupiter.api.Test;
import org.seisproc.ensemble.Gather;
import org.seisproc.engine.Processor;
import org.seisproc.segy.TraceField;

class StackProcessorTest {
    @Test
    void averagesTheLiveTracesAtEachSampleAndKeepsOneTraceWithTheFirstTracesHeaders() {
        Processor stack = init(StackProcessor.SPEC, "{}", 5, 0.004);
        Gather g = gather(5, 3);
        setTrace(g, 0, new float[] {1, 2, 0, 4, 0});
        setTrace(g, 1, new float[] {3, 2, 0, 0, 0});
        setTrace(g, 2, new float[] {2, 2, 6, 2, 0});
        for (int i2 = 0; i2 < 3; i2++) {
            setHeader(g, i2, TraceField.ENSEMBLE_NUMBER, 77);
            setHeader(g, i2, TraceField.OFFSET, 100 * (i2 + 1));
            setHeader(g, i2, TraceField.SOURCE_X, 1000 + i2);
        }
        stack.process(g);
        assertThat(g.n2()).isEqualTo(1);
        // sample 0: (1+3+2)/3; 2: only one live trace; 3: (4+2)/2, the zero is a muted sample; 4: no live trace
        assertThat(trace(g, 0)).containsExactly(2f, 2f, 6f, 3f, 0f);
        assertThat(header(g, 0, TraceField.ENSEMBLE_NUMBER)).isEqualTo(77);
        assertThat(header(g, 0, TraceField.SOURCE_X)).as("first trace's headers").isEqualTo(1000);
        assertThat(header(g, 0, TraceField.OFFSET)).isZero();
        assertThat(header(g, 0, TraceField.HORIZONTALLY_STACKED_TRACES)).isEqualTo(3);
    }

    @Test
    void aOneTraceGatherStaysAsItIs() {
        Processor stack = init(StackProcessor.SPEC, "{}", 3, 0.004);
        Gather g = gather(3, 1);
        setTrace(g, 0, new float[] {-1.5f, 0, 7});
        setHeader(g, 0, TraceField.OFFSET, 250);
        stack.process(g);
        assertThat(g.n2()).isEqualTo(1);
        assertThat(trace(g, 0)).containsExactly(-1.5f, 0f, 7f);
        assertThat(header(g, 0, TraceField.HORIZONTALLY_STACKED_TRACES)).isEqualTo(1);
        assertThat(header(g, 0, TraceField.OFFSET)).isZero();
    }

    @Test
    void foldBeyondTheSixteenBitHeaderIsClampedNotWrapped() {
        Processor stack = init(StackProcessor.SPEC, "{}", 1, 0.004);
        Gather g = gather(1, 32_800);
        java.util.Arrays.fill(g.samples(), 0, 32_800, 0.5f);
        stack.process(g);
        assertThat(trace(g, 0)).containsExactly(0.5f);
        assertThat(header(g, 0, TraceField.HORIZONTALLY_STACKED_TRACES)).isEqualTo(Short.MAX_VALUE);
    }

    @Test
    void makesOneTraceAndTakesNoParameters() {
        assertThat(StackProcessor.SPEC.reducesToOneTrace()).isTrue();
        assertThat(StackProcessor.SPEC.parameters()).isEmpty();
        assertThat(problems(StackProcessor.SPEC, "{'normalise': false}")).singleElement().asString()
                .contains("unknown parameter 'normalise'");
    }
}

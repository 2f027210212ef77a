package org.seisproc.processors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.seisproc.processors.TestSteps.assertRefuses;
import static org.seisproc.processors.TestSteps.gather;
import static org.seisproc.processors.TestSteps.header;
import static org.seisproc.processors.TestSteps.init;
import static org.seisproc.processors.TestSteps.problems;
import static org.seisproc.processors.TestSteps.setHeader;

import org.junit.jupiter.api.Test;
import org.seisproc.ensemble.Gather;
import org.seisproc.engine.Processor;
import org.seisproc.segy.TraceField;

class HeaderMathTest {
    @Test
    void setsTheFieldOfEveryTraceFromItsOwnHeadersAndTouchesNothingElse() {
        Processor header = init(HeaderMath.SPEC, "{'set': 'offset', 'expression': 'hypot(gx - sx, gy - sy)'}", 4, 0.004);
        Gather g = gather(4, 2);
        long[][] sxSyGxGy = {{100, 200, 400, 600}, {0, 0, -50, -120}};
        for (int i2 = 0; i2 < 2; i2++) {
            setHeader(g, i2, TraceField.SOURCE_X, sxSyGxGy[i2][0]);
            setHeader(g, i2, TraceField.SOURCE_Y, sxSyGxGy[i2][1]);
            setHeader(g, i2, TraceField.GROUP_X, sxSyGxGy[i2][2]);
            setHeader(g, i2, TraceField.GROUP_Y, sxSyGxGy[i2][3]);
            setHeader(g, i2, TraceField.ENSEMBLE_NUMBER, 9);
        }
        g.samples()[0] = 1.25f;
        byte[] before = g.headers().toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
        header.process(g);
        assertThat(header(g, 0, TraceField.OFFSET)).isEqualTo(500);   // 3-4-5 triangle
        assertThat(header(g, 1, TraceField.OFFSET)).isEqualTo(130);   // 5-12-13
        assertThat(header(g, 1, TraceField.GROUP_X)).isEqualTo(-50);
        assertThat(header(g, 1, TraceField.ENSEMBLE_NUMBER)).isEqualTo(9);
        assertThat(g.samples()[0]).isEqualTo(1.25f);
        byte[] after = g.headers().toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
        int offsetByte = TraceField.OFFSET.field().bytePosition() - 1;
        for (int i = 0; i < after.length; i++) {
            if (i % 240 < offsetByte || i % 240 >= offsetByte + 4) {
                assertThat(after[i]).as("header byte %d", i).isEqualTo(before[i]);
            }
        }
    }

    @Test
    void resultIsRoundedToTheNearestInteger() {
        Processor header = init(HeaderMath.SPEC, "{'set': 'cdp', 'expression': '(sx + gx) / 2'}", 1, 0.004);
        Gather g = gather(1, 3);
        long[][] sxGx = {{1, 2}, {1, 4}, {-1, -2}};
        for (int i2 = 0; i2 < 3; i2++) {
            setHeader(g, i2, TraceField.SOURCE_X, sxGx[i2][0]);
            setHeader(g, i2, TraceField.GROUP_X, sxGx[i2][1]);
        }
        header.process(g);
        assertThat(header(g, 0, TraceField.ENSEMBLE_NUMBER)).isEqualTo(2);    // 1.5
        assertThat(header(g, 1, TraceField.ENSEMBLE_NUMBER)).isEqualTo(3);    // 2.5
        assertThat(header(g, 2, TraceField.ENSEMBLE_NUMBER)).isEqualTo(-1);   // -1.5 (half up, as Math.round)
    }

    @Test
    void aValueThatDoesNotFitTheFieldIsAnErrorNotAWrappedNumber() {
        Processor header = init(HeaderMath.SPEC, "{'set': 'nhs', 'expression': 'cdp * 1000'}", 1, 0.004);
        Gather g = gather(1, 1);
        setHeader(g, 0, TraceField.ENSEMBLE_NUMBER, 40);
        assertThatThrownBy(() -> header.process(g)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("40000");
    }

    @Test
    void badFieldOrExpressionIsRejectedByName() {
        assertThat(problems(HeaderMath.SPEC, "{'set': 'offset'}")).singleElement().asString().contains("'expression' is required");
        assertThat(problems(HeaderMath.SPEC, "{'set': 37, 'expression': 'sx'}")).singleElement().asString()
                .contains("'set' must be a string");
        assertRefuses(HeaderMath.SPEC, "{'set': 'ofset', 'expression': 'sx'}", 1, 0.004)
                .hasMessageContaining("'set'").hasMessageContaining("unknown header field 'ofset'");
        assertRefuses(HeaderMath.SPEC, "{'set': 'offset', 'expression': 'gx - '}", 1, 0.004)
                .hasMessageContaining("'expression'").hasMessageContaining("ends too early");
    }

}

package org.seisproc.processors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.seisproc.processors.TestSteps.json;

import org.junit.jupiter.api.Test;
import org.seisproc.dsp.Sampling;
import org.seisproc.dsp.Taper;

class VelocityFieldTest {
    private static final Sampling TIME = new Sampling(5, 0.5, 0);   // 0, 0.5, 1, 1.5, 2 s

    @Test
    void functionIsLinearInTimeAndConstantBeyondItsKnots() {
        Taper v = VelocityField.function(new double[] {0.5, 1.5}, new double[] {2000, 3000});
        assertThat(v.sample(TIME)).containsExactly(2000f, 2000f, 2500f, 3000f, 3000f);
        assertThat(VelocityField.function(new double[] {0}, new double[] {1800}).sample(TIME)).containsOnly(1800f);
    }

    @Test
    void fieldIsLinearBetweenControlCdpsAndConstantBeyond() {
        VelocityField field = VelocityField.parse(json("[{'cdp': 100, 'times': [0, 2], 'velocities': [1800, 2600]},"
                + " {'cdp': 200, 'times': [0], 'velocities': [3000]}]"), TIME);
        float[] out = new float[TIME.count()];
        field.at(100, out);
        assertThat(out).containsExactly(1800f, 2000f, 2200f, 2400f, 2600f);
        field.at(-5, out);
        assertThat(out).containsExactly(1800f, 2000f, 2200f, 2400f, 2600f);
        field.at(250, out);
        assertThat(out).containsOnly(3000f);
        field.at(175, out);   // w = 0.75
        for (int i = 0; i < out.length; i++) {
            double a = 1800 + 400 * TIME.value(i);
            assertThat((double) out[i]).as("sample %d", i).isCloseTo(0.25 * a + 0.75 * 3000, within(1e-3));
        }
    }

    @Test
    void errorsNameWhatIsWrong() {
        assertThatThrownBy(() -> VelocityField.parse(json("{}"), TIME)).hasMessageContaining("velocities must be a list");
        assertThatThrownBy(() -> VelocityField.parse(null, TIME)).hasMessageContaining("velocities must be a list");
        assertThatThrownBy(() -> VelocityField.parse(json("[{'cdp': 2, 'times': [0], 'velocities': [1]},"
                + " {'cdp': 2, 'times': [0], 'velocities': [1]}]"), TIME)).hasMessageContaining("increasing cdp order (2 after 2)");
        assertThatThrownBy(() -> VelocityField.parse(json("[{'cdp': 'one', 'times': [0], 'velocities': [1]}]"), TIME))
                .hasMessageContaining("'cdp'");
        assertThatThrownBy(() -> VelocityField.parse(json("[{'cdp': 1, 'times': 0, 'velocities': [1]}]"), TIME))
                .hasMessageContaining("'times' must be a list of numbers");
        assertThatThrownBy(() -> VelocityField.parse(json("[{'cdp': 1, 'times': [0], 'velocities': [null]}]"), TIME))
                .hasMessageContaining("'velocities' must be a list of numbers");
        assertThatThrownBy(() -> VelocityField.function(new double[] {0, 1}, new double[] {2000}))
                .hasMessageContaining("as many times as velocities");
        assertThatThrownBy(() -> VelocityField.function(new double[] {}, new double[] {}))
                .hasMessageContaining("at least one");
        assertThatThrownBy(() -> VelocityField.function(new double[] {0}, new double[] {Double.NaN}))
                .hasMessageContaining("velocities must be positive");
        assertThatThrownBy(() -> VelocityField.function(new double[] {0, 1, 0.5}, new double[] {1, 2, 3}))
                .hasMessageContaining("times must increase strictly (s), not 1.0 then 0.5");
    }
}

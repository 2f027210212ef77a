package org.seisproc.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/// The vectorised AGC gain pass against the sample-by-sample one in double: the same output to
/// float rounding, for windows shorter and longer than the trace, traces of every length around
/// the vector width, and runs of zeros (whose output must be zero, not NaN).
class VectorAgcTest {
    @ParameterizedTest
    @CsvSource({"1500, 125", "1500, 0", "1500, 1", "37, 3", "20, 9", "20, 30", "9, 0", "1001, 250"})
    void vectorAndScalarAgree(int n1, int half) {
        SplittableRandom random = new SplittableRandom(n1 * 31L + half);
        float[] x = new float[n1 + 7];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (random.nextGaussian() * Math.exp(-i / 400.0) * 1e3);
        }
        for (int i = n1 / 3; i < n1 / 3 + Math.min(n1 / 4, 2 * half + 5); i++) {
            x[3 + i] = 0; // a dead stretch: windows of zeros
        }
        float[] a = x.clone();
        float[] b = x.clone();
        double[] cum = new double[n1 + 1];
        Agc.apply(a, 3, n1, half, cum);
        // the reference: the whole trace through the scalar pass
        cum[0] = 0;
        for (int i = 0; i < n1; i++) {
            cum[i + 1] = cum[i] + (double) b[3 + i] * b[3 + i];
        }
        Agc.gain(b, 3, n1, half, cum, 0, n1);
        for (int i = 0; i < x.length; i++) {
            assertThat(a[i]).as("sample %d", i).isNotNaN().isCloseTo(b[i], within(2e-6f * Math.max(1f, Math.abs(b[i]))));
        }
    }
}

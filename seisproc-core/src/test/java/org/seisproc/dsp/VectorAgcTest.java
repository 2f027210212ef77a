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
    /// The running sums of squares, summed in four quarters side by side, are the one-chain sums
    /// to within the rounding error bound of a running sum, and stay exactly flat over runs of
    /// zeros, quarter boundaries included.
    @ParameterizedTest
    @CsvSource({"1500", "31", "32", "33", "1001", "4"})
    void quarteredRunningSumsAreTheRunningSums(int n1) {
        SplittableRandom random = new SplittableRandom(n1);
        float[] x = new float[n1];
        for (int i = 0; i < n1; i++) {
            x[i] = i > n1 / 5 && i < n1 / 2 ? 0 : (float) (random.nextGaussian() * Math.exp(-i / 400.0) * 1e3);
        }
        double[] cum = new double[n1 + 1];
        Agc.squareSums(x, 0, n1, cum);
        double sequential = 0;
        assertThat(cum[0]).isZero();
        for (int i = 0; i < n1; i++) {
            sequential += (double) x[i] * x[i];
            // each of the n1 additions of either way rounds by at most half an ulp of the total
            assertThat(cum[i + 1]).as("sum to %d", i).isCloseTo(sequential, within(n1 * Math.ulp(cum[n1])));
            if (x[i] == 0) {
                assertThat(cum[i + 1]).as("flat over zeros at %d", i).isEqualTo(cum[i]);
            }
        }
    }

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
        // the reference: the same running sums, the whole trace through the scalar pass
        Agc.squareSums(b, 3, n1, cum);
        Agc.gain(b, 3, n1, half, cum, 0, n1);
        for (int i = 0; i < x.length; i++) {
            assertThat(a[i]).as("sample %d", i).isNotNaN().isCloseTo(b[i], within(2e-6f * Math.max(1f, Math.abs(b[i]))));
        }
    }
}

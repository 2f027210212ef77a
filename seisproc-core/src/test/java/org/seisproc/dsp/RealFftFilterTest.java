package org.seisproc.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;

import org.jtransforms.fft.FloatFFT_1D;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/// [RealFft#filter] against the same filter done the long way on JTransforms: zero-pad, forward,
/// multiply the packed spectrum by H, scaled inverse, keep the first `count` samples.
class RealFftFilterTest {
    /// max |difference| / max |input|: float rounding of two different FFTs.
    private static final double TOL = 2e-6;

    static java.util.List<Boolean> variants() {
        return RealFftTest.variants();
    }

    @ParameterizedTest(name = "vector passes: {0}")
    @MethodSource("variants")
    void matchesForwardMultiplyInverseOnJTransforms(boolean vector) {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int n = 2; n <= 16384; n *= 2) {
            RealFft fft = new RealFft(n, vector);
            // any real response (not symmetric about n/4, so both halves of the pair formula count)
            float[] h = new float[n / 2 + 1];
            for (int k = 0; k < h.length; k++) {
                h[k] = (float) rnd.nextDouble();
            }
            RealFft.Response prepared = fft.prepare(h);
            for (int count : new int[] {1, n / 2 - 1, n / 2, Math.max(1, n / 2 - 17), Math.max(1, 3 * n / 8 + 1)}) {
                if (count < 1 || count > n / 2) {
                    continue;
                }
                int offset = 3;
                float[] x = new float[offset + count + 5];
                for (int i = 0; i < x.length; i++) {
                    x[i] = (float) (rnd.nextDouble() * 2 - 1);
                }
                float[] expected = reference(n, h, x, offset, count);
                float[] got = x.clone();
                fft.filter(prepared, got, offset, count);
                double err = 0;
                for (int i = 0; i < x.length; i++) {
                    err = Math.max(err, Math.abs(got[i] - expected[i]));
                }
                assertThat(err).as("n = %d, count = %d", n, count).isLessThan(TOL);
                assertThat(got[offset - 1]).as("sample before the window untouched").isEqualTo(x[offset - 1]);
                assertThat(got[offset + count]).as("sample after the window untouched").isEqualTo(x[offset + count]);
            }
        }
    }

    @Test
    void refusesWindowsLongerThanHalfTheLengthAndForeignResponses() {
        RealFft fft = new RealFft(64);
        RealFft.Response h = fft.prepare(new float[33]);
        assertThatThrownBy(() -> fft.filter(h, new float[64], 0, 33)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("half the FFT length");
        assertThatThrownBy(() -> fft.prepare(new float[32])).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("33 values");
        RealFft other = new RealFft(128);
        assertThatThrownBy(() -> other.filter(h, new float[64], 0, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("another FFT");
    }

    /// The filter on JTransforms, as Bandpass did it before RealFft.
    static float[] reference(int n, float[] h, float[] x, int offset, int count) {
        float[] a = new float[n];
        System.arraycopy(x, offset, a, 0, count);
        FloatFFT_1D fft = new FloatFFT_1D(n);
        fft.realForward(a);
        a[0] *= h[0];
        a[1] *= h[n / 2];
        for (int k = 1; k < n / 2; k++) {
            a[2 * k] *= h[k];
            a[2 * k + 1] *= h[k];
        }
        fft.realInverse(a, true);
        float[] out = x.clone();
        System.arraycopy(a, 0, out, offset, count);
        return out;
    }
}

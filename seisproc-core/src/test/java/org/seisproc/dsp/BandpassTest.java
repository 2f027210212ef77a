package org.seisproc.dsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/// [Bandpass] on [RealFft] against the previous implementation of the same filter on JTransforms
/// (kept here as the reference, [RealFftFilterTest#reference]): the same output to float rounding,
/// max |difference| < 1e-6 × max |input| (measured: 7e-8 for 5-10-50-60 Hz on 1,500 samples).
class BandpassTest {
    private static final double TOL = 1e-6;

    @Test
    void ormsbyMatchesTheJTransformsFilter() {
        for (int n1 : new int[] {1, 7, 250, 1500, 1501, 4096}) {
            check(Bandpass.ormsby(n1, 0.002, 5, 10, 50, 60), n1);
            check(Bandpass.ormsby(n1, 0.004, 0, 0, 100, 125), n1);   // up to Nyquist
        }
    }

    @Test
    void butterworthMatchesTheJTransformsFilter() {
        for (int n1 : new int[] {2, 1000, 1500}) {
            check(Bandpass.butterworth(n1, 0.002, 8, 40, 4), n1);
            check(Bandpass.butterworth(n1, 0.001, 0, 100, 2), n1);
        }
    }

    private static void check(Bandpass bp, int n1) {
        SplittableRandom rnd = new SplittableRandom(n1);
        int offset = 9;
        float[] x = new float[offset + n1 + 4];
        double max = 0;
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (rnd.nextGaussian() * 1000);
            max = Math.max(max, Math.abs(x[i]));
        }
        float[] h = bp.response();
        float[] expected = RealFftFilterTest.reference(2 * (h.length - 1), h, x, offset, n1);
        float[] got = x.clone();
        bp.apply(got, offset);
        double err = 0;
        for (int i = 0; i < x.length; i++) {
            err = Math.max(err, Math.abs(got[i] - expected[i]));
        }
        assertThat(err / max).as("n1 = %d", n1).isLessThan(TOL);
    }
}

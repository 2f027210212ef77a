package org.seisproc.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/// The vectorised linear NMO against the sample-by-sample one in double: same output to float
/// rounding, on random traces, for zero and large offsets, with and without a stretch mute, a
/// trace shorter than two vectors, a length that is no multiple of the lanes, a first sample
/// after time zero, and a velocity inversion steep enough to send vectors to the fallback.
class VectorNmoTest {
    @ParameterizedTest
    @CsvSource({"1500, 0.002, 0, 0, 0.5, false", "1500, 0.002, 0, 1200, 0.5, false", "1500, 0.002, 0, 3000, Infinity, false",
            "1001, 0.004, 0.1, 2500, 0.3, false", "20, 0.004, 0, 50, Infinity, false", "37, 0.002, 0, 0, Infinity, false",
            "1500, 0.002, 0, 2000, Infinity, true", "777, 0.001, 0.05, 600, 1.0, true"})
    void vectorAndScalarAgree(int n1, double dt, double first, double offset, double maxStretch, boolean inversion) {
        Sampling time = new Sampling(n1, dt, first);
        float[] v = new float[n1];
        for (int i = 0; i < n1; i++) {
            double t = time.value(i);
            // an inversion: velocity falling from 3000 to 1200 m/s around t = 0.3 s, then rising
            v[i] = (float) (inversion ? (t < 0.3 ? 3000 : Math.max(1200, 3000 - 18000 * (t - 0.3)) + 800 * Math.max(0, t - 0.5))
                    : 1500 + 900 * t);
        }
        Nmo.Terms terms = new Nmo.Terms(time);
        terms.velocities(v);
        SplittableRandom random = new SplittableRandom(n1);
        int traces = 3;
        float[] in = new float[traces * n1];
        for (int i = 0; i < in.length; i++) {
            in[i] = (float) random.nextGaussian();
        }
        for (int t = 0; t < traces; t++) {
            float[] a = new float[n1 + 5];
            float[] b = new float[n1 + 5];
            VectorNmo.forward(in, t * n1, a, 5, terms, offset, maxStretch);
            Nmo.forwardScalar(in, t * n1, b, 5, terms, offset, maxStretch, false);
            int nonZero = 0;
            for (int k = 0; k < n1; k++) {
                // white noise (adjacent samples differ by up to ~4): 5e-4 is a position error of ~1e-4
                // sample, the resolution of a float position near sample 1,000
                assertThat(a[5 + k]).as("trace %d sample %d", t, k).isCloseTo(b[5 + k], within(5e-4f));
                nonZero += b[5 + k] != 0 ? 1 : 0;
            }
            assertThat(nonZero).as("something passes the mute").isPositive();
        }
    }
}

package org.seisproc.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;

import org.jtransforms.fft.FloatFFT_1D;
import org.junit.jupiter.api.Test;

/// [RealFft] against a double-precision DFT (direct sums up to n = 4096; above, a double radix-2
/// FFT, itself checked against the direct sums) and against JTransforms, on random data.
class RealFftTest {
    /// Float rounding: max |error| / max |X| over the spectrum.
    private static final double TOL = 1e-5;

    /// The scalar passes always; the vector passes too when this JVM can run them.
    static java.util.List<Boolean> variants() {
        return RealFft.vectorised() ? java.util.List.of(false, true) : java.util.List.of(false);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "vector passes: {0}")
    @org.junit.jupiter.params.provider.MethodSource("variants")
    void forwardMatchesDoublePrecisionDftAndJTransforms(boolean vector) {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int n = 2; n <= 65536; n *= 2) {
            float[] x = random(rnd, n);
            double[][] ref = n <= 4096 ? directDft(x) : fftDouble(x);
            float[] a = x.clone();
            new RealFft(n, vector).realForward(a);
            float[] b = x.clone();
            new FloatFFT_1D(n).realForward(b);
            double scale = maxAbs(ref);
            assertThat(maxError(a, ref) / scale).as("n = %d against the double DFT", n).isLessThan(TOL);
            assertThat(maxDifference(a, b) / scale).as("n = %d against JTransforms", n).isLessThan(TOL);
        }
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "vector passes: {0}")
    @org.junit.jupiter.params.provider.MethodSource("variants")
    void inverseUndoesForwardAndScalesAsJTransforms(boolean vector) {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int n = 2; n <= 65536; n *= 2) {
            float[] x = random(rnd, n);
            RealFft fft = new RealFft(n, vector);
            float[] a = x.clone();
            fft.realForward(a);
            float[] spectrum = a.clone();
            fft.realInverse(a, true);
            assertThat(maxDifference(a, x) / maxAbs(x)).as("round trip n = %d", n).isLessThan(TOL);
            float[] ours = spectrum.clone();
            fft.realInverse(ours, false);
            float[] theirs = spectrum.clone();
            new FloatFFT_1D(n).realInverse(theirs, false);
            assertThat(maxDifference(ours, theirs) / maxAbs(theirs)).as("unscaled inverse n = %d against JTransforms", n)
                    .isLessThan(TOL);
        }
    }

    @Test
    void theTestJvmHasTheVectorPasses() {
        // the build passes --add-modules jdk.incubator.vector to the tests; on a machine without
        // 16 float lanes only the scalar passes can be checked
        org.junit.jupiter.api.Assumptions.assumeTrue(jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.length() == 16);
        assertThat(RealFft.vectorised()).isTrue();
    }

    @Test
    void knownSpectraOfSmallSizes() {
        float[] a = {3, 1};
        new RealFft(2).realForward(a);
        assertThat(a).containsExactly(4f, 2f);
        float[] b = {1, 2, 3, 4};
        new RealFft(4).realForward(b);
        // X0 = 10, X2 = −2, X1 = (1 − 3) + i(4 − 2)·… = −2 + 2i
        assertThat(b).containsExactly(10f, -2f, -2f, 2f);
        new RealFft(4).realInverse(b, true);
        assertThat(b).containsExactly(1f, 2f, 3f, 4f);
    }

    @Test
    void refusesLengthsThatAreNotPowersOfTwo() {
        assertThatThrownBy(() -> new RealFft(12)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("power of two");
        assertThatThrownBy(() -> new RealFft(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RealFft(8).realForward(new float[4])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shorter");
    }

    @Test
    void doubleReferenceAgreesWithDirectSums() {
        float[] x = random(new SplittableRandom(3), 512);
        double[][] a = directDft(x);
        double[][] b = fftDouble(x);
        for (int k = 0; k < a[0].length; k++) {
            assertThat(b[0][k]).isCloseTo(a[0][k], org.assertj.core.data.Offset.offset(1e-9));
            assertThat(b[1][k]).isCloseTo(a[1][k], org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    /// max |a[i] − b[i]|.
    static double maxDifference(float[] a, float[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d = Math.max(d, Math.abs(a[i] - b[i]));
        }
        return d;
    }

    /// max |x[i]|.
    static double maxAbs(float[] x) {
        double m = 0;
        for (float v : x) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    static float[] random(SplittableRandom rnd, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (rnd.nextDouble() * 2 - 1);
        }
        return x;
    }

    /// X_k for k = 0 … n/2 as {re[], im[]} by direct summation (angles reduced exactly mod n).
    static double[][] directDft(float[] x) {
        int n = x.length;
        double[][] out = new double[2][n / 2 + 1];
        for (int k = 0; k <= n / 2; k++) {
            double sr = 0;
            double si = 0;
            for (int j = 0; j < n; j++) {
                double a = -2 * Math.PI * (((long) j * k) % n) / n;
                sr += x[j] * Math.cos(a);
                si += x[j] * Math.sin(a);
            }
            out[0][k] = sr;
            out[1][k] = si;
        }
        return out;
    }

    /// X_k for k = 0 … n/2 by a textbook recursive radix-2 FFT in double precision.
    static double[][] fftDouble(float[] x) {
        int n = x.length;
        double[] r = new double[n];
        double[] i = new double[n];
        for (int j = 0; j < n; j++) {
            r[j] = x[j];
        }
        recurse(r, i);
        double[][] out = new double[2][n / 2 + 1];
        System.arraycopy(r, 0, out[0], 0, n / 2 + 1);
        System.arraycopy(i, 0, out[1], 0, n / 2 + 1);
        return out;
    }

    private static void recurse(double[] r, double[] i) {
        int n = r.length;
        if (n == 1) {
            return;
        }
        double[] er = new double[n / 2];
        double[] ei = new double[n / 2];
        double[] or = new double[n / 2];
        double[] oi = new double[n / 2];
        for (int j = 0; j < n / 2; j++) {
            er[j] = r[2 * j];
            ei[j] = i[2 * j];
            or[j] = r[2 * j + 1];
            oi[j] = i[2 * j + 1];
        }
        recurse(er, ei);
        recurse(or, oi);
        for (int k = 0; k < n / 2; k++) {
            double a = -2 * Math.PI * k / n;
            double c = Math.cos(a);
            double s = Math.sin(a);
            double tr = c * or[k] - s * oi[k];
            double ti = c * oi[k] + s * or[k];
            r[k] = er[k] + tr;
            i[k] = ei[k] + ti;
            r[k + n / 2] = er[k] - tr;
            i[k + n / 2] = ei[k] - ti;
        }
    }

    /// max |a_k − ref_k| over the packed layout.
    static double maxError(float[] a, double[][] ref) {
        int n = a.length;
        double e = Math.max(Math.abs(a[0] - ref[0][0]), Math.abs(a[1] - ref[0][n / 2]));
        e = Math.max(e, Math.abs(ref[1][0]));
        for (int k = 1; k < n / 2; k++) {
            e = Math.max(e, Math.abs(a[2 * k] - ref[0][k]));
            e = Math.max(e, Math.abs(a[2 * k + 1] - ref[1][k]));
        }
        return e;
    }

    static double maxAbs(double[][] ref) {
        double m = 0;
        for (int k = 0; k < ref[0].length; k++) {
            m = Math.max(m, Math.hypot(ref[0][k], ref[1][k]));
        }
        return m;
    }
}

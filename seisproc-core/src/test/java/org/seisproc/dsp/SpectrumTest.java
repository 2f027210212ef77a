package org.seisproc.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/// [Spectrum] against a direct DFT (power, dominant frequency, rms bandwidth) and its rules for
/// ties: the first largest bin wins, Nyquist only when strictly largest, 0 Hz for a flat window.
class SpectrumTest {
    private static final double DT = 0.002;

    @Test
    void powerDominantAndBandwidthEqualADirectDft() {
        SplittableRandom r = new SplittableRandom(7);
        for (int m : new int[] {1, 2, 3, 31, 64, 100, 1500}) {
            float[] x = new float[m + 5];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) r.nextGaussian();
            }
            Spectrum s = new Spectrum(m, DT);
            s.compute(x, 2, 3);
            int nfft = s.nfft();
            double mean = 0;
            for (int i = 0; i < m; i++) {
                mean += x[5 + i];
            }
            float fm = (float) (mean / m);
            double[] p = new double[nfft / 2 + 1];
            for (int k = 0; k <= nfft / 2; k++) {
                double re = 0;
                double im = 0;
                for (int i = 0; i < m; i++) {
                    double v = x[5 + i] - fm;
                    re += v * Math.cos(2 * Math.PI * k * i / nfft);
                    im -= v * Math.sin(2 * Math.PI * k * i / nfft);
                }
                p[k] = re * re + im * im;
            }
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            int best = 0;
            for (int k = 0; k <= nfft / 2; k++) {
                assertThat(s.power()[k]).as("m=%d k=%d", m, k).isCloseTo(p[k], within(1e-3 * (1 + p[k])));
                s0 += p[k];
                s1 += k * p[k];
                s2 += (double) k * k * p[k];
                if (k >= 1 && p[k] > (best == 0 ? 0 : p[best])) {
                    best = k;
                }
            }
            assertThat(s.dominantHz()).as("m=%d", m).isEqualTo(best * s.df());
            double fc = s0 > 0 ? s1 / s0 : 0;
            double bw = s0 > 0 ? s.df() * Math.sqrt(Math.max(0, s2 / s0 - fc * fc)) : 0;
            assertThat(s.bandwidthHz()).as("m=%d", m).isCloseTo(bw, within(1e-4 * (1 + bw)));
        }
    }

    @Test
    void tiesGoToTheLowerFrequencyAndAFlatWindowHasNone() {
        int n = 16;
        Spectrum s = new Spectrum(n, DT);
        // cos at bin 2 and at Nyquist, equal power: bin 2 wins the tie
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (Math.cos(2 * Math.PI * 2 * i / n) + (i % 2 == 0 ? 0.5 : -0.5));
        }
        s.compute(x, 0, 0);
        assertThat(s.power()[2]).isCloseTo(s.power()[n / 2], within(1e-3));
        assertThat(s.dominantHz()).isEqualTo(2 * s.df());
        // Nyquist alone, strictly largest
        for (int i = 0; i < n; i++) {
            x[i] = i % 2 == 0 ? 1 : -1;
        }
        s.compute(x, 0, 0);
        assertThat(s.dominantHz()).isEqualTo(n / 2 * s.df());
        // two equal inner peaks: the first
        for (int i = 0; i < n; i++) {
            x[i] = (float) (Math.cos(2 * Math.PI * 3 * i / n) + Math.cos(2 * Math.PI * 5 * i / n));
        }
        s.compute(x, 0, 0);
        assertThat(s.dominantHz()).isEqualTo(3 * s.df());
        java.util.Arrays.fill(x, 4f);
        s.compute(x, 0, 0);
        assertThat(s.dominantHz()).isZero();
        assertThat(s.bandwidthHz()).isZero();
    }
}

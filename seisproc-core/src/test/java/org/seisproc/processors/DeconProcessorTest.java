package org.seisproc.processors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.seisproc.processors.TestSteps.assertRefuses;
import static org.seisproc.processors.TestSteps.gather;
import static org.seisproc.processors.TestSteps.init;
import static org.seisproc.processors.TestSteps.problems;
import static org.seisproc.processors.TestSteps.setTrace;
import static org.seisproc.processors.TestSteps.trace;

import org.junit.jupiter.api.Test;
import org.seisproc.ensemble.Gather;
import org.seisproc.engine.Processor;

class DeconProcessorTest {
    private static final int N1 = 250;
    private static final double DT = 0.004;

    /// `reflectivity` convolved with `wavelet` (truncated to N1).
    private static float[] convolve(float[] reflectivity, double[] wavelet) {
        float[] x = new float[N1];
        for (int i = 0; i < N1; i++) {
            for (int k = 0; k < wavelet.length && k <= i; k++) {
                x[i] += (float) (wavelet[k] * reflectivity[i - k]);
            }
        }
        return x;
    }

    private static float[] spikes(int[] at, float[] values) {
        float[] r = new float[N1];
        for (int i = 0; i < at.length; i++) {
            r[at[i]] = values[i];
        }
        return r;
    }

    @Test
    void spikingDeconCollapsesAMinimumPhaseWaveletToASpike() {
        // w = 1, 0.5, 0.25, … (minimum phase; its inverse is the two-point filter [1, -0.5])
        double[] wavelet = new double[40];
        for (int k = 0; k < wavelet.length; k++) {
            wavelet[k] = Math.pow(0.5, k);
        }
        float[] reflectivity = spikes(new int[] {20, 80, 140}, new float[] {1, -0.6f, 0.4f});
        Processor decon = init(DeconProcessor.SPEC, "{'operatorMs': 40}", N1, DT);
        Gather g = gather(N1, 2);
        setTrace(g, 1, convolve(reflectivity, wavelet));
        assertThat(trace(g, 1)[21]).isEqualTo(0.5f);
        decon.process(g);
        float[] y = trace(g, 1);
        for (int i1 = 0; i1 < N1; i1++) {
            // 1 % prewhitening leaves a residue of about 0.005 next to each spike
            assertThat((double) y[i1]).as("sample %d", i1).isCloseTo(reflectivity[i1], within(0.01));
        }
        assertThat(trace(g, 0)).as("a dead trace stays zero, no NaN").containsOnly(0f);
    }

    @Test
    void predictiveDeconWithTheMultiplePeriodAsGapRemovesMultiplesAndKeepsTheWavelet() {
        // a primary with wavelet (1, 0.6, 0.2) and its multiples every 15 samples (60 ms), reflection -0.5
        double[] wavelet = {1, 0.6, 0.2};
        float[] train = new float[N1];
        for (int k = 0; 20 + 15 * k < N1; k++) {
            train[20 + 15 * k] = (float) Math.pow(-0.5, k);
        }
        float[] x = convolve(train, wavelet);
        float[] primary = convolve(spikes(new int[] {20}, new float[] {1}), wavelet);

        Processor predictive = init(DeconProcessor.SPEC, "{'operatorMs': 40, 'gapMs': 60, 'prewhiteningPercent': 0.1}", N1, DT);
        Gather g = gather(N1, 1);
        setTrace(g, 0, x);
        predictive.process(g);
        float[] y = trace(g, 0);
        for (int i1 = 0; i1 < N1; i1++) {
            assertThat((double) y[i1]).as("sample %d", i1).isCloseTo(primary[i1], within(0.005));
        }
        assertThat(Math.abs(x[35])).as("the first multiple was there").isGreaterThan(0.45f);

        Processor spiking = init(DeconProcessor.SPEC, "{'operatorMs': 40, 'prewhiteningPercent': 0.1}", N1, DT);
        setTrace(g, 0, x);
        spiking.process(g);
        assertThat(Math.abs(trace(g, 0)[21])).as("a one-sample gap shortens the wavelet too").isLessThan(0.01f);
    }

    @Test
    void badLengthsAndPrewhiteningAreRejectedByName() {
        assertThat(problems(DeconProcessor.SPEC, "{'operatorMs': '120'}")).singleElement().asString()
                .contains("'operatorMs' must be a number (ms)");
        assertRefuses(DeconProcessor.SPEC, "{'operatorMs': 0}", N1, DT)
                .hasMessageContaining("operatorMs");
        assertRefuses(DeconProcessor.SPEC, "{'gapMs': -8}", N1, DT)
                .hasMessageContaining("gapMs");
        assertRefuses(DeconProcessor.SPEC, "{'prewhiteningPercent': -1}", N1, DT)
                .hasMessageContaining("prewhiteningPercent");
    }

}

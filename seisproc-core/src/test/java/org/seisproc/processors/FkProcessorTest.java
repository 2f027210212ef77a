package org.seisproc.processors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.seisproc.processors.TestSteps.assertRefuses;
import static org.seisproc.processors.TestSteps.gather;
import static org.seisproc.processors.TestSteps.init;
import static org.seisproc.processors.TestSteps.trace;

import org.junit.jupiter.api.Test;
import org.seisproc.ensemble.Gather;
import org.seisproc.engine.Processor;

class FkProcessorTest {
    private static final int N1 = 256;
    private static final double DT = 0.004;
    private static final double DX = 5;          // m between traces
    private static final double SLOW = 500;      // m/s, the dipping event (ground-roll-like)
    private static final double FLAT_T = 0.75;   // s
    private static final String FILTER = "{'vReject': 800, 'vPass': 1200, 'traceSpacing': 5}";

    /// A 20 Hz Ricker wavelet centred at `t0` s.
    private static double ricker(double t, double t0) {
        double a = Math.PI * 20 * (t - t0);
        return (1 - 2 * a * a) * Math.exp(-a * a);
    }

    /// `n2` traces with a flat event at FLAT_T (if `flat`) and an event dipping at SLOW m/s from 0.2 s (if `dipping`).
    private static Gather events(int n2, boolean flat, boolean dipping) {
        Gather g = gather(N1, n2);
        for (int i2 = 0; i2 < n2; i2++) {
            for (int i1 = 0; i1 < N1; i1++) {
                double t = i1 * DT;
                g.samples()[i2 * N1 + i1] = (float) ((flat ? ricker(t, FLAT_T) : 0) + (dipping ? ricker(t, 0.2 + i2 * DX / SLOW) : 0));
            }
        }
        return g;
    }

    /// rms of the middle traces (away from the gather's edges) over all samples.
    private static double middleRms(Gather g) {
        int n2 = g.n2();
        return TestSteps.rms(g.samples(), n2 / 4 * N1, (n2 - n2 / 4) * N1);
    }

    @Test
    void removesAnEventSlowerThanTheRejectVelocityAndKeepsAFlatOne() {
        Processor fk = init(FkProcessor.SPEC, FILTER, N1, DT);
        Gather flatOnly = events(32, true, false);
        Gather both = events(32, true, true);
        Gather dippingOnly = events(32, false, true);
        double dippingBefore = middleRms(dippingOnly);
        fk.process(both);
        fk.process(dippingOnly);
        assertThat(middleRms(dippingOnly) / dippingBefore).as("dipping event left").isLessThan(0.05);
        // in the middle traces the filtered gather is the flat event alone
        double flatRms = middleRms(flatOnly);
        for (int i2 = 8; i2 < 24; i2++) {
            float[] y = trace(both, i2);
            float[] flat = trace(flatOnly, i2);
            double diff = 0;
            for (int i1 = 0; i1 < N1; i1++) {
                diff += (y[i1] - flat[i1]) * (y[i1] - flat[i1]);
            }
            assertThat(Math.sqrt(diff / N1) / flatRms).as("trace %d", i2).isLessThan(0.1);
        }
    }

    @Test
    void aFasterThanPassVelocityEventIsKept() {
        Processor fk = init(FkProcessor.SPEC, "{'vReject': 100, 'vPass': 200, 'traceSpacing': 5}", N1, DT);
        Gather g = events(32, false, true);   // 500 m/s now passes
        double before = middleRms(g);
        fk.process(g);
        assertThat(middleRms(g) / before).isCloseTo(1.0, org.assertj.core.api.Assertions.within(0.01));
    }

    @Test
    void gathersOfDifferentSizesAndSingleTracesAreHandled() {
        Processor fk = init(FkProcessor.SPEC, FILTER, N1, DT);
        Gather big = events(32, false, true);
        double before = middleRms(big);
        fk.process(big);
        Gather small = events(20, false, true);
        double smallBefore = middleRms(small);
        fk.process(small);
        assertThat(middleRms(small) / smallBefore).isLessThan(0.08);
        assertThat(middleRms(big) / before).isLessThan(0.05);

        Gather single = events(1, true, true);
        float[] original = trace(single, 0);
        fk.process(single);
        assertThat(trace(single, 0)).as("one trace has no wavenumbers: left alone").containsExactly(original);
    }

    @Test
    void velocitiesAndSpacingAreCheckedByName() {
        assertRefuses(FkProcessor.SPEC, "{'vReject': 1200, 'vPass': 800}", N1, DT)
                .hasMessageContaining("vReject").hasMessageContaining("vPass");
        assertRefuses(FkProcessor.SPEC, "{'vReject': -1}", N1, DT)
                .hasMessageContaining("vReject");
        assertRefuses(FkProcessor.SPEC, "{'traceSpacing': 0}", N1, DT)
                .hasMessageContaining("traceSpacing");
    }

}

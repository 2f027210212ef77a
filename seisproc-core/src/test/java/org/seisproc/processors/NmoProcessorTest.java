package org.seisproc.processors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.seisproc.processors.TestSteps.context;
import static org.seisproc.processors.TestSteps.gather;
import static org.seisproc.processors.TestSteps.init;
import static org.seisproc.processors.TestSteps.parameters;
import static org.seisproc.processors.TestSteps.peak;
import static org.seisproc.processors.TestSteps.problems;
import static org.seisproc.processors.TestSteps.setHeader;
import static org.seisproc.processors.TestSteps.trace;

import org.junit.jupiter.api.Test;
import org.seisproc.ensemble.Gather;
import org.seisproc.engine.Processor;
import org.seisproc.segy.TraceField;

class NmoProcessorTest {
    private static final int N1 = 251;
    private static final double DT = 0.004;   // 0 … 1 s
    private static final double T0 = 0.4;     // zero-offset time of the event, sample 100
    private static final String CONSTANT = "{'velocities': [{'cdp': 1, 'times': [0], 'velocities': [2000]}]}";

    /// A Gaussian pulse (σ = 8 ms) centred at `t` seconds, sampled at DT.
    private static void pulse(Gather g, int i2, double t) {
        for (int i1 = 0; i1 < N1; i1++) {
            double u = (i1 * DT - t) / 0.008;
            g.samples()[i2 * N1 + i1] = (float) Math.exp(-u * u);
        }
    }

    /// A hyperbola t(x) = sqrt(t0² + x²/v²) over offsets `offsets` at CDP `cdp`.
    private static Gather hyperbola(long[] offsets, long cdp, double v) {
        Gather g = gather(N1, offsets.length);
        for (int i2 = 0; i2 < offsets.length; i2++) {
            double x = offsets[i2];
            pulse(g, i2, Math.sqrt(T0 * T0 + x * x / (v * v)));
            setHeader(g, i2, TraceField.OFFSET, offsets[i2]);
            setHeader(g, i2, TraceField.ENSEMBLE_NUMBER, cdp);
        }
        return g;
    }

    @Test
    void flattensAHyperbolaToItsZeroOffsetTimeWithinASample() {
        Processor nmo = init(NmoProcessor.SPEC, CONSTANT, N1, DT);
        long[] offsets = {0, 300, -600, 800};
        Gather g = hyperbola(offsets, 1, 2000);
        assertThat(peak(trace(g, 3))).as("before NMO the far trace peaks at sqrt(0.16 + 0.16) s").isEqualTo(141);
        nmo.process(g);
        for (int i2 = 0; i2 < offsets.length; i2++) {
            float[] y = trace(g, i2);
            assertThat(peak(y)).as("trace at offset %d", offsets[i2]).isBetween(99, 101);
            // linear interpolation between samples lowers the 8 ms pulse's peak a little (0.94 at 800 m)
            assertThat((double) y[100]).as("trace at offset %d", offsets[i2]).isCloseTo(1.0, within(0.08));
        }
    }

    @Test
    void velocitiesAreInterpolatedBetweenControlCdpsAndConstantBeyond() {
        Processor nmo = init(NmoProcessor.SPEC, "{'velocities': [{'cdp': 10, 'times': [0, 1], 'velocities': [1500, 1500]},"
                + " {'cdp': 20, 'times': [0, 1], 'velocities': [2500, 2500]}]}", N1, DT);
        long[] offsets = {600};
        for (long[] cdpAndVelocity : new long[][] {{15, 2000}, {5, 1500}, {30, 2500}, {12, 1700}}) {
            Gather g = hyperbola(offsets, cdpAndVelocity[0], cdpAndVelocity[1]);
            nmo.process(g);
            assertThat(peak(trace(g, 0))).as("cdp %d", cdpAndVelocity[0]).isBetween(99, 101);
        }
        Gather wrong = hyperbola(offsets, 20, 1500);   // corrected with 2500 m/s: under-corrected
        nmo.process(wrong);
        assertThat(peak(trace(wrong, 0))).isGreaterThan(105);
    }

    @Test
    void stretchMuteZeroesSamplesStretchedMoreThanTheLimit() {
        Processor nmo = init(NmoProcessor.SPEC, CONSTANT.replace("}]}", "}], 'maxStretchPercent': 50}"), N1, DT);
        Gather g = gather(N1, 1);
        java.util.Arrays.fill(g.samples(), 0, N1, 1f);
        setHeader(g, 0, TraceField.OFFSET, 800);   // x/v = 0.4 s
        nmo.process(g);
        float[] y = trace(g, 0);
        for (int i1 = 0; i1 < N1; i1++) {
            double t0 = i1 * DT;
            double tx = Math.sqrt(t0 * t0 + 0.16);
            boolean muted = t0 == 0 || (tx - t0) / t0 > 0.5;   // t0 < 0.3578 s: samples 0 … 89
            boolean beyondTrace = tx > (N1 - 1) * DT;           // t0 > 0.9165 s
            assertThat(y[i1]).as("sample %d", i1).isEqualTo(muted || beyondTrace ? 0f : 1f);
        }
        assertThat(y[89]).isZero();
        assertThat(y[90]).isEqualTo(1f);
    }

    @Test
    void inverseTurnsAFlatEventBackIntoTheHyperbola() {
        Processor inverse = init(NmoProcessor.SPEC, CONSTANT.replace("}]}", "}], 'inverse': true}"), N1, DT);
        Gather g = gather(N1, 2);
        long[] offsets = {0, 800};
        for (int i2 = 0; i2 < 2; i2++) {
            pulse(g, i2, T0);
            setHeader(g, i2, TraceField.OFFSET, offsets[i2]);
            setHeader(g, i2, TraceField.ENSEMBLE_NUMBER, 1);
        }
        inverse.process(g);
        assertThat(peak(trace(g, 0))).isEqualTo(100);
        assertThat(peak(trace(g, 1))).as("sqrt(0.4² + 800²/2000²) = 0.5657 s = sample 141.4").isBetween(141, 142);
    }

    @Test
    void badVelocitiesAndStretchAreRejectedByName() {
        assertThat(problems(NmoProcessor.SPEC, "{}")).singleElement().asString().contains("'velocities' is required");
        assertThat(problems(NmoProcessor.SPEC, CONSTANT.replace("}]}", "}], 'inverse': 'yes'}"))).singleElement().asString()
                .contains("'inverse' must be true or false");
        for (String bad : new String[] {
                "[]",
                "'fast'",
                "[{'cdp': 20, 'times': [0], 'velocities': [2000]}, {'cdp': 10, 'times': [0], 'velocities': [2000]}]",
                "[{'times': [0], 'velocities': [2000]}]",
                "[{'cdp': 1, 'times': [0, 1], 'velocities': [2000]}]",
                "[{'cdp': 1, 'times': [0, 1], 'velocities': [2000, -1]}]",
                "[{'cdp': 1, 'times': [1, 0], 'velocities': [2000, 2500]}]",
                "[{'cdp': 1, 'times': ['0'], 'velocities': [2000]}]"}) {
            assertThatThrownBy(() -> initWith("{'velocities': " + bad + "}")).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'velocities'");
        }
        assertThatThrownBy(() -> initWith(CONSTANT.replace("}]}", "}], 'maxStretchPercent': -5}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxStretchPercent");
    }

    private static void initWith(String json) {
        NmoProcessor.SPEC.factory().get().init(parameters(NmoProcessor.SPEC, json), context(N1, DT));
    }
}

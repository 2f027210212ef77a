package org.seisproc.processors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.seisproc.processors.TestSteps.assertRefuses;
import static org.seisproc.processors.TestSteps.gather;
import static org.seisproc.processors.TestSteps.init;
import static org.seisproc.processors.TestSteps.problems;
import static org.seisproc.processors.TestSteps.trace;

import org.junit.jupiter.api.Test;
import org.seisproc.ensemble.Gather;
import org.seisproc.engine.Processor;

class BandpassProcessorTest {
    private static final int N1 = 500;
    private static final double DT = 0.002;          // Nyquist 250 Hz
    private static final int FROM = 100;             // the middle 0.6 s, away from the trace ends:
    private static final int TO = 400;               // whole cycles of 30 Hz (18) and 120 Hz (72)

    private static double sine(double hz, int i1) {
        return Math.sin(2 * Math.PI * hz * i1 * DT + 0.7);
    }

    /// Amplitude of the `hz` component of `y` over [FROM, TO) (least squares on whole cycles).
    private static double amplitude(float[] y, double hz) {
        double s = 0;
        double c = 0;
        for (int i1 = FROM; i1 < TO; i1++) {
            s += y[i1] * Math.sin(2 * Math.PI * hz * i1 * DT);
            c += y[i1] * Math.cos(2 * Math.PI * hz * i1 * DT);
        }
        return 2 * Math.hypot(s, c) / (TO - FROM);
    }

    /// Trace 0: 30 Hz + 120 Hz; trace 1: 120 Hz only.
    private static Gather inAndOutOfBand() {
        Gather g = gather(N1, 2);
        for (int i1 = 0; i1 < N1; i1++) {
            g.samples()[i1] = (float) (sine(30, i1) + sine(120, i1));
            g.samples()[N1 + i1] = (float) sine(120, i1);
        }
        return g;
    }

    @Test
    void ormsbyKeepsTheInBandSineUnchangedInPhaseAndRemovesTheOutOfBandOne() {
        Processor bandpass = init(BandpassProcessor.SPEC, "{'f1': 10, 'f2': 15, 'f3': 50, 'f4': 70}", N1, DT);
        Gather g = inAndOutOfBand();
        assertThat(amplitude(trace(g, 0), 120)).isCloseTo(1.0, within(1e-3));
        bandpass.process(g);
        float[] y = trace(g, 0);
        assertThat(amplitude(y, 30)).isCloseTo(1.0, within(0.005));
        assertThat(amplitude(y, 120)).isLessThan(1e-3);
        for (int i1 = FROM; i1 < TO; i1++) {
            assertThat((double) y[i1]).as("sample %d: zero phase", i1).isCloseTo(sine(30, i1), within(0.01));
        }
        assertThat(TestSteps.rms(trace(g, 1), FROM, TO)).as("trace 1: only 120 Hz").isLessThan(1e-3);
    }

    @Test
    void butterworthPassesBySquaredMagnitudeOfTheAnalogResponse() {
        Processor bandpass = init(BandpassProcessor.SPEC, "{'type': 'butterworth', 'lowHz': 8, 'highHz': 40, 'order': 4}", N1, DT);
        Gather g = inAndOutOfBand();
        bandpass.process(g);
        float[] y = trace(g, 0);
        double expected = 1 / (1 + Math.pow(30.0 / 40, 8)) / (1 + Math.pow(8.0 / 30, 8));   // 0.909
        assertThat(amplitude(y, 30)).isCloseTo(expected, within(0.005));
        assertThat(amplitude(y, 120)).isCloseTo(1 / (1 + Math.pow(120.0 / 40, 8)), within(3e-5));   // 1.5e-4
        for (int i1 = FROM; i1 < TO; i1++) {
            assertThat((double) y[i1]).as("sample %d: zero phase", i1).isCloseTo(expected * sine(30, i1), within(0.01));
        }
        assertThat(TestSteps.rms(trace(g, 1), FROM, TO)).isLessThan(1e-3);
    }

    @Test
    void defaultsAreAnOrmsbyFiveTenSixtyEighty() {
        Processor bandpass = init(BandpassProcessor.SPEC, "{}", N1, DT);
        Gather g = inAndOutOfBand();
        bandpass.process(g);
        assertThat(amplitude(trace(g, 0), 30)).isCloseTo(1.0, within(0.005));
        assertThat(amplitude(trace(g, 0), 120)).isLessThan(1e-3);
    }

    @Test
    void badTypeAndOrderAreRejectedByName() {
        assertRefuses(BandpassProcessor.SPEC, "{'type': 'chebyshev'}", N1, DT)
                .hasMessageContaining("type").hasMessageContaining("'chebyshev'");
        assertRefuses(BandpassProcessor.SPEC, "{'type': 'butterworth', 'order': 0}", N1, DT)
                .hasMessageContaining("order");
        assertThat(problems(BandpassProcessor.SPEC, "{'order': 2.5}")).singleElement().asString()
                .contains("'order' must be a whole number");
        assertThat(problems(BandpassProcessor.SPEC, "{'f3': 'sixty'}")).singleElement().asString()
                .contains("'f3' must be a number (Hz)");
    }

}

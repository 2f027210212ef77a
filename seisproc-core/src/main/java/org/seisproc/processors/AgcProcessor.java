package org.seisproc.processors;

import java.util.List;

import org.seisproc.dsp.Agc;
import org.seisproc.ensemble.Gather;
import org.seisproc.engine.ParameterSpec;
import org.seisproc.engine.Parameters;
import org.seisproc.engine.ProcessingContext;
import org.seisproc.engine.Processor;
import org.seisproc.engine.ProcessorSpec;

/// Automatic gain control with a centred rms window.
public final class AgcProcessor implements Processor {
    public static final ProcessorSpec SPEC = new ProcessorSpec("agc", "automatic gain control: divide by the rms of a centred window",
            List.of(ParameterSpec.number("windowMs", "ms", 500.0, "window length")), false, AgcProcessor::new);

    private int half;
    private double[] work;

    @Override
    public void init(Parameters p, ProcessingContext context) {
        double window = p.number("windowMs") / 1000.0;
        if (!(window > 0)) {
            throw new IllegalArgumentException("agc: windowMs must be positive");
        }
        half = (int) Math.round(window / 2 / context.time().interval());
        work = new double[context.samplesPerTrace() + 1];
    }

    @Override
    public void process(Gather g) {
        for (int i2 = 0; i2 < g.n2(); i2++) {
            Agc.apply(g.samples(), i2 * g.n1(), g.n1(), half, work);
        }
    }
}

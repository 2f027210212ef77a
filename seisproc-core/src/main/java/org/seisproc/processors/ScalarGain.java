package org.seisproc.processors;

import java.util.List;

import org.seisproc.dsp.Gain;
import org.seisproc.ensemble.Gather;
import org.seisproc.engine.ParameterSpec;
import org.seisproc.engine.Parameters;
import org.seisproc.engine.ProcessingContext;
import org.seisproc.engine.Processor;
import org.seisproc.engine.ProcessorSpec;

/// Multiplies every sample by a constant.
public final class ScalarGain implements Processor {
    public static final ProcessorSpec SPEC = new ProcessorSpec("scale", "multiply every sample by a constant factor",
            List.of(ParameterSpec.number("factor", "", null, "the factor")), false, ScalarGain::new);

    private float factor;

    @Override
    public void init(Parameters p, ProcessingContext context) {
        factor = (float) p.number("factor");
    }

    @Override
    public void process(Gather g) {
        Gain.scale(g.samples(), 0, g.n1() * g.n2(), factor);
    }
}

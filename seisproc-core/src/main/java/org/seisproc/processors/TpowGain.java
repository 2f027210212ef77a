package org.seisproc.processors;

import java.util.List;

import org.seisproc.dsp.Gain;
import org.seisproc.dsp.Sampling;
import org.seisproc.ensemble.Gather;
import org.seisproc.engine.ParameterSpec;
import org.seisproc.engine.Parameters;
import org.seisproc.engine.ProcessingContext;
import org.seisproc.engine.Processor;
import org.seisproc.engine.ProcessorSpec;

/// t^n gain: each sample times t^power (t in seconds).
public final class TpowGain implements Processor {
    public static final ProcessorSpec SPEC = new ProcessorSpec("tpow", "t-power gain: multiply each sample by t^power (t in s)",
            List.of(ParameterSpec.number("power", "", 2.0, "the exponent n of t^n")), false, TpowGain::new);

    private double power;
    private Sampling time;

    @Override
    public void init(Parameters p, ProcessingContext context) {
        power = p.number("power");
        time = context.time();
    }

    @Override
    public void process(Gather g) {
        for (int i2 = 0; i2 < g.n2(); i2++) {
            Gain.tpow(g.samples(), i2 * g.n1(), time, power);
        }
    }
}

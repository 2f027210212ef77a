package org.seisproc.processors;

import java.util.List;

import org.seisproc.dsp.Gain;
import org.seisproc.ensemble.Gather;
import org.seisproc.engine.ParameterSpec;
import org.seisproc.engine.Parameters;
import org.seisproc.engine.ProcessingContext;
import org.seisproc.engine.Processor;
import org.seisproc.engine.ProcessorSpec;

/// Trace balance: every trace scaled to unit rms (or unit peak).
public final class TraceBalance implements Processor {
    public static final ProcessorSpec SPEC = new ProcessorSpec("balance", "scale every trace to unit rms (or unit peak)",
            List.of(ParameterSpec.choice("mode", "rms", "rms or peak")), false, TraceBalance::new);

    private boolean peak;

    @Override
    public void init(Parameters p, ProcessingContext context) {
        String mode = p.text("mode");
        if (!mode.equals("rms") && !mode.equals("peak")) {
            throw new IllegalArgumentException("balance: mode must be 'rms' or 'peak', not '" + mode + "'");
        }
        peak = mode.equals("peak");
    }

    @Override
    public void process(Gather g) {
        for (int i2 = 0; i2 < g.n2(); i2++) {
            Gain.balance(g.samples(), i2 * g.n1(), g.n1(), peak);
        }
    }
}

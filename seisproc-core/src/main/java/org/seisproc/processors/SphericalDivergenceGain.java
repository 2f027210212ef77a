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

/// Spherical divergence correction t·v(t)²/v(1 s)² with an rms velocity function.
public final class SphericalDivergenceGain implements Processor {
    public static final ProcessorSpec SPEC = new ProcessorSpec("divergence",
            "spherical divergence correction t*v(t)^2/v(1 s)^2 (Newman 1973) with an rms velocity function",
            List.of(ParameterSpec.numbers("times", "s", "times of the velocity function"),
                    ParameterSpec.numbers("velocities", "m/s", "rms velocities at those times")), false, SphericalDivergenceGain::new);

    private float[] vrms;
    private Sampling time;

    @Override
    public void init(Parameters p, ProcessingContext context) {
        time = context.time();
        vrms = VelocityField.function(p.numbers("times"), p.numbers("velocities")).sample(time);
    }

    @Override
    public void process(Gather g) {
        for (int i2 = 0; i2 < g.n2(); i2++) {
            Gain.sphericalDivergence(g.samples(), i2 * g.n1(), time, vrms);
        }
    }
}

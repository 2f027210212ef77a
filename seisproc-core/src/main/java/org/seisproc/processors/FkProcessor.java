package org.seisproc.processors;

import java.util.List;

import org.seisproc.dsp.FkFilter;
import org.seisproc.ensemble.Gather;
import org.seisproc.engine.ParameterSpec;
import org.seisproc.engine.Parameters;
import org.seisproc.engine.ProcessingContext;
import org.seisproc.engine.Processor;
import org.seisproc.engine.ProcessorSpec;

/// F-K velocity (dip) filter: rejects events slower than a velocity (e.g. ground roll).
public final class FkProcessor implements Processor {
    public static final ProcessorSpec SPEC = new ProcessorSpec("fk",
            "F-K velocity filter: reject apparent velocities below vReject, pass above vPass (linear between)",
            List.of(ParameterSpec.number("vReject", "m/s", 800.0, "reject at or below"),
                    ParameterSpec.number("vPass", "m/s", 1200.0, "pass at or above"),
                    ParameterSpec.number("traceSpacing", "m", 25.0, "distance between adjacent traces of the gather")),
            false, FkProcessor::new);

    private Parameters parameters;
    private ProcessingContext context;
    private FkFilter filter;
    private int filterTraces = -1;

    @Override
    public void init(Parameters p, ProcessingContext context) {
        this.parameters = p;
        this.context = context;
        if (!(p.number("vPass") > p.number("vReject")) || p.number("vReject") < 0 || !(p.number("traceSpacing") > 0)) {
            throw new IllegalArgumentException("fk: need 0 <= vReject < vPass and traceSpacing > 0");
        }
    }

    @Override
    public void process(Gather g) {
        if (g.n2() < 2) {
            return;
        }
        if (g.n2() != filterTraces) {
            filter = new FkFilter(g.n1(), g.n2(), context.time().interval(), parameters.number("traceSpacing"),
                    parameters.number("vReject"), parameters.number("vPass"));
            filterTraces = g.n2();
        }
        filter.apply(g.samples());
    }
}

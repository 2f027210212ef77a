package org.seisproc.processors;

import java.util.List;

import org.seisproc.dsp.Deconvolution;
import org.seisproc.ensemble.Gather;
import org.seisproc.engine.ParameterSpec;
import org.seisproc.engine.Parameters;
import org.seisproc.engine.ProcessingContext;
import org.seisproc.engine.Processor;
import org.seisproc.engine.ProcessorSpec;

/// Wiener prediction-error deconvolution designed and applied trace by trace.
public final class DeconProcessor implements Processor {
    public static final ProcessorSpec SPEC = new ProcessorSpec("decon",
            "Wiener deconvolution per trace: spiking (gap = one sample) or predictive (gap > one sample)",
            List.of(ParameterSpec.number("operatorMs", "ms", 120.0, "operator length"),
                    ParameterSpec.number("gapMs", "ms", 0.0, "prediction gap (0 = one sample: spiking)"),
                    ParameterSpec.number("prewhiteningPercent", "%", 1.0, "white noise added to the zero lag")), false, DeconProcessor::new);

    private int operator;
    private int gap;
    private double prewhitening;
    private float[] work;

    @Override
    public void init(Parameters p, ProcessingContext context) {
        double dt = context.time().interval();
        if (!(p.number("operatorMs") > 0)) {
            throw new IllegalArgumentException("decon: operatorMs must be positive (ms), not " + p.number("operatorMs"));
        }
        if (!(p.number("gapMs") >= 0)) {
            throw new IllegalArgumentException("decon: gapMs must be >= 0 (ms; 0 = one sample), not " + p.number("gapMs"));
        }
        if (!(p.number("prewhiteningPercent") >= 0)) {
            throw new IllegalArgumentException("decon: prewhiteningPercent must be >= 0 (%), not " + p.number("prewhiteningPercent"));
        }
        operator = (int) Math.max(1, Math.round(p.number("operatorMs") / 1000.0 / dt));
        gap = (int) Math.max(1, Math.round(p.number("gapMs") / 1000.0 / dt));
        prewhitening = p.number("prewhiteningPercent") / 100.0;
        work = new float[context.samplesPerTrace()];
    }

    @Override
    public void process(Gather g) {
        for (int i2 = 0; i2 < g.n2(); i2++) {
            float[] filter = Deconvolution.design(g.samples(), i2 * g.n1(), g.n1(), operator, gap, prewhitening);
            Deconvolution.apply(g.samples(), i2 * g.n1(), g.n1(), filter, work);
        }
    }
}

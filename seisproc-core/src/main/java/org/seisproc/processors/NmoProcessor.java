package org.seisproc.processors;

import java.util.List;

import org.seisproc.dsp.Nmo;
import org.seisproc.dsp.Sampling;
import org.seisproc.ensemble.Gather;
import org.seisproc.engine.ParameterSpec;
import org.seisproc.engine.Parameters;
import org.seisproc.engine.ProcessingContext;
import org.seisproc.engine.Processor;
import org.seisproc.engine.ProcessorSpec;
import org.seisproc.segy.HeaderField;

/// NMO correction (or its inverse) with rms velocities per CDP and a stretch mute.
public final class NmoProcessor implements Processor {
    public static final ProcessorSpec SPEC = new ProcessorSpec("nmo",
            "normal-moveout correction t0 <- sqrt(t0^2 + x^2/v^2) with rms velocities per CDP (linear between CDPs), stretch mute; inverse removes it",
            List.of(ParameterSpec.table("velocities", "list of {cdp, times (s), velocities (m/s)}, increasing cdp", null),
                    ParameterSpec.number("maxStretchPercent", "%", 50.0, "mute samples stretched more than this"),
                    ParameterSpec.bool("inverse", false, "remove NMO instead of applying it"),
                    ParameterSpec.choice("interpolation", "linear", "linear or sinc (8-point windowed sinc) between samples, forward NMO")),
            false, NmoProcessor::new);

    private VelocityField field;
    private double maxStretch;
    private boolean inverse;
    private boolean sinc;
    private Sampling time;
    private HeaderField offset;
    private HeaderField cdp;
    private float[] vrms;
    private float[] out;
    private Nmo.Terms terms;
    private long termsCdp;
    private boolean termsSet;

    @Override
    public void init(Parameters p, ProcessingContext context) {
        time = context.time();
        try {
            field = VelocityField.parse(p.table("velocities"), time);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("nmo: parameter 'velocities': " + e.getMessage(), e);
        }
        if (!(p.number("maxStretchPercent") >= 0)) {
            throw new IllegalArgumentException("nmo: maxStretchPercent must be >= 0 (%), not " + p.number("maxStretchPercent"));
        }
        maxStretch = p.number("maxStretchPercent") / 100.0;
        inverse = p.bool("inverse");
        String interpolation = p.text("interpolation");
        if (!interpolation.equals("linear") && !interpolation.equals("sinc")) {
            throw new IllegalArgumentException("interpolation must be linear or sinc, not '" + interpolation + "'");
        }
        sinc = interpolation.equals("sinc");
        offset = context.layout().field("offset");
        cdp = context.layout().field("cdp");
        vrms = new float[time.count()];
        out = new float[time.count()];
        terms = new Nmo.Terms(time);
    }

    @Override
    public void process(Gather g) {
        int n1 = g.n1();
        for (int i2 = 0; i2 < g.n2(); i2++) {
            long c = g.header(i2, cdp);
            if (!termsSet || c != termsCdp) {   // the velocity function of a CDP, once per CDP
                field.at(c, vrms);
                terms.velocities(vrms);
                termsCdp = c;
                termsSet = true;
            }
            double x = g.header(i2, offset);
            if (inverse) {
                Nmo.inverse(g.samples(), i2 * n1, out, 0, time, x, vrms);
            } else {
                Nmo.forward(g.samples(), i2 * n1, out, 0, terms, x, maxStretch, sinc);
            }
            System.arraycopy(out, 0, g.samples(), i2 * n1, n1);
        }
    }
}

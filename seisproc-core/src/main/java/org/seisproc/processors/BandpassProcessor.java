package org.seisproc.processors;

import java.util.List;

import org.seisproc.dsp.Bandpass;
import org.seisproc.ensemble.Gather;
import org.seisproc.engine.ParameterSpec;
import org.seisproc.engine.Parameters;
import org.seisproc.engine.ProcessingContext;
import org.seisproc.engine.Processor;
import org.seisproc.engine.ProcessorSpec;

/// Zero-phase band-pass: Ormsby trapezoid or Butterworth (FFT, JTransforms).
public final class BandpassProcessor implements Processor {
    public static final ProcessorSpec SPEC = new ProcessorSpec("bandpass",
            "zero-phase band-pass filter: Ormsby (f1-f4 corners) or Butterworth (low/high cut-offs, order)",
            List.of(ParameterSpec.choice("type", "ormsby", "ormsby or butterworth"),
                    ParameterSpec.number("f1", "Hz", 5.0, "Ormsby: zero below"),
                    ParameterSpec.number("f2", "Hz", 10.0, "Ormsby: full pass from"),
                    ParameterSpec.number("f3", "Hz", 60.0, "Ormsby: full pass up to"),
                    ParameterSpec.number("f4", "Hz", 80.0, "Ormsby: zero above"),
                    ParameterSpec.number("lowHz", "Hz", 8.0, "Butterworth: low cut-off (0 = none)"),
                    ParameterSpec.number("highHz", "Hz", 60.0, "Butterworth: high cut-off (0 = none)"),
                    ParameterSpec.integer("order", "", 4, "Butterworth: order")), false, BandpassProcessor::new);

    private Bandpass filter;

    @Override
    public void init(Parameters p, ProcessingContext context) {
        int n1 = context.samplesPerTrace();
        double dt = context.time().interval();
        filter = switch (p.text("type")) {
            case "ormsby" -> Bandpass.ormsby(n1, dt, p.number("f1"), p.number("f2"), p.number("f3"), p.number("f4"));
            case "butterworth" -> Bandpass.butterworth(n1, dt, p.number("lowHz"), p.number("highHz"), p.integer("order"));
            default -> throw new IllegalArgumentException("bandpass: type must be 'ormsby' or 'butterworth', not '" + p.text("type") + "'");
        };
    }

    @Override
    public void process(Gather g) {
        for (int i2 = 0; i2 < g.n2(); i2++) {
            filter.apply(g.samples(), i2 * g.n1());
        }
    }
}

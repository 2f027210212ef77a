package org.seisproc.processors;

import java.util.List;

import org.seisproc.dsp.Mute;
import org.seisproc.dsp.Sampling;
import org.seisproc.dsp.Taper;
import org.seisproc.ensemble.Gather;
import org.seisproc.engine.ParameterSpec;
import org.seisproc.engine.Parameters;
import org.seisproc.engine.ProcessingContext;
import org.seisproc.engine.Processor;
import org.seisproc.engine.ProcessorSpec;
import org.seisproc.segy.HeaderField;

/// Top or bottom mute from an offset–time table (|offset| in m → time in ms), with a cosine taper.
public final class MuteProcessor implements Processor {
    public static final ProcessorSpec SPEC = new ProcessorSpec("mute",
            "top or bottom mute: time from an |offset|-time table (linear, constant beyond), half-cosine taper",
            List.of(ParameterSpec.choice("side", "top", "top (zero before the mute time) or bottom (zero after)"),
                    ParameterSpec.numbers("offsets", "m", "table |offsets|, increasing"),
                    ParameterSpec.numbers("timesMs", "ms", "mute times at those offsets"),
                    ParameterSpec.number("taperMs", "ms", 20.0, "taper length")), false, MuteProcessor::new);

    private Taper table;
    private boolean top;
    private double taper;
    private Sampling time;
    private HeaderField offset;

    @Override
    public void init(Parameters p, ProcessingContext context) {
        double[] offsets = p.numbers("offsets");
        double[] times = p.numbers("timesMs");
        if (offsets.length != times.length || offsets.length == 0) {
            throw new IllegalArgumentException("mute: 'offsets' and 'timesMs' need the same, non-zero number of values");
        }
        for (int i = 1; i < offsets.length; i++) {
            if (!(offsets[i] > offsets[i - 1])) {
                throw new IllegalArgumentException("mute: 'offsets' must increase strictly (m), not " + offsets[i - 1] + " then " + offsets[i]);
            }
        }
        if (!(p.number("taperMs") >= 0)) {
            throw new IllegalArgumentException("mute: taperMs must be >= 0 (ms), not " + p.number("taperMs"));
        }
        double[] seconds = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            seconds[i] = times[i] / 1000.0;
        }
        table = new Taper(offsets, seconds);
        top = switch (p.text("side")) {
            case "top" -> true;
            case "bottom" -> false;
            default -> throw new IllegalArgumentException("mute: side must be 'top' or 'bottom', not '" + p.text("side") + "'");
        };
        taper = p.number("taperMs") / 1000.0;
        time = context.time();
        offset = context.layout().field("offset");
    }

    @Override
    public void process(Gather g) {
        for (int i2 = 0; i2 < g.n2(); i2++) {
            double t = table.at(Math.abs(g.header(i2, offset)));
            if (top) {
                Mute.top(g.samples(), i2 * g.n1(), time, t, taper);
            } else {
                Mute.bottom(g.samples(), i2 * g.n1(), time, t, taper);
            }
        }
    }
}

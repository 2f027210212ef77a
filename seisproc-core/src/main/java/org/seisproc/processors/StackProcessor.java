package org.seisproc.processors;

import java.util.List;

import org.seisproc.dsp.Stack;
import org.seisproc.ensemble.Gather;
import org.seisproc.engine.Parameters;
import org.seisproc.engine.ProcessingContext;
import org.seisproc.engine.Processor;
import org.seisproc.engine.ProcessorSpec;
import org.seisproc.segy.HeaderField;

/// CDP stack: each gather becomes one fold-normalised trace, with the first trace's headers
/// (offset set to 0, number of stacked traces `nhs` to the gather's trace count).
public final class StackProcessor implements Processor {
    public static final ProcessorSpec SPEC = new ProcessorSpec("stack",
            "CDP stack: one fold-normalised trace per gather (divided by the live traces at each sample); must be last",
            List.of(), true, StackProcessor::new);

    private float[] out;
    private int[] fold;
    private HeaderField offset;
    private HeaderField nhs;

    @Override
    public void init(Parameters p, ProcessingContext context) {
        out = new float[context.samplesPerTrace()];
        fold = new int[context.samplesPerTrace()];
        offset = context.layout().field("offset");
        nhs = context.layout().field("nhs");
    }

    @Override
    public void process(Gather g) {
        int n2 = g.n2();
        Stack.stack(g.samples(), g.n1(), n2, out, fold);
        System.arraycopy(out, 0, g.samples(), 0, g.n1());
        g.truncate(1);
        g.setHeader(0, offset, 0);
        g.setHeader(0, nhs, Math.min(n2, Short.MAX_VALUE));
    }
}

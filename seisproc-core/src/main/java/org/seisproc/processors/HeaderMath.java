package org.seisproc.processors;

import java.util.List;

import org.seisproc.engine.GatherData;
import org.seisproc.engine.ParameterSpec;
import org.seisproc.engine.Parameters;
import org.seisproc.engine.ProcessingContext;
import org.seisproc.engine.Processor;
import org.seisproc.engine.ProcessorSpec;
import org.seisproc.segy.HeaderField;

/// Sets a header field of every trace from an expression over its header fields
/// (see [HeaderExpression]); the result is rounded to the nearest integer.
public final class HeaderMath implements Processor {
    public static final ProcessorSpec SPEC = new ProcessorSpec("header",
            "set a trace header field from an expression of header fields, e.g. set=offset, expression=\"hypot(gx - sx, gy - sy)\"",
            List.of(ParameterSpec.text("set", null, "the field to set"),
                    ParameterSpec.text("expression", null, "numbers, fields, + - * / %, ( ), abs min max round floor ceil sqrt hypot")),
            false, HeaderMath::new);

    private HeaderField target;
    private HeaderExpression expression;

    @Override
    public void init(Parameters p, ProcessingContext context) {
        try {
            target = context.layout().field(p.text("set"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("header: parameter 'set': " + e.getMessage(), e);
        }
        try {
            expression = HeaderExpression.parse(p.text("expression"), context.layout());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("header: parameter 'expression': " + e.getMessage(), e);
        }
    }

    @Override
    public void process(GatherData g) {
        for (int i2 = 0; i2 < g.n2(); i2++) {
            int trace = i2;
            double v = expression.evaluate(f -> g.header(trace, f));
            g.setHeader(i2, target, Math.round(v));
        }
    }
}

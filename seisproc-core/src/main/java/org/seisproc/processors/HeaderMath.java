package org.seisproc.processors;

import java.util.List;

import org.seisproc.ensemble.Gather;
import org.seisproc.engine.ParameterSpec;
import org.seisproc.engine.Parameters;
import org.seisproc.engine.ProcessingContext;
import org.seisproc.engine.ProcessingException;
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
    private String text;
    private HeaderField cdp;

    @Override
    public void init(Parameters p, ProcessingContext context) {
        try {
            target = context.layout().field(p.text("set"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("header: parameter 'set': " + e.getMessage(), e);
        }
        text = p.text("expression");
        try {
            expression = HeaderExpression.parse(text, context.layout());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("header: parameter 'expression': " + e.getMessage(), e);
        }
        cdp = context.layout().fields().stream().filter(f -> f.name().equals("cdp")).findFirst().orElse(null);
    }

    @Override
    public void process(Gather g) {
        for (int i2 = 0; i2 < g.n2(); i2++) {
            int trace = i2;
            double v;
            try {
                v = expression.evaluate(f -> g.header(trace, f));
            } catch (ArithmeticException e) {
                throw new ProcessingException(e.getMessage() + " in header expression '" + text + "' at " + where(g, i2));
            }
            if (!Double.isFinite(v)) {
                throw new ProcessingException("header expression '" + text + "' gives " + v + " at " + where(g, i2)
                        + "; it must give a finite number");
            }
            try {
                g.setHeader(i2, target, Math.round(v));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("header expression '" + text + "' gives " + Math.round(v) + " at " + where(g, i2)
                        + ", which does not fit the " + target.type().specName() + " field '" + target.name() + "'", e);
            }
        }
    }

    /// "trace T (cdp C)": the trace's number in the input and its CDP, to find it.
    private String where(Gather g, int i2) {
        String at = "trace " + g.traces()[i2];
        return cdp != null ? at + " (cdp " + g.header(i2, cdp) + ")" : at;
    }
}

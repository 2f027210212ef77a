package org.seisproc.processors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.seisproc.dsp.Sampling;
import org.seisproc.ensemble.Gather;
import org.seisproc.engine.Parameters;
import org.seisproc.engine.ProcessingContext;
import org.seisproc.engine.Processor;
import org.seisproc.engine.ProcessorSpec;
import org.seisproc.segy.HeaderLayout;
import org.seisproc.segy.TraceField;

/// Test helpers for one processor on its own: parameters parsed from a job-file object (as
/// `Job.parse` does), `init` with a plain time axis and the standard header layout, and small
/// hand-built gathers. JSON may use single quotes: `{'factor': 2}`.
final class TestSteps {
    private static final JsonMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_SINGLE_QUOTES).build();

    private TestSteps() {
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("bad test JSON " + text, e);
        }
    }

    /// The problems `Parameters.parse` reports for `json` (empty when it parses).
    static List<String> problems(ProcessorSpec spec, String json) {
        List<String> errors = new ArrayList<>();
        Parameters p = Parameters.parse(spec, json(json), "processors[0]", errors);
        assertThat(p == null).isEqualTo(!errors.isEmpty());
        return errors;
    }

    /// Parameters that must parse cleanly.
    static Parameters parameters(ProcessorSpec spec, String json) {
        List<String> errors = new ArrayList<>();
        Parameters p = Parameters.parse(spec, json(json), "processors[0]", errors);
        assertThat(errors).as("parse problems of %s", json).isEmpty();
        return p;
    }

    static ProcessingContext context(int n1, double dt) {
        return new ProcessingContext(new Sampling(n1, dt, 0), HeaderLayout.standard());
    }

    /// A new instance of `spec`'s processor initialised with `json` for `n1` samples `dt` s apart.
    static Processor init(ProcessorSpec spec, String json, int n1, double dt) {
        Processor p = spec.factory().get();
        p.init(parameters(spec, json), context(n1, dt));
        return p;
    }

    /// Asserts that `spec`'s processor refuses `json` as it is initialised for `n1` samples `dt` s
    /// apart (an IllegalArgumentException); the exception, to check its message.
    static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertRefuses(ProcessorSpec spec, String json, int n1,
            double dt) {
        return org.assertj.core.api.Assertions.assertThatThrownBy(() -> init(spec, json, n1, dt)).isInstanceOf(IllegalArgumentException.class);
    }

    /// A zeroed gather (fresh buffers: samples and headers all zero) of `n2` traces of `n1`
    /// samples with big-endian 240-byte headers.
    static Gather gather(int n1, int n2) {
        Gather g = new Gather(n1, HeaderLayout.TRACE_HEADER_BYTES, ByteOrder.BIG_ENDIAN);
        g.reset(n2, new long[] {1});
        return g;
    }

    static void setHeader(Gather g, int i2, TraceField f, long value) {
        g.setHeader(i2, f.field(), value);
    }

    static long header(Gather g, int i2, TraceField f) {
        return g.header(i2, f.field());
    }

    /// Trace `i2` of the gather as its own array.
    static float[] trace(Gather g, int i2) {
        return java.util.Arrays.copyOfRange(g.samples(), i2 * g.n1(), (i2 + 1) * g.n1());
    }

    static void setTrace(Gather g, int i2, float[] values) {
        System.arraycopy(values, 0, g.samples(), i2 * g.n1(), g.n1());
    }

    /// Root-mean-square of `x[from..to)`.
    static double rms(float[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += (double) x[i] * x[i];
        }
        return Math.sqrt(s / (to - from));
    }

    /// Index of the largest |x|.
    static int peak(float[] x) {
        int best = 0;
        for (int i = 1; i < x.length; i++) {
            if (Math.abs(x[i]) > Math.abs(x[best])) {
                best = i;
            }
        }
        return best;
    }
}

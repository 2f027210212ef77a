package org.seisproc.processors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.seisproc.engine.ProcessorSpec;

/// The built-in processors, by name.
public final class Processors {
    private static final Map<String, ProcessorSpec> ALL = new LinkedHashMap<>();

    static {
        for (ProcessorSpec s : List.of(ScalarGain.SPEC, TpowGain.SPEC, SphericalDivergenceGain.SPEC, AgcProcessor.SPEC,
                TraceBalance.SPEC, BandpassProcessor.SPEC, MuteProcessor.SPEC, NmoProcessor.SPEC, DeconProcessor.SPEC,
                FkProcessor.SPEC, HeaderMath.SPEC, StackProcessor.SPEC)) {
            ALL.put(s.name(), s);
        }
    }

    private Processors() {
    }

    /// Every built-in processor.
    public static List<ProcessorSpec> all() {
        return List.copyOf(ALL.values());
    }

    /// The processor called `name`, or null.
    public static ProcessorSpec find(String name) {
        return ALL.get(name);
    }
}

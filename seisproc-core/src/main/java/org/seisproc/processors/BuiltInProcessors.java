package org.seisproc.processors;

import java.util.List;

import org.seisproc.engine.ProcessorRegistry;
import org.seisproc.engine.ProcessorSpec;

/// The built-in processors as a [ProcessorRegistry] service, found by the engine with
/// `ServiceLoader` (see `META-INF/services/org.seisproc.engine.ProcessorRegistry`).
public final class BuiltInProcessors implements ProcessorRegistry {
    @Override
    public List<ProcessorSpec> all() {
        return Processors.all();
    }

    @Override
    public ProcessorSpec find(String name) {
        return Processors.find(name);
    }
}

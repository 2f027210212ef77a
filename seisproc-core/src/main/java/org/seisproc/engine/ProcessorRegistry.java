package org.seisproc.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/// The processors a job may name. The engine does not know the processor library: it is handed
/// a registry, or finds every registry on the class path with [ServiceLoader] ([#loaded]), so
/// that `engine` never imports `processors` (dependencies point one way: processors → engine).
public interface ProcessorRegistry {
    /// Every processor this registry offers, in listing order.
    List<ProcessorSpec> all();

    /// The processor called `name`, or null.
    default ProcessorSpec find(String name) {
        for (ProcessorSpec s : all()) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        return null;
    }

    /// Every registry found by [ServiceLoader] (`META-INF/services/org.seisproc.engine.ProcessorRegistry`),
    /// merged; a later registry does not replace a name an earlier one has.
    static ProcessorRegistry loaded() {
        return Loaded.INSTANCE;
    }

    /// The merged registries of the class path, found once.
    final class Loaded {
        private static final ProcessorRegistry INSTANCE = load();

        private Loaded() {
        }

        private static ProcessorRegistry load() {
            Map<String, ProcessorSpec> byName = new LinkedHashMap<>();
            for (ProcessorRegistry r : ServiceLoader.load(ProcessorRegistry.class, ProcessorRegistry.class.getClassLoader())) {
                for (ProcessorSpec s : r.all()) {
                    byName.putIfAbsent(s.name(), s);
                }
            }
            List<ProcessorSpec> all = List.copyOf(new ArrayList<>(byName.values()));
            return () -> all;
        }
    }
}

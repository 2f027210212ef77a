package org.seisproc.engine;

import java.util.List;
import java.util.function.Supplier;

/// What `seisproc processors` lists, and how to make a processor.
///
/// @param name        the name in job files
/// @param description one line
/// @param parameters  its parameters
/// @param reducesToOneTrace true when the processor turns each gather into one trace (stack)
/// @param factory     makes a new, uninitialised instance
public record ProcessorSpec(String name, String description, List<ParameterSpec> parameters, boolean reducesToOneTrace,
                            Supplier<Processor> factory) {
}

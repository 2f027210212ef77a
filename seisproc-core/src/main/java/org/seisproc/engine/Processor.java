package org.seisproc.engine;

import org.seisproc.ensemble.Gather;

/// A processing step, with the JavaSeis-style lifecycle: [#init] once per worker with the
/// parameters and the shared context, [#process] for every gather the worker gets, [#finish]
/// at the end. An instance is used by one worker thread only, so it may keep scratch buffers
/// (allocate them in `init`, not per sample). Parameter problems found in `init` throw
/// `IllegalArgumentException` with a message naming the parameter.
public interface Processor {
    /// Prepares for gathers of `context.samplesPerTrace()` samples.
    void init(Parameters parameters, ProcessingContext context);

    /// Processes one gather in place.
    void process(Gather gather);

    /// Called once after the last gather.
    default void finish() {
    }
}

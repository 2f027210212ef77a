package org.seisproc.engine;

import java.util.List;
import java.util.Map;

import org.seisproc.ensemble.Gather;

/// For the failure tests: a processor that fails on one ensemble, appended to a job's first step.
final class FailingStep {
    private FailingStep() {
    }

    /// A processor called `name` that runs `fail` on the gather whose first key value is `key`
    /// and passes every other gather through.
    static ProcessorSpec failingOn(String name, long key, Runnable fail) {
        return new ProcessorSpec(name, "test", List.of(), false, () -> new Processor() {
            @Override
            public void init(Parameters parameters, ProcessingContext context) {
            }

            @Override
            public void process(Gather gather) {
                if (gather.key()[0] == key) {
                    fail.run();
                }
            }
        });
    }

    /// `base` with its first step followed by `failing`, under the failure policy `policy`.
    static Job after(Job base, String policy, ProcessorSpec failing) {
        return new Job(base.input(), base.output(), base.key(), base.sortBy(), policy,
                List.of(base.steps().getFirst(), new Job.Step(failing, Parameters.of(failing, Map.of()))));
    }
}

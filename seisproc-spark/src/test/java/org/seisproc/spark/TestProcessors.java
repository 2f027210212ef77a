package org.seisproc.spark;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.spark.TaskContext;
import org.seisproc.ensemble.Gather;
import org.seisproc.engine.ParameterSpec;
import org.seisproc.engine.Parameters;
import org.seisproc.engine.ProcessingContext;
import org.seisproc.engine.ProcessingException;
import org.seisproc.engine.Processor;
import org.seisproc.engine.ProcessorRegistry;
import org.seisproc.engine.ProcessorSpec;

/// Test-only processors, found by `ServiceLoader` on the test class path: `test-fault` passes
/// gathers through unchanged, except that the ensemble whose first key value is `keyValue`
/// fails while its Spark task attempt number is below `attempts` (1: the first attempt only;
/// a large number: every attempt). [#ARMED] switches it off for a rerun of the same job (the
/// job, and so its fingerprint, stay the same).
public final class TestProcessors implements ProcessorRegistry {
    /// False: `test-fault` never fails.
    static final AtomicBoolean ARMED = new AtomicBoolean(true);
    /// Failures injected so far.
    static final AtomicInteger FIRED = new AtomicInteger();

    static final ProcessorSpec FAULT = new ProcessorSpec("test-fault", "fails one ensemble's first attempts (tests only)",
            List.of(ParameterSpec.integer("keyValue", "", null, "first key value of the ensemble to fail"),
                    ParameterSpec.integer("attempts", "", 1, "task attempts that fail (0, 1, ...)")),
            false, Fault::new);

    @Override
    public List<ProcessorSpec> all() {
        return List.of(FAULT);
    }

    static final class Fault implements Processor {
        private long keyValue;
        private int attempts;

        @Override
        public void init(Parameters parameters, ProcessingContext context) {
            keyValue = parameters.integer("keyValue");
            attempts = parameters.integer("attempts");
        }

        @Override
        public void process(Gather gather) {
            if (ARMED.get() && gather.key()[0] == keyValue) {
                TaskContext task = TaskContext.get();
                int attempt = task == null ? 0 : task.attemptNumber();
                if (attempt < attempts) {
                    FIRED.incrementAndGet();
                    throw new ProcessingException("injected failure on attempt " + attempt);
                }
            }
        }
    }
}

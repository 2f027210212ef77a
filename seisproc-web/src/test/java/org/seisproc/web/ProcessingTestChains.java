package org.seisproc.web;

import java.nio.file.Path;
import java.util.List;

import org.seisproc.engine.Job;

/// Processor chains built the way a job file builds them, for comparing the page's results
/// with the engine called directly.
final class ProcessingTestChains {
    private ProcessingTestChains() {
    }

    /// `[{"name": "agc", "windowMs": windowMs}]` as validated steps.
    static List<Job.Step> agc(Path root, double windowMs) {
        var job = Json.MAPPER.createObjectNode();
        job.put("input", "x");
        job.put("output", "y");
        job.putArray("key").add("fldr");
        job.putArray("processors").addObject().put("name", "agc").put("windowMs", windowMs);
        return Job.parse(job, root, Path.of("test")).steps();
    }
}

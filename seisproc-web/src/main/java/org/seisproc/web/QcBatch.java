package org.seisproc.web;

import static org.seisproc.web.QcParams.core;
import static org.seisproc.web.QcParams.progress;
import static org.seisproc.web.QcParams.velocity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.seisproc.dataset.Dataset;
import org.seisproc.engine.Job;
import org.seisproc.ensemble.EnsembleKey;
import org.seisproc.qc.AttributeOptions;
import org.seisproc.qc.BatchQc;
import org.seisproc.qc.Lines;
import org.seisproc.qc.QcStack;

/// Batch QC from the page ([BatchQc], as `seisproc qc batch`): a job file under the root, or the
/// preview's chain saved as one, checked as the command reads it before it is queued as a
/// [Task]; and what an output folder holds (its `qc.json` and the before / after / noise
/// datasets) for the compare view.
final class QcBatch extends RootTasks {
    private static final java.util.regex.Pattern JOB_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,100}\\.json");

    QcBatch(RootDir root, Tasks tasks) {
        super(root, tasks);
    }

    /// Batch QC of a job file under the root (`{jobFile, overwrite}`), or of the preview's chain
    /// saved as one (`{name, ds, key, sort, processors, output, gathers | lines, stack, snr,
    /// overwrite}`).
    Task batch(ObjectNode body) {
        boolean overwrite = body.path("overwrite").asBoolean(false);
        Path file;
        JsonNode job;
        String field;
        if (body.hasNonNull("jobFile")) {
            field = "jobFile";
            file = root.resolve("jobFile", body.get("jobFile").asText());
            if (!Files.isRegularFile(file)) {
                throw WebError.notFound("jobFile", "no job file '" + body.get("jobFile").asText() + "' in the served folder");
            }
            try {
                job = Json.MAPPER.readTree(Files.readString(file));
            } catch (IOException e) {
                throw WebError.bad("jobFile", "the job file is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
            }
        } else {
            field = "processors";
            String name = ProcessingService.text(body, "name");
            if (!JOB_NAME.matcher(name).matches()) {
                throw WebError.bad("name", "a batch QC job file name is letters, digits, '.', '_' or '-', ending in .json (it is saved"
                        + " in the served folder)");
            }
            file = root.resolve("name", name);
            EnsembleKey key = GatherService.key(ProcessingService.text(body, "key"), body.path("sort").asText(null));
            ObjectNode j = ProcessingService.jobFile(ProcessingService.text(body, "ds"), ProcessingService.text(body, "output"), key,
                    body.get("processors"));
            for (String extra : List.of("gathers", "lines", "stack", "snr")) {
                if (body.hasNonNull(extra)) {
                    j.set(extra, body.get(extra));
                }
            }
            job = j;
        }
        if (!(job instanceof ObjectNode o)) {
            throw WebError.bad(field, "a batch QC job is a JSON object (a processing job plus gathers/lines/stack/snr)");
        }
        Job parsed = check(o, file, field);
        if (field.equals("processors")) {
            AtomicFiles.writeString(file, Json.text(o), "name");
        }
        Path out = parsed.output();
        if (!overwrite && Files.exists(out.resolve("before"))) {
            throw new WebError(409, "output", "'" + root.relative(out) + "' holds a batch QC already; choose another output or overwrite it");
        }
        boolean everything = !o.has("gathers") && !o.has("lines");
        String rel = root.relative(file);
        Task task = tasks.submit("qc-batch", "batch QC " + rel + " -> " + root.relative(out), t -> {
            if (everything) {
                try (Dataset d = Dataset.open(parsed.input())) {
                    t.total = d.traceCount();
                }
            }
            t.log("job file " + rel + ": " + parsed.steps().size() + " processor(s) on " + root.relative(parsed.input()) + " by "
                    + parsed.key());
            BatchQc.Result r = BatchQc.run(file, Runtime.getRuntime().availableProcessors(), overwrite,
                    progress(t));
            t.total = Math.max(t.total, r.overall().traces());
            t.done.set(t.total);
            t.log(String.format("%d gather(s), %,d traces in %.2f s; overall rms before %.5g, after %.5g, noise %.5g, correlation %.4f",
                    r.gathers().size(), r.overall().traces(), r.seconds(), r.overall().rmsBefore(), r.overall().rmsAfter(),
                    r.overall().rmsNoise(), r.overall().correlation()));
            t.result("output", root.relative(r.output()));
            t.result("key", String.join(",", parsed.key()));
            t.result("sort", parsed.sortBy().isEmpty() ? null : parsed.sortBy().getFirst());
            t.result("stacks", r.stacks().stream().map(root::relative).toList());
        });
        task.info.put("jobFile", rel);
        task.info.put("output", root.relative(out));
        return task;
    }

    /// Checks a batch job as [BatchQc#run] reads it, before anything is written: the processing
    /// part (every problem together), input and output inside the root, a chain that keeps every
    /// trace, and the `lines`, `snr` and `stack` sections with the core's parsers.
    private Job check(ObjectNode o, Path file, String field) {
        ObjectNode jobPart = o.deepCopy();
        List.of("gathers", "lines", "stack", "snr").forEach(jobPart::remove);
        Job job;
        try {
            job = Job.parse(jobPart, file.getParent(), file);
        } catch (Job.InvalidJobException e) {
            String first = e.problems().isEmpty() ? "" : e.problems().getFirst();
            String named = java.util.stream.Stream.of("input", "output", "key", "sortBy").filter(first::startsWith).findFirst()
                    .orElse(field);
            throw WebError.bad(named, String.join("; ", e.problems()));
        }
        root.checkInside("input", job.input());
        root.checkInside("output", job.output());
        if (job.output().equals(root.path())) {
            throw WebError.bad("output", "the output must be a folder inside the served folder, not the folder itself");
        }
        if (Files.exists(job.output().resolve(org.seisproc.dataset.DatasetFiles.MANIFEST)) || Files.isRegularFile(job.output())) {
            throw WebError.bad("output", "the output '" + root.relative(job.output()) + "' is a dataset or a file; batch QC writes a"
                    + " folder (before, after, noise, qc.json)");
        }
        if (job.reduces()) {
            throw WebError.bad(field, "the chain ends in a stack: batch QC compares gathers trace by trace; drop the stack (give a"
                    + " 'stack' section for before/after stacks)");
        }
        if (o.has("lines")) {
            core("lines", () -> Lines.parse(o.get("lines").asText()));
        }
        if (o.has("gathers") && !o.get("gathers").isArray()) {
            throw WebError.bad("gathers", "'gathers' lists key values: [1001, 1005], or [[1, 20], ...] for a two-field key");
        }
        JsonNode snr = o.path("snr");
        if (snr.has("windowMs")) {
            core("snr.windowMs", () -> AttributeOptions.parseWindowMs(snr.get("windowMs").asText(), "snr.windowMs"));
        }
        if (snr.has("noiseWindowMs")) {
            core("snr.noiseWindowMs", () -> AttributeOptions.parseWindowMs(snr.get("noiseWindowMs").asText(), "snr.noiseWindowMs"));
        }
        JsonNode stack = o.path("stack");
        if (!stack.isMissingNode() && !stack.isNull()) {
            if (!stack.hasNonNull("velocity")) {
                throw WebError.bad("stack.velocity", "stack needs a 'velocity' (as for 'seisproc qc stack --velocity')");
            }
            velocity(root, stack.get("velocity").asText(), file.getParent(), "stack.velocity");
            core("stack.bin", () -> QcStack.parseBin(stack.path("bin").asText("cdp")));
            core("stack.method", () -> QcStack.parseMethod(stack.path("method").asText("mean")));
            core("stack.interp", () -> QcStack.parseSinc(stack.path("interp").asText("linear")));
            core("stack.minFold", () -> new QcStack.Options("1", null, null, false, QcStack.Method.MEAN, stack.path("minFold").asInt(1),
                    stack.path("stretchMute").asDouble(1.5), false, 1, false));
        }
        return job;
    }

    /// What a batch QC output folder holds: its `qc.json` metrics and the datasets present.
    Map<String, Object> batchResult(String dir) {
        Path folder = root.resolve("dir", dir);
        Path json = folder.resolve("qc.json");
        if (!Files.isRegularFile(json)) {
            throw WebError.notFound("dir", "'" + dir + "' is not a batch QC output (no qc.json)");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dir", root.relative(folder));
        try {
            m.put("metrics", Json.MAPPER.readTree(Files.readString(json)));
        } catch (IOException e) {
            throw new WebError(422, "dir", "cannot read qc.json: " + e.getMessage());
        }
        Map<String, String> datasets = new LinkedHashMap<>();
        for (String d : List.of("before", "after", "noise", "before-stack", "after-stack", "difference-stack")) {
            if (Files.isRegularFile(folder.resolve(d).resolve(org.seisproc.dataset.DatasetFiles.MANIFEST))) {
                datasets.put(d, root.relative(folder.resolve(d)));
            }
        }
        m.put("datasets", datasets);
        return m;
    }
}

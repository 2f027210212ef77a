package org.seisproc.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.seisproc.dataset.Dataset;
import org.seisproc.engine.Engine;
import org.seisproc.engine.EnsembleUnit;
import org.seisproc.ensemble.Gather;
import org.seisproc.engine.Job;
import org.seisproc.engine.ParameterSpec;
import org.seisproc.engine.PreparedJob;
import org.seisproc.engine.ProcessorSpec;
import org.seisproc.ensemble.EnsembleKey;
import org.seisproc.processors.Processors;

/// Processing from the page: the processor metadata for the chain form, the preview of a chain
/// on one gather (the engine's [EnsembleUnit], in memory, nothing written), the chain saved as a
/// job file `seisproc run` accepts unchanged, and jobs run by the engine as [Task]s.
final class ProcessingService {
    private static final Pattern CHOICE = Pattern.compile("(?:^|\\bor\\s+)([A-Za-z][A-Za-z0-9_-]*)");

    private final RootDir root;
    private final OpenDatasets open;
    private final Tasks tasks;

    ProcessingService(RootDir root, OpenDatasets open, Tasks tasks) {
        this.root = root;
        this.open = open;
        this.tasks = tasks;
    }

    /// Every processor: name, description, parameters (kind, unit, default, required, options of a choice).
    static List<Map<String, Object>> processors() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ProcessorSpec p : Processors.all()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", p.name());
            m.put("description", p.description());
            m.put("reducesToOneTrace", p.reducesToOneTrace());
            List<Map<String, Object>> params = new ArrayList<>();
            for (ParameterSpec a : p.parameters()) {
                Map<String, Object> q = new LinkedHashMap<>();
                q.put("name", a.name());
                q.put("kind", a.kind().name().toLowerCase(java.util.Locale.ROOT));
                q.put("unit", a.unit());
                q.put("default", a.defaultValue());
                q.put("required", a.required());
                q.put("description", a.description());
                if (a.kind() == ParameterSpec.Kind.CHOICE) {
                    List<String> options = new ArrayList<>();
                    Matcher mt = CHOICE.matcher(a.description());
                    while (mt.find()) {
                        options.add(mt.group(1));
                    }
                    q.put("options", options);
                }
                params.add(q);
            }
            m.put("parameters", params);
            out.add(m);
        }
        return out;
    }

    /// The validated steps of a chain (`processors`: a JSON list as in a job file); every problem
    /// reported together as a 400 naming `processors`.
    List<Job.Step> steps(JsonNode processors) {
        ObjectNode job = Json.MAPPER.createObjectNode();
        job.put("input", "preview-input");
        job.put("output", "preview-output");
        job.putArray("key").add("preview");
        job.set("processors", processors);
        try {
            return Job.parse(job, root.path(), Path.of("the processor chain")).steps();
        } catch (Job.InvalidJobException e) {
            throw WebError.bad("processors", String.join("; ", e.problems()));
        }
    }

    /// The preview of a chain on ensemble `e`: input and processed samples (and the input's
    /// headers) in one binary frame. The page computes the difference itself.
    byte[] preview(ObjectNode body) {
        String ds = text(body, "ds");
        EnsembleKey key = GatherService.key(text(body, "key"), body.path("sort").asText(null));
        int e = body.path("e").asInt(-1);
        List<Job.Step> steps = steps(body.get("processors"));
        OpenDatasets.Browse b = open.browse(ds, key);
        if (e < 0 || e >= b.index().ensembleCount()) {
            throw WebError.bad("e", "ensemble " + e + " does not exist; key " + key.spec() + " has " + b.index().ensembleCount()
                    + " ensembles");
        }
        long t0 = System.nanoTime();
        try (PreparedJob prepared = prepare(b.dataset(), key, steps)) {
            EnsembleUnit unit = prepared.unit();
            Gather input = unit.read(e).copy();
            Gather processed;
            try {
                processed = unit.process(e);
            } catch (RuntimeException ex) {
                throw WebError.bad("processors", "the chain failed on ensemble " + e + ": " + ex.getMessage());
            }
            long t1 = System.nanoTime();
            long[] traces = java.util.Arrays.copyOf(input.traces(), input.n2());
            Frame f = GatherService.header(b, e, input.n2())
                    .meta("processedTraces", processed.n2())
                    .meta("processSeconds", (t1 - t0) / 1e9)
                    .floats("input", input.samples(), 0, input.n1() * input.n2())
                    .floats("processed", processed.samples(), 0, processed.n1() * processed.n2());
            GatherService.addHeaders(f, b.dataset(), traces, traces.length, GatherService.DEFAULT_HEADERS);
            return f.encode();
        }
    }

    private static PreparedJob prepare(Dataset d, EnsembleKey key, List<Job.Step> steps) {
        try {
            return PreparedJob.of(d, key, steps);
        } catch (Job.InvalidJobException ex) {
            throw WebError.bad("processors", String.join("; ", ex.problems()));
        }
    }

    /// The job file of a chain (what `seisproc run` reads), as JSON text: input and output
    /// relative to the served folder, where the file is saved.
    static ObjectNode jobFile(String ds, String output, EnsembleKey key, JsonNode processors) {
        ObjectNode job = Json.MAPPER.createObjectNode();
        job.put("input", ds);
        job.put("output", output);
        ArrayNode k = job.putArray("key");
        key.fields().forEach(k::add);
        if (key.secondary() != null) {
            job.putArray("sortBy").add(key.secondary());
        }
        job.put("onError", "stop");
        job.set("processors", processors);
        return job;
    }

    /// Saves `body.job` (a job object) or `body.text` (a job file's JSON or YAML text, pasted or
    /// uploaded) as `body.name` in the served folder, checks it as `seisproc run` would (paths
    /// inside the folder), and queues it.
    Task submit(ObjectNode body) {
        String name = text(body, "name");
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,100}\\.(json|ya?ml)")) {
            throw WebError.bad("name", "a job file name is letters, digits, '.', '_' or '-', ending in .json, .yaml or .yml"
                    + " (it is saved in the served folder)");
        }
        String content;
        if (body.hasNonNull("job") && body.get("job").isObject()) {
            content = Json.text(body.get("job"));
        } else if (body.hasNonNull("text")) {
            content = body.get("text").asText();
        } else {
            throw WebError.bad("job", "give 'job' (the job as an object) or 'text' (a job file's content)");
        }
        Path file = root.resolve("name", name);
        boolean overwrite = body.path("overwrite").asBoolean(false);
        Job job = check(file, content);
        AtomicFiles.writeString(file, content, "name");
        return run(file, job, overwrite, true);
    }

    /// Validates job text as it would be read from `file`, without writing it: every problem
    /// reported together; input and output must lie inside the served folder.
    private Job check(Path file, String content) {
        Job job;
        try {
            JsonNode tree = file.toString().endsWith(".json")
                    ? Json.MAPPER.readTree(content)
                    : new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(content);
            job = Job.parse(tree, file.getParent(), file);
        } catch (Job.InvalidJobException e) {
            throw WebError.bad("job", String.join("; ", e.problems()));
        } catch (IOException e) {
            throw WebError.bad("job", "the job is not valid JSON/YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        root.checkInside("input", job.input());
        root.checkInside("output", job.output());
        return job;
    }

    /// Re-queues the job of an earlier task: a cancelled or failed run resumes from its record.
    Task resume(Task earlier) {
        Object file = earlier.info.get("jobFile");
        if (!(file instanceof String rel)) {
            throw WebError.bad("id", "task " + earlier.id + " is not a processing job");
        }
        if (!earlier.finished()) {
            throw new WebError(409, "id", "job " + earlier.id + " is still " + earlier.state.name().toLowerCase(java.util.Locale.ROOT));
        }
        Path path = root.resolve("jobFile", rel);
        Job job;
        try {
            job = check(path, Files.readString(path));
        } catch (IOException e) {
            throw WebError.notFound("id", "the job file " + rel + " cannot be read: " + e.getMessage());
        }
        return run(path, job, false, true);
    }

    private Task run(Path file, Job job, boolean overwrite, boolean resume) {
        String rel = root.relative(file);
        Task task = tasks.submit("job", "run " + rel + " -> " + root.relative(job.output()), t -> {
            try (Dataset in = Dataset.open(job.input())) {
                t.total = in.traceCount();
            }
            t.log("job file " + rel + ": " + job.steps().size() + " processor(s) on " + root.relative(job.input()) + " by "
                    + job.key() + (job.sortBy().isEmpty() ? "" : " sorted by " + job.sortBy()));
            int workers = Runtime.getRuntime().availableProcessors();
            java.util.function.LongConsumer progress = now -> {
                t.done.accumulateAndGet(now, Math::max); // reports from several workers may arrive out of order
                t.ensembleDoneByCurrentThread();
            };
            Engine.Report r = Engine.run(job, new Engine.Options(workers, overwrite, resume, progress, t.cancel));
            if (r.skipped() > 0) {
                t.log("resumed: " + r.skipped() + " ensembles were already done");
            }
            List<Map<String, Object>> per = new ArrayList<>();
            for (int i = 0; i < r.workers().size(); i++) {
                Engine.WorkerStats w = r.workers().get(i);
                per.add(Map.of("worker", i, "gathers", w.gathers(), "traces", w.traces(), "bytesIn", w.bytesIn(),
                        "bytesOut", w.bytesOut(), "tracesPerSecond", r.seconds() > 0 ? w.traces() / r.seconds() : 0));
                t.log(String.format("worker %d: %,d gathers, %,d traces", i, w.gathers(), w.traces()));
            }
            t.workers(per);
            for (Engine.Failure f : r.failures()) {
                t.log("ensemble " + job.key() + " = " + f);
            }
            if (!r.complete()) {
                if (!t.cancel.get()) {
                    throw new org.seisproc.engine.ProcessingException(r.failures().size() + " ensemble(s) failed; the output "
                            + root.relative(job.output()) + " is incomplete");
                }
                return;
            }
            t.log(String.format("wrote %s: %,d ensembles, %,d traces in %.2f s (%,.0f traces/s)", root.relative(r.output()),
                    r.ensembles(), r.traces(), r.seconds(), r.traces() / Math.max(r.seconds(), 1e-9)));
            t.result("output", root.relative(r.output()));
            try (Dataset out = Dataset.open(r.output())) {
                t.result("checksum", out.manifest().checksums() == null ? out.sampleDigest()
                        : out.manifest().checksums().samplesSha256());
                t.result("traces", out.traceCount());
            }
        });
        task.info.put("jobFile", rel);
        task.info.put("output", root.relative(job.output()));
        return task;
    }

    static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank()) {
            throw WebError.bad(field, "'" + field + "' is missing");
        }
        return v.asText();
    }
}

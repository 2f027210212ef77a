package org.seisproc.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.seisproc.dataset.Dataset;
import org.seisproc.dsp.Sampling;
import org.seisproc.dsp.Taper;
import org.seisproc.engine.Job;
import org.seisproc.ensemble.EnsembleKey;
import org.seisproc.qc.AttributeOptions;
import org.seisproc.qc.BatchQc;
import org.seisproc.qc.Flags;
import org.seisproc.qc.Lines;
import org.seisproc.qc.QcStack;
import org.seisproc.qc.TraceAttributes;
import org.seisproc.qc.VelocityModel;

/// QC runs from the page, as [Task]s: the brute stack ([QcStack]), trace attributes
/// ([TraceAttributes]) and batch QC ([BatchQc]) — the same library calls as `seisproc qc
/// stack|attributes|batch`, so the same writers (atomic, locked dataset writers; Parquet
/// written whole then renamed) and the same validation: every value is checked by the core's
/// parsers before the task is queued, and a bad one is a 4xx naming its request field with the
/// command line's message. Inputs and outputs lie inside the root.
final class QcRuns {
    /// The command-line option a core message starts with → the request field it is about.
    private static final Map<String, String> OPTION_FIELDS = Map.of("--min-fold", "minFold", "--stretch-mute", "stretchMute",
            "--lines", "lines", "--velocity", "velocity", "--window-ms", "windowMs", "--noise-window-ms", "noiseWindowMs", "--mute",
            "mute", "--flag", "flags", "flag thresholds", "flags");
    private static final java.util.regex.Pattern JOB_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,100}\\.json");

    private final RootDir root;
    private final Tasks tasks;

    QcRuns(RootDir root, Tasks tasks) {
        this.root = root;
        this.tasks = tasks;
    }

    // ---- brute stack

    /// `{ds, output, velocity, lines, bin, method, minFold, stretchMute, interp, foldOutput, overwrite}`.
    Task stack(ObjectNode body) {
        String ds = ProcessingService.text(body, "ds");
        Path in = QcReports.datasetDir(root, "ds", ds);
        Path out = output(body, "output");
        Path fold = body.hasNonNull("foldOutput") && !body.get("foldOutput").asText().isBlank() ? output(body, "foldOutput")
                : QcStack.defaultFoldPath(out);
        root.checkInside("foldOutput", fold);
        boolean overwrite = body.path("overwrite").asBoolean(false);
        refuseExisting("output", out, overwrite);
        refuseExisting("foldOutput", fold, overwrite);
        if (out.equals(in) || fold.equals(in)) {
            String f = out.equals(in) ? "output" : "foldOutput";
            throw WebError.bad(f, "'" + f + "' must differ from the input dataset");
        }
        if (fold.equals(out)) {
            throw WebError.bad("foldOutput", "'foldOutput' must differ from 'output'");
        }
        for (Path p : List.of(out, fold)) {
            if (Files.exists(p) && !Files.isRegularFile(p.resolve(org.seisproc.dataset.DatasetFiles.MANIFEST))
                    && !Files.exists(p.resolve(org.seisproc.dataset.DatasetFiles.INCOMPLETE_MARKER))) {
                String f = p.equals(out) ? "output" : "foldOutput";
                throw new WebError(409, f, "'" + root.relative(p) + "' exists and is not a dataset; it is not overwritten");
            }
        }
        String velocity = velocity(ProcessingService.text(body, "velocity"), root.path(), "velocity");
        String linesText = QcReports.optional(body, "lines");
        TreeSet<Integer> lines = linesText == null ? null : core("lines", () -> Lines.parse(linesText));
        boolean byInline = core("bin", () -> QcStack.parseBin(body.path("bin").asText("cdp")));
        QcStack.Method method = core("method", () -> QcStack.parseMethod(body.path("method").asText("mean")));
        boolean sinc = core("interp", () -> QcStack.parseSinc(body.path("interp").asText("linear")));
        if (lines != null) {
            checkLines(in, ds, lines);
        }
        int minFold = integer(body, "minFold", 1);
        double stretch = number(body, "stretchMute", 1.5);
        int workers = Runtime.getRuntime().availableProcessors();
        QcStack.Options options = core("minFold", () -> new QcStack.Options(velocity, root.path(), lines, byInline, method, minFold,
                stretch, sinc, workers, overwrite));
        Task task = tasks.submit("qc-stack", "QC stack " + ds + " -> " + root.relative(out), t -> {
            try (Dataset d = Dataset.open(in)) {
                t.total = d.traceCount();
                t.log("velocity " + body.get("velocity").asText() + ", bins " + (byInline ? "iline,xline" : "cdp") + ", "
                        + method.name().toLowerCase(java.util.Locale.ROOT) + ", min fold " + minFold + ", stretch mute " + stretch
                        + (lines == null ? "" : ", inlines " + Lines.compact(lines)));
                QcStack.Result r = QcStack.run(d, out, fold, options, progress(t));
                t.log(String.format("stacked %,d bins of %,d traces (inlines %s) in %.2f s", r.bins(), r.traces(), Lines.compact(r.lines()),
                        r.seconds()));
                t.done.set(t.total);
                t.result("output", root.relative(r.stack()));
                t.result("fold", root.relative(r.fold()));
                t.result("bins", r.bins());
            }
        });
        task.info.put("output", root.relative(out));
        return task;
    }

    /// Refuses inlines the dataset does not have, with the core's message, before the task is
    /// queued. A bin's inline is its first trace's; the inlines of all traces are those of the
    /// bins unless a cdp bin straddles two inlines, which [QcStack#run] then still reports.
    private void checkLines(Path in, String ds, TreeSet<Integer> lines) {
        try (Dataset d = Dataset.open(in)) {
            if (d.headerLayout().findOrNull("iline") == null) {
                throw WebError.bad("lines", "'lines' selects inlines, but " + ds + " has no iline header");
            }
            TreeSet<Integer> present = new TreeSet<>();
            for (int v : org.seisproc.ensemble.HeaderColumns.intColumn(d, "iline")) {
                present.add(v);
            }
            org.seisproc.qc.QcInputException missing = QcStack.missingLines(lines, present, Path.of(ds));
            if (missing != null) {
                throw WebError.bad("lines", missing.getMessage());
            }
        }
    }

    /// The velocity as QcStack reads it relative to `base`: a table file (inside the root, read
    /// and checked now) or a function (checked now). A function's text never names a file: it is
    /// handed over only when no file of that name lies under `base`.
    private String velocity(String spec, Path base, String field) {
        Path file = null;
        WebError pathProblem = null;
        try {
            file = base.equals(root.path()) ? root.resolve(field, spec) : base.resolve(spec).normalize();
            root.checkInside(field, file);
        } catch (WebError e) {
            pathProblem = e;
            file = null;
        }
        if (file != null && Files.isRegularFile(file)) {
            Path f = file;
            core(field, () -> VelocityModel.parse(f.toString(), null));
            return spec; // read by QcStack relative to `base`, which is where it was found
        }
        try {
            VelocityModel.parseFunction(spec);
        } catch (IllegalArgumentException e) {
            if (pathProblem != null) {
                throw pathProblem;
            }
            throw WebError.bad(field, e.getMessage() + " (a table file is given relative to the served folder)");
        }
        return spec;
    }

    // ---- trace attributes

    /// `{ds, output (.parquet), windowMs, noiseWindowMs, mute, flags, key, key2, headers, overwrite}`.
    Task attributes(ObjectNode body) {
        String ds = ProcessingService.text(body, "ds");
        Path in = QcReports.datasetDir(root, "ds", ds);
        Path out = output(body, "output");
        if (!out.getFileName().toString().endsWith(".parquet")) {
            throw WebError.bad("output", "the attribute table's name ends in .parquet (beside it: .ensembles.parquet and .bad.csv)");
        }
        boolean overwrite = body.path("overwrite").asBoolean(false);
        refuseExisting("output", out, overwrite);
        if (Files.isDirectory(out)) {
            throw new WebError(409, "output", "'" + root.relative(out) + "' is a folder; the attribute table is a .parquet file");
        }
        double[] sw = window(body, "windowMs", "--window-ms");
        double[] nw = window(body, "noiseWindowMs", "--noise-window-ms");
        String muteText = QcReports.optional(body, "mute");
        Taper mute = muteText == null ? null : core("mute", () -> AttributeOptions.parseMute(muteText));
        List<String> flagSettings = list(body.get("flags"));
        Flags flags = core("flags", () -> Flags.parse(flagSettings));
        AttributeOptions options = new AttributeOptions(sw[0], sw[1], nw[0], nw[1], mute, flags);
        EnsembleKey key = GatherService.key(body.path("key").asText("fldr"), QcReports.optional(body, "key2"));
        List<String> headers = body.hasNonNull("headers") ? list(body.get("headers")) : TraceAttributes.DEFAULT_HEADERS;
        try (Dataset d = Dataset.open(in)) {
            Sampling time = new Sampling(d.samplesPerTrace(), d.manifest().sampleIntervalMicros() * 1e-6, 0);
            core("windowMs", () -> options.signalWindow(time));
            core("noiseWindowMs", () -> options.noiseWindow(time));
            List<String> names = GatherService.available(d);
            for (String f : key.fields()) {
                if (!names.contains(f)) {
                    throw WebError.bad("key", "no header column '" + f + "'; columns: " + names);
                }
            }
            if (key.secondary() != null && !names.contains(key.secondary())) {
                throw WebError.bad("key2", "no header column '" + key.secondary() + "'; columns: " + names);
            }
            if (mute != null && !names.contains("offset")) {
                throw WebError.bad("mute", "a mute needs the offset header, which " + ds + " does not have");
            }
            if (headers != TraceAttributes.DEFAULT_HEADERS) {
                for (String h : headers) {
                    if (!names.contains(h)) {
                        throw WebError.bad("headers", "no header column '" + h + "'; columns: " + names);
                    }
                }
            }
        }
        Task task = tasks.submit("qc-attributes", "QC attributes " + ds + " -> " + root.relative(out), t -> {
            try (Dataset d = Dataset.open(in)) {
                t.total = d.traceCount();
                TraceAttributes.Result r = TraceAttributes.compute(d, key, options, Runtime.getRuntime().availableProcessors(),
                        progress(t));
                List<Path> files = TraceAttributes.write(d, r, headers, out);
                t.log(String.format("%,d traces in %,d gathers (%s) in %.2f s; signal window samples %d..%d, noise window samples"
                        + " %d..%d; %,d bad trace(s)", d.traceCount(), r.ensembles().rows(), key.spec(), r.seconds(), r.signalWindow()[0],
                        r.signalWindow()[1] - 1, r.noiseWindow()[0], r.noiseWindow()[1] - 1, r.bad()));
                files.forEach(f -> t.log("wrote " + root.relative(f)));
                t.done.set(t.total);
                t.result("output", root.relative(out));
                t.result("bad", r.bad());
            }
        });
        task.info.put("output", root.relative(out));
        return task;
    }

    private static double[] window(JsonNode body, String field, String option) {
        String text = QcReports.optional(body, field);
        return text == null ? new double[] {Double.NaN, Double.NaN} : core(field, () -> AttributeOptions.parseWindowMs(text, option));
    }

    // ---- batch QC

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
            velocity(stack.get("velocity").asText(), file.getParent(), "stack.velocity");
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

    // ---- parameters

    /// Progress in traces (reports from several workers may arrive out of order), and the
    /// task's cancel: the QC library has no cancel flag, so its progress callback stops it.
    static java.util.function.LongConsumer progress(Task t) {
        return now -> {
            t.done.accumulateAndGet(now, Math::max);
            t.checkCancel();
        };
    }

    private Path output(JsonNode body, String field) {
        Path out = root.resolve(field, ProcessingService.text(body, field));
        if (out.equals(root.path())) {
            throw WebError.bad(field, "'" + field + "' must name something inside the served folder, not the folder itself");
        }
        return out;
    }

    private void refuseExisting(String field, Path p, boolean overwrite) {
        if (Files.exists(p) && !overwrite) {
            throw new WebError(409, field, "'" + root.relative(p) + "' exists; choose another name or overwrite it");
        }
    }

    private static int integer(JsonNode body, String field, int fallback) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            return fallback;
        }
        if (v.isIntegralNumber()) {
            return v.asInt();
        }
        try {
            return Integer.parseInt(v.asText().trim());
        } catch (NumberFormatException e) {
            throw WebError.bad(field, "'" + field + "' must be an integer, not '" + v.asText() + "'");
        }
    }

    private static double number(JsonNode body, String field, double fallback) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            return fallback;
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        try {
            return Double.parseDouble(v.asText().trim());
        } catch (NumberFormatException e) {
            throw WebError.bad(field, "'" + field + "' must be a number, not '" + v.asText() + "'");
        }
    }

    /// A list given as a JSON array of strings or one comma-separated string.
    private static List<String> list(JsonNode v) {
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isArray()) {
            v.forEach(x -> out.add(x.asText().trim()));
        } else {
            for (String s : v.asText().split(",")) {
                out.add(s.trim());
            }
        }
        out.removeIf(String::isEmpty);
        return out;
    }

    /// Runs a core parser or check; its [IllegalArgumentException] becomes a 400 naming the
    /// request field the message is about (its leading command-line option), else `field`.
    private static <T> T core(String field, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            String named = field;
            for (Map.Entry<String, String> o : OPTION_FIELDS.entrySet()) {
                if (message.startsWith(o.getKey()) && !field.contains(".")) {
                    named = o.getValue();
                }
            }
            throw WebError.bad(named, message);
        }
    }
}

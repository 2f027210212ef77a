package org.seisproc.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.seisproc.dataset.Dataset;
import org.seisproc.dataset.DatasetException;
import org.seisproc.dataset.DatasetFiles;
import org.seisproc.migration.Estimate;
import org.seisproc.migration.HeaderMapping;
import org.seisproc.migration.Migration;
import org.seisproc.migration.MigrationException;
import org.seisproc.migration.MigrationJob;
import org.seisproc.migration.OffsetClasses;
import org.seisproc.migration.OutputGrid;
import org.seisproc.migration.PreparedMigration;
import org.seisproc.migration.SurveyScan;
import org.seisproc.migration.VelocityModel;

/// Kirchhoff PSTM from the page: the wizard's survey scan, velocity preview, review (checks and
/// estimate) and job files, and migrations run as [Task]s with the [MigrationRun] the monitor
/// watches. Every job goes through the core: [MigrationJob#parse] (the job file's problems, as
/// `seisproc migrate` reads it), [PreparedMigration#prepare] (the data's), [Estimate#of],
/// [Migration#run] — nothing of the job is parsed or checked here but the paths, which must lie
/// inside the served folder.
final class MigrationService implements AutoCloseable {
    private static final String NAME = "[A-Za-z0-9][A-Za-z0-9._-]{0,100}\\.(json|ya?ml)";

    private final RootDir root;
    private final Tasks tasks;
    private final Map<String, MigrationRun> runs = new ConcurrentHashMap<>();
    private Scanned scanned;

    /// The last survey scanned (input, mapping, the manifest's time) and its dataset, open.
    private record Scanned(Path input, HeaderMapping mapping, long manifestMillis, Dataset dataset, SurveyScan scan) {
    }

    MigrationService(RootDir root, Tasks tasks) {
        this.root = root;
        this.tasks = tasks;
    }

    // ---- the wizard

    /// The survey scan of `input` with header mapping `headers` (role -> field; the standard's
    /// for roles not given): every role's field with its non-zero count and first values, the
    /// detection notes, extents, bins, problems; and the dataset's header names for the menus.
    synchronized Map<String, Object> scan(ObjectNode body) {
        Path input = root.resolve("input", ProcessingService.text(body, "input"));
        ObjectNode probe = Json.MAPPER.createObjectNode();
        probe.put("input", "probe-input");
        probe.put("output", "probe-output");
        probe.putObject("velocity").put("kind", "constant").put("v", 2000);
        if (body.hasNonNull("headers")) {
            probe.set("headers", body.get("headers"));
        }
        MigrationJob.Parsed p = MigrationJob.parse(probe, null);
        if (!p.problems().isEmpty()) {
            throw JobProblems.of("header mapping", p.problems(), "headers");
        }
        Scanned s = scanned(input, p.job().headers());
        Map<String, Object> m = summary(s.scan());
        List<String> names = new ArrayList<>();
        s.dataset().headerLayout().fields().forEach(f -> names.add(f.name()));
        m.put("headerNames", names);
        m.put("mapping", p.job().headers().asMap());
        return m;
    }

    /// v(T) at a bin (`inline`, `crossline`; default the output grid's centre) on the output times:
    /// the velocity preview. `body.job` is the job being built.
    synchronized Map<String, Object> velocity(ObjectNode body) {
        MigrationJob job = parse(body.get("job"));
        Scanned s = scanned(job.input(), job.headers());
        List<String> problems = new ArrayList<>(s.scan().problems());
        if (!problems.isEmpty()) {
            throw JobProblems.of("the survey cannot be migrated", problems, "headers");
        }
        Dataset in = s.dataset();
        OutputGrid grid = job.grid().resolve(s.scan(), in.samplesPerTrace(), in.manifest().sampleIntervalMicros(), problems);
        VelocityModel model = grid == null ? null : job.velocity().model(s.scan(), problems);
        try {
            if (!problems.isEmpty()) {
                throw JobProblems.of("no velocity preview", problems, "velocity");
            }
            int il = body.hasNonNull("inline") ? body.get("inline").asInt() : grid.inline(grid.inlines() / 2);
            int xl = body.hasNonNull("crossline") ? body.get("crossline").asInt() : grid.crossline(grid.crosslines() / 2);
            float[] v = new float[grid.time().count()];
            model.at(il, xl, grid.time(), v);
            double[] t = new double[v.length];
            for (int k = 0; k < t.length; k++) {
                t[k] = grid.time().first() + k * grid.time().interval();
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("inline", il);
            m.put("crossline", xl);
            m.put("times", t);
            m.put("velocities", v);
            m.put("warnings", model.coverageProblems(grid));
            return m;
        } finally {
            if (model instanceof VelocityModel.Volume vol) {
                vol.close();
            }
        }
    }

    /// The review: the job checked as `seisproc migrate` checks it (the file, then the data), the
    /// resolved grid, tiles, the memory/disk/time estimate with its refusals, and the job file's
    /// text as the wizard saves it.
    Map<String, Object> check(ObjectNode body) {
        JsonNode tree = body.get("job");
        MigrationJob job = parse(tree);
        int workers = workers(job);
        try (PreparedMigration pm = prepare(job)) {
            Estimate e = Estimate.of(pm, workers);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("scan", summary(pm.scan()));
            m.put("grid", grid(pm.grid()));
            m.put("tiles", pm.plan().tiles().size());
            m.put("offsetClasses", classes(job.parameters().offsetClasses()));
            m.put("vectorKernel", pm.plan().vectorised());
            Map<String, Object> est = new LinkedHashMap<>();
            est.put("outputTraces", e.outputTraces());
            est.put("stackBytes", e.stackBytes());
            est.put("gathersBytes", e.gathersBytes());
            est.put("diskFreeBytes", e.diskFreeBytes());
            est.put("sharedBytes", e.sharedBytes());
            est.put("workerBytes", e.workerBytes());
            est.put("workers", e.workers());
            est.put("peakMemoryBytes", e.peakMemoryBytes());
            est.put("memoryBudgetBytes", e.memoryBudgetBytes());
            est.put("traceReads", e.traceReads());
            est.put("contributions", e.contributions());
            est.put("seconds", e.seconds());
            est.put("nominalContributionsPerSecond", Estimate.nominalRate(job.parameters().antiAlias().enabled()));
            m.put("estimate", est);
            m.put("refusals", e.refusals());
            m.put("outputExists", Files.exists(job.output()) || job.gathers() != null && Files.exists(job.gathers()));
            m.put("jobFile", Json.text(tree));
            return m;
        }
    }

    /// Saves `body.job` as job file `body.name` in the served folder (replacing it), after the
    /// checks `seisproc migrate` makes of a job file: exactly the text that command then reads.
    Map<String, Object> save(ObjectNode body) {
        Path file = jobFile(ProcessingService.text(body, "name"));
        JsonNode tree = body.get("job");
        parse(tree);
        String text = file.toString().endsWith(".json") ? Json.text(tree) : yaml(tree);
        AtomicFiles.writeString(file, text, "name");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", root.relative(file));
        m.put("text", text);
        return m;
    }

    /// A job file of the served folder as the wizard loads it: the job as written, and its
    /// problems (empty when `seisproc migrate` accepts it).
    Map<String, Object> load(String name) {
        Path file = jobFile(name);
        if (!Files.isRegularFile(file)) {
            throw WebError.notFound("name", "no job file '" + name + "' in the served folder");
        }
        JsonNode tree;
        try {
            String text = Files.readString(file);
            tree = file.toString().endsWith(".json") ? Json.MAPPER.readTree(text)
                    : new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(text);
        } catch (IOException e) {
            throw WebError.bad("name", name + " is not valid JSON/YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        List<Map<String, String>> problems = List.of();
        try {
            parse(tree);
        } catch (JobProblems p) {
            problems = p.problems();
        } catch (WebError w) {
            problems = List.of(Map.of("message", w.getMessage(), "parameter", w.parameter()));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", root.relative(file));
        m.put("job", tree);
        m.put("problems", problems);
        return m;
    }

    // ---- runs

    /// Runs job file `body.name` (saved first when `body.job` is given) as a task; `overwrite`
    /// replaces existing outputs, an interrupted run of the same job resumes.
    Task run(ObjectNode body) {
        String name = ProcessingService.text(body, "name");
        if (body.hasNonNull("job")) {
            save(body);
        }
        Path file = jobFile(name);
        if (!Files.isRegularFile(file)) {
            throw WebError.notFound("name", "no job file '" + name + "' in the served folder");
        }
        loadChecked(file);
        return submit(file, body.path("overwrite").asBoolean(false), null);
    }

    /// Re-queues the job of an earlier migration task: it resumes from the last finished tile.
    Task resume(Task earlier) {
        MigrationRun before = runs.get(earlier.id);
        if (before == null) {
            throw WebError.bad("id", "task " + earlier.id + " is not a migration");
        }
        if (!earlier.finished()) {
            throw new WebError(409, "id", "migration " + earlier.id + " is still " + earlier.state.name().toLowerCase(java.util.Locale.ROOT));
        }
        Path file = root.resolve("jobFile", before.jobFile());
        loadChecked(file);
        return submit(file, false, before);
    }

    /// The run of task `id` (404 when it is no migration).
    MigrationRun runOf(String id) {
        Task t = tasks.get(id);
        MigrationRun r = runs.get(t.id);
        if (r == null) {
            throw WebError.bad("id", "task " + id + " is not a migration");
        }
        return r;
    }

    /// Called when any task is cancelled: a migration stops within its current tile.
    void cancelled(Task t) {
        MigrationRun r = runs.get(t.id);
        if (r != null) {
            r.control().cancel();
        }
    }

    private Task submit(Path file, boolean overwrite, MigrationRun before) {
        String rel = root.relative(file);
        MigrationRun run = new MigrationRun(rel, before);
        Task task = tasks.submit("migration", "migrate " + rel, t -> execute(t, run, file, overwrite));
        run.attach(task);
        runs.put(task.id, run);
        task.info.put("jobFile", rel);
        task.info.put("migration", run);
        return task;
    }

    /// The task's work: what `seisproc migrate JOB` does, with the run's listener and control.
    private void execute(Task t, MigrationRun run, Path file, boolean overwrite) {
        MigrationJob job;
        try {
            job = loadChecked(file);
        } catch (JobProblems p) {
            throw p.asError();
        }
        int workers = workers(job);
        t.unit = "tiles";
        PreparedMigration pm;
        try {
            pm = prepare(job);
        } catch (JobProblems p) {
            throw p.asError();
        }
        try (pm) {
            Estimate e = Estimate.of(pm, workers);
            OutputGrid g = pm.grid();
            t.log(String.format("job file %s: %s, %,d traces; output %s: inlines %d..%d, crosslines %d..%d, %d samples; %d tile(s), %d worker(s)",
                    run.jobFile(), root.relative(job.input()), pm.input().traceCount(), root.relative(job.output()), g.firstInline(),
                    g.lastInline(), g.firstCrossline(), g.lastCrossline(), g.time().count(), pm.plan().tiles().size(), workers));
            t.log(String.format("estimate: output %,d bytes, memory %,d bytes, ~%.3g contributions, ~%.1f s at the nominal rate",
                    e.stackBytes() + e.gathersBytes(), e.peakMemoryBytes(), (double) e.contributions(), e.seconds()));
            if (!e.refusals().isEmpty()) {
                throw WebError.bad("execution", "the estimate refuses this job: " + String.join("; ", e.refusals()));
            }
            run.start(pm);
            Migration.Report r = Migration.run(pm, new Migration.Options(workers, overwrite, true), run, run.control());
            if (!r.complete()) {
                if (!t.cancel.get()) {
                    throw new IllegalStateException("the migration stopped without being cancelled");
                }
                return;
            }
            t.log(String.format("wrote %s%s: %,d tiles (%,d resumed) in %.2f s; %,d trace reads, %,d contributions",
                    root.relative(job.output()), job.gathers() != null ? " and " + root.relative(job.gathers()) : "", r.tiles(),
                    r.tilesSkipped(), r.seconds(), r.tracesRead(), r.contributions()));
            t.result("output", root.relative(job.output()));
            if (job.gathers() != null) {
                t.result("gathers", root.relative(job.gathers()));
            }
            try (Dataset out = Dataset.open(job.output())) {
                t.result("checksum", out.manifest().checksums() == null ? out.sampleDigest() : out.manifest().checksums().samplesSha256());
                t.result("traces", out.traceCount());
            }
        } catch (DatasetException e) {
            throw new WebError(409, "output", e.getMessage());
        }
    }

    // ---- checks

    /// The job file `name` (a plain file name in the served folder).
    private Path jobFile(String name) {
        if (name == null || !name.matches(NAME)) {
            throw WebError.bad("name", "a job file name is letters, digits, '.', '_' or '-', ending in .json, .yaml or .yml"
                    + " (it is kept in the served folder)");
        }
        return root.resolve("name", name);
    }

    /// A job file read as `seisproc migrate` reads it ([MigrationJob#load]), its paths checked.
    private MigrationJob loadChecked(Path file) {
        MigrationJob job;
        try {
            job = MigrationJob.load(file);
        } catch (org.seisproc.engine.Job.InvalidJobException e) {
            throw JobProblems.of(root.relative(file), e.problems(), "job");
        }
        inside(job);
        return job;
    }

    /// A job object as the wizard sends it, parsed and validated by the core with paths taken from
    /// the served folder (where its job file is saved), then its paths checked.
    private MigrationJob parse(JsonNode tree) {
        if (tree == null || !tree.isObject()) {
            throw WebError.bad("job", "'job' (the migration job as an object) is missing");
        }
        MigrationJob.Parsed p = MigrationJob.parse(tree, root.path());
        if (!p.problems().isEmpty()) {
            throw JobProblems.of("the job has " + p.problems().size() + " problem(s)", p.problems(), "job");
        }
        inside(p.job());
        return p.job();
    }

    private void inside(MigrationJob job) {
        root.checkInside("input", job.input());
        root.checkInside("output", job.output());
        if (job.gathers() != null) {
            root.checkInside("gathers", job.gathers());
        }
        if (job.velocity().path() != null) {
            root.checkInside("velocity.path", job.velocity().path());
        }
    }

    private PreparedMigration prepare(MigrationJob job) {
        if (!Files.isDirectory(job.input())) {
            throw WebError.notFound("input", "no dataset " + root.relative(job.input()) + " in the served folder");
        }
        try {
            return PreparedMigration.prepare(job);
        } catch (MigrationException e) {
            throw JobProblems.of("cannot migrate " + root.relative(job.input()), e.problems(), "headers");
        } catch (DatasetException e) {
            throw new WebError(422, "input", e.getMessage());
        }
    }

    /// Workers as `seisproc migrate` takes them: the job's (capped at 4 per core), else one per core.
    static int workers(MigrationJob job) {
        int cores = Runtime.getRuntime().availableProcessors();
        return job.workers() > 0 ? Math.min(job.workers(), 4 * cores) : cores;
    }

    private Scanned scanned(Path input, HeaderMapping mapping) {
        if (!Files.isDirectory(input)) {
            throw WebError.notFound("input", "no dataset " + root.relative(input) + " in the served folder");
        }
        long millis;
        try {
            millis = Files.getLastModifiedTime(input.resolve(DatasetFiles.MANIFEST)).toMillis();
        } catch (IOException e) {
            throw WebError.bad("input", root.relative(input) + " is not a dataset (no " + DatasetFiles.MANIFEST + ")");
        }
        Scanned s = scanned;
        if (s != null && s.input().equals(input) && s.mapping().equals(mapping) && s.manifestMillis() == millis) {
            return s;
        }
        Dataset d;
        try {
            d = Dataset.open(input);
        } catch (DatasetException e) {
            throw new WebError(422, "input", e.getMessage());
        }
        if (s != null) {
            s.dataset().close();
        }
        scanned = new Scanned(input, mapping, millis, d, SurveyScan.scan(d, mapping));
        return scanned;
    }

    private Map<String, Object> summary(SurveyScan scan) {
        Map<String, Object> m = new LinkedHashMap<>(scan.summary());
        m.put("dataset", root.relative(Path.of(m.get("dataset").toString())));
        m.put("threeD", scan.threeD());
        return m;
    }

    static Map<String, Object> grid(OutputGrid g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("inlines", new int[] {g.firstInline(), g.lastInline(), g.inlineStep()});
        m.put("crosslines", new int[] {g.firstCrossline(), g.lastCrossline(), g.crosslineStep()});
        m.put("inlineCount", g.inlines());
        m.put("crosslineCount", g.crosslines());
        m.put("samples", g.time().count());
        m.put("sampleIntervalMicros", g.time().interval() * 1e6);
        m.put("firstTime", g.time().first());
        m.put("lastTime", g.time().first() + (g.time().count() - 1) * g.time().interval());
        m.put("traces", g.traces());
        return m;
    }

    static List<Map<String, Object>> classes(OffsetClasses c) {
        List<Map<String, Object>> out = new ArrayList<>();
        double[] e = c.edgesMeters();
        for (int k = 0; k < c.count(); k++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("fromMeters", e[k]);
            m.put("toMeters", Double.isInfinite(e[k + 1]) ? null : e[k + 1]);
            m.put("centreMeters", c.centre(k));
            out.add(m);
        }
        return out;
    }

    private static String yaml(JsonNode tree) {
        try {
            return new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().writeValueAsString(tree);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /// Cancels every migration (a paused one would otherwise hold the task queue) and closes the
    /// scanned dataset. Called before the task queue closes.
    @Override
    public synchronized void close() {
        runs.values().forEach(r -> r.control().cancel());
        if (scanned != null) {
            scanned.dataset().close();
            scanned = null;
        }
    }
}

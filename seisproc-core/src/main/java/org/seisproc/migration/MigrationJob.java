package org.seisproc.migration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.seisproc.engine.Job;

/// A migration job file (JSON, or YAML by extension), what `seisproc migrate` runs and the PSTM
/// wizard saves and loads. Every field but `input`, `output` and `velocity` has a default:
///
/// ```json
/// { "input": "gathers.ds", "output": "image.ds", "gathers": "cig.ds",
///   "headers": {"sourceX": "sx", "inline": "iline"},
///   "grid": {"inlines": [1, 200, 1], "crosslines": [1, 300, 1], "times": [0.0, 4.0], "sampleIntervalMicros": 4000},
///   "velocity": {"kind": "linear", "v0": 1800, "k": 600},
///   "aperture": {"maxDistanceMeters": 3000, "maxAngleDegrees": 60, "taperFraction": 0.1},
///   "antiAlias": {"enabled": true, "factor": 1, "maxHalfLength": 12},
///   "weights": {"obliquity": true, "spreading": true, "rho": "auto"},
///   "interpolation": "linear",
///   "offsetClasses": {"preset": "uniform", "count": 8, "maxMeters": 4000},
///   "execution": {"workers": 0, "tileInlines": 16, "tileCrosslines": 16, "memoryBudgetMegabytes": 0} }
/// ```
///
/// `grid` ranges default to the survey's scanned inline/crossline ranges, the times to the
/// input's axis. `gathers` (optional) receives the common-image gathers (one trace per offset
/// class per bin); `output` the stack. `offsetClasses` is `{"preset": "all"}` (default),
/// `{"preset": "uniform", "count", "maxMeters"}` or `{"edgesMeters": [0, 500, 1000, ...]}`.
/// `velocity` kinds: see [VelocityModel]. Relative paths are taken from the job file's folder.
///
/// @param input       the input dataset (prestack, any order)
/// @param output      the stacked image dataset
/// @param gathers     the common-image-gather dataset, or null
/// @param headers     header mapping
/// @param grid        the requested output grid (nulls: from the survey)
/// @param velocity    the velocity
/// @param parameters  algorithm settings
/// @param workers     worker threads (0 = all cores)
/// @param memoryBudgetBytes memory the run may use (0 = the JVM's maximum heap)
public record MigrationJob(Path input, Path output, Path gathers, HeaderMapping headers, GridSpec grid, VelocitySpec velocity,
                           MigrationParameters parameters, int workers, long memoryBudgetBytes) {

    /// The output grid as asked: any null is taken from the survey (ranges) or the input (times).
    ///
    /// @param inlines              {first, last, step} or null
    /// @param crosslines           {first, last, step} or null
    /// @param firstTime            first output time (s) or null (0)
    /// @param lastTime             last output time (s) or null (the input's last)
    /// @param sampleIntervalMicros output sample interval (µs) or null (the input's)
    public record GridSpec(int[] inlines, int[] crosslines, Double firstTime, Double lastTime, Integer sampleIntervalMicros) {
        /// The grid for a survey scanned as `scan` with input time axis `ns` × `dtMicros`.
        public OutputGrid resolve(SurveyScan scan, int ns, double dtMicros, List<String> problems) {
            int[] il = inlines != null ? inlines : new int[] {scan.inlineMin(), scan.inlineMax(), 1};
            int[] xl = crosslines != null ? crosslines : new int[] {scan.crosslineMin(), scan.crosslineMax(), 1};
            double dt = (sampleIntervalMicros != null ? sampleIntervalMicros : dtMicros) * 1e-6;
            double t0 = firstTime != null ? firstTime : 0;
            double t1 = lastTime != null ? lastTime : (ns - 1) * dtMicros * 1e-6;
            int nk = (int) Math.floor((t1 - t0) / dt + 1e-6) + 1;
            if (il[2] < 1 || xl[2] < 1 || il[1] < il[0] || xl[1] < xl[0] || nk < 1 || t0 < 0) {
                problems.add("grid: inlines " + java.util.Arrays.toString(il) + ", crosslines " + java.util.Arrays.toString(xl) + ", times "
                        + t0 + ".." + t1 + " s do not make a grid (first <= last, step >= 1, times >= 0)");
                return null;
            }
            if (il[0] > scan.inlineMax() || il[1] < scan.inlineMin() || xl[0] > scan.crosslineMax() || xl[1] < scan.crosslineMin()) {
                problems.add("grid: inlines " + il[0] + ".." + il[1] + " x crosslines " + xl[0] + ".." + xl[1]
                        + " do not overlap the survey's inlines " + scan.inlineMin() + ".." + scan.inlineMax() + " x crosslines "
                        + scan.crosslineMin() + ".." + scan.crosslineMax());
            }
            return new OutputGrid(il[0], il[2], (il[1] - il[0]) / il[2] + 1, xl[0], xl[2], (xl[1] - xl[0]) / xl[2] + 1,
                    new org.seisproc.dsp.Sampling(nk, dt, t0));
        }
    }

    /// One velocity function of a table: at a CDP, or at an inline/crossline.
    public record TableFunction(Long cdp, Integer inline, Integer crossline, double[] times, double[] velocities) {
    }

    /// The velocity as the job file gives it (see [VelocityModel] for the kinds).
    public record VelocitySpec(String kind, double v, double v0, double k, List<TableFunction> functions, Path path) {
        /// The model for a survey; table CDPs are placed at their bins. Open [VelocityModel.Volume]s
        /// must be closed by the caller.
        public VelocityModel model(SurveyScan scan, List<String> problems) {
            switch (kind) {
                case "constant":
                    return new VelocityModel.Constant(v);
                case "linear":
                    return new VelocityModel.Linear(v0, k);
                case "table": {
                    List<VelocityModel.ControlPoint> points = new ArrayList<>();
                    for (TableFunction f : functions) {
                        int il;
                        int xl;
                        if (f.cdp() != null) {
                            int[] bin = scan.binOfCdp(f.cdp());
                            if (bin == null) {
                                problems.add("velocity: no trace has CDP " + f.cdp() + ", so its function has no place");
                                continue;
                            }
                            il = bin[0];
                            xl = bin[1];
                        } else {
                            il = f.inline();
                            xl = f.crossline();
                        }
                        points.add(new VelocityModel.ControlPoint(il, xl, org.seisproc.processors.VelocityField.function(f.times(), f.velocities())));
                    }
                    if (points.isEmpty()) {
                        return null;
                    }
                    BinGrid b = scan.bins();
                    return new VelocityModel.Table(points, b == null ? 1 : b.inlineSpacing(), b == null ? 1 : b.crosslineSpacing());
                }
                case "dataset":
                    try {
                        return new VelocityModel.Volume(path);
                    } catch (RuntimeException e) {
                        problems.add("velocity: " + e.getMessage());
                        return null;
                    }
                default:
                    throw new IllegalStateException(kind);
            }
        }
    }

    /// A parsed job file: the job when it is valid, and every problem found.
    public record Parsed(MigrationJob job, List<String> problems) {
    }

    /// Reads and validates a job file; an [Job.InvalidJobException] lists every problem.
    public static MigrationJob load(Path file) {
        JsonNode root = Job.readTree(file);
        Parsed p = parse(root, file.toAbsolutePath().getParent());
        if (!p.problems().isEmpty()) {
            throw new Job.InvalidJobException(file, p.problems());
        }
        return p.job();
    }

    /// Validates a parsed job file (`base` resolves relative paths; may be null): the job, or
    /// null with every problem (validation messages for the wizard).
    public static Parsed parse(JsonNode root, Path base) {
        List<String> errors = new ArrayList<>();
        if (root == null || !root.isObject()) {
            return new Parsed(null, List.of("a migration job is a JSON object with input, output and velocity"));
        }
        known(root, errors, "", "input", "output", "gathers", "headers", "grid", "velocity", "aperture", "antiAlias", "weights",
                "interpolation", "offsetClasses", "execution");
        Path input = path(root, "input", base, true, errors);
        Path output = path(root, "output", base, true, errors);
        Path gathers = path(root, "gathers", base, false, errors);
        if (input != null && output != null && input.normalize().equals(output.normalize())) {
            errors.add("output must differ from input");
        }
        if (gathers != null && output != null && gathers.normalize().equals(output.normalize())) {
            errors.add("gathers must differ from output");
        }
        HeaderMapping headers = headers(root.get("headers"), errors);
        GridSpec grid = grid(root.get("grid"), errors);
        VelocitySpec velocity = velocity(root.get("velocity"), base, errors);
        MigrationParameters d = MigrationParameters.defaults();
        JsonNode ap = root.path("aperture");
        known(ap, errors, "aperture.", "maxDistanceMeters", "maxAngleDegrees", "taperFraction");
        Aperture aperture = build(errors, "aperture", () -> new Aperture(num(ap, "maxDistanceMeters", 3000, errors),
                num(ap, "maxAngleDegrees", 60, errors), num(ap, "taperFraction", 0.1, errors)));
        JsonNode aa = root.path("antiAlias");
        known(aa, errors, "antiAlias.", "enabled", "factor", "maxHalfLength");
        AntiAlias antiAlias = build(errors, "antiAlias", () -> new AntiAlias(bool(aa, "enabled", true, errors),
                num(aa, "factor", 1, errors), (int) num(aa, "maxHalfLength", 12, errors)));
        JsonNode w = root.path("weights");
        known(w, errors, "weights.", "obliquity", "spreading", "rho");
        Weights.Rho rho = Weights.Rho.AUTO;
        String rhoText = w.path("rho").asText("auto");
        try {
            rho = Weights.Rho.valueOf(rhoText.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add("weights.rho must be auto, half, full or off, not '" + rhoText + "'");
        }
        Weights weights = new Weights(bool(w, "obliquity", true, errors), bool(w, "spreading", true, errors), rho);
        String interpolation = root.path("interpolation").asText("linear");
        OffsetClasses classes = offsetClasses(root.get("offsetClasses"), errors);
        JsonNode ex = root.path("execution");
        known(ex, errors, "execution.", "workers", "tileInlines", "tileCrosslines", "memoryBudgetMegabytes");
        int workers = (int) num(ex, "workers", 0, errors);
        if (workers < 0) {
            errors.add("execution.workers must be >= 0 (0 = all cores), not " + workers);
        }
        int ti = (int) num(ex, "tileInlines", d.tileInlines(), errors);
        int tx = (int) num(ex, "tileCrosslines", d.tileCrosslines(), errors);
        double budget = num(ex, "memoryBudgetMegabytes", 0, errors);
        if (budget < 0) {
            errors.add("execution.memoryBudgetMegabytes must be >= 0 (0 = the JVM's maximum heap)");
        }
        MigrationParameters params = null;
        if (aperture != null && antiAlias != null && classes != null) {
            params = build(errors, "algorithm", () -> new MigrationParameters(aperture, antiAlias, weights, interpolation, classes, ti, tx));
        }
        if (!errors.isEmpty()) {
            return new Parsed(null, List.copyOf(errors));
        }
        return new Parsed(new MigrationJob(input, output, gathers, headers, grid, velocity, params, workers, (long) (budget * 1024 * 1024)),
                List.of());
    }

    private static <T> T build(List<String> errors, String what, java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            errors.add(what + ": " + e.getMessage());
            return null;
        }
    }

    private static void known(JsonNode node, List<String> errors, String prefix, String... names) {
        if (node == null || !node.isObject()) {
            return;
        }
        List<String> allowed = List.of(names);
        for (java.util.Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                errors.add("unknown field '" + prefix + f + "'; known: " + allowed);
            }
        }
    }

    private static Path path(JsonNode root, String name, Path base, boolean required, List<String> errors) {
        JsonNode v = root.get(name);
        if (v == null || v.isNull()) {
            if (required) {
                errors.add("'" + name + "' (a dataset path) is missing");
            }
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            errors.add("'" + name + "' must be a dataset path");
            return null;
        }
        Path p = Path.of(v.asText());
        return p.isAbsolute() || base == null ? p : base.resolve(p);
    }

    private static double num(JsonNode node, String name, double fallback, List<String> errors) {
        return value(node, name, fallback, errors, JsonNode::isNumber, JsonNode::asDouble, "a number");
    }

    private static boolean bool(JsonNode node, String name, boolean fallback, List<String> errors) {
        return value(node, name, fallback, errors, JsonNode::isBoolean, JsonNode::asBoolean, "true or false");
    }

    /// The value of `name`: `fallback` when it is absent or null; when it is not `is`, `fallback`
    /// and an error saying it must be `what`.
    private static <T> T value(JsonNode node, String name, T fallback, List<String> errors, java.util.function.Predicate<JsonNode> is,
            java.util.function.Function<JsonNode, T> as, String what) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!is.test(v)) {
            errors.add("'" + name + "' must be " + what + ", not " + v);
            return fallback;
        }
        return as.apply(v);
    }

    private static HeaderMapping headers(JsonNode node, List<String> errors) {
        if (node == null || node.isNull()) {
            return HeaderMapping.standard();
        }
        if (!node.isObject()) {
            errors.add("'headers' must be an object of role -> header field name");
            return HeaderMapping.standard();
        }
        Map<String, String> roles = new LinkedHashMap<>();
        List<String> valid = new ArrayList<>(HeaderMapping.standard().asMap().keySet());
        node.properties().forEach(e -> {
            if (!valid.contains(e.getKey())) {
                errors.add("headers: unknown role '" + e.getKey() + "'; known: " + valid);
            } else if (!e.getValue().isTextual()) {
                errors.add("headers." + e.getKey() + " must be a header field name");
            } else {
                roles.put(e.getKey(), e.getValue().asText());
            }
        });
        return HeaderMapping.of(roles);
    }

    private static int[] range(JsonNode node, String name, List<String> errors) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray() || (v.size() != 2 && v.size() != 3) || !v.get(0).canConvertToInt() || !v.get(1).canConvertToInt()) {
            errors.add("grid." + name + " must be [first, last] or [first, last, step] (integers)");
            return null;
        }
        return new int[] {v.get(0).asInt(), v.get(1).asInt(), v.size() == 3 ? v.get(2).asInt() : 1};
    }

    private static GridSpec grid(JsonNode node, List<String> errors) {
        if (node == null || node.isNull()) {
            return new GridSpec(null, null, null, null, null);
        }
        known(node, errors, "grid.", "inlines", "crosslines", "times", "sampleIntervalMicros");
        int[] il = range(node, "inlines", errors);
        int[] xl = range(node, "crosslines", errors);
        Double t0 = null;
        Double t1 = null;
        JsonNode t = node.get("times");
        if (t != null && !t.isNull()) {
            if (!t.isArray() || t.size() != 2 || !t.get(0).isNumber() || !t.get(1).isNumber()) {
                errors.add("grid.times must be [first, last] in seconds");
            } else {
                t0 = t.get(0).asDouble();
                t1 = t.get(1).asDouble();
                if (!(t1 > t0) || t0 < 0) {
                    errors.add("grid.times must have 0 <= first < last, not " + t0 + ", " + t1);
                }
            }
        }
        Integer dt = null;
        if (node.has("sampleIntervalMicros")) {
            dt = node.get("sampleIntervalMicros").asInt();
            if (dt < 1) {
                errors.add("grid.sampleIntervalMicros must be >= 1");
            }
        }
        return new GridSpec(il, xl, t0, t1, dt);
    }

    private static VelocitySpec velocity(JsonNode node, Path base, List<String> errors) {
        if (node == null || !node.isObject()) {
            errors.add("'velocity' is missing: {\"kind\": \"constant\", \"v\": ...}, {\"kind\": \"linear\", \"v0\", \"k\"}, "
                    + "{\"kind\": \"table\", \"functions\": [...]} or {\"kind\": \"dataset\", \"path\": ...}");
            return null;
        }
        String kind = node.path("kind").asText("");
        switch (kind) {
            case "constant" -> {
                known(node, errors, "velocity.", "kind", "v");
                double v = num(node, "v", 0, errors);
                if (!(v > 0)) {
                    errors.add("velocity.v must be a positive velocity (m/s)");
                }
                return new VelocitySpec(kind, v, 0, 0, List.of(), null);
            }
            case "linear" -> {
                known(node, errors, "velocity.", "kind", "v0", "k");
                double v0 = num(node, "v0", 0, errors);
                if (!(v0 > 0)) {
                    errors.add("velocity.v0 must be a positive velocity (m/s)");
                }
                return new VelocitySpec(kind, 0, v0, num(node, "k", 0, errors), List.of(), null);
            }
            case "table" -> {
                known(node, errors, "velocity.", "kind", "functions");
                JsonNode fs = node.get("functions");
                if (fs == null || !fs.isArray() || fs.isEmpty()) {
                    errors.add("velocity.functions must be a non-empty list of {cdp | inline, crossline, times, velocities}");
                    return null;
                }
                List<TableFunction> list = new ArrayList<>();
                for (int i = 0; i < fs.size(); i++) {
                    JsonNode f = fs.get(i);
                    String where = "velocity.functions[" + i + "]";
                    Long cdp = f.has("cdp") ? f.get("cdp").asLong() : null;
                    Integer il = f.has("inline") ? f.get("inline").asInt() : null;
                    Integer xl = f.has("crossline") ? f.get("crossline").asInt() : null;
                    if (cdp == null && (il == null || xl == null)) {
                        errors.add(where + " needs a cdp, or an inline and a crossline");
                    }
                    double[] t = doubles(f.get("times"), where + ".times", errors);
                    double[] v = doubles(f.get("velocities"), where + ".velocities", errors);
                    if (t != null && v != null) {
                        try {
                            org.seisproc.processors.VelocityField.function(t, v);
                        } catch (IllegalArgumentException e) {
                            errors.add(where + ": " + e.getMessage());
                        }
                    }
                    list.add(new TableFunction(cdp, il, xl, t, v));
                }
                return new VelocitySpec(kind, 0, 0, 0, List.copyOf(list), null);
            }
            case "dataset" -> {
                known(node, errors, "velocity.", "kind", "path");
                Path p = path(node, "path", base, true, errors);
                return new VelocitySpec(kind, 0, 0, 0, List.of(), p);
            }
            default -> {
                errors.add("velocity.kind must be constant, linear, table or dataset, not '" + kind + "'");
                return null;
            }
        }
    }

    private static double[] doubles(JsonNode a, String where, List<String> errors) {
        if (a == null || !a.isArray() || a.isEmpty()) {
            errors.add(where + " must be a non-empty list of numbers");
            return null;
        }
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asDouble();
        }
        return out;
    }

    private static OffsetClasses offsetClasses(JsonNode node, List<String> errors) {
        if (node == null || node.isNull()) {
            return OffsetClasses.all();
        }
        known(node, errors, "offsetClasses.", "preset", "count", "maxMeters", "edgesMeters");
        try {
            if (node.has("edgesMeters")) {
                double[] e = doubles(node.get("edgesMeters"), "offsetClasses.edgesMeters", errors);
                return e == null ? null : new OffsetClasses(e);
            }
            String preset = node.path("preset").asText("all");
            return switch (preset) {
                case "all" -> OffsetClasses.all();
                case "uniform" -> OffsetClasses.uniform(node.path("count").asInt(0), node.path("maxMeters").asDouble(0));
                default -> {
                    errors.add("offsetClasses.preset must be all or uniform (or give edgesMeters), not '" + preset + "'");
                    yield null;
                }
            };
        } catch (IllegalArgumentException e) {
            errors.add("offsetClasses: " + e.getMessage());
            return null;
        }
    }

    /// The job as a job file (what the wizard saves); paths as given (absolute after [#load]).
    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("input", input.toString());
        m.put("output", output.toString());
        if (gathers != null) {
            m.put("gathers", gathers.toString());
        }
        m.put("headers", headers.asMap());
        Map<String, Object> g = new LinkedHashMap<>();
        if (grid.inlines() != null) {
            g.put("inlines", grid.inlines());
        }
        if (grid.crosslines() != null) {
            g.put("crosslines", grid.crosslines());
        }
        if (grid.firstTime() != null) {
            g.put("times", new double[] {grid.firstTime(), grid.lastTime()});
        }
        if (grid.sampleIntervalMicros() != null) {
            g.put("sampleIntervalMicros", grid.sampleIntervalMicros());
        }
        m.put("grid", g);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("kind", velocity.kind());
        switch (velocity.kind()) {
            case "constant" -> v.put("v", velocity.v());
            case "linear" -> {
                v.put("v0", velocity.v0());
                v.put("k", velocity.k());
            }
            case "table" -> {
                List<Map<String, Object>> fs = new ArrayList<>();
                for (TableFunction f : velocity.functions()) {
                    Map<String, Object> x = new LinkedHashMap<>();
                    if (f.cdp() != null) {
                        x.put("cdp", f.cdp());
                    } else {
                        x.put("inline", f.inline());
                        x.put("crossline", f.crossline());
                    }
                    x.put("times", f.times());
                    x.put("velocities", f.velocities());
                    fs.add(x);
                }
                v.put("functions", fs);
            }
            default -> v.put("path", velocity.path().toString());
        }
        m.put("velocity", v);
        MigrationParameters p = parameters;
        m.put("aperture", Map.of("maxDistanceMeters", p.aperture().maxDistanceMeters(), "maxAngleDegrees", p.aperture().maxAngleDegrees(),
                "taperFraction", p.aperture().taperFraction()));
        m.put("antiAlias", Map.of("enabled", p.antiAlias().enabled(), "factor", p.antiAlias().factor(), "maxHalfLength",
                p.antiAlias().maxHalfLength()));
        m.put("weights", Map.of("obliquity", p.weights().obliquity(), "spreading", p.weights().spreading(), "rho",
                p.weights().rho().name().toLowerCase(java.util.Locale.ROOT)));
        m.put("interpolation", p.interpolation());
        double[] e = p.offsetClasses().edgesMeters();
        m.put("offsetClasses", Double.isInfinite(e[e.length - 1]) && e.length == 2 && e[0] == 0 ? Map.of("preset", "all")
                : Map.of("edgesMeters", e));
        m.put("execution", Map.of("workers", workers, "tileInlines", p.tileInlines(), "tileCrosslines", p.tileCrosslines(),
                "memoryBudgetMegabytes", memoryBudgetBytes / (1024.0 * 1024.0)));
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}

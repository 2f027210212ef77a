package org.seisproc.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// A migration job the core refuses ([org.seisproc.migration.MigrationJob#parse] or
/// [org.seisproc.migration.PreparedMigration#prepare]): every message, each with the job-file
/// field it names (`velocity.v0`, `grid`, `execution.tileInlines`, ...). The answer has the
/// server's one error shape plus the list: `{"error", "parameter", "problems": [{"message",
/// "parameter"}]}`; `parameter` is the first problem's field. ([MigrationApi] writes it.)
final class JobProblems extends RuntimeException {
    private static final Set<String> TOP = Set.of("input", "output", "gathers", "headers", "grid", "velocity", "aperture", "antiAlias",
            "weights", "interpolation", "offsetClasses", "execution");
    private static final Map<String, String> LEAVES = Map.ofEntries(Map.entry("v", "velocity.v"), Map.entry("v0", "velocity.v0"),
            Map.entry("k", "velocity.k"), Map.entry("path", "velocity.path"), Map.entry("kind", "velocity.kind"),
            Map.entry("maxDistanceMeters", "aperture.maxDistanceMeters"), Map.entry("maxAngleDegrees", "aperture.maxAngleDegrees"),
            Map.entry("taperFraction", "aperture.taperFraction"), Map.entry("enabled", "antiAlias.enabled"),
            Map.entry("factor", "antiAlias.factor"), Map.entry("maxHalfLength", "antiAlias.maxHalfLength"),
            Map.entry("obliquity", "weights.obliquity"), Map.entry("spreading", "weights.spreading"),
            Map.entry("workers", "execution.workers"), Map.entry("tileInlines", "execution.tileInlines"),
            Map.entry("tileCrosslines", "execution.tileCrosslines"), Map.entry("memoryBudgetMegabytes", "execution.memoryBudgetMegabytes"),
            Map.entry("count", "offsetClasses.count"), Map.entry("maxMeters", "offsetClasses.maxMeters"));
    private static final Pattern UNKNOWN = Pattern.compile("unknown (?:field|role) '([^']+)'");
    private static final Pattern QUOTED = Pattern.compile("^'([A-Za-z][A-Za-z0-9]*)'");
    private static final Pattern PATH = Pattern.compile("^([A-Za-z][A-Za-z0-9]*(?:\\.[A-Za-z][A-Za-z0-9]*|\\[\\d+])*)[ :.]");

    private final int status;
    private final String parameter;
    private final List<Map<String, String>> problems;

    private JobProblems(int status, String first, String message, List<Map<String, String>> problems) {
        super(message);
        this.status = status;
        this.parameter = first;
        this.problems = problems;
    }

    int status() {
        return status;
    }

    String parameter() {
        return parameter;
    }

    /// As the one error of a task (no list there).
    WebError asError() {
        return new WebError(status, parameter, getMessage());
    }

    /// The problems of a job; `fallback` names the field of a message that names none.
    static JobProblems of(String what, List<String> messages, String fallback) {
        List<Map<String, String>> list = new ArrayList<>();
        for (String m : messages) {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("message", m);
            p.put("parameter", fieldOf(m, fallback));
            list.add(p);
        }
        String text = what + ": " + String.join("; ", messages);
        return new JobProblems(400, list.isEmpty() ? fallback : list.getFirst().get("parameter"), text, List.copyOf(list));
    }

    /// The job-file field a core message is about (`fallback` when it names none).
    static String fieldOf(String message, String fallback) {
        Matcher u = UNKNOWN.matcher(message);
        if (u.find()) {
            String f = u.group(1);
            return message.startsWith("headers") ? "headers." + f : f;
        }
        Matcher q = QUOTED.matcher(message);
        if (q.find()) {
            String f = q.group(1);
            return TOP.contains(f) ? f : LEAVES.getOrDefault(f, fallback);
        }
        Matcher p = PATH.matcher(message);
        if (p.find()) {
            String f = p.group(1);
            String top = f.split("[.\\[]")[0];
            if (top.equals("algorithm")) {
                return message.contains("interpolation") || message.contains("anti-aliasing") ? "interpolation" : "execution";
            }
            if (TOP.contains(top)) {
                return f;
            }
        }
        return fallback;
    }

    /// The answer's body.
    Map<String, Object> body() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", getMessage());
        m.put("parameter", parameter());
        m.put("problems", problems);
        return m;
    }

    List<Map<String, String>> problems() {
        return problems;
    }
}

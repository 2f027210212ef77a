package org.seisproc.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/// A processing job, from a JSON (or YAML: `.yaml`, `.yml`) file:
///
/// ```json
/// { "input": "survey.ds", "output": "processed.ds",
///   "key": ["cdp"], "sortBy": ["offset"],
///   "onError": "stop",
///   "processors": [ { "name": "agc", "windowMs": 500 },
///                   { "name": "bandpass", "type": "ormsby", "f1": 5, "f2": 10, "f3": 50, "f4": 70 } ] }
/// ```
///
/// Relative paths are taken from the job file's folder. Every problem of the file (missing
/// fields, unknown processors, bad or unknown parameters, a reducing step that is not last) is
/// collected and reported together by [#load], before any work starts.
///
/// @param input      the input dataset
/// @param output     the output dataset
/// @param key        ensemble key field(s)
/// @param sortBy     in-gather order field(s) (may be empty)
/// @param onError    `stop` (default) or `continue` past a failing ensemble
/// @param steps      the processors with their validated parameters, in order
public record Job(Path input, Path output, List<String> key, List<String> sortBy, String onError, List<Step> steps) {
    /// One processor of the chain.
    public record Step(ProcessorSpec spec, Parameters parameters) {
    }

    /// A job file that cannot run; the message lists every problem.
    public static final class InvalidJobException extends IllegalArgumentException {
        private final List<String> problems;

        public InvalidJobException(Path file, List<String> problems) {
            super(file + ": " + problems.size() + " problem(s):\n  - " + String.join("\n  - ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    /// The fields a job file may have; any other is reported (a misspelt `sortby` would otherwise
    /// be silently ignored).
    static final List<String> TOP_LEVEL = List.of("input", "output", "key", "sortBy", "onError", "processors", "description");

    /// True when the chain ends in a step that makes one trace per gather (stack).
    public boolean reduces() {
        return !steps.isEmpty() && steps.getLast().spec().reducesToOneTrace();
    }

    /// Reads and validates a job file.
    public static Job load(Path file) {
        return parse(readTree(file), file.toAbsolutePath().getParent(), file);
    }

    /// Reads a job file (JSON, or YAML when named `*.yaml`/`*.yml`) as a tree; every way it can
    /// fail (no such file, not text, not valid JSON/YAML with its line and column, a directory,
    /// permission) is an [InvalidJobException] saying so. Shared by the job files of `run`,
    /// `qc batch` and `migrate`.
    public static JsonNode readTree(Path file) {
        try {
            String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            String text = Files.readString(file);
            if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                return new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(text);
            }
            // JSON without Jackson's mapper: its set-up is ~0.1 s of a fresh process (JsonTree)
            return org.seisproc.io.JsonTree.parse(text);
        } catch (org.seisproc.io.JsonTree.SyntaxException e) {
            throw new InvalidJobException(file, List.of("is not valid JSON: " + e.reason() + " (line " + e.line() + ", column "
                    + e.column() + ")"));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InvalidJobException(file, List.of("cannot read the job file: no such file; check its path"));
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InvalidJobException(file, List.of("cannot read the job file: it is not a text file (a job is JSON or YAML"
                    + " text); is it the right file?"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidJobException(file, List.of("is not valid " + (file.getFileName().toString().matches("(?i).*\\.ya?ml")
                    ? "YAML" : "JSON") + ": " + e.getOriginalMessage() + (e.getLocation() != null
                    ? " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")" : "")));
        } catch (IOException e) {
            throw new InvalidJobException(file, List.of("cannot read the job file: " + (Files.isDirectory(file) ? "it is a directory"
                    : e instanceof java.nio.file.AccessDeniedException ? "permission denied" : e.getMessage())));
        }
    }

    /// Validates a parsed job against the processors on the class path ([ProcessorRegistry#loaded]);
    /// `base` resolves relative paths.
    public static Job parse(JsonNode root, Path base, Path file) {
        return parse(root, base, file, ProcessorRegistry.loaded());
    }

    /// Validates a parsed job against `registry`; `base` resolves relative paths.
    public static Job parse(JsonNode root, Path base, Path file, ProcessorRegistry registry) {
        List<String> errors = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new InvalidJobException(file, List.of("a job is a JSON object with input, output, key and processors"));
        }
        for (java.util.Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!TOP_LEVEL.contains(field)) {
                String near = TOP_LEVEL.stream().filter(k -> k.equalsIgnoreCase(field)).findFirst().orElse(null);
                errors.add("unknown field '" + field + "'" + (near != null ? "; did you mean '" + near + "'?" : "")
                        + " (a job has " + String.join(", ", TOP_LEVEL) + ")");
            }
        }
        Path input = path(root, "input", base, errors);
        Path output = path(root, "output", base, errors);
        List<String> key = strings(root.get("key"), "key", errors, true);
        List<String> sortBy = strings(root.get("sortBy"), "sortBy", errors, false);
        String onError = root.path("onError").asText("stop");
        if (!onError.equals("stop") && !onError.equals("continue")) {
            errors.add("onError must be 'stop' or 'continue', not '" + onError + "'");
        }
        List<Step> steps = new ArrayList<>();
        JsonNode list = root.get("processors");
        if (list == null || !list.isArray() || list.isEmpty()) {
            errors.add("'processors' must be a non-empty list of {\"name\": ..., parameters...}");
        } else {
            for (int i = 0; i < list.size(); i++) {
                JsonNode p = list.get(i);
                String name = p.path("name").asText("");
                String where = "processors[" + i + "] (" + (name.isEmpty() ? "no name" : name) + ")";
                ProcessorSpec spec = registry.find(name);
                if (spec == null) {
                    List<String> names = new ArrayList<>();
                    registry.all().forEach(s -> names.add(s.name()));
                    errors.add(where + ": unknown processor '" + name + "'; known: " + names);
                    continue;
                }
                if (spec.reducesToOneTrace() && i != list.size() - 1) {
                    errors.add(where + ": " + name + " makes one trace per gather and must be the last processor");
                }
                Parameters params = Parameters.parse(spec, p, where, errors);
                if (params != null) {
                    steps.add(new Step(spec, params));
                }
            }
        }
        if (input != null && output != null && input.normalize().equals(output.normalize())) {
            errors.add("output must differ from input");
        }
        if (!errors.isEmpty()) {
            throw new InvalidJobException(file, errors);
        }
        return new Job(input, output, key, sortBy, onError, List.copyOf(steps));
    }

    private static Path path(JsonNode root, String name, Path base, List<String> errors) {
        JsonNode v = root.get(name);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            errors.add("'" + name + "' (a dataset path) is missing");
            return null;
        }
        Path p = Path.of(v.asText());
        return p.isAbsolute() || base == null ? p : base.resolve(p);
    }

    private static List<String> strings(JsonNode v, String name, List<String> errors, boolean required) {
        if (v == null || v.isNull()) {
            if (required) {
                errors.add("'" + name + "' (ensemble key field names, e.g. [\"cdp\"]) is missing");
            }
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (v.isTextual()) {
            for (String s : v.asText().split(",")) {
                out.add(s.trim());
            }
        } else if (v.isArray()) {
            v.forEach(x -> out.add(x.asText()));
        } else {
            errors.add("'" + name + "' must be a list of field names");
        }
        if (required && out.isEmpty()) {
            errors.add("'" + name + "' must name at least one field");
        }
        return out;
    }
}

package org.seisproc.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.seisproc.qc.VelocityModel;

/// The QC requests' parameters, read and checked with the core's parsers: a core
/// [IllegalArgumentException] becomes a 400 naming the request field, with the command line's
/// message; velocities resolved inside the root; progress that honours the task's cancel.
final class QcParams {
    /// The command-line option a core message starts with → the request field it is about.
    private static final Map<String, String> OPTION_FIELDS = Map.of("--min-fold", "minFold", "--stretch-mute", "stretchMute",
            "--lines", "lines", "--velocity", "velocity", "--window-ms", "windowMs", "--noise-window-ms", "noiseWindowMs", "--mute",
            "mute", "--flag", "flags", "flag thresholds", "flags");

    private QcParams() {
    }

    /// The velocity as QcStack reads it relative to `base`: a table file (inside the root, read
    /// and checked now) or a function (checked now). A function's text never names a file: it is
    /// handed over only when no file of that name lies under `base`.
    static String velocity(RootDir root, String spec, Path base, String field) {
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

    /// Progress in traces (reports from several workers may arrive out of order), and the
    /// task's cancel: the QC library has no cancel flag, so its progress callback stops it.
    static java.util.function.LongConsumer progress(Task t) {
        return now -> {
            t.done.accumulateAndGet(now, Math::max);
            t.checkCancel();
        };
    }

    static int integer(JsonNode body, String field, int fallback) {
        return value(body, field, fallback, JsonNode::isIntegralNumber, JsonNode::asInt, Integer::parseInt, "an integer");
    }

    static double number(JsonNode body, String field, double fallback) {
        return value(body, field, fallback, JsonNode::isNumber, JsonNode::asDouble, Double::parseDouble, "a number");
    }

    /// The value of `field`: `fallback` when it is absent or blank, else the JSON value when it is
    /// `isJson`, else its text parsed; a 400 naming the field when the text is `what` neither.
    private static <T> T value(JsonNode body, String field, T fallback, java.util.function.Predicate<JsonNode> isJson,
            java.util.function.Function<JsonNode, T> fromJson, java.util.function.Function<String, T> parse, String what) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            return fallback;
        }
        if (isJson.test(v)) {
            return fromJson.apply(v);
        }
        try {
            return parse.apply(v.asText().trim());
        } catch (NumberFormatException e) {
            throw WebError.bad(field, "'" + field + "' must be " + what + ", not '" + v.asText() + "'");
        }
    }

    /// A list given as a JSON array of strings or one comma-separated string.
    static List<String> list(JsonNode v) {
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
    static <T> T core(String field, java.util.function.Supplier<T> parse) {
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

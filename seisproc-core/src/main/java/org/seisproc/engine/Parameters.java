package org.seisproc.engine;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/// The validated parameters of one processor in a job: values by name, typed access.
/// Built by [#parse], which reports every problem of a processor's parameters at once.
public final class Parameters {
    private final String processor;
    private final Map<String, Object> values;

    private Parameters(String processor, Map<String, Object> values) {
        this.processor = processor;
        this.values = values;
    }

    /// Parses `json` (the processor's object in the job) against `spec`; problems are appended to
    /// `errors` (prefixed with `where`), and the result is null when there were any.
    public static Parameters parse(ProcessorSpec spec, JsonNode json, String where, List<String> errors) {
        int before = errors.size();
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParameterSpec p : spec.parameters()) {
            JsonNode v = json.get(p.name());
            if (v == null || v.isNull()) {
                if (p.required()) {
                    errors.add(where + ": parameter '" + p.name() + "' is required (" + p.description() + ")");
                } else {
                    values.put(p.name(), p.defaultValue());
                }
                continue;
            }
            String unit = p.unit().isEmpty() ? "" : " (" + p.unit() + ")";
            switch (p.kind()) {
                case NUMBER -> {
                    if (v.isNumber()) {
                        values.put(p.name(), v.asDouble());
                    } else {
                        errors.add(where + ": parameter '" + p.name() + "' must be a number" + unit + ", not " + v);
                    }
                }
                case INTEGER -> {
                    if (v.canConvertToInt() && v.isIntegralNumber()) {
                        values.put(p.name(), v.asInt());
                    } else {
                        errors.add(where + ": parameter '" + p.name() + "' must be a whole number" + unit + ", not " + v);
                    }
                }
                case BOOLEAN -> {
                    if (v.isBoolean()) {
                        values.put(p.name(), v.asBoolean());
                    } else {
                        errors.add(where + ": parameter '" + p.name() + "' must be true or false, not " + v);
                    }
                }
                case TEXT, CHOICE -> {
                    if (v.isTextual()) {
                        values.put(p.name(), v.asText());
                    } else {
                        errors.add(where + ": parameter '" + p.name() + "' must be a string, not " + v);
                    }
                }
                case NUMBER_LIST -> {
                    if (v.isArray()) {
                        double[] list = new double[v.size()];
                        boolean ok = true;
                        for (int i = 0; i < v.size(); i++) {
                            ok &= v.get(i).isNumber();
                            list[i] = v.get(i).asDouble();
                        }
                        if (ok) {
                            values.put(p.name(), list);
                        } else {
                            errors.add(where + ": parameter '" + p.name() + "' must be a list of numbers" + unit + ", not " + v);
                        }
                    } else {
                        errors.add(where + ": parameter '" + p.name() + "' must be a list of numbers" + unit + ", not " + v);
                    }
                }
                case TABLE -> values.put(p.name(), v);
            }
        }
        for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!name.equals("name") && spec.parameters().stream().noneMatch(p -> p.name().equals(name))) {
                List<String> known = new ArrayList<>();
                spec.parameters().forEach(p -> known.add(p.name()));
                errors.add(where + ": unknown parameter '" + name + "'; " + spec.name() + " takes " + known);
            }
        }
        return errors.size() == before ? new Parameters(spec.name(), values) : null;
    }

    /// Parameters from plain values (for code and tests); unknown names are rejected.
    public static Parameters of(ProcessorSpec spec, Map<String, Object> given) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParameterSpec p : spec.parameters()) {
            Object v = given.getOrDefault(p.name(), p.defaultValue());
            if (v == null) {
                throw new IllegalArgumentException(spec.name() + ": parameter '" + p.name() + "' is required");
            }
            values.put(p.name(), v);
        }
        for (String name : given.keySet()) {
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException(spec.name() + ": unknown parameter '" + name + "'");
            }
        }
        return new Parameters(spec.name(), values);
    }

    public String processor() {
        return processor;
    }

    public double number(String name) {
        return ((Number) values.get(name)).doubleValue();
    }

    public int integer(String name) {
        return ((Number) values.get(name)).intValue();
    }

    public boolean bool(String name) {
        return (Boolean) values.get(name);
    }

    public String text(String name) {
        return (String) values.get(name);
    }

    public double[] numbers(String name) {
        return ((double[]) values.get(name)).clone();
    }

    public JsonNode table(String name) {
        Object v = values.get(name);
        return v instanceof JsonNode n ? n : null;
    }

    /// The values, for the job record.
    public Map<String, Object> asMap() {
        return java.util.Collections.unmodifiableMap(values);
    }
}

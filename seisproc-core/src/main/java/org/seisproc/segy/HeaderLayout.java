package org.seisproc.segy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/// Which fields to decode from a 240-byte trace header, and where they are.
///
/// The standard layout has every rev 2 field ([TraceField]), found by SU short name (`cdp`) or
/// long name (`ensemble_number`), case-insensitively. Real surveys put inline/crossline or
/// coordinates in odd places: a custom layout overrides fields by name and adds new ones, from
/// code ([#with]) or from a JSON spec ([#fromJson]):
///
/// ```json
/// { "base": "standard",
///   "fields": [ { "name": "iline", "byte": 9,  "type": "int32" },
///               { "name": "xline", "byte": 21, "type": "int32", "description": "crossline" } ] }
/// ```
///
/// `base` is `standard` (default) or `none` (only the listed fields). Types: `int8`, `uint8`,
/// `int16`, `uint16`, `int32`, `uint32`, `int64`, `uint64`, `float32`, `float64`, `ibm32`.
public final class HeaderLayout {
    /// Size of a standard trace header block in bytes.
    public static final int TRACE_HEADER_BYTES = 240;

    private static final HeaderLayout STANDARD = standardLayout();

    private final List<HeaderField> fields;
    private final Map<String, HeaderField> byName;

    private HeaderLayout(List<HeaderField> fields) {
        this.fields = List.copyOf(fields);
        Map<String, HeaderField> names = new LinkedHashMap<>();
        for (HeaderField f : this.fields) {
            if (f.lastBytePosition() > TRACE_HEADER_BYTES) {
                throw new IllegalArgumentException("header field '" + f.name() + "' (" + f.type().specName()
                        + " at byte " + f.bytePosition() + ") ends at byte " + f.lastBytePosition()
                        + ", past the 240-byte trace header");
            }
            for (String n : f.names()) {
                putName(names, n, f);
            }
        }
        this.byName = Collections.unmodifiableMap(names);
    }

    private static void putName(Map<String, HeaderField> names, String name, HeaderField f) {
        HeaderField old = names.put(name.toLowerCase(Locale.ROOT), f);
        if (old != null && old != f) {
            throw new IllegalArgumentException("header field name '" + name + "' is used twice (bytes "
                    + old.bytePosition() + " and " + f.bytePosition() + ")");
        }
    }

    private static HeaderLayout standardLayout() {
        List<HeaderField> list = new ArrayList<>();
        for (TraceField t : TraceField.values()) {
            list.add(t.field());
        }
        return new HeaderLayout(list);
    }

    /// Every standard rev 2 trace header field.
    public static HeaderLayout standard() {
        return STANDARD;
    }

    /// A layout of exactly these fields.
    public static HeaderLayout of(List<HeaderField> fields) {
        return new HeaderLayout(fields);
    }

    /// This layout with `overrides` applied: a field whose name (or long name) matches an
    /// existing field's name or long name replaces it in place; others are appended.
    public HeaderLayout with(List<HeaderField> overrides) {
        List<HeaderField> result = new ArrayList<>(fields);
        for (HeaderField o : overrides) {
            int at = -1;
            for (int i = 0; i < result.size(); i++) {
                if (o.names().stream().anyMatch(result.get(i)::isNamed)) {
                    at = i;
                    break;
                }
            }
            if (at >= 0) {
                HeaderField old = result.get(at);
                String longName = o.longName() != null ? o.longName() : old.longName();
                String description = o.description() != null ? o.description() : old.description();
                result.set(at, new HeaderField(o.name(), o.bytePosition(), o.type(), longName, description));
            } else {
                result.add(o);
            }
        }
        return new HeaderLayout(result);
    }

    /// Loads a layout spec from a JSON file (format in the class doc). Errors name the file and
    /// the entry that is wrong.
    public static HeaderLayout fromJson(Path spec) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readAllBytes(spec));
        } catch (IOException e) {
            throw new IllegalArgumentException(spec + ": cannot read header spec: " + e.getMessage(), e);
        }
        try {
            return fromJson(root);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(spec + ": " + e.getMessage(), e);
        }
    }

    /// Builds a layout from a parsed JSON spec.
    public static HeaderLayout fromJson(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("a header spec is a JSON object with a \"fields\" array");
        }
        String base = root.path("base").asText("standard").toLowerCase(Locale.ROOT);
        JsonNode array = root.path("fields");
        if (!array.isArray()) {
            throw new IllegalArgumentException("a header spec needs a \"fields\" array of {name, byte, type}");
        }
        List<HeaderField> list = new ArrayList<>();
        Map<String, String> seen = new LinkedHashMap<>();
        int i = 0;
        for (JsonNode node : array) {
            String where = "fields[" + i++ + "]";
            String name = node.path("name").asText("");
            if (name.isBlank()) {
                throw new IllegalArgumentException(where + ": \"name\" is missing");
            }
            // on the standard base a repeated name would silently override the earlier entry
            String earlier = seen.putIfAbsent(name.trim().toLowerCase(Locale.ROOT), where);
            if (earlier != null) {
                throw new IllegalArgumentException(where + " ('" + name + "'): the name is already used by " + earlier
                        + "; give each field once");
            }
            if (!node.path("byte").canConvertToInt()) {
                throw new IllegalArgumentException(where + " ('" + name + "'): \"byte\" (1-based position) is missing or not a number");
            }
            int position = node.path("byte").asInt();
            HeaderType type;
            try {
                type = HeaderType.parse(node.path("type").asText("int32"));
                list.add(new HeaderField(name, position, type,
                        node.hasNonNull("longName") ? node.get("longName").asText() : null,
                        node.hasNonNull("description") ? node.get("description").asText() : null));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + " ('" + name + "'): " + e.getMessage(), e);
            }
        }
        return switch (base) {
            case "standard" -> STANDARD.with(list);
            case "none" -> new HeaderLayout(list);
            default -> throw new IllegalArgumentException("\"base\" is '" + base + "': use \"standard\" or \"none\"");
        };
    }

    /// Every field, in layout order.
    public List<HeaderField> fields() {
        return fields;
    }

    /// The field with this name or long name (case-insensitive), or null.
    /// The names under which a column for `name` may be stored: `name` itself, then, for a
    /// standard field, its short and long names (`cdp` ↔ `ensemble_number`). The one place the
    /// SU-short/long alias rule lives; header tables, the cache and the Parquet layer all use it.
    public static java.util.List<String> aliases(String name) {
        java.util.List<String> out = new ArrayList<>();
        out.add(name);
        HeaderField std = STANDARD.findOrNull(name);
        if (std != null) {
            for (String n : std.names()) {
                if (!n.equalsIgnoreCase(name)) {
                    out.add(n);
                }
            }
        }
        return out;
    }

    public HeaderField findOrNull(String name) {
        return byName.get(name.trim().toLowerCase(Locale.ROOT));
    }

    /// The field with this name; unknown names give an error listing some valid ones.
    public HeaderField field(String name) {
        HeaderField f = findOrNull(name);
        if (f == null) {
            throw new IllegalArgumentException("unknown header field '" + name + "'; known fields include "
                    + "tracl, tracr, fldr, tracf, ep, cdp, cdpt, trid, offset, sx, sy, gx, gy, scalco, ns, dt, "
                    + "cdpx, cdpy, iline, xline (run 'seisproc fields' for all " + fields.size() + ")");
        }
        return f;
    }

    /// The fields with these names, in order (see [#field]).
    public List<HeaderField> fields(List<String> names) {
        List<HeaderField> list = new ArrayList<>(names.size());
        for (String n : names) {
            list.add(field(n));
        }
        return list;
    }
}

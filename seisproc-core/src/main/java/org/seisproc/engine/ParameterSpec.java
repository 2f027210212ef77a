package org.seisproc.engine;

/// One parameter of a processor: its name in job files, kind, unit, default and meaning.
///
/// @param name         the JSON key
/// @param kind         what the value is
/// @param unit         unit of a number ("ms", "Hz", "m/s", "%", …) or "" when none
/// @param defaultValue the default (a Double, Integer, Boolean or String), or null when required
/// @param description  what it does, for `seisproc processors`
public record ParameterSpec(String name, Kind kind, String unit, Object defaultValue, String description) {
    /// Kinds of parameter values.
    public enum Kind {
        NUMBER, INTEGER, BOOLEAN, TEXT, CHOICE, NUMBER_LIST, TABLE
    }

    public boolean required() {
        return defaultValue == null;
    }

    public static ParameterSpec number(String name, String unit, Double defaultValue, String description) {
        return new ParameterSpec(name, Kind.NUMBER, unit, defaultValue, description);
    }

    public static ParameterSpec integer(String name, String unit, Integer defaultValue, String description) {
        return new ParameterSpec(name, Kind.INTEGER, unit, defaultValue, description);
    }

    public static ParameterSpec bool(String name, boolean defaultValue, String description) {
        return new ParameterSpec(name, Kind.BOOLEAN, "", defaultValue, description);
    }

    public static ParameterSpec text(String name, String defaultValue, String description) {
        return new ParameterSpec(name, Kind.TEXT, "", defaultValue, description);
    }

    /// A choice among `options` (the description lists them).
    public static ParameterSpec choice(String name, String defaultValue, String description) {
        return new ParameterSpec(name, Kind.CHOICE, "", defaultValue, description);
    }

    public static ParameterSpec numbers(String name, String unit, String description) {
        return new ParameterSpec(name, Kind.NUMBER_LIST, unit, null, description);
    }

    /// A JSON value with its own structure (described in `description`); null default = required.
    public static ParameterSpec table(String name, String description, Object defaultValue) {
        return new ParameterSpec(name, Kind.TABLE, "", defaultValue, description);
    }
}

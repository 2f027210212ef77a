package org.seisproc.io;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/// Reads a small JSON file (a dataset's `dataset.json`, a cache's manifest, the chunk codes)
/// into Jackson's tree with a parser of its own. Jackson's `ObjectMapper` and its deserializers
/// cost ~0.1 s of a fresh process, and even its streaming parser ~40 ms (its static
/// initialisation computes `BigDecimal` tables): more than the rest of `seisproc headers
/// --where` on 22 M traces, for a few KB of JSON. The tree is the one `ObjectMapper.readTree`
/// gives (integers as int, long or big integer nodes by size, decimals as doubles, a repeated key
/// keeps its last value); the grammar is RFC 8259's, strictly, with UTF-8 input.
public final class JsonTree {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /// Deepest nesting accepted (the parser recurses; no file of ours nests more than a few levels).
    private static final int MAX_DEPTH = 500;

    private final String text;
    private int at;

    private JsonTree(String text) {
        this.text = text;
    }

    /// The JSON value in `file`; an [IOException] when it cannot be read or is not one JSON value.
    public static JsonNode read(Path file) throws IOException {
        return parse(Files.readAllBytes(file));
    }

    /// The JSON value in `json` (UTF-8); a [SyntaxException] naming the offending position when it
    /// is not exactly one JSON value.
    public static JsonNode parse(byte[] json) throws IOException {
        return parse(new String(json, StandardCharsets.UTF_8));
    }

    /// The JSON value in `json` (a byte-order mark before it is skipped); a [SyntaxException]
    /// naming the offending position when it is not exactly one JSON value.
    public static JsonNode parse(String json) throws SyntaxException {
        JsonTree p = new JsonTree(json);
        if (json.startsWith("\uFEFF")) {
            p.at = 1;
        }
        p.skipSpace();
        JsonNode value = p.value(0);
        p.skipSpace();
        if (p.at < p.text.length()) {
            throw p.error("more than one JSON value");
        }
        return value;
    }

    /// Text that is not JSON: what was wrong, and where (1-based line and column).
    public static final class SyntaxException extends IOException {
        private final int line;
        private final int column;
        private final String reason;

        SyntaxException(int line, int column, String reason) {
            super("not valid JSON at line " + line + ", column " + column + ": " + reason);
            this.line = line;
            this.column = column;
            this.reason = reason;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }

        /// What was wrong, without the position.
        public String reason() {
            return reason;
        }
    }

    private JsonNode value(int depth) throws SyntaxException {
        if (depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH + " levels");
        }
        if (at >= text.length()) {
            throw error("a value was expected, the input ended");
        }
        char c = text.charAt(at);
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> NODES.textNode(string());
            case 't' -> literal("true", NODES.booleanNode(true));
            case 'f' -> literal("false", NODES.booleanNode(false));
            case 'n' -> literal("null", NODES.nullNode());
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw error("unexpected character '" + c + "'");
            }
        };
    }

    private ObjectNode object(int depth) throws SyntaxException {
        ObjectNode o = NODES.objectNode();
        at++; // {
        skipSpace();
        if (peek() == '}') {
            at++;
            return o;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw error("a field name in double quotes was expected");
            }
            String name = string();
            skipSpace();
            expect(':');
            skipSpace();
            o.set(name, value(depth + 1));
            skipSpace();
            char c = next("',' or '}'");
            if (c == '}') {
                return o;
            }
            if (c != ',') {
                throw error(at - 1, "',' or '}' was expected");
            }
        }
    }

    private ArrayNode array(int depth) throws SyntaxException {
        ArrayNode a = NODES.arrayNode();
        at++; // [
        skipSpace();
        if (peek() == ']') {
            at++;
            return a;
        }
        while (true) {
            skipSpace();
            a.add(value(depth + 1));
            skipSpace();
            char c = next("',' or ']'");
            if (c == ']') {
                return a;
            }
            if (c != ',') {
                throw error(at - 1, "',' or ']' was expected");
            }
        }
    }

    private String string() throws SyntaxException {
        at++; // "
        StringBuilder out = null;
        int from = at;
        while (true) {
            if (at >= text.length()) {
                throw error(from - 1, "the string is not closed");
            }
            char c = text.charAt(at);
            if (c == '"') {
                String s = out == null ? text.substring(from, at) : out.append(text, from, at).toString();
                at++;
                return s;
            }
            if (c < 0x20) {
                throw error("a control character inside a string must be escaped");
            }
            if (c != '\\') {
                at++;
                continue;
            }
            if (out == null) {
                out = new StringBuilder();
            }
            out.append(text, from, at);
            at++;
            char e = next("an escape");
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (at + 4 > text.length()) {
                        throw error("\\u needs four hexadecimal digits");
                    }
                    int code = 0;
                    for (int i = 0; i < 4; i++) {
                        int d = Character.digit(text.charAt(at + i), 16);
                        if (d < 0) {
                            throw error(at + i, "\\u needs four hexadecimal digits");
                        }
                        code = code * 16 + d;
                    }
                    at += 4;
                    out.append((char) code);
                }
                default -> throw error(at - 1, "unknown escape '\\" + e + "'");
            }
            from = at;
        }
    }

    private JsonNode number() throws SyntaxException {
        int from = at;
        if (peek() == '-') {
            at++;
        }
        if (peek() == '0') {
            at++;
        } else if (!digits()) {
            throw error("a digit was expected");
        }
        boolean decimal = false;
        if (peek() == '.') {
            at++;
            decimal = true;
            if (!digits()) {
                throw error("a digit was expected after the decimal point");
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            at++;
            decimal = true;
            if (peek() == '+' || peek() == '-') {
                at++;
            }
            if (!digits()) {
                throw error("a digit was expected in the exponent");
            }
        }
        String s = text.substring(from, at);
        if (decimal) {
            return NODES.numberNode(Double.parseDouble(s));
        }
        int digits = s.length() - (s.charAt(0) == '-' ? 1 : 0);
        if (digits <= 9) {
            return NODES.numberNode(Integer.parseInt(s));
        }
        if (digits <= 18) {
            long v = Long.parseLong(s);
            return v == (int) v ? NODES.numberNode((int) v) : NODES.numberNode(v);
        }
        BigInteger big = new BigInteger(s);
        if (big.bitLength() < 32) {
            return NODES.numberNode(big.intValue());
        }
        return big.bitLength() < 64 ? NODES.numberNode(big.longValue()) : NODES.numberNode(big);
    }

    private boolean digits() {
        int from = at;
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        return at > from;
    }

    private JsonNode literal(String word, JsonNode node) throws SyntaxException {
        if (!text.startsWith(word, at)) {
            throw error("unexpected word (true, false or null?)");
        }
        at += word.length();
        return node;
    }

    private void skipSpace() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            at++;
        }
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private char next(String expected) throws SyntaxException {
        if (at >= text.length()) {
            throw error(expected + " was expected, the input ended");
        }
        return text.charAt(at++);
    }

    private void expect(char c) throws SyntaxException {
        if (peek() != c) {
            throw error("'" + c + "' was expected");
        }
        at++;
    }

    private SyntaxException error(String what) {
        return error(at, what);
    }

    /// "not valid JSON at line L, column C: what".
    private SyntaxException error(int position, String what) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < Math.min(position, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new SyntaxException(line, position - lineStart + 1, what);
    }
}

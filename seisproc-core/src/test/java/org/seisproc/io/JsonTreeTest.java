package org.seisproc.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/// The JSON reader gives the tree Jackson's `readTree` gives, node types included, and refuses
/// what is not JSON with the position.
class JsonTreeTest {
    private static final ObjectMapper JACKSON = new ObjectMapper();

    private static void assertSameAsJackson(String json) throws IOException {
        JsonNode ours = JsonTree.parse(json.getBytes(StandardCharsets.UTF_8));
        JsonNode theirs = JACKSON.readTree(json);
        assertThat(ours).as(json).isEqualTo(theirs);
    }

    @Test
    void numbersKeepTheNodeTypesJacksonGives() throws IOException {
        for (String n : new String[] {"0", "-0", "7", "-12", "2147483647", "-2147483648", "2147483648", "-2147483649",
                "9223372036854775807", "-9223372036854775808", "9223372036854775808", "123456789012345678901234567890",
                "1.5", "-0.25", "1e3", "1E-7", "6.02e+23", "4000.0", "0.1"}) {
            assertSameAsJackson(n);
            assertSameAsJackson("[" + n + "]");
            assertSameAsJackson("{\"v\" : " + n + "}");
        }
    }

    @Test
    void stringsEscapesAndNesting() throws IOException {
        assertSameAsJackson("\"plain\"");
        assertSameAsJackson("\"quote \\\" backslash \\\\ slash \\/ \\b\\f\\n\\r\\t \\u00e9 \\ud83c\\udf0a é 🌊\"");
        assertSameAsJackson("{ }");
        assertSameAsJackson("[ ]");
        assertSameAsJackson(" {\"a\":{\"b\":[1,[2,[3,{}]],null,true,false]},\"a\":\"last wins\"} \n");
        // a byte-order mark (editors on Windows write one) before the value
        assertThat(JsonTree.parse("\uFEFF{\"a\": 1}")).isEqualTo(JACKSON.readTree("{\"a\": 1}"));
    }

    @Test
    void randomTreesReadBackAsJacksonReadsThem() throws IOException {
        Random random = new Random(16);
        ObjectMapper pretty = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        for (int i = 0; i < 300; i++) {
            JsonNode tree = randomNode(random, 0);
            assertSameAsJackson(JACKSON.writeValueAsString(tree));
            assertSameAsJackson(pretty.writeValueAsString(tree));
        }
    }

    private static JsonNode randomNode(Random r, int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        int kind = depth > 4 ? 2 + r.nextInt(6) : r.nextInt(8);
        return switch (kind) {
            case 0 -> {
                ObjectNode o = f.objectNode();
                for (int i = r.nextInt(5); i > 0; i--) {
                    o.set(randomText(r), randomNode(r, depth + 1));
                }
                yield o;
            }
            case 1 -> {
                ArrayNode a = f.arrayNode();
                for (int i = r.nextInt(5); i > 0; i--) {
                    a.add(randomNode(r, depth + 1));
                }
                yield a;
            }
            case 2 -> f.numberNode(r.nextInt());
            case 3 -> f.numberNode(r.nextLong());
            case 4 -> f.numberNode(r.nextGaussian() * Math.pow(10, r.nextInt(40) - 20));
            case 5 -> f.textNode(randomText(r));
            case 6 -> f.booleanNode(r.nextBoolean());
            default -> f.nullNode();
        };
    }

    private static String randomText(Random r) {
        StringBuilder s = new StringBuilder();
        for (int i = r.nextInt(12); i > 0; i--) {
            int pick = r.nextInt(10);
            s.append(pick < 6 ? (char) ('a' + r.nextInt(26)) : pick < 8 ? (char) r.nextInt(0x20) : pick < 9 ? '"' : (char) (0xa0 + r.nextInt(0x2000)));
        }
        return s.toString();
    }

    @Test
    void whatIsNotJsonIsRefusedWithItsPosition() {
        String[][] bad = {
                {"", "ended"}, {"{", "field name"}, {"{\"a\" 1}", "':' was expected"}, {"[1 2]", "',' or ']'"},
                {"{\"a\":1,}", "field name"}, {"[1,]", "unexpected character ']'"}, {"01", "more than one"},
                {"1.", "after the decimal point"}, {"-", "a digit"}, {"1e", "exponent"}, {"\"open", "not closed"},
                {"\"tab\there\"", "control character"}, {"\"\\x\"", "unknown escape"}, {"\"\\u12g4\"", "four hexadecimal"},
                {"tru", "true, false or null"}, {"{} {}", "more than one"}, {"{\n  \"a\": @\n}", "line 2, column 8"},
                {"[".repeat(600), "nested deeper"},
        };
        for (String[] b : bad) {
            assertThatThrownBy(() -> JsonTree.parse(b[0].getBytes(StandardCharsets.UTF_8))).as(b[0])
                    .isInstanceOf(IOException.class).hasMessageContaining("not valid JSON").hasMessageContaining(b[1]);
        }
    }
}

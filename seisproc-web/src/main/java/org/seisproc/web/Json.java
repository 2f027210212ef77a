package org.seisproc.web;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.json.JsonMapper;

/// The server's JSON: one Jackson mapper (records and maps in, text out) and Javalin's
/// [JsonMapper] over it. A request body that is not valid JSON is a 400 naming `body`.
final class Json implements JsonMapper {
    static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    @Override
    public String toJsonString(Object obj, Type type) {
        try {
            return MAPPER.writeValueAsString(obj);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    @Override
    public <T> T fromJsonString(String json, Type targetType) {
        return requestBody(() -> MAPPER.readValue(json, MAPPER.constructType(targetType)));
    }

    @Override
    public <T> T fromJsonStream(InputStream json, Type targetType) {
        return requestBody(() -> MAPPER.readValue(json, MAPPER.constructType(targetType)));
    }

    private interface Read<T> {
        T read() throws IOException;
    }

    /// The request body as `read` parses it; a 400 naming `body` when it is not the JSON expected.
    private static <T> T requestBody(Read<T> read) {
        try {
            return read.read();
        } catch (IOException e) {
            throw WebError.bad("body", "the request body is not the JSON expected: " + e.getMessage());
        }
    }

    /// Parses a request body into a JSON object; a 400 when it is not one.
    static ObjectNode object(String body) {
        JsonNode n;
        try {
            n = body == null || body.isBlank() ? null : MAPPER.readTree(body);
        } catch (IOException e) {
            throw WebError.bad("body", "the request body is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (!(n instanceof ObjectNode o)) {
            throw WebError.bad("body", "the request body must be a JSON object");
        }
        return o;
    }

    static String text(Object value) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

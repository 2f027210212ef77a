package org.seisproc.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.seisproc.dataset.Importer;
import org.seisproc.segy.SampleFormat;
import org.seisproc.synth.SurveyGeometry;
import org.seisproc.synth.SyntheticSurvey;

/// A served folder for the web tests: a small synthetic survey (8 shots × 48 channels × 400
/// samples, IBM float) as SEG-Y and imported as `survey.dataset`, and a client for the server.
final class TestSurvey {
    static final int SHOTS = 8;
    static final int CHANNELS = 48;
    static final int SAMPLES = 400;

    private TestSurvey() {
    }

    /// Writes `survey.sgy` and imports it as `survey.dataset` under `root`.
    static void make(Path root) {
        Path sgy = root.resolve("survey.sgy");
        new SyntheticSurvey(SurveyGeometry.of(SHOTS, CHANNELS), SAMPLES, 4000, SampleFormat.IBM_FLOAT32, 3)
                .write(sgy, ByteOrder.BIG_ENDIAN, 2, t -> { });
        Importer.run(List.of(sgy), root.resolve("survey.dataset"), Importer.Options.defaults().withWorkers(2).withChecksums(true));
    }

    /// A client of one server: JSON and binary requests, with or without the page's token.
    record Client(WebServer server, HttpClient http) {
        /// The test survey written into `root`, a server on it, and a client of that server.
        static Client serve(Path root) {
            make(root);
            return of(WebServer.start(ServerOptions.of(root, "127.0.0.1", 0)));
        }

        static Client of(WebServer server) {
            return new Client(server, HttpClient.newHttpClient());
        }

        URI uri(String pathAndQuery) {
            return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
        }

        HttpResponse<byte[]> get(String pathAndQuery) {
            return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET().build());
        }

        HttpResponse<byte[]> post(String path, String json) {
            return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                    .header(WebServer.TOKEN_HEADER, server.options().token())
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build());
        }

        HttpResponse<byte[]> send(HttpRequest request) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        JsonNode json(HttpResponse<byte[]> response) {
            try {
                return Json.MAPPER.readTree(response.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + new String(response.body(), StandardCharsets.UTF_8), e);
            }
        }

        /// Asserts that `response` is the server's error answer with `status`, naming `parameter`;
        /// returns its JSON (`error`, `parameter`, ...).
        JsonNode refused(HttpResponse<byte[]> response, int status, String parameter) {
            String body = new String(response.body(), StandardCharsets.UTF_8);
            org.assertj.core.api.Assertions.assertThat(response.statusCode()).as(body).isEqualTo(status);
            JsonNode e = json(response);
            org.assertj.core.api.Assertions.assertThat(e.get("parameter").asText()).as(body).isEqualTo(parameter);
            return e;
        }

        /// Waits (at most 60 s) until job `id` has ended; its final state.
        JsonNode awaitJob(String id) {
            long end = System.nanoTime() + 60_000_000_000L;
            while (System.nanoTime() < end) {
                JsonNode s = json(get("/api/jobs/" + id));
                String state = s.path("state").asText();
                if (state.equals("done") || state.equals("failed") || state.equals("cancelled")) {
                    return s;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            throw new AssertionError("job " + id + " did not end within 60 s");
        }
    }

    /// A decoded binary frame: its metadata and arrays.
    record Decoded(JsonNode meta, java.util.Map<String, float[]> floats, java.util.Map<String, double[]> doubles) {
        static Decoded of(byte[] bytes) {
            ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            if (!new String(bytes, 0, 4, StandardCharsets.US_ASCII).equals("SPF1")) {
                throw new AssertionError("not a frame: " + new String(bytes, 0, Math.min(200, bytes.length), StandardCharsets.UTF_8));
            }
            int len = b.getInt(4);
            JsonNode meta;
            try {
                meta = Json.MAPPER.readTree(new String(bytes, 8, len, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            java.util.Map<String, float[]> f = new java.util.LinkedHashMap<>();
            java.util.Map<String, double[]> d = new java.util.LinkedHashMap<>();
            for (JsonNode a : meta.get("arrays")) {
                int off = a.get("offset").asInt();
                int n = a.get("length").asInt();
                if (off % 8 != 0) {
                    throw new AssertionError("array " + a + " is not 8-byte aligned");
                }
                if (a.get("type").asText().equals("f32")) {
                    float[] v = new float[n];
                    b.slice(off, n * 4).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
                    f.put(a.get("name").asText(), v);
                } else {
                    double[] v = new double[n];
                    b.slice(off, n * 8).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(v);
                    d.put(a.get("name").asText(), v);
                }
            }
            return new Decoded(meta, f, d);
        }
    }

    static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (var s = Files.walk(root)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // temp dir: best effort
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}

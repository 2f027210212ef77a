package org.seisproc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seisproc.dataset.Dataset;
import org.seisproc.web.ServerOptions;
import org.seisproc.web.WebServer;

/// The job file the web application's PSTM wizard saves (`POST /api/pstm/jobfile`) is run by
/// `seisproc migrate` unchanged, and the web run of the same file writes the same image bytes.
class MigrateWizardJobTest {
    @TempDir
    Path dir;

    @Test
    void theWizardsJobFileRunsInTheCliAndGivesTheWebRunsImage() throws Exception {
        CliTest.importedSurvey(dir, "--shots", "6", "--channels", "24", "--samples", "100", "--format", "5");
        ObjectMapper json = new ObjectMapper();
        HttpClient http = HttpClient.newHttpClient();
        try (WebServer server = WebServer.start(ServerOptions.of(dir, "127.0.0.1", 0))) {
            String base = "http://127.0.0.1:" + server.port();
            String job = """
                    {"name": "wizard.json", "job": {"input": "ds", "output": "image.ds",
                     "velocity": {"kind": "linear", "v0": 1800, "k": 600},
                     "aperture": {"maxDistanceMeters": 300, "maxAngleDegrees": 60, "taperFraction": 0.1},
                     "offsetClasses": {"preset": "uniform", "count": 2, "maxMeters": 400},
                     "execution": {"workers": 2, "tileInlines": 2, "tileCrosslines": 8}}}""";
            HttpResponse<String> saved = http.send(post(base + "/api/pstm/jobfile", job, server), HttpResponse.BodyHandlers.ofString());
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);

            CliTest.Result r = CliTest.run("migrate", dir.resolve("wizard.json").toString());
            assertThat(r.code()).as(r.err()).isZero();
            Files.move(dir.resolve("image.ds"), dir.resolve("cli.ds"));

            HttpResponse<String> run = http.send(post(base + "/api/pstm/run", "{\"name\": \"wizard.json\"}", server),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(run.statusCode()).as(run.body()).isEqualTo(201);
            String id = json.readTree(run.body()).get("id").asText();
            JsonNode state = null;
            for (int i = 0; i < 1200; i++) {
                state = json.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/jobs/" + id)).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).body());
                if (!state.get("state").asText().equals("running") && !state.get("state").asText().equals("queued")) {
                    break;
                }
                Thread.sleep(50);
            }
            assertThat(state.get("state").asText()).as(state.toString()).isEqualTo("done");
        }
        try (Dataset web = Dataset.open(dir.resolve("image.ds")); Dataset cli = Dataset.open(dir.resolve("cli.ds"))) {
            assertThat(web.traceCount()).isEqualTo(cli.traceCount()).isPositive();
            assertThat(web.sampleDigest()).isEqualTo(cli.sampleDigest());
            float[] a = new float[web.samplesPerTrace()];
            float[] b = new float[cli.samplesPerTrace()];
            double energy = 0;
            for (long t = 0; t < web.traceCount(); t++) {
                web.readTrace(t, a, 0);
                cli.readTrace(t, b, 0);
                assertThat(a).isEqualTo(b);
                for (float v : a) {
                    energy += v * v;
                }
            }
            assertThat(energy).isPositive();
        }
    }

    private static HttpRequest post(String uri, String body, WebServer server) {
        return HttpRequest.newBuilder(URI.create(uri)).header("Content-Type", "application/json")
                .header("X-SeisProc-Token", server.options().token()).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}

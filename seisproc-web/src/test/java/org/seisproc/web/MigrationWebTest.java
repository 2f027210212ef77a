package org.seisproc.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.seisproc.dataset.Dataset;
import org.seisproc.migration.Migration;
import org.seisproc.migration.MigrationControl;
import org.seisproc.migration.MigrationJob;
import org.seisproc.migration.MigrationListener;
import org.seisproc.migration.PreparedMigration;
import org.seisproc.migration.TileImage;
import org.seisproc.segy.HeaderField;

/// The PSTM wizard's and migration monitor's endpoints over HTTP, with their refusals. Expected
/// values come from the dataset's raw headers, the velocity formula, and `Migration.run` of the
/// saved job file read by `MigrationJob.load` (what `seisproc migrate JOB` does): the web task's
/// image must be the same bytes.
class MigrationWebTest extends ServedSurvey {
    static {
        // The scalar kernel: in a run this short the Vector API kernel is still interpreted (C2 has
        // not compiled it yet) and takes seconds; these tests are about the web application, the
        // kernels are compared with each other in core's KernelTest. Set before the kernel class loads.
        System.setProperty("seisproc.migration.scalar", "true");
    }

    static final String JOB = """
            {"input": "survey.dataset", "output": "%s",
             "velocity": {"kind": "linear", "v0": 1800, "k": 600},
             "aperture": {"maxDistanceMeters": 300, "maxAngleDegrees": 60, "taperFraction": 0.1},
             "offsetClasses": {"preset": "uniform", "count": 3, "maxMeters": 600},
             "execution": {"workers": 2, "tileInlines": 1, "tileCrosslines": 8}}""";


    static String job(String output) {
        return JOB.formatted(output);
    }

    static ObjectNode jobNode(String output) throws Exception {
        return (ObjectNode) Json.MAPPER.readTree(job(output));
    }

    @Test
    void scanShowsEveryRoleWithTheDatasetsOwnValues() {
        HttpResponse<byte[]> r = client.post("/api/pstm/scan", "{\"input\": \"survey.dataset\"}");
        assertThat(r.statusCode()).as(new String(r.body())).isEqualTo(200);
        JsonNode s = client.json(r);
        assertThat(s.get("dataset").asText()).isEqualTo("survey.dataset");
        assertThat(s.get("problems")).isEmpty();
        assertThat(s.get("inlines").toString()).isEqualTo("[1,2]");
        assertThat(s.get("coordinateScalar").asInt()).isEqualTo(-100);
        assertThat(s.at("/bins/crosslineSpacingMeters").asDouble()).isCloseTo(12.5, org.assertj.core.data.Offset.offset(0.01));
        assertThat(s.get("headerNames").toString()).contains("\"sx\"", "\"iline\"");
        try (Dataset d = Dataset.open(root.resolve("survey.dataset"))) {
            for (JsonNode f : s.get("fields")) {
                HeaderField h = d.headerLayout().field(f.get("field").asText());
                for (int t = 0; t < f.get("sample").size(); t++) {
                    assertThat(f.get("sample").get(t).asLong()).as(f.toString()).isEqualTo(d.header(t, h));
                }
            }
        }
        JsonNode moved = client.json(client.post("/api/pstm/scan", "{\"input\": \"survey.dataset\", \"headers\": {\"inline\": \"fldr\"}}"));
        assertThat(moved.get("mapping").get("inline").asText()).isEqualTo("fldr");
        assertThat(moved.get("inlines").toString()).isEqualTo("[1001,1008]");

        HttpResponse<byte[]> badRole = client.post("/api/pstm/scan", "{\"input\": \"survey.dataset\", \"headers\": {\"inlinez\": \"fldr\"}}");
        client.refused(badRole, 400, "headers.inlinez");
        HttpResponse<byte[]> missing = client.post("/api/pstm/scan", "{\"input\": \"nothing.dataset\"}");
        client.refused(missing, 404, "input");
    }

    @Test
    void velocityPreviewIsTheLinearLaw() throws Exception {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.set("job", jobNode("v.dataset"));
        JsonNode v = client.json(client.post("/api/pstm/velocity", Json.text(body)));
        assertThat(v.get("inline").asInt()).isEqualTo(2); // centre of inlines 1..2
        JsonNode t = v.get("times");
        assertThat(t.size()).isEqualTo(TestSurvey.SAMPLES);
        for (int k = 0; k < t.size(); k++) {
            assertThat(v.get("velocities").get(k).floatValue()).isEqualTo((float) (1800 + 600 * k * 0.004));
        }
        ((ObjectNode) body.get("job")).putObject("velocity").put("kind", "linear").put("v0", -5);
        HttpResponse<byte[]> bad = client.post("/api/pstm/velocity", Json.text(body));
        client.refused(bad, 400, "velocity.v0");
    }

    @Test
    void checkGivesGridEstimateAndEveryProblemNamed() throws Exception {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.set("job", jobNode("c.dataset"));
        HttpResponse<byte[]> r = client.post("/api/pstm/check", Json.text(body));
        assertThat(r.statusCode()).as(new String(r.body())).isEqualTo(200);
        JsonNode c = client.json(r);
        assertThat(c.at("/grid/inlines").toString()).isEqualTo("[1,2,1]");
        assertThat(c.at("/grid/samples").asInt()).isEqualTo(TestSurvey.SAMPLES);
        int crosslines = c.at("/grid/crosslineCount").asInt();
        assertThat(c.get("tiles").asInt()).isEqualTo(2 * ((crosslines + 7) / 8));
        assertThat(c.at("/estimate/stackBytes").asLong()).isEqualTo(2L * crosslines * (TestSurvey.SAMPLES * 4 + 240));
        assertThat(c.at("/estimate/contributions").asLong()).isPositive();
        assertThat(c.get("refusals")).isEmpty();
        assertThat(c.get("offsetClasses").size()).isEqualTo(3);
        assertThat(Json.MAPPER.readTree(c.get("jobFile").asText())).isEqualTo(body.get("job"));
        assertThat(root.resolve("c.dataset")).doesNotExist();

        ObjectNode bad = jobNode("c.dataset");
        bad.putObject("velocity").put("kind", "warp");
        ((ObjectNode) bad.get("aperture")).put("maxDistanceMeters", "far");
        bad.put("colour", "blue");
        body.set("job", bad);
        HttpResponse<byte[]> refused = client.post("/api/pstm/check", Json.text(body));
        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode e = client.json(refused);
        assertThat(e.get("problems").findValuesAsText("parameter")).containsExactlyInAnyOrder("colour", "velocity.kind",
                "aperture.maxDistanceMeters");
        assertThat(e.get("error").asText()).contains("velocity.kind", "maxDistanceMeters");
        assertThat(new String(refused.body())).doesNotContain("at org.seisproc");

        ObjectNode data = jobNode("c.dataset");
        data.putObject("grid").putArray("inlines").add(50).add(60);
        body.set("job", data);
        HttpResponse<byte[]> off = client.post("/api/pstm/check", Json.text(body));
        client.refused(off, 400, "grid");
    }

    @Test
    void pathsOutsideTheRootAndMissingTokensAreRefused() throws Exception {
        for (String input : new String[] {"../survey.dataset", "/etc", "a/../../x.dataset"}) {
            ObjectNode j = jobNode("o.dataset");
            j.put("input", input);
            ObjectNode body = Json.MAPPER.createObjectNode();
            body.set("job", j);
            HttpResponse<byte[]> r = client.post("/api/pstm/check", Json.text(body));
            client.refused(r, 403, "input");
        }
        ObjectNode vel = jobNode("o.dataset");
        vel.putObject("velocity").put("kind", "dataset").put("path", "../velocity.dataset");
        ObjectNode velBody = Json.MAPPER.createObjectNode();
        velBody.set("job", vel);
        HttpResponse<byte[]> v = client.post("/api/pstm/velocity", Json.text(velBody));
        client.refused(v, 403, "velocity.path");
        ObjectNode j = jobNode("../escaped.dataset");
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.set("job", j);
        body.put("name", "escape.json");
        HttpResponse<byte[]> r = client.post("/api/pstm/run", Json.text(body));
        client.refused(r, 403, "output");
        assertThat(root.resolve("escape.json")).doesNotExist();
        body.set("job", jobNode("x.dataset"));
        body.put("name", "../up.json");
        HttpResponse<byte[]> name = client.post("/api/pstm/jobfile", Json.text(body));
        client.refused(name, 400, "name");
        assertThat(root.getParent().resolve("up.json")).doesNotExist();
        HttpResponse<byte[]> load = client.get("/api/pstm/jobfile?name=..%2Fup.json");
        assertThat(load.statusCode()).isEqualTo(400);
        HttpResponse<byte[]> noToken = client.send(HttpRequest.newBuilder(client.uri("/api/pstm/run"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(Json.text(body))).build());
        client.refused(noToken, 403, "token");
        assertThat(client.post("/api/pstm/runs/nope-1/pause", "{}").statusCode()).isEqualTo(404);
        assertThat(client.get("/api/pstm/runs/nope-1/image").statusCode()).isEqualTo(404);
        HttpResponse<byte[]> notJson = client.post("/api/pstm/check", "{nope");
        client.refused(notJson, 400, "body");
    }

    @Test
    void savedJobFileIsWhatMigrateReadsAndTheWebRunIsBitwiseTheDirectRun() throws Exception {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("name", "wizard.json");
        body.set("job", jobNode("web.dataset"));
        HttpResponse<byte[]> saved = client.post("/api/pstm/jobfile", Json.text(body));
        assertThat(saved.statusCode()).as(new String(saved.body())).isEqualTo(200);
        Path file = root.resolve("wizard.json");
        assertThat(Files.readString(file)).isEqualTo(client.json(saved).get("text").asText());
        MigrationJob loaded = MigrationJob.load(file); // what `seisproc migrate wizard.json` reads
        assertThat(loaded.toJson()).isEqualTo(MigrationJob.parse(body.get("job"), root).job().toJson());
        JsonNode back = client.json(client.get("/api/pstm/jobfile?name=wizard.json"));
        assertThat(back.get("job")).isEqualTo(body.get("job"));
        assertThat(back.get("problems")).isEmpty();

        HttpResponse<byte[]> r = client.post("/api/pstm/run", "{\"name\": \"wizard.json\"}");
        assertThat(r.statusCode()).as(new String(r.body())).isEqualTo(201);
        JsonNode task = client.awaitJob(client.json(r).get("id").asText());
        assertThat(task.get("state").asText()).as(task.toString()).isEqualTo("done");
        assertThat(task.get("percent").asDouble()).isEqualTo(100.0);
        JsonNode m = task.get("migration");
        assertThat(m.get("tilesDone").asInt()).isEqualTo(m.get("tilesTotal").asInt()).isPositive();
        assertThat(m.get("classes").size()).isEqualTo(3);
        assertThat(m.get("contributionsPerSecond").asDouble()).isPositive();
        assertThat(task.at("/result/output").asText()).isEqualTo("web.dataset");

        Path direct = runDirect(loaded, "direct.dataset", null);
        assertSameSamples(root.resolve("web.dataset"), direct);

        // the monitor's live image holds exactly what was written
        HttpResponse<byte[]> img = client.get("/api/pstm/runs/" + task.get("id").asText() + "/image?inline=1");
        assertThat(img.statusCode()).isEqualTo(200);
        TestSurvey.Decoded f = TestSurvey.Decoded.of(img.body());
        int n2 = f.meta().get("n2").asInt();
        float[] samples = f.floats().get("samples");
        try (Dataset out = Dataset.open(root.resolve("web.dataset"))) {
            float[] trace = new float[TestSurvey.SAMPLES];
            for (int j = 0; j < n2; j++) {
                assertThat(f.doubles().get("h:done")[j]).isEqualTo(1.0);
                out.readTrace(j, trace, 0); // inline 1 is output traces 0..n2-1
                assertThat(java.util.Arrays.copyOfRange(samples, j * TestSurvey.SAMPLES, (j + 1) * TestSurvey.SAMPLES)).isEqualTo(trace);
            }
        }
        HttpResponse<byte[]> off = client.get("/api/pstm/runs/" + task.get("id").asText() + "/image?inline=7");
        client.refused(off, 400, "inline");
        HttpResponse<byte[]> again = client.post("/api/pstm/run", "{\"name\": \"wizard.json\"}");
        JsonNode second = client.awaitJob(client.json(again).get("id").asText());
        assertThat(second.get("state").asText()).isEqualTo("failed");
        assertThat(second.get("error").asText()).contains("overwrite");
    }

    @Test
    void pauseCancelAndResumeThroughTheApi() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Task blocker = server.tasks().submit("test", "holds the queue", t -> release.await());
        HttpResponse<byte[]> notMigration = client.post("/api/pstm/runs/" + blocker.id + "/pause", "{}");
        client.refused(notMigration, 400, "id");
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("name", "paused.json");
        body.set("job", jobNode("paused.dataset"));
        String id = client.json(client.post("/api/pstm/run", Json.text(body))).get("id").asText();
        JsonNode p = client.json(client.post("/api/pstm/runs/" + id + "/pause", "{}"));
        assertThat(p.get("paused").asBoolean()).isTrue();
        release.countDown();
        long end = System.nanoTime() + 20_000_000_000L;
        JsonNode s = client.json(client.get("/api/jobs/" + id));
        while (!s.path("migration").has("tilesTotal") && System.nanoTime() < end) {
            Thread.sleep(20);
            s = client.json(client.get("/api/jobs/" + id));
        }
        Thread.sleep(300);
        s = client.json(client.get("/api/jobs/" + id));
        assertThat(s.get("state").asText()).isEqualTo("running");
        assertThat(s.at("/migration/paused").asBoolean()).isTrue();
        assertThat(s.at("/migration/tilesDone").asInt()).isZero(); // paused before the first tile
        assertThat(client.json(client.post("/api/jobs/" + id + "/cancel", "{}")).get("id").asText()).isEqualTo(id);
        JsonNode cancelled = client.awaitJob(id);
        assertThat(cancelled.get("state").asText()).isEqualTo("cancelled");
        assertThat(cancelled.get("log").toString()).contains("pause requested");
        assertThat(root.resolve("paused.dataset").resolve("dataset.json")).doesNotExist(); // incomplete: kept for a resume, not a dataset

        HttpResponse<byte[]> resumed = client.post("/api/jobs/" + id + "/resume", "{}");
        assertThat(resumed.statusCode()).as(new String(resumed.body())).isEqualTo(201);
        String id2 = client.json(resumed).get("id").asText();
        assertThat(id2).isNotEqualTo(id);
        JsonNode done = client.awaitJob(id2);
        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("done");
        JsonNode unpause = client.json(client.post("/api/pstm/runs/" + id2 + "/continue", "{}"));
        assertThat(unpause.get("paused").asBoolean()).isFalse();
        Path direct = runDirect(MigrationJob.load(root.resolve("paused.json")), "paused-direct.dataset", null);
        assertSameSamples(root.resolve("paused.dataset"), direct);
        HttpResponse<byte[]> twice = client.post("/api/jobs/" + id + "/resume", "{}"); // resuming a finished job again: it exists now
        assertThat(client.awaitJob(client.json(twice).get("id").asText()).get("state").asText()).isEqualTo("failed");
    }

    @Test
    void aRunCutShortOutsideTheServerResumesFromItsCheckpoint() throws Exception {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("name", "killed.json");
        body.set("job", jobNode("killed.dataset"));
        assertThat(client.post("/api/pstm/jobfile", Json.text(body)).statusCode()).isEqualTo(200);
        MigrationJob job = MigrationJob.load(root.resolve("killed.json"));
        MigrationControl control = new MigrationControl();
        AtomicInteger tiles = new AtomicInteger();
        try (PreparedMigration pm = PreparedMigration.prepare(job)) {
            Migration.Report cut = Migration.run(pm, new Migration.Options(1, false, true), new MigrationListener() {
                @Override
                public void tileDone(TileImage image) {
                    if (tiles.incrementAndGet() == 3) {
                        control.cancel();
                    }
                }
            }, control);
            assertThat(cut.complete()).isFalse();
        }
        HttpResponse<byte[]> r = client.post("/api/pstm/run", "{\"name\": \"killed.json\"}");
        JsonNode done = client.awaitJob(client.json(r).get("id").asText());
        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("done");
        assertThat(done.get("log").toString()).contains("resuming: 3 of");
        Path direct = runDirect(job, "killed-direct.dataset", null);
        assertSameSamples(root.resolve("killed.dataset"), direct);
    }

    /// `Migration.run` of `job` with another output: what `seisproc migrate` does with the file.
    static Path runDirect(MigrationJob job, String output, MigrationListener listener) {
        return runDirectIn(root, job, output, listener);
    }

    static Path runDirectIn(Path root, MigrationJob job, String output) {
        return runDirectIn(root, job, output, null);
    }

    static Path runDirectIn(Path root, MigrationJob job, String output, MigrationListener listener) {
        Path out = root.resolve(output);
        MigrationJob other = new MigrationJob(job.input(), out, job.gathers(), job.headers(), job.grid(), job.velocity(), job.parameters(),
                job.workers(), job.memoryBudgetBytes());
        try (PreparedMigration pm = PreparedMigration.prepare(other)) {
            assertThat(Migration.run(pm, new Migration.Options(1, false, false), listener == null ? MigrationListener.NONE : listener,
                    new MigrationControl()).complete()).isTrue();
        }
        return out;
    }

    static void assertSameSamples(Path a, Path b) {
        try (Dataset x = Dataset.open(a); Dataset y = Dataset.open(b)) {
            assertThat(x.traceCount()).isEqualTo(y.traceCount());
            float[] u = new float[x.samplesPerTrace()];
            float[] v = new float[y.samplesPerTrace()];
            long nonZero = 0;
            for (long t = 0; t < x.traceCount(); t++) {
                x.readTrace(t, u, 0);
                y.readTrace(t, v, 0);
                for (int k = 0; k < u.length; k++) {
                    assertThat(Float.floatToRawIntBits(u[k])).as("trace %d sample %d", t, k).isEqualTo(Float.floatToRawIntBits(v[k]));
                    nonZero += u[k] != 0 ? 1 : 0;
                }
            }
            assertThat(nonZero).isPositive();
            assertThat(x.sampleDigest()).isEqualTo(y.sampleDigest());
        }
    }
}

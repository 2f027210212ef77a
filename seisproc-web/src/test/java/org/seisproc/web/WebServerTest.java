package org.seisproc.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seisproc.dataset.Dataset;
import org.seisproc.dataset.Exporter;
import org.seisproc.engine.Engine;
import org.seisproc.engine.Job;
import org.seisproc.ensemble.EnsembleIndex;
import org.seisproc.ensemble.EnsembleKey;
import org.seisproc.segy.HeaderField;
import org.seisproc.segy.SampleDigest;
import org.seisproc.segy.SampleFormat;
import org.seisproc.segy.SegyFile;

/// Every endpoint of the server, and its refusals, over HTTP on loopback. One server for the
/// class; the expected values are computed independently from the dataset (reader, index,
/// raw headers) or by the engine and exporter called directly.
class WebServerTest extends ServedSurvey {
    @TempDir
    static Path outside;

    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void pageCarriesTheTokenAndAssetsComeFromTheJar() {
        HttpResponse<byte[]> page = client.get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        String html = new String(page.body(), StandardCharsets.UTF_8);
        assertThat(html).contains("content=\"" + server.options().token() + "\"").contains("/app/main.js");
        for (String asset : List.of("/app/main.js", "/app/render.js", "/app/api.js", "/app/views/gathers.js", "/app/style.css")) {
            HttpResponse<byte[]> r = client.get(asset);
            assertThat(r.statusCode()).as(asset).isEqualTo(200);
            assertThat(r.body().length).as(asset).isGreaterThan(500);
        }
        assertThat(html).doesNotContain("http://").doesNotContain("https://"); // nothing from the internet
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'");
    }

    @Test
    void datasetBrowserListsDatasetsAndSeismicFiles() {
        JsonNode list = client.json(client.get("/api/datasets"));
        JsonNode ds = null;
        for (JsonNode d : list.get("datasets")) {
            if (d.get("path").asText().equals("survey.dataset")) {
                ds = d;
            }
        }
        assertThat(ds).as(list.toString()).isNotNull();
        assertThat(ds.get("path").asText()).isEqualTo("survey.dataset");
        assertThat(ds.get("traces").asLong()).isEqualTo(TestSurvey.SHOTS * TestSurvey.CHANNELS);
        assertThat(ds.get("samplesPerTrace").asInt()).isEqualTo(TestSurvey.SAMPLES);
        assertThat(ds.get("sampleIntervalMicros").asDouble()).isEqualTo(4000.0);
        assertThat(ds.get("sizeBytes").asLong()).isGreaterThan(4L * TestSurvey.SAMPLES * 384);
        assertThat(ds.get("sourceFiles").get(0).asText()).endsWith("survey.sgy");
        assertThat(list.get("files").findValuesAsText("path")).contains("survey.sgy");

        JsonNode detail = client.json(client.get("/api/dataset?ds=survey.dataset"));
        assertThat(detail.at("/manifest/traces").asLong()).isEqualTo(384);
        assertThat(detail.at("/manifest/checksums/samplesSha256").asText()).hasSize(64);   // the test survey is imported with its SHA-256
        assertThat(detail.get("textualHeader").asText()).isNotBlank();
    }

    @Test
    void gatherIsBinaryAndEqualsTheDatasetsTraces() {
        JsonNode info = client.json(client.get("/api/ensembles?ds=survey.dataset&key=fldr&sort=tracf"));
        assertThat(info.get("ensembles").asInt()).isEqualTo(TestSurvey.SHOTS);
        assertThat(info.at("/fold/max").asInt()).isEqualTo(TestSurvey.CHANNELS);

        HttpResponse<byte[]> r = client.get("/api/gather?ds=survey.dataset&key=fldr&sort=tracf&e=3");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/octet-stream");
        TestSurvey.Decoded f = TestSurvey.Decoded.of(r.body());
        assertThat(f.meta().get("ensemble").asInt()).isEqualTo(3);
        assertThat(f.meta().get("n2").asInt()).isEqualTo(TestSurvey.CHANNELS);
        float[] samples = f.floats().get("samples");
        double[] traces = f.doubles().get("trace");
        double[] tracf = f.doubles().get("h:tracf");
        try (Dataset d = Dataset.open(root.resolve("survey.dataset"));
             EnsembleIndex index = EnsembleIndex.build(d, EnsembleKey.parse("fldr", "tracf"))) {
            HeaderField tracfField = d.headerLayout().field("tracf");
            float[] expected = new float[TestSurvey.SAMPLES];
            for (int j = 0; j < TestSurvey.CHANNELS; j++) {
                int t = index.trace(3, j);
                assertThat((int) traces[j]).isEqualTo(t);
                assertThat((long) tracf[j]).isEqualTo(d.header(t, tracfField));
                d.readTrace(t, expected, 0);
                for (int i = 0; i < TestSurvey.SAMPLES; i++) {
                    assertThat(samples[j * TestSurvey.SAMPLES + i]).isEqualTo(expected[i]);
                }
            }
            assertThat(f.meta().get("keyValues").get(0).asInt()).isEqualTo(index.keyValue(3, 0));
        }
        for (int j = 1; j < TestSurvey.CHANNELS; j++) {
            assertThat(tracf[j]).isGreaterThanOrEqualTo(tracf[j - 1]); // sorted inside the gather
        }
    }

    @Test
    void goToFindsTheEnsembleOfATypedKeyValue() {
        HttpResponse<byte[]> g = client.get("/api/gather?ds=survey.dataset&key=fldr&e=5");
        int fldr = TestSurvey.Decoded.of(g.body()).meta().get("keyValues").get(0).asInt();
        assertThat(client.json(client.get("/api/find?ds=survey.dataset&key=fldr&value=" + fldr)).get("ensemble").asInt()).isEqualTo(5);
        HttpResponse<byte[]> missing = client.get("/api/find?ds=survey.dataset&key=fldr&value=987654");
        client.refused(missing, 404, "value");
        assertThat(client.json(missing).get("error").asText()).contains("nearest");
        HttpResponse<byte[]> two = client.get("/api/ensembles?ds=survey.dataset&key=" + q("gx,gy"));
        assertThat(client.json(two).get("fields").size()).isEqualTo(2);
    }

    @Test
    void headerTableFiltersSortsAndPagesLikeTheRawHeaders() {
        HttpResponse<byte[]> r = client.get("/api/headers?ds=survey.dataset&columns=fldr,offset&where=" + q("offset < 500")
                + "&sort=offset&desc=true&offset=5&limit=10");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode page = client.json(r);
        try (Dataset d = Dataset.open(root.resolve("survey.dataset"))) {
            HeaderField off = d.headerLayout().field("offset");
            List<long[]> rows = new ArrayList<>();
            for (int t = 0; t < d.traceCount(); t++) {
                long o = d.header(t, off);
                if (o < 500) {
                    rows.add(new long[] {t, o});
                }
            }
            rows.sort(Comparator.comparingLong(x -> x[1])); // stable ascending, then reversed
            java.util.Collections.reverse(rows);
            assertThat(page.get("matched").asLong()).isEqualTo(rows.size());
            assertThat(page.get("columns").toString()).isEqualTo("[\"trace\",\"fldr\",\"offset\"]");
            for (int i = 0; i < 10; i++) {
                JsonNode row = page.get("rows").get(i);
                assertThat(row.get(2).asLong()).isEqualTo(rows.get(5 + i)[1]);
                assertThat(d.header(row.get(0).asLong(), off)).isEqualTo(row.get(2).asLong());
            }
        }
    }

    @Test
    void processorMetadataDrivesTheForm() {
        JsonNode list = client.json(client.get("/api/processors"));
        JsonNode bandpass = null;
        for (JsonNode p : list) {
            if (p.get("name").asText().equals("bandpass")) {
                bandpass = p;
            }
        }
        assertThat(bandpass).isNotNull();
        JsonNode type = bandpass.get("parameters").get(0);
        assertThat(type.get("kind").asText()).isEqualTo("choice");
        assertThat(type.get("options").toString()).contains("ormsby").contains("butterworth");
        assertThat(bandpass.get("parameters").get(1).get("unit").asText()).isEqualTo("Hz");
    }

    @Test
    void previewAppliesTheChainOnTheServer() {
        HttpResponse<byte[]> r = client.post("/api/preview", """
                {"ds":"survey.dataset","key":"fldr","e":2,"processors":[{"name":"scale","factor":-2.5}]}""");
        assertThat(r.statusCode()).isEqualTo(200);
        TestSurvey.Decoded f = TestSurvey.Decoded.of(r.body());
        float[] in = f.floats().get("input");
        float[] out = f.floats().get("processed");
        assertThat(in).hasSameSizeAs(out).hasSize(TestSurvey.CHANNELS * TestSurvey.SAMPLES);
        double energy = 0;
        for (int k = 0; k < in.length; k++) {
            assertThat(out[k]).isEqualTo(in[k] * -2.5f);
            energy += in[k] * in[k];
        }
        assertThat(energy).isGreaterThan(0);
        HttpResponse<byte[]> bad = client.post("/api/preview", """
                {"ds":"survey.dataset","key":"fldr","e":2,"processors":[{"name":"scale"},{"name":"nosuch"}]}""");
        assertThat(bad.statusCode()).isEqualTo(400);
        JsonNode err = client.json(bad);
        assertThat(err.get("parameter").asText()).isEqualTo("processors");
        assertThat(err.get("error").asText()).contains("factor").contains("nosuch");
    }

    @Test
    void aSubmittedJobEqualsTheEngineRunOfTheSameJobFile() throws Exception {
        JsonNode jobFile = client.json(client.post("/api/jobfile", """
                {"ds":"survey.dataset","key":"fldr","sort":"tracf","output":"agc.dataset",
                 "processors":[{"name":"agc","windowMs":200},{"name":"scale","factor":3}]}"""));
        assertThat(jobFile.get("input").asText()).isEqualTo("survey.dataset");
        assertThat(jobFile.get("sortBy").get(0).asText()).isEqualTo("tracf");
        HttpResponse<byte[]> submitted = client.post("/api/jobs", "{\"name\":\"agc-job.json\",\"job\":" + jobFile + "}");
        assertThat(submitted.statusCode()).isEqualTo(201);
        JsonNode end = client.awaitJob(client.json(submitted).get("id").asText());
        assertThat(end.get("state").asText()).as(end.toString()).isEqualTo("done");
        assertThat(end.get("percent").asDouble()).isEqualTo(100.0);
        assertThat(end.get("workers").size()).isGreaterThan(0);
        long liveGathers = 0;
        for (JsonNode w : end.get("liveWorkers")) {
            liveGathers += w.get("gathers").asLong();
        }
        assertThat(liveGathers).as("live per-worker counts add up to every ensemble").isEqualTo(TestSurvey.SHOTS);

        Job job = Job.load(root.resolve("agc-job.json")); // the saved file, as `seisproc run` reads it
        Path reference = outside.resolve("reference.dataset");
        Engine.run(new Job(job.input(), reference, job.key(), job.sortBy(), job.onError(), job.steps()),
                Engine.Options.defaults().withWorkers(1));
        try (Dataset a = Dataset.open(root.resolve("agc.dataset")); Dataset b = Dataset.open(reference)) {
            assertThat(a.sampleDigest()).isEqualTo(b.sampleDigest());
            assertThat(end.at("/result/checksum").asText()).isEqualTo(b.sampleDigest());
        }
    }

    @Test
    void aCancelledImportStopsAndLeavesNothingThatLooksComplete() throws Exception {
        // The import's work is run here, on the test thread, with the task already cancelled: the
        // copy workers' first progress report stops it (the queue, held meanwhile, then skips it).
        CountDownLatch hold = new CountDownLatch(1);
        Tasks queue = new Tasks(() -> { });
        try {
            queue.submit("test", "hold the queue", t -> hold.await());
            Task t = new TransferService(new RootDir(root), queue)
                    .importFiles(Json.object("{\"files\":[\"survey.sgy\"],\"target\":\"cancelled-import.dataset\"}"));
            t.cancel.set(true);
            WebError stopped = org.assertj.core.api.Assertions.catchThrowableOfType(WebError.class, () -> t.work.run(t));
            assertThat(stopped).isNotNull();
            assertThat(stopped.status()).isEqualTo(Task.CANCELLED_STATUS);
            assertThat(Files.exists(root.resolve("cancelled-import.dataset/dataset.json"))).isFalse();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Dataset.open(root.resolve("cancelled-import.dataset")).close())
                    .isInstanceOf(org.seisproc.dataset.DatasetException.class);
        } finally {
            hold.countDown();
            queue.close();
        }
    }

    @Test
    void aCancelledJobIsResumedToItsOutput() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        Task blocker = server.tasks().submit("test", "hold the queue", t -> hold.await());
        HttpResponse<byte[]> submitted = client.post("/api/jobs", """
                {"name":"cancel-job.json","text":"{\\"input\\":\\"survey.dataset\\",\\"output\\":\\"cancelled.dataset\\",\\"key\\":[\\"fldr\\"],\\"processors\\":[{\\"name\\":\\"scale\\",\\"factor\\":2}]}"}""");
        assertThat(submitted.statusCode()).as(new String(submitted.body(), StandardCharsets.UTF_8)).isEqualTo(201);
        String id = client.json(submitted).get("id").asText();
        assertThat(client.post("/api/jobs/" + id + "/cancel", "").statusCode()).isEqualTo(200);
        hold.countDown();
        assertThat(client.awaitJob(id).get("state").asText()).isEqualTo("cancelled");
        assertThat(blocker.state).isEqualTo(Task.State.DONE);
        assertThat(Files.exists(root.resolve("cancelled.dataset/dataset.json"))).isFalse();
        HttpResponse<byte[]> resumed = client.post("/api/jobs/" + id + "/resume", "");
        assertThat(resumed.statusCode()).isEqualTo(201);
        JsonNode end = client.awaitJob(client.json(resumed).get("id").asText());
        assertThat(end.get("state").asText()).isEqualTo("done");
        try (Dataset in = Dataset.open(root.resolve("survey.dataset")); Dataset out = Dataset.open(root.resolve("cancelled.dataset"))) {
            float[] a = new float[TestSurvey.SAMPLES];
            float[] b = new float[TestSurvey.SAMPLES];
            in.readTrace(100, a, 0);
            out.readTrace(100, b, 0);
            for (int i = 0; i < a.length; i++) {
                assertThat(b[i]).isEqualTo(2 * a[i]);
            }
        }
    }

    @Test
    void jobsAreStreamedAsServerSentEvents() {
        HttpResponse<byte[]> submitted = client.post("/api/jobs", """
                {"name":"sse-job.json","job":{"input":"survey.dataset","output":"sse.dataset","key":["fldr"],
                 "processors":[{"name":"scale","factor":1.5}]}}""");
        String id = client.json(submitted).get("id").asText();
        HttpResponse<byte[]> events = client.send(HttpRequest.newBuilder(client.uri("/api/jobs/" + id + "/events"))
                .header("Accept", "text/event-stream").GET().build());
        String text = new String(events.body(), StandardCharsets.UTF_8);
        assertThat(events.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        assertThat(text).contains("event: progress").contains("\"state\":\"done\"").contains("\"percent\":100.0");
    }

    @Test
    void importAndExportRunAsJobsWithChecksums() throws Exception {
        HttpResponse<byte[]> imp = client.post("/api/import", "{\"files\":[\"survey.sgy\"],\"target\":\"again.dataset\",\"checksum\":true}");
        assertThat(imp.statusCode()).isEqualTo(201);
        JsonNode impEnd = client.awaitJob(client.json(imp).get("id").asText());
        String sourceDigest;
        try (SegyFile f = SegyFile.open(root.resolve("survey.sgy"))) {
            sourceDigest = SampleDigest.of(f);
        }
        assertThat(impEnd.at("/result/checksum").asText()).isEqualTo(sourceDigest);

        HttpResponse<byte[]> exp = client.post("/api/export", "{\"ds\":\"again.dataset\",\"target\":\"exported.sgy\"}");
        JsonNode expEnd = client.awaitJob(client.json(exp).get("id").asText());
        assertThat(expEnd.get("state").asText()).as(expEnd.toString()).isEqualTo("done");
        assertThat(Files.mismatch(root.resolve("exported.sgy"), root.resolve("survey.sgy"))).isEqualTo(-1L);
        assertThat(expEnd.at("/result/checksum").asText()).isEqualTo(sourceDigest);

        HttpResponse<byte[]> conv = client.post("/api/export",
                "{\"ds\":\"again.dataset\",\"target\":\"le.sgy\",\"format\":5,\"byteOrder\":\"little\",\"revision\":2}");
        JsonNode convEnd = client.awaitJob(client.json(conv).get("id").asText());
        Path reference = outside.resolve("le-reference.sgy");
        try (Dataset d = Dataset.open(root.resolve("again.dataset"))) {
            Exporter.run(d, reference, Exporter.Options.defaults().withFormat(SampleFormat.IEEE_FLOAT32)
                    .withByteOrder(ByteOrder.LITTLE_ENDIAN).withRevision(2));
        }
        assertThat(convEnd.at("/result/fileSha256").asText()).isEqualTo(TransferService.fileSha256(reference));
        assertThat(convEnd.at("/result/checksum").asText()).isEqualTo(sourceDigest);
    }

    @Test
    void exportSelectsTracesWritesTheNoiseAndMapsHeaders() throws Exception {
        Job triple = Job.parse(Json.MAPPER.readTree("""
                {"input":"survey.dataset","output":"tripled.dataset","key":["fldr"],"processors":[{"name":"scale","factor":3}]}
                """), root, root.resolve("x.json"));
        Engine.run(triple, Engine.Options.defaults().withWorkers(1));
        HttpResponse<byte[]> r = client.post("/api/export", """
                {"ds":"tripled.dataset","target":"noise.sgy","format":5,"where":"offset < 0","content":"noise","input":"survey.dataset",
                 "mapping":[{"column":"offset","byte":233,"type":"int32"},{"column":"fldr","byte":237,"type":"int16"}]}""");
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(201);
        JsonNode end = client.awaitJob(client.json(r).get("id").asText());
        assertThat(end.get("state").asText()).as(end.toString()).isEqualTo("done");
        try (Dataset in = Dataset.open(root.resolve("survey.dataset")); SegyFile out = SegyFile.open(root.resolve("noise.sgy"))) {
            HeaderField offset = in.headerLayout().field("offset");
            HeaderField fldr = in.headerLayout().field("fldr");
            List<Integer> selected = new ArrayList<>();
            for (int t = 0; t < in.traceCount(); t++) {
                if (in.header(t, offset) < 0) {
                    selected.add(t);
                }
            }
            assertThat(out.traceCount()).isEqualTo(selected.size()).isGreaterThan(0).isLessThan((int) in.traceCount());
            float[] a = new float[TestSurvey.SAMPLES];
            float[] b = new float[TestSurvey.SAMPLES];
            HeaderField at233 = new HeaderField("x", 233, org.seisproc.segy.HeaderType.INT32);
            HeaderField at237 = new HeaderField("y", 237, org.seisproc.segy.HeaderType.INT16);
            for (int j = 0; j < selected.size(); j += 7) {
                int t = selected.get(j);
                in.readTrace(t, a, 0);
                out.readTrace(j, b, 0);
                for (int i = 0; i < a.length; i++) {
                    assertThat(b[i]).isEqualTo(a[i] - 3 * a[i]); // noise = input - processed
                }
                assertThat(at233.readLong(out.traceHeader(j), 0, out.byteOrder())).isEqualTo(in.header(t, offset));
                assertThat(at237.readLong(out.traceHeader(j), 0, out.byteOrder())).isEqualTo(in.header(t, fldr));
            }
        }
        try (var hidden = Files.list(root.resolve(".seisproc-tmp"))) {
            assertThat(hidden.toList()).as("the temporary selection is deleted").isEmpty();
        }
    }

    @Test
    void headerMappingsArePreviewedAndOverlapsOrOutOfRangeBytesRefused() {
        HttpResponse<byte[]> p = client.post("/api/export/preview", """
                {"ds":"survey.dataset","mapping":[{"column":"cdp","byte":181,"type":"int32"},{"column":"offset","byte":185,"type":"float32"}]}""");
        assertThat(p.statusCode()).isEqualTo(200);
        JsonNode rows = client.json(p).get("rows");
        assertThat(rows).hasSize(5);
        for (JsonNode row : rows) {
            for (JsonNode f : row.get("fields")) {
                assertThat(f.get("readBack").asDouble()).isEqualTo(f.get("value").asDouble());
                assertThat(f.get("bytes").asText()).matches("([0-9a-f]{2} ){3}[0-9a-f]{2}");
            }
        }
        HttpResponse<byte[]> overlap = client.post("/api/export/preview", """
                {"ds":"survey.dataset","mapping":[{"column":"cdp","byte":21,"type":"int32"},{"column":"offset","byte":23,"type":"int16"}]}""");
        client.refused(overlap, 400, "mapping");
        assertThat(client.json(overlap).get("error").asText()).contains("mapping[1]").contains("overlaps mapping[0]").contains("bytes 21-24");
        HttpResponse<byte[]> outside = client.post("/api/export", """
                {"ds":"survey.dataset","target":"never.sgy","mapping":[{"column":"cdp","byte":239,"type":"int32"}]}""");
        assertThat(outside.statusCode()).isEqualTo(400);
        assertThat(client.json(outside).get("error").asText()).contains("outside the 240-byte trace header");
        assertThat(Files.exists(root.resolve("never.sgy"))).isFalse();
        HttpResponse<byte[]> unknown = client.post("/api/export/preview", """
                {"ds":"survey.dataset","mapping":[{"column":"nosuch","byte":181,"type":"int32"}]}""");
        assertThat(client.json(unknown).get("error").asText()).contains("nosuch");
    }

    @Test
    void pathTraversalIsRefused() throws Exception {
        for (String ds : List.of("../x", "..%2Fx", "%2e%2e/x", "%2Fetc", "/etc", "a/../../x", "%252e%252e%252fx", "..%5Cx")) {
            HttpResponse<byte[]> r = client.get("/api/ensembles?key=fldr&ds=" + ds);
            assertThat(r.statusCode()).as(ds).isBetween(400, 499);
            assertThat(client.json(r).get("parameter").asText()).as(ds).isEqualTo("ds");
        }
        Files.createSymbolicLink(root.resolve("escape"), outside);
        Files.createDirectories(outside.resolve("inner"));
        HttpResponse<byte[]> link = client.get("/api/dataset?ds=escape/inner");
        assertThat(link.statusCode()).isEqualTo(403);
        assertThat(client.json(link).get("error").asText()).contains("symbolic link");
        HttpResponse<byte[]> target = client.post("/api/export", "{\"ds\":\"survey.dataset\",\"target\":\"escape/out.sgy\"}");
        assertThat(target.statusCode()).isEqualTo(403);
        HttpResponse<byte[]> abs = client.post("/api/export", "{\"ds\":\"survey.dataset\",\"target\":\"" + outside.resolve("x.sgy") + "\"}");
        assertThat(abs.statusCode()).isEqualTo(403);
        HttpResponse<byte[]> job = client.post("/api/jobs", "{\"name\":\"out.json\",\"job\":{\"input\":\"survey.dataset\",\"output\":\"../leak.dataset\","
                + "\"key\":[\"fldr\"],\"processors\":[{\"name\":\"scale\",\"factor\":2}]}}");
        client.refused(job, 403, "output");
        assertThat(Files.exists(root.resolve("out.json"))).isFalse();
        for (String name : List.of("../evil.json", "/tmp/evil.json", "sub/evil.json", ".hidden.json", "evil.sh")) {
            HttpResponse<byte[]> bad = client.post("/api/jobs", "{\"name\":\"" + name + "\",\"job\":{}}");
            client.refused(bad, 400, "name");
        }
        JsonNode listing = client.json(client.get("/api/datasets"));
        assertThat(listing.toString()).as("a symbolic link out of the root is not listed").doesNotContain("escape");
        assertThat(Files.exists(root.getParent().resolve("leak.dataset"))).isFalse();
        try (var s = Files.list(outside)) {
            assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("x") || n.startsWith("out"))).isEmpty();
        }
    }

    @Test
    void stateChangingRequestsNeedTheTokenAndNoForeignOrigin() {
        String body = "{\"ds\":\"survey.dataset\",\"target\":\"t.sgy\"}";
        HttpResponse<byte[]> noToken = client.send(HttpRequest.newBuilder(client.uri("/api/export"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        client.refused(noToken, 403, "token");
        HttpResponse<byte[]> foreign = client.send(HttpRequest.newBuilder(client.uri("/api/export"))
                .header(WebServer.TOKEN_HEADER, server.options().token()).header("Origin", "http://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<byte[]> preflight = client.send(HttpRequest.newBuilder(client.uri("/api/export"))
                .header("Origin", "http://evil.example").header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(Files.exists(root.resolve("t.sgy"))).isFalse();
    }

    @Test
    void onLoopbackOnlyLoopbackHostNamesAreAnswered() {
        // java.net.http will not send another Host header: a raw request, as a DNS-rebinding page would.
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.port())) {
            s.getOutputStream().write("GET /api/datasets HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 403").contains("\"parameter\":\"Host\"").doesNotContain("survey.dataset");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void badParametersGetA4xxNamingThemAndTheServerKeepsServing() {
        String[][] cases = {
                {"/api/gather?ds=survey.dataset&key=fldr&e=abc", "e"},
                {"/api/gather?ds=survey.dataset&key=fldr&e=999", "e"},
                {"/api/gather?ds=survey.dataset&e=1", "key"},
                {"/api/gather?ds=survey.dataset&key=nosuchfield&e=1", "key"},
                {"/api/gather?key=fldr&e=1", "ds"},
                {"/api/gather?ds=nosuch.dataset&key=fldr&e=1", "ds"},
                {"/api/headers?ds=survey.dataset&limit=0", "limit"},
                {"/api/headers?ds=survey.dataset&where=" + q("cdp betwen 1 and"), "where"},
                {"/api/headers?ds=survey.dataset&columns=nosuch", "columns"},
                {"/api/find?ds=survey.dataset&key=fldr&value=x", "value"},
                {"/api/jobs/nosuch", "id"},
        };
        for (String[] c : cases) {
            HttpResponse<byte[]> r = client.get(c[0]);
            assertThat(r.statusCode()).as(c[0]).isBetween(400, 499);
            JsonNode err = client.json(r);
            assertThat(err.get("parameter").asText()).as(c[0]).isEqualTo(c[1]);
            assertThat(err.get("error").asText()).as(c[0]).isNotBlank().doesNotContain("\tat ").doesNotContain("Exception");
        }
        HttpResponse<byte[]> notJson = client.post("/api/preview", "{not json");
        client.refused(notJson, 400, "body");
        HttpResponse<byte[]> badJob = client.post("/api/jobs", "{\"name\":\"bad.json\",\"text\":\"{\\\"input\\\":\\\"survey.dataset\\\"}\"}");
        assertThat(badJob.statusCode()).isEqualTo(400);
        assertThat(client.json(badJob).get("error").asText()).contains("output").contains("processors");
        assertThat(Files.exists(root.resolve("bad.json"))).isFalse();
        HttpResponse<byte[]> badFormat = client.post("/api/export", "{\"ds\":\"survey.dataset\",\"target\":\"f.sgy\",\"format\":4}");
        client.refused(badFormat, 400, "format");
        assertThat(Files.exists(root.resolve("f.sgy"))).isFalse();
        HttpResponse<byte[]> unknown = client.get("/api/nothing-here");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(client.json(unknown).has("error")).isTrue();
        assertThat(client.get("/api/datasets").statusCode()).isEqualTo(200);
    }

    @Test
    void awayFromLoopbackEveryRequestNeedsTheAccessToken() {
        try (WebServer remote = WebServer.start(ServerOptions.of(root, "0.0.0.0", 0))) {
            TestSurvey.Client c = TestSurvey.Client.of(remote);
            assertThat(remote.url()).contains("?token=" + remote.options().token());
            assertThat(c.get("/api/datasets").statusCode()).isEqualTo(401);
            assertThat(c.get("/").statusCode()).isEqualTo(401);
            HttpResponse<byte[]> withToken = c.send(HttpRequest.newBuilder(c.uri("/api/datasets"))
                    .header(WebServer.TOKEN_HEADER, remote.options().token()).GET().build());
            assertThat(withToken.statusCode()).isEqualTo(200);
            HttpResponse<byte[]> page = c.get("/?token=" + remote.options().token());
            assertThat(page.statusCode()).isEqualTo(200);
            String cookie = page.headers().firstValue("Set-Cookie").orElse("");
            assertThat(cookie).contains(WebServer.TOKEN_COOKIE + "=" + remote.options().token()).contains("HttpOnly");
            HttpResponse<byte[]> withCookie = c.send(HttpRequest.newBuilder(c.uri("/app/main.js"))
                    .header("Cookie", cookie.split(";")[0]).GET().build());
            assertThat(withCookie.statusCode()).isEqualTo(200);
        }
    }
}

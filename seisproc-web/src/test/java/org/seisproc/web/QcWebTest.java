package org.seisproc.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.awt.image.BufferedImage;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seisproc.dataset.Dataset;
import org.seisproc.qc.Lines;
import org.seisproc.qc.QcStack;

/// The QC endpoints over HTTP: QC stack and attributes run as tasks and equal the library's
/// runs, the report's pictures are PNGs and its bad-trace list pages through every flagged trace
/// of the attribute table's CSV, batch QC writes noise = before − after exactly, stacks are
/// served as sections, and every refusal names its parameter.
class QcWebTest extends ServedSurvey {
    @TempDir
    static Path outside;

    @BeforeAll
    static void start() {
        done(client.post("/api/qc/stack", """
                {"ds":"survey.dataset","output":"qc/stack.dataset","velocity":"1800+600t","bin":"iline,xline","method":"mean"}"""));
        done(client.post("/api/qc/attributes", """
                {"ds":"survey.dataset","output":"qc/attributes.parquet","windowMs":"0:1200","flags":["correlation=0.5"]}"""));
    }

    static JsonNode done(HttpResponse<byte[]> submitted) {
        assertThat(submitted.statusCode()).as(new String(submitted.body(), StandardCharsets.UTF_8)).isEqualTo(201);
        JsonNode end = client.awaitJob(client.json(submitted).get("id").asText());
        assertThat(end.get("state").asText()).as(end.toString()).isEqualTo("done");
        return end;
    }

    static void refused(HttpResponse<byte[]> r, int status, String parameter, String message) {
        assertThat(client.refused(r, status, parameter).get("error").asText()).contains(message);
    }

    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void theStackTaskEqualsTheLibrarysStack() {
        Path reference = outside.resolve("stack.dataset");
        try (Dataset d = Dataset.open(root.resolve("survey.dataset"))) {
            QcStack.run(d, reference, QcStack.defaultFoldPath(reference), new QcStack.Options("1800+600t", null, null, true,
                    QcStack.Method.MEAN, 1, 1.5, false, 1, false), null);
        }
        try (Dataset web = Dataset.open(root.resolve("qc/stack.dataset")); Dataset lib = Dataset.open(reference);
             Dataset fold = Dataset.open(root.resolve("qc/stack.fold.dataset"))) {
            assertThat(web.traceCount()).isEqualTo(lib.traceCount()).isGreaterThan(1);
            assertThat(web.sampleDigest()).isEqualTo(lib.sampleDigest());
            assertThat(fold.traceCount()).isEqualTo(web.traceCount());
        }
        assertThat(Files.exists(root.resolve("qc/.stack.dataset.lock"))).isFalse();
    }

    @Test
    void theAttributesTaskWritesTheTablesTheCommandWrites() throws Exception {
        assertThat(root.resolve("qc/attributes.parquet")).isRegularFile();
        assertThat(root.resolve("qc/attributes.ensembles.parquet")).isRegularFile();
        List<String> bad = Files.readAllLines(root.resolve("qc/attributes.bad.csv"));
        assertThat(bad.getFirst()).startsWith("trace,ensemble,fldr,flags,reasons");
    }

    @Test
    void theReportIsATaskWhosePicturesArePngsAndWhoseBadTracesArePaged() throws Exception {
        JsonNode end = done(client.post("/api/qc/report", """
                {"ds":"survey.dataset","stack":"qc/stack.dataset","attributes":"qc/attributes.parquet"}"""));
        assertThat(end.get("unit").asText()).isEqualTo("steps");
        assertThat(end.get("done").asLong()).isEqualTo(org.seisproc.qc.QcReport.STEPS);
        assertThat(end.get("log").toString()).contains("fold map").contains("stack section");
        String id = end.at("/result/report").asText();
        JsonNode report = client.json(client.get("/api/qc/reports/" + id));
        List<String> names = report.get("pictures").findValuesAsText("name");
        assertThat(names).contains("survey-map", "fold-map", "offset-histogram", "offset-azimuth-rose", "shot-rms-map",
                "receiver-rms-map", "spectrum", "stack", "gather-1");
        for (JsonNode p : report.get("pictures")) {
            HttpResponse<byte[]> png = client.get(p.get("url").asText());
            assertThat(png.statusCode()).isEqualTo(200);
            assertThat(png.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png");
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
            assertThat(image.getWidth()).as(p.toString()).isGreaterThan(300);
            assertThat(image.getHeight()).as(p.toString()).isGreaterThan(300);
            assertThat(p.get("title").asText()).isNotBlank();
        }
        assertThat(report.get("facts").get("traces").asText()).isEqualTo("384");
        assertThat(report.get("notes").toString()).doesNotContain("No stack");

        // every flagged trace of the attribute table's bad-trace CSV, page by page
        List<String> csv = Files.readAllLines(root.resolve("qc/attributes.bad.csv"));
        int flagged = csv.size() - 1;
        assertThat(flagged).as("correlation=0.5 flags some traces of the synthetic survey").isGreaterThan(3);
        assertThat(report.get("badTraces").asInt()).isEqualTo(flagged);
        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset < flagged; offset += 3) {
            JsonNode page = client.json(client.get("/api/qc/reports/" + id + "/bad?offset=" + offset + "&limit=3"));
            assertThat(page.get("total").asInt()).isEqualTo(flagged);
            assertThat(page.get("columns").toString()).contains("trace", "fldr", "reasons");
            for (JsonNode row : page.get("rows")) {
                paged.add(row.get(0).asText() + "," + row.get(row.size() - 2).asText() + "," + row.get(row.size() - 1).asText());
            }
        }
        List<String> expected = csv.subList(1, csv.size()).stream().map(l -> {
            String[] f = l.split(",");
            return f[0] + "," + f[f.length - 2] + "," + f[f.length - 1];
        }).toList();
        assertThat(paged).isEqualTo(expected);

        HttpResponse<byte[]> html = client.get("/api/qc/reports/" + id + "/report.html");
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        String page = new String(html.body(), StandardCharsets.UTF_8);
        assertThat(page.split("data:image/png;base64,", -1).length - 1).isEqualTo(names.size());
        try (var s = Files.walk(root)) {
            assertThat(s.filter(p -> p.toString().endsWith(".html"))).as("the report is not written to disk").isEmpty();
        }
    }

    @Test
    void aReportWithoutStackOrAttributesSaysWhatIsSkipped() {
        JsonNode end = done(client.post("/api/qc/report", "{\"ds\":\"survey.dataset\"}"));
        JsonNode report = client.json(client.get("/api/qc/reports/" + end.at("/result/report").asText()));
        assertThat(report.get("notes").toString()).contains("No stack").contains("No attribute table");
        assertThat(report.get("pictures").findValuesAsText("name")).doesNotContain("stack", "shot-rms-map");
        assertThat(report.get("badTraces").asInt()).isZero();
    }

    @Test
    void aDatasetWithoutCoordinatesGetsANoteInsteadOfItsMaps() {
        done(client.post("/api/jobs", """
                {"name":"nocoords.json","job":{"input":"survey.dataset","output":"nocoords.dataset","key":["fldr"],"processors":[
                 {"name":"header","set":"sx","expression":"0"},{"name":"header","set":"sy","expression":"0"},
                 {"name":"header","set":"gx","expression":"0"},{"name":"header","set":"gy","expression":"0"}]}}"""));
        JsonNode end = done(client.post("/api/qc/report", "{\"ds\":\"nocoords.dataset\"}"));
        JsonNode report = client.json(client.get("/api/qc/reports/" + end.at("/result/report").asText()));
        assertThat(report.get("notes").toString()).contains("No source/receiver coordinates").contains("skipped");
        assertThat(report.get("pictures").findValuesAsText("name")).doesNotContain("survey-map", "offset-azimuth-rose")
                .contains("fold-map", "spectrum");
        assertThat(end.get("log").toString()).contains("note: No source/receiver coordinates");
    }

    @Test
    void batchQcFromTheChainWritesNoiseEqualToBeforeMinusAfterExactly() {
        JsonNode end = done(client.post("/api/qc/batch", """
                {"name":"batch-job.json","ds":"survey.dataset","key":"fldr","sort":"tracf","output":"batch",
                 "processors":[{"name":"bandpass","f1":5,"f2":10,"f3":30,"f4":45}],"gathers":[%s],
                 "stack":{"velocity":"1800+600t","bin":"cdp"}}""".formatted(firstFldrs(2))));
        assertThat(end.at("/result/output").asText()).isEqualTo("batch");
        assertThat(end.at("/result/key").asText()).isEqualTo("fldr");
        assertThat(root.resolve("batch-job.json")).isRegularFile();
        JsonNode result = client.json(client.get("/api/qc/batch?dir=batch"));
        assertThat(result.get("datasets").toString()).contains("batch/before", "batch/after", "batch/noise", "batch/difference-stack");
        assertThat(result.at("/metrics/overall/traces").asInt()).isEqualTo(2 * TestSurvey.CHANNELS);
        try (Dataset b = Dataset.open(root.resolve("batch/before")); Dataset a = Dataset.open(root.resolve("batch/after"));
             Dataset n = Dataset.open(root.resolve("batch/noise"))) {
            assertThat(n.traceCount()).isEqualTo(2L * TestSurvey.CHANNELS);
            float[] x = new float[b.samplesPerTrace()];
            float[] y = new float[b.samplesPerTrace()];
            float[] z = new float[b.samplesPerTrace()];
            double noise = 0;
            for (long t = 0; t < n.traceCount(); t++) {
                b.readTrace(t, x, 0);
                a.readTrace(t, y, 0);
                n.readTrace(t, z, 0);
                for (int i = 0; i < x.length; i++) {
                    assertThat(Float.floatToRawIntBits(z[i])).as("trace %d sample %d", t, i)
                            .isEqualTo(Float.floatToRawIntBits(x[i] - y[i]));
                    noise += z[i] * z[i];
                }
            }
            assertThat(noise).as("the band-pass removed something").isGreaterThan(0);
        }
        // the same job file again, by name: refused while the output exists, done with overwrite
        refused(client.post("/api/qc/batch", "{\"jobFile\":\"batch-job.json\"}"), 409, "output", "overwrite");
        JsonNode again = done(client.post("/api/qc/batch", "{\"jobFile\":\"batch-job.json\",\"overwrite\":true}"));
        assertThat(again.at("/result/output").asText()).isEqualTo("batch");
    }

    static String firstFldrs(int n) {
        JsonNode info = client.json(client.get("/api/ensembles?ds=survey.dataset&key=fldr"));
        int first = info.get("first").get(0).asInt();
        List<String> out = new ArrayList<>();
        for (int e = 0; e < n; e++) {
            out.add(Integer.toString(TestSurvey.Decoded.of(client.get("/api/gather?ds=survey.dataset&key=fldr&e=" + e).body()).meta()
                    .get("keyValues").get(0).asInt()));
        }
        assertThat(out.getFirst()).isEqualTo(Integer.toString(first));
        return String.join(",", out);
    }

    @Test
    void aStackIsShownLineByLineOrAsASectionInChunks() throws Exception {
        JsonNode layout = client.json(client.get("/api/section/layout?ds=qc/stack.dataset"));
        assertThat(layout.get("stack").asBoolean()).isTrue();
        try (Dataset st = Dataset.open(root.resolve("qc/stack.dataset"))) {
            java.util.TreeSet<Integer> lines = new java.util.TreeSet<>();
            var il = st.headerLayout().field("iline");
            for (long t = 0; t < st.traceCount(); t++) {
                lines.add((int) st.header(t, il));
            }
            assertThat(layout.get("inlines").asInt()).isEqualTo(lines.size());
            assertThat(layout.get("view").asText()).isEqualTo(lines.size() > 1 ? "gathers" : "section");
            if (lines.size() > 1) {
                assertThat(layout.get("key").asText()).isEqualTo("iline");
                assertThat(layout.get("sort").asText()).isEqualTo("xline");
                JsonNode info = client.json(client.get("/api/ensembles?ds=qc/stack.dataset&key=iline&sort=xline"));
                assertThat(info.get("ensembles").asInt()).as("one ensemble per inline: " + Lines.compact(lines)).isEqualTo(lines.size());
            }
            int size = 7;
            int chunks = (int) ((st.traceCount() + size - 1) / size);
            float[] expected = new float[st.samplesPerTrace()];
            for (int c : new int[] {0, chunks - 1}) {
                TestSurvey.Decoded f = TestSurvey.Decoded.of(client.get("/api/section?ds=qc/stack.dataset&size=" + size + "&e=" + c).body());
                assertThat(f.meta().get("ensembles").asInt()).isEqualTo(chunks);
                int n2 = f.meta().get("n2").asInt();
                assertThat(n2).isEqualTo((int) Math.min(size, st.traceCount() - (long) c * size));
                float[] samples = f.floats().get("samples");
                for (int j = 0; j < n2; j++) {
                    assertThat((long) f.doubles().get("trace")[j]).isEqualTo((long) c * size + j);
                    st.readTrace((long) c * size + j, expected, 0);
                    for (int i = 0; i < expected.length; i++) {
                        assertThat(samples[j * expected.length + i]).isEqualTo(expected[i]);
                    }
                }
            }
            refused(client.get("/api/section?ds=qc/stack.dataset&size=7&e=" + chunks), 400, "e", "does not exist");
        }
        refused(client.get("/api/section?ds=qc/stack.dataset&size=0&e=0"), 400, "size", "traces per chunk");
        refused(client.get("/api/section?ds=qc/stack.dataset&size=x&e=0"), 400, "size", "integer");
        refused(client.get("/api/section?ds=../x&e=0"), 403, "ds", "climb");
        JsonNode prestack = client.json(client.get("/api/section/layout?ds=survey.dataset"));
        assertThat(prestack.get("stack").asBoolean()).isFalse();
        assertThat(prestack.get("view").asText()).isEqualTo("gathers");
    }

    @Test
    void sourcesListStacksAttributeTablesJobFilesAndBatchOutputs() throws Exception {
        Files.writeString(root.resolve("velocities.txt"), "cdp time_s vrms_m/s\n1 0 1800\n1 1 2400\n");
        JsonNode s = client.json(client.get("/api/qc/sources"));
        boolean stackMarked = false;
        for (JsonNode d : s.get("datasets")) {
            if (d.get("path").asText().equals("qc/stack.dataset")) {
                stackMarked = d.get("stack").asBoolean();
            }
            if (d.get("path").asText().equals("survey.dataset")) {
                assertThat(d.get("stack").asBoolean()).isFalse();
            }
        }
        assertThat(stackMarked).isTrue();
        assertThat(s.get("attributes").toString()).contains("qc/attributes.parquet").doesNotContain("ensembles.parquet");
        assertThat(s.get("velocityFiles").toString()).contains("velocities.txt").doesNotContain("bad.csv");
    }

    @Test
    void stackParametersAreCheckedWithTheCommandLinesMessages() {
        String base = "\"ds\":\"survey.dataset\",\"output\":\"bad.dataset\",";
        refused(client.post("/api/qc/stack", "{" + base + "\"velocity\":\"fast\"}"), 400, "velocity", "neither a file nor a function");
        refused(client.post("/api/qc/stack", "{" + base + "\"velocity\":\"-5\"}"), 400, "velocity", "positive");
        refused(client.post("/api/qc/stack", "{" + base + "\"velocity\":\"../../etc/passwd\"}"), 403, "velocity", "climb");
        refused(client.post("/api/qc/stack", "{" + base + "\"velocity\":\"/etc/passwd\"}"), 403, "velocity", "absolute");
        refused(client.post("/api/qc/stack", "{" + base + "\"velocity\":2000,\"lines\":\"1,x\"}"), 400, "lines", "--lines '1,x'");
        refused(client.post("/api/qc/stack", "{" + base + "\"velocity\":2000,\"minFold\":0}"), 400, "minFold", "--min-fold must be at least 1");
        refused(client.post("/api/qc/stack", "{" + base + "\"velocity\":2000,\"minFold\":\"two\"}"), 400, "minFold", "integer");
        refused(client.post("/api/qc/stack", "{" + base + "\"velocity\":2000,\"stretchMute\":1}"), 400, "stretchMute", "--stretch-mute");
        refused(client.post("/api/qc/stack", "{" + base + "\"velocity\":2000,\"bin\":\"fldr\"}"), 400, "bin", "use cdp or iline,xline");
        refused(client.post("/api/qc/stack", "{" + base + "\"velocity\":2000,\"method\":\"max\"}"), 400, "method", "use mean or median");
        refused(client.post("/api/qc/stack", "{" + base + "\"velocity\":2000,\"interp\":\"cubic\"}"), 400, "interp", "use linear or sinc");
        refused(client.post("/api/qc/stack", "{\"ds\":\"survey.dataset\",\"output\":\"../leak.dataset\",\"velocity\":2000}"), 403, "output", "climb");
        refused(client.post("/api/qc/stack", "{\"ds\":\"survey.dataset\",\"output\":\".\",\"velocity\":2000}"), 400, "output", "not the folder itself");
        refused(client.post("/api/qc/stack", "{\"ds\":\"survey.dataset\",\"output\":\"qc/stack.dataset\",\"velocity\":2000}"), 409, "output", "exists");
        refused(client.post("/api/qc/stack", "{\"ds\":\"survey.dataset\",\"output\":\"survey.dataset\",\"velocity\":2000,\"overwrite\":true}"),
                400, "output", "must differ from the input");
        refused(client.post("/api/qc/stack", "{\"ds\":\"survey.dataset\",\"output\":\"survey.sgy\",\"velocity\":2000,\"overwrite\":true}"),
                409, "output", "not a dataset");
        refused(client.post("/api/qc/stack", "{\"ds\":\"survey.dataset\",\"output\":\"a.dataset\",\"foldOutput\":\"a.dataset\",\"velocity\":2000}"),
                400, "foldOutput", "must differ from 'output'");
        refused(client.post("/api/qc/stack", "{\"ds\":\"nosuch.dataset\",\"output\":\"x.dataset\",\"velocity\":2000}"), 404, "ds", "no dataset");
        refused(client.post("/api/qc/stack", "{\"ds\":\"survey.dataset\",\"output\":\"x.dataset\"}"), 400, "velocity", "missing");
        assertThat(root.resolve("bad.dataset")).doesNotExist();
        assertThat(root.getParent().resolve("leak.dataset")).doesNotExist();
    }

    @Test
    void inlinesThatDoNotExistAreRefusedNamingThem() {
        refused(client.post("/api/qc/stack", """
                {"ds":"survey.dataset","output":"missing-lines.dataset","velocity":"2 km/s","lines":"2-4,9000"}"""), 400, "lines",
                "inline(s) 3-4,9000 do not exist in survey.dataset; it has inlines 1-2");
        assertThat(root.resolve("missing-lines.dataset")).doesNotExist();
    }

    @Test
    void anAttributeTableOfAnotherDatasetFailsTheReportClearly() throws Exception {
        HttpResponse<byte[]> r = client.post("/api/qc/report", "{\"ds\":\"qc/stack.dataset\",\"attributes\":\"qc/attributes.parquet\"}");
        assertThat(r.statusCode()).isEqualTo(201);
        JsonNode end = client.awaitJob(client.json(r).get("id").asText());
        assertThat(end.get("state").asText()).isEqualTo("failed");
        assertThat(end.get("error").asText()).contains("computed for another dataset");
    }

    @Test
    void aVelocityTableUnderTheRootDrivesTheStackAsInTheLibrary() throws Exception {
        Files.createDirectories(root.resolve("picks"));
        Files.writeString(root.resolve("picks/v.txt"), "# brute picks\niline xline time_ms vrms_km/s\n1 10 0 1.7\n1 10 1500 2.6\n2 40 0 1.9\n2 40 1500 2.8\n");
        JsonNode end = done(client.post("/api/qc/stack", """
                {"ds":"survey.dataset","output":"qc/table-stack.dataset","velocity":"picks/v.txt","bin":"iline,xline","method":"median"}"""));
        assertThat(end.get("log").toString()).contains("velocity picks/v.txt");
        Path reference = outside.resolve("table-stack.dataset");
        try (Dataset d = Dataset.open(root.resolve("survey.dataset"))) {
            QcStack.run(d, reference, QcStack.defaultFoldPath(reference), new QcStack.Options(root.resolve("picks/v.txt").toString(), null,
                    null, true, QcStack.Method.MEDIAN, 1, 1.5, false, 1, false), null);
        }
        try (Dataset web = Dataset.open(root.resolve("qc/table-stack.dataset")); Dataset lib = Dataset.open(reference);
             Dataset constant = Dataset.open(root.resolve("qc/stack.dataset"))) {
            assertThat(web.sampleDigest()).isEqualTo(lib.sampleDigest()).isNotEqualTo(constant.sampleDigest());
            assertThat(web.manifest().processing().toString()).contains("--velocity picks/v.txt").doesNotContain(root.toString());
        }
    }

    @Test
    void aVelocityTableUnderTheRootIsReadAndItsErrorsNamed() throws Exception {
        Files.writeString(root.resolve("bad-velocities.txt"), "cdp time_s vrms_m/s\n1 0 1800\n1 0.5 -20\n");
        refused(client.post("/api/qc/stack", """
                {"ds":"survey.dataset","output":"t.dataset","velocity":"bad-velocities.txt"}"""), 400, "velocity", "not positive");
        Files.createSymbolicLink(root.resolve("escape.txt"), Files.writeString(outside.resolve("v.txt"), "cdp time_s vrms_m/s\n"));
        refused(client.post("/api/qc/stack", """
                {"ds":"survey.dataset","output":"t.dataset","velocity":"escape.txt"}"""), 403, "velocity", "symbolic link");
    }

    @Test
    void attributeParametersAreCheckedWithTheCommandLinesMessages() {
        String base = "\"ds\":\"survey.dataset\",\"output\":\"bad.parquet\",";
        refused(client.post("/api/qc/attributes", "{" + base + "\"windowMs\":\"abc\"}"), 400, "windowMs", "--window-ms 'abc'");
        refused(client.post("/api/qc/attributes", "{" + base + "\"windowMs\":\"5000:6000\"}"), 400, "windowMs", "fewer than 2 samples");
        refused(client.post("/api/qc/attributes", "{" + base + "\"noiseWindowMs\":\"900:100\"}"), 400, "noiseWindowMs", "after the start");
        refused(client.post("/api/qc/attributes", "{" + base + "\"mute\":\"0:0,x\"}"), 400, "mute", "--mute");
        refused(client.post("/api/qc/attributes", "{" + base + "\"flags\":[\"spikes=0\"]}"), 400, "flags", "flag thresholds");
        refused(client.post("/api/qc/attributes", "{" + base + "\"flags\":\"bogus=1\"}"), 400, "flags", "unknown threshold");
        refused(client.post("/api/qc/attributes", "{" + base + "\"key\":\"nosuch\"}"), 400, "key", "nosuch");
        refused(client.post("/api/qc/attributes", "{" + base + "\"key2\":\"nosuch\"}"), 400, "key2", "nosuch");
        refused(client.post("/api/qc/attributes", "{\"ds\":\"survey.dataset\",\"output\":\"a.csv\"}"), 400, "output", ".parquet");
        refused(client.post("/api/qc/attributes", "{\"ds\":\"survey.dataset\",\"output\":\"qc/attributes.parquet\"}"), 409, "output", "exists");
        refused(client.post("/api/qc/attributes", "{\"ds\":\"survey.dataset\",\"output\":\"/tmp/a.parquet\"}"), 403, "output", "absolute");
        assertThat(root.resolve("bad.parquet")).doesNotExist();
    }

    @Test
    void reportAndBatchRefusalsNameTheirParameter() throws Exception {
        refused(client.post("/api/qc/report", "{}"), 400, "ds", "missing");
        refused(client.post("/api/qc/report", "{\"ds\":\"nosuch.dataset\"}"), 404, "ds", "no dataset");
        refused(client.post("/api/qc/report", "{\"ds\":\"survey.dataset\",\"stack\":\"../x\"}"), 403, "stack", "climb");
        refused(client.post("/api/qc/report", "{\"ds\":\"survey.dataset\",\"stack\":\"qc\"}"), 404, "stack", "no dataset");
        refused(client.post("/api/qc/report", "{\"ds\":\"survey.dataset\",\"attributes\":\"nosuch.parquet\"}"), 404, "attributes", "no attribute table");
        refused(client.post("/api/qc/report", "{\"ds\":\"survey.dataset\",\"attributes\":\"survey.sgy\"}"), 404, "attributes", "no attribute table");
        refused(client.get("/api/qc/reports/nosuch-9"), 404, "id", "no job");
        refused(client.get("/api/qc/reports/nosuch-9/report.html"), 404, "id", "no job");
        refused(client.get("/api/qc/reports/nosuch-9/pictures/stack.png"), 404, "id", "no job");
        refused(client.get("/api/section/layout?ds=../../etc"), 403, "ds", "climb");
        refused(client.get("/api/section/layout"), 400, "ds", "missing");
        JsonNode end = done(client.post("/api/qc/report", "{\"ds\":\"survey.dataset\"}"));
        String id = end.at("/result/report").asText();
        refused(client.get("/api/qc/reports/" + id + "/pictures/nosuch.png"), 404, "name", "no picture");
        refused(client.get("/api/qc/reports/" + id + "/bad?offset=-1"), 400, "offset", "0 or more");
        refused(client.get("/api/qc/reports/" + id + "/bad?limit=100000"), 400, "limit", "1..");
        String stackId = client.json(client.get("/api/jobs")).findValuesAsText("id").stream().filter(i -> i.startsWith("qc-stack"))
                .findFirst().orElseThrow();
        refused(client.get("/api/qc/reports/" + stackId), 404, "id", "not a QC report");

        String chain = "\"ds\":\"survey.dataset\",\"key\":\"fldr\",\"processors\":[{\"name\":\"scale\",\"factor\":2}],";
        refused(client.post("/api/qc/batch", "{\"jobFile\":\"../job.json\"}"), 403, "jobFile", "climb");
        refused(client.post("/api/qc/batch", "{\"jobFile\":\"nosuch.json\"}"), 404, "jobFile", "no job file");
        refused(client.post("/api/qc/batch", "{" + chain + "\"name\":\"../b.json\",\"output\":\"b\"}"), 400, "name", "letters");
        refused(client.post("/api/qc/batch", "{" + chain + "\"name\":\"b.json\",\"output\":\"../leak\"}"), 403, "output", "outside");
        refused(client.post("/api/qc/batch", "{" + chain + "\"name\":\"b.json\",\"output\":\"b\",\"lines\":\"x\"}"), 400, "lines", "--lines 'x'");
        refused(client.post("/api/qc/batch", "{" + chain + "\"name\":\"b.json\",\"output\":\"survey.dataset\"}"), 400, "output", "output must differ from input");
        refused(client.post("/api/qc/batch", "{" + chain + "\"name\":\"b.json\",\"output\":\"qc/stack.dataset\"}"), 400, "output", "is a dataset");
        refused(client.post("/api/qc/batch", "{" + chain + "\"name\":\"b.json\",\"output\":\"b\",\"snr\":{\"windowMs\":\"9:1\"}}"), 400,
                "snr.windowMs", "after the start");
        refused(client.post("/api/qc/batch", "{" + chain + "\"name\":\"b.json\",\"output\":\"b\",\"stack\":{\"velocity\":\"../../../etc/passwd\"}}"),
                403, "stack.velocity", "served folder");
        refused(client.post("/api/qc/batch", "{" + chain + "\"name\":\"b.json\",\"output\":\"b\",\"stack\":{\"velocity\":2000,\"method\":\"x\"}}"),
                400, "stack.method", "use mean or median");
        refused(client.post("/api/qc/batch", "{\"ds\":\"survey.dataset\",\"key\":\"fldr\",\"name\":\"b.json\",\"output\":\"b\","
                + "\"processors\":[{\"name\":\"stack\"}]}"), 400, "processors", "");
        refused(client.post("/api/qc/batch", "{\"ds\":\"survey.dataset\",\"key\":\"fldr\",\"name\":\"b.json\",\"output\":\"b\","
                + "\"processors\":[{\"name\":\"nosuch\"}]}"), 400, "processors", "nosuch");
        assertThat(root.resolve("b.json")).doesNotExist();
        refused(client.get("/api/qc/batch?dir=qc"), 404, "dir", "no qc.json");
        refused(client.get("/api/qc/batch?dir=../"), 403, "dir", "climb");
    }

    @Test
    void aReportStillQueuedIsAConflictNotAnError() throws Exception {
        java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(1);
        server.tasks().submit("test", "hold the queue", t -> hold.await());
        HttpResponse<byte[]> submitted = client.post("/api/qc/report", "{\"ds\":\"survey.dataset\"}");
        String id = client.json(submitted).get("id").asText();
        try {
            refused(client.get("/api/qc/reports/" + id), 409, "id", "still queued");
            refused(client.get("/api/qc/reports/" + id + "/bad"), 409, "id", "still queued");
        } finally {
            hold.countDown();
        }
        assertThat(client.awaitJob(id).get("state").asText()).isEqualTo("done");
        assertThat(client.get("/api/qc/reports/" + id).statusCode()).isEqualTo(200);
    }

    @Test
    void aCancelStopsQcWorkAtItsNextProgressReport() {
        Task t = server.tasks().submit("test", "QC work cancelled while it runs", task -> {
            QcParams.progress(task).accept(10);
            task.cancel.set(true); // as POST /api/jobs/{id}/cancel does
            QcParams.progress(task).accept(20);
            throw new AssertionError("not stopped");
        });
        JsonNode end = client.awaitJob(t.id);
        assertThat(end.get("state").asText()).isEqualTo("cancelled");
        assertThat(end.get("done").asLong()).isEqualTo(20);
        assertThat(end.get("error").asText()).contains("nothing was committed");
    }

    @Test
    void qcRequestsThatChangeStateNeedTheToken() {
        for (String path : List.of("/api/qc/report", "/api/qc/stack", "/api/qc/attributes", "/api/qc/batch")) {
            HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(client.uri(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"ds\":\"survey.dataset\"}")).build());
            refused(r, 403, "token", "token");
        }
    }
}

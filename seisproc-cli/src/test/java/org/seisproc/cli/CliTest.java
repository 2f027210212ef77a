package org.seisproc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/// The CLI contract: `info --json` keys and values, `headers`, `checksum` on its last line,
/// exit codes 0/1/2 — checked against the shared fixtures' reference.json where present.
class CliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Result(int code, String out, String err) {
        String lastLine() {
            List<String> lines = out.strip().lines().toList();
            return lines.isEmpty() ? "" : lines.getLast();
        }
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    /// A synthetic survey (`synth` with `synthArgs`) written to `dir/s.sgy` and imported as `dir/ds`;
    /// returns the dataset's path.
    static String importedSurvey(Path dir, String... synthArgs) {
        String sgy = dir.resolve("s.sgy").toString();
        String ds = dir.resolve("ds").toString();
        List<String> args = new java.util.ArrayList<>(List.of("synth", sgy));
        args.addAll(List.of(synthArgs));
        assertThat(run(args.toArray(String[]::new)).code()).isZero();
        assertThat(run("import", sgy, ds).code()).isZero();
        return ds;
    }

    static Path fixtures() {
        String p = System.getProperty("seisproc.testdata");
        Path dir = p != null ? Path.of(p) : Path.of("../../shared/data/segy");
        return Files.isRegularFile(dir.resolve("reference.json")) ? dir : null;
    }

    static JsonNode reference() throws Exception {
        return JSON.readTree(fixtures().resolve("reference.json").toFile()).path("files");
    }

    @TestFactory
    Stream<DynamicTest> infoJsonAndChecksumMatchTheReference() throws Exception {
        if (fixtures() == null) {
            return Stream.empty();
        }
        JsonNode files = reference();
        Stream.Builder<DynamicTest> tests = Stream.builder();
        for (Iterator<Map.Entry<String, JsonNode>> it = files.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode ref = e.getValue();
            String path = fixtures().resolve(e.getKey()).toString();
            if (!ref.path("error").isNull()) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(e.getKey(), () -> {
                Result info = run("info", path, "--json");
                assertThat(info.code()).as(info.err()).isZero();
                JsonNode j = JSON.readTree(info.out());
                assertThat(j.path("format").asInt()).isEqualTo(ref.path("format").asInt());
                assertThat(j.path("byteOrder").asText()).isEqualTo(ref.path("byteOrder").asText());
                assertThat(j.path("traces").asLong()).isEqualTo(ref.path("traces").asLong());
                assertThat(j.path("samples").asInt()).isEqualTo(ref.path("samples").asInt());
                assertThat(j.has("revision")).isTrue();
                assertThat(j.has("sampleIntervalMicros")).isTrue();
                assertThat(j.has("extendedTextHeaders")).isTrue();
                if (ref.has("extendedTextHeaders") && !ref.path("extendedTextHeaders").isNull()) {
                    assertThat(j.path("extendedTextHeaders").asInt()).isEqualTo(ref.path("extendedTextHeaders").asInt());
                    assertThat(j.path("revision").asText()).isEqualTo(ref.path("revision").asText());
                }
                Result sum = run("checksum", path);
                assertThat(sum.code()).isZero();
                assertThat(sum.lastLine()).isEqualTo(ref.path("samplesSha256").asText());
            }));
        }
        return tests.build();
    }

    @Test
    void headersPrintsTheRequestedFieldsAsCsvAndJson() throws Exception {
        assumeTrue(fixtures() != null, "fixtures absent");
        String path = fixtures().resolve("segyio/small.sgy").toString();
        JsonNode ref = reference().path("segyio/small.sgy").path("headers");
        Result csv = run("headers", path, "--fields", "iline,xline,cdp", "--traces", "0:3", "--csv");
        assertThat(csv.code()).isZero();
        List<String> lines = csv.out().strip().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("trace,iline,xline,cdp");
        assertThat(lines.get(1)).isEqualTo("0," + ref.path("first").path("189").asLong() + "," + ref.path("first").path("193").asLong()
                + "," + ref.path("first").path("21").asLong());
        Result json = run("headers", path, "--fields", "offset,ns", "--traces", "-1", "--json");
        JsonNode rows = JSON.readTree(json.out());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).path("trace").asLong()).isEqualTo(24);
        assertThat(rows.get(0).path("offset").asLong()).isEqualTo(ref.path("last").path("37").asLong());
        assertThat(rows.get(0).path("ns").asLong()).isEqualTo(ref.path("last").path("115").asLong());
    }

    @Test
    void badDataExitsWithOneAndNamesTheFile() {
        assumeTrue(fixtures() != null, "fixtures absent");
        String path = fixtures().resolve("segyio/broken.sgy").toString();
        Result r = run("info", path);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains(path).contains("--allow-truncated").doesNotContain("\tat ");
        Result ok = run("info", path, "--allow-truncated", "--json");
        assertThat(ok.code()).isZero();
    }

    @Test
    void usageMistakesExitWithTwo(@TempDir Path dir) throws Exception {
        assertThat(run("info").code()).isEqualTo(2);
        assertThat(run("no-such-command").code()).isEqualTo(2);
        assertThat(run("headers", "x.sgy", "--traces", "a:b").code()).isEqualTo(2);
        Path sgy = dir.resolve("s.sgy");
        assertThat(run("synth", sgy.toString(), "--shots", "2", "--channels", "12", "--samples", "50").code()).isZero();
        Result unknown = run("headers", sgy.toString(), "--fields", "nosuchfield");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("nosuchfield");
        assertThat(run("info", dir.resolve("missing.sgy").toString()).code()).isEqualTo(1);
    }

    @Test
    void synthWritesAReadableSurveyWithItsModel(@TempDir Path dir) throws Exception {
        Path sgy = dir.resolve("s.sgy");
        Result r = run("synth", sgy.toString(), "--shots", "3", "--channels", "24", "--samples", "200", "--seed", "7");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode info = JSON.readTree(run("info", sgy.toString(), "--json").out());
        assertThat(info.path("traces").asLong()).isEqualTo(72);
        assertThat(info.path("samples").asInt()).isEqualTo(200);
        assertThat(Files.exists(Path.of(sgy + ".model.json"))).isTrue();
        Path again = dir.resolve("again.sgy");
        run("synth", again.toString(), "--shots", "3", "--channels", "24", "--samples", "200", "--seed", "7", "--threads", "1");
        assertThat(Files.mismatch(sgy, again)).as("same seed, same bytes, whatever the threads").isEqualTo(-1L);
    }

    @Test
    void aCommandAloneHasTheSameHelpAndErrorsAsInTheWholeTree() {
        Result alone = run("run", "--help");
        StringWriter out = new StringWriter();
        int code = Main.commandLine(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true)).execute("run", "--help");
        assertThat(alone.code()).isZero();
        assertThat(code).isZero();
        assertThat(alone.out()).contains("Usage: seisproc run ").isEqualTo(out.toString());
        Result version = run("info", "--version");
        assertThat(version.code()).isZero();
        assertThat(version.out()).startsWith("seisproc ");
        for (String v : List.of("--version", "-V")) {   // the root alone, without the command tree
            Result root = run(v);
            assertThat(root.code()).isZero();
            assertThat(root.out()).isEqualTo(version.out());
        }
        assertThat(run("--version", "nosuch").code()).isEqualTo(2);
        Result bad = run("run", "job.json", "--no-such-option");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--no-such-option");
        assertThat(run("--help").out()).contains("processors", "run", "demo");
    }
}

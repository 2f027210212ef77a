package org.seisproc.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.seisproc.dataset.Dataset;
import org.seisproc.dataset.Importer;
import org.seisproc.ensemble.EnsembleIndex;
import org.seisproc.ensemble.EnsembleKey;
import org.seisproc.segy.SampleFormat;
import org.seisproc.synth.SurveyGeometry;
import org.seisproc.synth.SyntheticSurvey;

/// `bench/web`: server figures (a 240 × 1,500 gather served from a warm store, cached and not;
/// 20 concurrent clients browsing), browser timings from the page's performance marks in
/// Chromium (key press → painted, prefetched or not; display change → repainted; page load →
/// first gather), and the same on a 22.3 M-trace dataset when one is given. Not a test: runs
/// only with `-Dseisproc.bench.web=true` (see `bench/web/run.sh`), prints and writes
/// `target/bench-web/results.txt`.
class WebBench {
    private final StringBuilder report = new StringBuilder();

    @Test
    void bench() throws Exception {
        assumeTrue(Boolean.getBoolean("seisproc.bench.web"), "benchmark: run bench/web/run.sh");
        Path work = Path.of(System.getProperty("bench.dir", "target/bench-web")).toAbsolutePath();
        int shots = Integer.getInteger("bench.shots", 100);
        int seconds = Integer.getInteger("bench.seconds", 60);
        int clients = Integer.getInteger("bench.clients", 20);
        Path root = work.resolve("root");
        Path ds = root.resolve("bench.dataset");
        if (!Files.exists(ds.resolve("dataset.json"))) {
            Files.createDirectories(root);
            Path sgy = work.resolve("bench.sgy");
            new SyntheticSurvey(SurveyGeometry.of(shots, 240), 1500, 2000, SampleFormat.IEEE_FLOAT32, 5)
                    .write(sgy, ByteOrder.BIG_ENDIAN, 2, t -> { });
            Importer.run(List.of(sgy), ds, Importer.Options.defaults());
            Files.delete(sgy);
        }
        warm(ds.resolve("traces.f32"));
        line("web benchmark, %s, %d cores, dataset %s", java.time.Instant.now(), Runtime.getRuntime().availableProcessors(), ds);
        String only = System.getProperty("bench.only", "");
        if (only.isBlank() || only.equals("server")) {
            serverFigures(root, "bench.dataset");
            concurrency(root, "bench.dataset", clients, seconds);
        }
        if (!only.isBlank() && !only.equals("browser")) {
            line("browser timings skipped (bench.only=%s)", only);
        } else if (Browser.available()) {
            browserFigures(root, "bench.dataset");
        } else {
            line("browser timings skipped: /usr/bin/chromium or /usr/bin/chromedriver missing");
        }
        String big = System.getProperty("bench.big", "");
        if (!big.isBlank() && Files.isDirectory(Path.of(big))) {
            bigDataset(Path.of(big).toAbsolutePath());
        }
        Files.createDirectories(work);
        Files.writeString(work.resolve("results.txt"), report);
    }

    private void serverFigures(Path root, String ds) throws Exception {
        line("");
        line("== server: one 240-trace x 1,500-sample gather (1.44 MB of float32) from a warm store, binary");
        double[] peer = new double[40];
        try (Dataset d = Dataset.open(root.resolve(ds)); EnsembleIndex index = EnsembleIndex.open(d, EnsembleKey.parse("fldr"))) {
            float[] buf = new float[240 * 1500];
            for (int r = 0; r < peer.length; r++) {
                int e = (r * 7) % index.ensembleCount();
                long t0 = System.nanoTime();
                for (int j = 0; j < index.fold(e); j++) {
                    d.readTrace(index.trace(e, j), buf, j * 1500);
                }
                peer[r] = (System.nanoTime() - t0) / 1e6;
            }
        }
        List<Double> cachedServer = new ArrayList<>();
        List<Double> cachedClient = new ArrayList<>();
        List<Double> missServer = new ArrayList<>();
        List<Double> missClient = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            try (WebServer server = WebServer.start(ServerOptions.of(root, "127.0.0.1", 0))) {
                TestSurvey.Client c = TestSurvey.Client.of(server);
                int n = c.json(c.get("/api/ensembles?ds=" + ds + "&key=fldr")).get("ensembles").asInt();
                for (int e = 5; e < n; e += 5) { // stride 5: the prefetch (2 each side) never has it ready
                    timed(c, "/api/gather?ds=" + ds + "&key=fldr&e=" + e, missServer, missClient);
                    Thread.sleep(20);
                }
                for (int r = 0; r < 100; r++) {
                    timed(c, "/api/gather?ds=" + ds + "&key=fldr&e=5", cachedServer, cachedClient);
                }
            }
        }
        line("%-58s %9s %9s %9s", "", "p50 ms", "p90 ms", "min ms");
        row("server time, gather in the server's cache (Server-Timing)", cachedServer);
        row("server time, not cached: read from the mapped store", missServer);
        row("round trip on loopback (HttpClient), cached", cachedClient);
        row("round trip on loopback (HttpClient), not cached", missClient);
        row("peer: copying the same traces from the mapped store", toList(peer));
        line("ratio server (not cached) / plain copy, p50: %.2f", p(missServer, 50) / p(toList(peer), 50));
    }

    private void timed(TestSurvey.Client c, String path, List<Double> server, List<Double> client) {
        long t0 = System.nanoTime();
        HttpResponse<byte[]> r = c.get(path);
        double ms = (System.nanoTime() - t0) / 1e6;
        if (r.statusCode() != 200 || r.body().length < 240 * 1500 * 4) {
            throw new AssertionError(path + ": " + r.statusCode());
        }
        client.add(ms);
        server.add(Double.parseDouble(r.headers().firstValue("Server-Timing").orElseThrow().replaceAll(".*dur=", "")));
    }

    private void concurrency(Path root, String ds, int clients, int seconds) throws Exception {
        line("");
        line("== %d concurrent clients browsing for %d s on loopback (next/previous gather, 1 in 10 a header-table page)", clients, seconds);
        try (WebServer server = WebServer.start(ServerOptions.of(root, "127.0.0.1", 0))) {
            TestSurvey.Client probe = TestSurvey.Client.of(server);
            int n = probe.json(probe.get("/api/ensembles?ds=" + ds + "&key=fldr")).get("ensembles").asInt();
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            AtomicLong errors = new AtomicLong();
            List<List<Double>> lat = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            for (int k = 0; k < clients; k++) {
                List<Double> mine = new ArrayList<>();
                lat.add(mine);
                int seed = k;
                threads.add(Thread.ofPlatform().start(() -> {
                    TestSurvey.Client c = TestSurvey.Client.of(server);
                    Random rnd = new Random(seed);
                    int e = rnd.nextInt(n);
                    while (System.nanoTime() < end) {
                        String path = rnd.nextInt(10) == 0
                                ? "/api/headers?ds=" + ds + "&limit=100&offset=" + rnd.nextInt(10_000) + "&where=offset%20%3C%20500"
                                : "/api/gather?ds=" + ds + "&key=fldr&e=" + e;
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<byte[]> r = c.get(path);
                            if (r.statusCode() != 200) {
                                errors.incrementAndGet();
                            }
                        } catch (RuntimeException ex) {
                            errors.incrementAndGet();
                        }
                        mine.add((System.nanoTime() - t0) / 1e6);
                        e = Math.floorMod(e + (rnd.nextBoolean() ? 1 : -1), n);
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            List<Double> all = new ArrayList<>();
            lat.forEach(all::addAll);
            line("requests %,d (%.0f/s), errors %d; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms", all.size(),
                    all.size() / (double) seconds, errors.get(), p(all, 50), p(all, 99), p(all, 100));
        }
    }

    private void browserFigures(Path root, String ds) throws Exception {
        line("");
        line("== Chromium (headless, Debian), timings from the page's performance marks");
        try (WebServer server = WebServer.start(ServerOptions.of(root, "127.0.0.1", 0)); Browser b = new Browser(1500, 950)) {
            List<Double> firstPaint = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                b.driver.get("about:blank");
                b.driver.get(server.url() + "#ds=" + ds + "&view=gathers&key=fldr");
                firstPaint.add(waitTiming(b, "first-gather"));
            }
            line("where the last page load went (ms since navigation start):%n%s", js(b, LOAD_BREAKDOWN));
            WebElement body = b.driver.findElement(By.tagName("body"));
            for (int k = 0; k < 30; k++) {
                body.sendKeys(Keys.ARROW_RIGHT);
                Thread.sleep(250); // a user looks at the gather; the neighbours are prefetched meanwhile
            }
            Object n = js(b, "return window.seisproc.views.gathers.info.ensembles");
            Random rnd = new Random(1);
            WebElement go = b.driver.findElement(By.id("goto-value"));
            for (int k = 0; k < 15; k++) {
                int e = rnd.nextInt(((Number) n).intValue());
                Object value = js(b, "return fetch('/api/gather?ds=" + ds + "&key=fldr&e=" + e + "').then(r => r.arrayBuffer())"
                        + ".then(buf => { const m = new DataView(buf).getUint32(4, true);"
                        + " return JSON.parse(new TextDecoder().decode(new Uint8Array(buf, 8, m))).keyValues[0]; })");
                // that fetch warmed nothing in the page's own cache: the go-to below is not prefetched
                go.clear();
                go.sendKeys(String.valueOf(value), Keys.ENTER);
                Thread.sleep(300);
            }
            for (int k = 0; k < 20; k++) {
                new Select(b.driver.findElement(By.id("cmap"))).selectByValue(k % 2 == 0 ? "seismic" : "viridis");
            }
            List<Double> pre = timings(b, "t.kind === 'navigate' && t.cause === 'key' && t.prefetched");
            List<Double> notPre = timings(b, "t.kind === 'navigate' && !t.prefetched && (t.cause === 'goto' || t.cause === 'key')");
            List<Double> display = timings(b, "t.kind === 'display'");
            line("%-58s %9s %9s %9s", "", "p50 ms", "p90 ms", "n");
            rowN("key press -> next gather painted, prefetched", pre);
            rowN("go-to -> gather painted, not prefetched", notPre);
            rowN("display change (colour map) -> repainted", display);
            rowN("page load -> first gather painted", firstPaint);
            b.screenshot("bench-gathers");
        }
    }

    private void bigDataset(Path big) throws Exception {
        Path root = big.getParent();
        String ds = big.getFileName().toString();
        line("");
        line("== %s", big);
        try (WebServer server = WebServer.start(ServerOptions.of(root, "127.0.0.1", 0))) {
            TestSurvey.Client c = TestSurvey.Client.of(server);
            long t0 = System.nanoTime();
            var info = c.json(c.get("/api/ensembles?ds=" + ds + "&key=fldr"));
            line("fldr index (opened or built and stored): %.2f s, %,d ensembles of %,d traces", (System.nanoTime() - t0) / 1e9,
                    info.get("ensembles").asInt(), info.get("traces").asLong());
            List<Double> server1 = new ArrayList<>();
            List<Double> client1 = new ArrayList<>();
            for (int e = 1000; e < 1000 + 5 * 40; e += 5) {
                HttpResponse<byte[]> r = c.get("/api/gather?ds=" + ds + "&key=fldr&e=" + e);
                server1.add(Double.parseDouble(r.headers().firstValue("Server-Timing").orElseThrow().replaceAll(".*dur=", "")));
            }
            row("gather (240 x 16) server time, not cached", server1);
            for (String q : List.of("", "&where=" + java.net.URLEncoder.encode("cdp between 1000 and 2000", "UTF-8"),
                    "&sort=offset&desc=true", "&where=" + java.net.URLEncoder.encode("offset < 500", "UTF-8") + "&sort=cdp")) {
                for (int r = 0; r < 2; r++) {
                    long t1 = System.nanoTime();
                    HttpResponse<byte[]> page = c.get("/api/headers?ds=" + ds + "&limit=100&offset=5000" + q);
                    line("header table page%s (%s): %d, %.0f ms", q.isEmpty() ? "" : " " + java.net.URLDecoder.decode(q, "UTF-8"),
                            r == 0 ? "first" : "again", page.statusCode(), (System.nanoTime() - t1) / 1e6);
                    client1.add(0.0);
                }
            }
            if (Browser.available()) {
                try (Browser b = new Browser(1500, 950)) {
                    List<Double> first = new ArrayList<>();
                    for (int r = 0; r < 4; r++) {
                        b.driver.get("about:blank");
                        b.driver.get(server.url() + "#ds=" + ds + "&view=gathers&key=fldr");
                        first.add(waitTiming(b, "first-gather"));
                    }
                    rowN("page load -> first gather painted (22.3 M traces)", first);
                    b.screenshot("bench-22m");
                }
            }
        }
    }

    /// The page load's milestones and the requests it made (start → end, ms since navigation start).
    private static final String LOAD_BREAKDOWN = """
            const n = performance.getEntriesByType('navigation')[0];
            const out = [`  document: response end ${n.responseEnd.toFixed(0)}, DOM content loaded ${n.domContentLoadedEventEnd.toFixed(0)}, load ${n.loadEventEnd.toFixed(0)}`];
            for (const r of performance.getEntriesByType('resource')) {
              out.push(`  ${r.name.replace(location.origin, '').slice(0, 60).padEnd(60)} ${r.startTime.toFixed(0).padStart(6)} -> ${r.responseEnd.toFixed(0).padStart(6)}`);
            }
            const f = window.seisproc.timings.find(t => t.kind === 'first-gather');
            out.push(`  first gather painted ${f ? f.ms.toFixed(0) : '?'}`);
            return out.join('\\n');""";

    // ---- helpers

    private static Object js(Browser b, String script) {
        return ((JavascriptExecutor) b.driver).executeScript(script);
    }

    private static double waitTiming(Browser b, String kind) throws InterruptedException {
        for (int k = 0; k < 600; k++) {
            Object v = js(b, "const t = window.seisproc && window.seisproc.timings.find(t => t.kind === '" + kind + "'); return t ? t.ms : null");
            if (v instanceof Number num) {
                return num.doubleValue();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + kind + " timing within 30 s");
    }

    private static List<Double> timings(Browser b, String filter) {
        Object v = js(b, "return window.seisproc.timings.filter(t => " + filter + ").map(t => t.ms)");
        List<Double> out = new ArrayList<>();
        for (Object o : (List<?>) v) {
            out.add(((Number) o).doubleValue());
        }
        return out;
    }

    private static void warm(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 20];
            while (in.read(buf) > 0) {
                // read through: page cache warm
            }
        }
    }

    private static List<Double> toList(double[] v) {
        return Arrays.stream(v).boxed().toList();
    }

    static double p(List<Double> v, double pct) {
        if (v.isEmpty()) {
            return Double.NaN;
        }
        double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a[(int) Math.min(a.length - 1, Math.round(pct / 100 * (a.length - 1)))];
    }

    private void row(String what, List<Double> v) {
        line("%-58s %9.2f %9.2f %9.2f", what, p(v, 50), p(v, 90), p(v, 0));
    }

    private void rowN(String what, List<Double> v) {
        line("%-58s %9.1f %9.1f %9d", what, p(v, 50), p(v, 90), v.size());
    }

    private void line(String format, Object... args) {
        String s = String.format(Locale.ROOT, format, args);
        PrintStream out = System.out;
        out.println(s);
        report.append(s).append('\n');
    }
}

package org.seisproc.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.seisproc.dataset.Dataset;
import org.seisproc.dataset.Exporter;
import org.seisproc.engine.Engine;
import org.seisproc.engine.Job;
import org.seisproc.segy.SampleDigest;
import org.seisproc.segy.SegyFile;

/// The page in a real Chromium (Debian's `chromium` + `chromium-driver`, Selenium 4): pick a
/// dataset, see a gather painted, move with ←/→, change the colour map, preview a chain, run a
/// job and export. One server and one browser for the class; each test saves a screenshot under
/// `target/browser-screenshots/`. Skipped when Chromium or its driver is not installed.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserTest extends BrowserPage {
    @TempDir
    static Path outside;

    @BeforeAll
    static void start() throws Exception {
        open(1500, 950, "");
        waitFor("the dataset list", "return document.querySelector(\"tr[data-ds='survey.dataset']\") !== null");
        browser.driver.findElement(By.cssSelector("tr[data-ds='survey.dataset']")).click();
        waitFor("the dataset details", "return document.querySelector('#view-datasets h2') && document.querySelector('#view-datasets').textContent.includes('Processing history')");
        browser.driver.findElement(By.cssSelector("button[data-view='gathers']")).click();
        waitForGather(0);
    }

    static void waitForGather(int ensemble) {
        waitFor("ensemble " + ensemble, "const g = window.seisproc.views.gathers; return g.frame && g.frame.meta.ensemble === " + ensemble
                + " && window.seisproc.state.ensemble === " + ensemble);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> pixels() {
        return (Map<String, Object>) js("return window.seisproc.views.gathers.view.pixelStats()");
    }

    static String position() {
        return browser.driver.findElement(By.id("position")).getText();
    }

    @Test
    @Order(1)
    void aGatherIsPainted() throws Exception {
        Map<String, Object> p = pixels();
        browser.screenshot("01-gather");
        assertThat(((Number) p.get("std")).doubleValue()).as("luminance spread of the plot: not a blank canvas").isGreaterThan(20);
        assertThat(((Number) p.get("colours")).intValue()).as("distinct grey levels").isGreaterThan(50);
        assertThat(position()).isEqualTo("ensemble 1 of " + TestSurvey.SHOTS + ", fold " + TestSurvey.CHANNELS);
        String labels = browser.driver.findElement(By.id("key-values")).getText();
        assertThat(labels).startsWith("fldr = ");
    }

    @Test
    @Order(2)
    void arrowKeysChangeTheEnsemble() throws Exception {
        long before = ((Number) pixels().get("hash")).longValue();
        WebElement body = browser.driver.findElement(By.tagName("body"));
        new Actions(browser.driver).moveToElement(browser.driver.findElement(By.id("gather-plot"))).perform();
        body.sendKeys(Keys.ARROW_RIGHT);
        waitForGather(1);
        assertThat(position()).startsWith("ensemble 2 of " + TestSurvey.SHOTS);
        assertThat(((Number) pixels().get("hash")).longValue()).isNotEqualTo(before);
        body.sendKeys(Keys.END);
        waitForGather(TestSurvey.SHOTS - 1);
        body.sendKeys(Keys.ARROW_LEFT);
        waitForGather(TestSurvey.SHOTS - 2);
        body.sendKeys(Keys.HOME);
        waitForGather(0);
        assertThat(((Number) pixels().get("hash")).longValue()).isEqualTo(before);
        browser.screenshot("02-navigated");
        waitFor("the four key timings", "return window.seisproc.timings.filter(t => t.kind === 'navigate' && t.cause === 'key').length >= 4");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> timings = (List<Map<String, Object>>) js("return window.seisproc.timings.filter(t => t.kind === 'navigate' && t.cause === 'key')");
        assertThat(timings).hasSize(4);
    }

    @Test
    @Order(3)
    void aColourMapChangeChangesPixels() throws Exception {
        Map<String, Object> grey = pixels();
        new Select(browser.driver.findElement(By.id("cmap"))).selectByValue("seismic");
        Map<String, Object> seismic = pixels();
        browser.screenshot("03-seismic");
        assertThat(seismic.get("hash")).isNotEqualTo(grey.get("hash"));
        new Select(browser.driver.findElement(By.id("cmap"))).selectByValue("viridis");
        Map<String, Object> viridis = pixels();
        assertThat(viridis.get("hash")).isNotEqualTo(seismic.get("hash"));
        new Select(browser.driver.findElement(By.id("mode"))).selectByValue("wiggle-va");
        assertThat(browser.driver.findElement(By.id("display-notice")).getText()).isEmpty(); // 48 traces: wide enough
        browser.screenshot("03-wiggle-va");
        new Select(browser.driver.findElement(By.id("mode"))).selectByValue("vd");
        new Select(browser.driver.findElement(By.id("cmap"))).selectByValue("grey");
        assertThat(pixels().get("hash")).isEqualTo(grey.get("hash")); // repainted from the held samples
    }

    @Test
    @Order(4)
    void thePreviewsDifferenceIsInputMinusProcessed() throws Exception {
        browser.driver.findElement(By.cssSelector("button[data-view='processing']")).click();
        waitFor("the processor list", "return document.querySelectorAll('#processor-choice option').length > 5");
        new Select(browser.driver.findElement(By.id("processor-choice"))).selectByValue("agc");
        browser.driver.findElement(By.id("add-processor")).click();
        WebElement window = browser.driver.findElement(By.cssSelector("#chain [data-step='agc'] [data-param='windowMs']"));
        window.clear();
        window.sendKeys("120");
        browser.driver.findElement(By.id("preview-button")).click();
        waitFor("the preview", "return window.seisproc.views.processing.preview !== null");
        Object maxError = js("""
                const p = window.seisproc.views.processing.preview;
                const a = p.input.samples, b = p.processed.samples, d = p.difference.samples;
                let worst = 0, energy = 0;
                for (let k = 0; k < a.length; k++) { worst = Math.max(worst, Math.abs(d[k] - Math.fround(a[k] - b[k]))); energy += d[k] * d[k]; }
                return [worst, energy, a.length, d.length];""");
        List<?> r = (List<?>) maxError;
        assertThat(((Number) r.get(0)).doubleValue()).isEqualTo(0.0);
        assertThat(((Number) r.get(1)).doubleValue()).as("AGC changes the gather").isGreaterThan(0);
        assertThat(((Number) r.get(2)).intValue()).isEqualTo(TestSurvey.CHANNELS * TestSurvey.SAMPLES).isEqualTo(((Number) r.get(3)).intValue());
        // The processed gather is the engine's: the same chain on the same ensemble, in Java.
        double browserSum = ((Number) js("return window.seisproc.views.processing.preview.processed.samples.reduce((s, v) => s + Math.abs(v), 0)")).doubleValue();
        double javaSum = 0;
        try (Dataset d = Dataset.open(root.resolve("survey.dataset"));
             org.seisproc.engine.PreparedJob p = org.seisproc.engine.PreparedJob.of(d, org.seisproc.ensemble.EnsembleKey.parse("fldr"),
                     ProcessingTestChains.agc(root, 120))) {
            org.seisproc.ensemble.Gather g = p.unit().process(0);
            for (int k = 0; k < g.n1() * g.n2(); k++) {
                javaSum += Math.abs(g.samples()[k]);
            }
        }
        assertThat(browserSum).isCloseTo(javaSum, org.assertj.core.data.Percentage.withPercentage(1e-4));
        Object painted = js("return window.seisproc.views.processing.views.map(v => v.pixelStats().std)");
        for (Object std : (List<?>) painted) {
            assertThat(((Number) std).doubleValue()).isGreaterThan(5);
        }
        browser.screenshot("04-preview");
        new Actions(browser.driver).moveToElement(browser.driver.findElement(By.id("preview-plots"))).click().perform();
        browser.driver.findElement(By.tagName("body")).sendKeys(Keys.SPACE);
        assertThat(js("return window.seisproc.views.processing.flip")).isEqualTo(1L);
        browser.screenshot("04-preview-flipped");
    }

    @Test
    @Order(5)
    void aSubmittedJobReaches100PercentAndEqualsTheEngineRunOfItsJobFile() throws Exception {
        WebElement name = browser.driver.findElement(By.id("job-name"));
        name.clear();
        name.sendKeys("browser-job.json");
        WebElement out = browser.driver.findElement(By.id("job-output"));
        out.clear();
        out.sendKeys("browser-agc.dataset");
        browser.driver.findElement(By.id("submit-job")).click();
        waitFor("the jobs view", "return window.seisproc.current === 'jobs' || document.querySelector('#job-info a') !== null");
        browser.driver.findElement(By.cssSelector("button[data-view='jobs']")).click();
        waitFor("the job to end", "const s = document.getElementById('job-state'); return s !== null && s.textContent === 'done'");
        assertThat(browser.driver.findElement(By.id("job-percent")).getText()).isEqualTo("100.0 %");
        browser.screenshot("05-job-done");
        Job job = Job.load(root.resolve("browser-job.json"));
        Path reference = outside.resolve("reference.dataset");
        Engine.run(new Job(job.input(), reference, job.key(), job.sortBy(), job.onError(), job.steps()), Engine.Options.defaults());
        try (Dataset a = Dataset.open(root.resolve("browser-agc.dataset")); Dataset b = Dataset.open(reference)) {
            assertThat(a.traceCount()).isEqualTo(b.traceCount());
            assertThat(a.sampleDigest()).isEqualTo(b.sampleDigest());
            assertThat(browser.driver.findElement(By.id("job-checksum")).getText()).isEqualTo(b.sampleDigest());
        }
    }

    @Test
    @Order(6)
    void anExportsChecksumEqualsTheLibraryExports() throws Exception {
        browser.driver.findElement(By.cssSelector("button[data-view='export']")).click();
        WebElement target = browser.driver.findElement(By.id("export-target"));
        target.clear();
        target.sendKeys("browser-export.sgy");
        new Select(browser.driver.findElement(By.id("export-format"))).selectByValue("5");
        browser.driver.findElement(By.id("export-button")).click();
        waitFor("the export", "const s = document.getElementById('export-state'); return s !== null && s.textContent === 'done'"
                + " && document.getElementById('export-checksum') !== null");
        browser.screenshot("06-export");
        Path reference = outside.resolve("reference.sgy");
        try (Dataset d = Dataset.open(root.resolve("survey.dataset"))) {
            Exporter.run(d, reference, Exporter.Options.defaults().withFormat(org.seisproc.segy.SampleFormat.IEEE_FLOAT32));
        }
        try (SegyFile f = SegyFile.open(reference)) {
            assertThat(browser.driver.findElement(By.id("export-checksum")).getText()).isEqualTo(SampleDigest.of(f));
        }
        assertThat(browser.driver.findElement(By.id("export-sha")).getText()).isEqualTo(TransferService.fileSha256(reference));
        assertThat(Files.mismatch(root.resolve("browser-export.sgy"), reference)).isEqualTo(-1L);
    }

    @Test
    @Order(7)
    void theHeaderTablePagesAndSorts() throws Exception {
        browser.driver.findElement(By.cssSelector("button[data-view='headers']")).click();
        WebElement where = browser.driver.findElement(By.id("header-where"));
        where.sendKeys("offset < 0");
        browser.driver.findElement(By.id("header-show")).click();
        waitFor("the header table", "return document.getElementById('header-info').textContent.includes('matching')");
        browser.screenshot("07-headers");
        long expected = 0;
        try (Dataset d = Dataset.open(root.resolve("survey.dataset"))) {
            var offset = d.headerLayout().field("offset");
            for (int t = 0; t < d.traceCount(); t++) {
                expected += d.header(t, offset) < 0 ? 1 : 0;
            }
        }
        String info = browser.driver.findElement(By.id("header-info")).getText();
        assertThat(info).contains("of " + expected + " matching");
        browser.driver.findElement(By.xpath("//table[@id='header-table']//th[starts-with(., 'offset')]")).click();
        waitFor("sorted by offset", "return document.querySelector('#header-table th.sortable:nth-child(5)').textContent.includes('▲')");
        List<WebElement> cells = browser.driver.findElements(By.cssSelector("#header-table tbody tr td:nth-child(5)"));
        for (int i = 1; i < cells.size(); i++) {
            assertThat(Long.parseLong(cells.get(i).getText())).isGreaterThanOrEqualTo(Long.parseLong(cells.get(i - 1).getText()));
        }
        assertThat(browser.driver.findElements(By.cssSelector("#header-table tbody tr"))).isNotEmpty();
    }
}

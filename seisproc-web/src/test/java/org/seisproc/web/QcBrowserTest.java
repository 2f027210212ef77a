package org.seisproc.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/// The QC page in a real Chromium: a QC stack and trace attributes run from its forms, the
/// report built for the test survey with its pictures loaded (decoded PNGs, pixels that vary),
/// the stack shown in the gather viewer line by line and as a section, and a batch QC of a
/// band-pass compared before / after / noise with noise = before − after at the sample level
/// and the Space flip. Screenshots under `target/browser-screenshots/`.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QcBrowserTest extends BrowserPage {
    @BeforeAll
    static void start() throws Exception {
        open(1500, 1000, "#ds=survey.dataset&view=qc");
        waitFor("the QC lists", "return document.querySelectorAll('#qc-ds option').length > 0");
    }

    static void waitForTask(String box) {
        waitFor("the task in #" + box, "const s = document.querySelector('#" + box + " .state');"
                + " return s !== null && ['done', 'failed', 'cancelled'].includes(s.textContent)");
        String state = (String) js("return document.querySelector('#" + box + " .state').textContent");
        assertThat(state).as(byId(box).getText()).isEqualTo("done");
    }

    @Test
    @Order(1)
    void aBadVelocityIsMarkedAtItsField() throws Exception {
        type("qcs-velocity", "fast");
        byId("qcs-run").click();
        waitFor("the field error", "return document.querySelector('#qcs-form .field-error') !== null");
        WebElement error = browser.driver.findElement(By.cssSelector("#qcs-form .field-error"));
        assertThat(error.getText()).contains("neither a file nor a function");
        assertThat((Boolean) js("return arguments[0].closest('label').contains(document.getElementById('qcs-velocity'))", error)).isTrue();
    }

    @Test
    @Order(2)
    void theReportOfTheTestSurveyShowsItsPictures() throws Exception {
        type("qcs-velocity", "1800+600t");
        new Select(byId("qcs-bin")).selectByValue("iline,xline");
        byId("qcs-run").click();
        waitForTask("qcs-task");
        type("qca-flags", "correlation=0.5");
        byId("qca-run").click();
        waitForTask("qca-task");
        waitFor("the new stack and table in the choosers", "return document.getElementById('qc-stack').value === 'survey-stack.dataset'"
                + " && document.getElementById('qc-attributes').value === 'survey-attributes.parquet'");
        byId("qc-build").click();
        waitForTask("qc-report-task");
        waitFor("the pictures", "const imgs = [...document.querySelectorAll('#qc-pictures img')];"
                + " return imgs.length > 5 && imgs.every(i => i.complete && i.naturalWidth > 0)");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> stats = (List<Map<String, Object>>) js("""
                return [...document.querySelectorAll('#qc-pictures img')].map(i => {
                  const c = document.createElement('canvas'); c.width = i.naturalWidth; c.height = i.naturalHeight;
                  const g = c.getContext('2d'); g.drawImage(i, 0, 0);
                  const d = g.getImageData(0, 0, c.width, c.height).data;
                  let s = 0, q = 0, n = 0;
                  for (let k = 0; k < d.length; k += 20) { const l = (d[k] + d[k + 1] + d[k + 2]) / 3; s += l; q += l * l; n++; }
                  const m = s / n;
                  return { name: i.closest('figure').dataset.name, title: i.closest('figure').textContent,
                           w: i.naturalWidth, h: i.naturalHeight, shownWidth: i.getBoundingClientRect().width, std: Math.sqrt(q / n - m * m) };
                });""");
        browser.screenshot("qc-01-report");
        assertThat(stats).extracting(s -> s.get("name")).contains("survey-map", "fold-map", "offset-histogram", "shot-rms-map",
                "spectrum", "stack", "gather-1");
        for (Map<String, Object> s : stats) {
            assertThat(((Number) s.get("w")).intValue()).as(s.toString()).isGreaterThan(300);
            assertThat(((Number) s.get("h")).intValue()).as(s.toString()).isGreaterThan(300);
            assertThat(((Number) s.get("shownWidth")).doubleValue()).as(s.toString()).isGreaterThan(100);
            assertThat(((Number) s.get("std")).doubleValue()).as("pixels vary: not a blank picture " + s).isGreaterThan(5);
            assertThat((String) s.get("title")).isNotBlank();
        }
        assertThat(byId("qc-facts").getText()).contains("traces").contains("384");
        String summary = byId("qc-bad-summary").getText();
        assertThat(summary).contains("flagged trace(s)");
        assertThat(browser.driver.findElements(By.cssSelector("#qc-bad-table tbody tr"))).isNotEmpty();
        assertThat(byId("qc-html").getAttribute("href")).contains("/report.html");
    }

    @Test
    @Order(3)
    void theStackIsShownLineByLineAndAsASection() throws Exception {
        js("return window.seisproc.views.gathers.showStack('survey-stack.dataset')");
        waitFor("the stack's first line", "const g = window.seisproc.views.gathers; return window.seisproc.current === 'gathers'"
                + " && g.frame && g.frame.meta.dataset === 'survey-stack.dataset'");
        @SuppressWarnings("unchecked")
        Map<String, Object> meta = (Map<String, Object>) js("return window.seisproc.views.gathers.frame.meta");
        assertThat(meta.get("key")).isEqualTo("iline");
        assertThat(((Number) meta.get("n2")).intValue()).as("a line of CDPs, not a one-trace gather").isGreaterThan(5);
        @SuppressWarnings("unchecked")
        Map<String, Object> p = (Map<String, Object>) js("return window.seisproc.views.gathers.view.pixelStats()");
        assertThat(((Number) p.get("std")).doubleValue()).isGreaterThan(10);
        browser.screenshot("qc-02-stack-inline");
        new Select(byId("show-as")).selectByValue("section");
        waitFor("the section", "const g = window.seisproc.views.gathers; return g.frame && g.frame.meta.key === 'section'");
        long traces = ((Number) js("return window.seisproc.views.gathers.frame.meta.traces")).longValue();
        assertThat(((Number) js("return window.seisproc.views.gathers.frame.meta.n2")).longValue()).isEqualTo(Math.min(traces, 1000));
        assertThat(byId("position").getText()).startsWith("traces 1–");
        browser.screenshot("qc-03-stack-section");
        js("window.seisproc.choose('survey.dataset', { path: 'survey.dataset', processing: [] })");
        assertThat(js("return [window.seisproc.state.key, document.getElementById('show-as').value]"))
                .as("a prestack dataset after the stack: gathers by the key it had before").isEqualTo(List.of("fldr", "gathers"));
    }

    @Test
    @Order(4)
    void batchQcComparesBeforeAfterAndNoiseWhichIsTheirDifference() throws Exception {
        browser.driver.findElement(By.cssSelector("button[data-view='processing']")).click();
        waitFor("the processor list", "return document.querySelectorAll('#processor-choice option').length > 5");
        js("window.seisproc.views.processing.add('bandpass', { f1: 5, f2: 10, f3: 30, f4: 45 })");
        browser.driver.findElement(By.cssSelector("button[data-view='qc']")).click();
        waitFor("the QC page", "return window.seisproc.current === 'qc'");
        new Select(byId("qc-ds")).selectByValue("survey.dataset");
        TestSurvey.Client client = TestSurvey.Client.of(server);
        int fldr = client.json(client.get("/api/ensembles?ds=survey.dataset&key=fldr")).get("first").get(0).asInt();
        type("qcb-gathers", fldr + ", " + (fldr + 1));
        type("qcb-velocity", "1800+600t");
        byId("qcb-run").click();
        waitForTask("qcb-task");
        waitFor("the three panels", "const c = window.seisproc.views.qc.compare; return c.batch && c.batch.frames !== null");
        @SuppressWarnings("unchecked")
        Map<String, Object> check = (Map<String, Object>) js("return window.seisproc.views.qc.compare.check()");
        assertThat(((Number) check.get("maxError")).doubleValue()).as("noise = before - after, sample by sample").isEqualTo(0.0);
        assertThat(((Number) check.get("energy")).doubleValue()).as("the band-pass removed something").isGreaterThan(0);
        assertThat((Boolean) check.get("sameShape")).isTrue();
        for (int k = 0; k < 3; k++) {
            @SuppressWarnings("unchecked")
            Map<String, Object> p = (Map<String, Object>) js("return window.seisproc.views.qc.compare.views[" + k + "].pixelStats()");
            assertThat(((Number) p.get("std")).doubleValue()).as("panel " + k).isGreaterThan(5);
        }
        assertThat(byId("qc-compare-metrics").getText()).contains("overall").contains("fldr=" + fldr);
        browser.screenshot("qc-04-batch-side-by-side");
        new Actions(browser.driver).moveToElement(byId("qc-compare-plots")).click().perform();
        browser.driver.findElement(By.tagName("body")).sendKeys(Keys.SPACE);
        waitFor("the flip", "return window.seisproc.views.qc.compare.layout === 'flip'");
        assertThat(((Number) js("return window.seisproc.views.qc.compare.flip")).intValue()).isEqualTo(1);
        assertThat(byId("qc-after").isDisplayed()).isTrue();
        assertThat(byId("qc-before").isDisplayed()).isFalse();
        browser.driver.findElement(By.tagName("body")).sendKeys(Keys.SPACE);
        waitFor("the noise panel", "return window.seisproc.views.qc.compare.flip === 2");
        assertThat(byId("qc-noise").isDisplayed()).isTrue();
        browser.screenshot("qc-05-batch-flip-noise");
        browser.driver.findElement(By.tagName("body")).sendKeys(Keys.ARROW_RIGHT);
        waitFor("the second gather", "return window.seisproc.views.qc.compare.batch.e === 1");
        @SuppressWarnings("unchecked")
        Map<String, Object> second = (Map<String, Object>) js("return window.seisproc.views.qc.compare.check()");
        assertThat(((Number) second.get("maxError")).doubleValue()).isEqualTo(0.0);

        new Select(byId("qc-compare-what")).selectByValue("stacks");
        waitFor("the stacks", "const b = window.seisproc.views.qc.compare.batch; return b.what === 'stacks' && b.e === 0"
                + " && b.frames.before.meta.key === 'section'");
        @SuppressWarnings("unchecked")
        Map<String, Object> stacks = (Map<String, Object>) js("return window.seisproc.views.qc.compare.check()");
        assertThat(((Number) stacks.get("maxError")).doubleValue()).as("difference stack = before stack - after stack").isEqualTo(0.0);
        assertThat(((Number) stacks.get("energy")).doubleValue()).isGreaterThan(0);
        assertThat(byId("qc-compare-position").getText()).contains("stacks, bins 1–");
        new Select(byId("qc-compare-layout")).selectByValue("side");
        browser.screenshot("qc-06-batch-stacks");
    }
}

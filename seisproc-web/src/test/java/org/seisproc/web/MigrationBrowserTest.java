package org.seisproc.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.seisproc.migration.MigrationJob;

/// The PSTM wizard and the migration monitor in a real Chromium: walk the eight steps on the
/// small synthetic survey (scan with sample values, survey, grid, a painted v(T) preview, an
/// offset-class preset, a bad value named at its step then fixed, execution, the review's
/// estimate), run; in the monitor pause it before its first tile, cancel, resume from the
/// checkpoint, watch it reach 100 %, and check the image of the tiles is painted.
/// The saved job file is read by `MigrationJob.load` (what `seisproc migrate` reads) and the
/// image equals `Migration.run` of it. Screenshots under `target/browser-screenshots/`.
class MigrationBrowserTest extends BrowserPage {
    static {
        // The scalar kernel: in a run this short the Vector API kernel is still interpreted (C2 has
        // not compiled it yet) and takes seconds; these tests are about the web application, the
        // kernels are compared with each other in core's KernelTest. Set before the kernel class loads.
        System.setProperty("seisproc.migration.scalar", "true");
    }

    @BeforeAll
    static void start() throws Exception {
        open(1500, 950, "#view=pstm");
        js("window.pageErrors = []; window.addEventListener('error', e => pageErrors.push(e.message));"
                + " window.addEventListener('unhandledrejection', e => pageErrors.push(String(e.reason && e.reason.stack || e.reason)));");
    }

    static void waitFor(String what, String condition) {
        try {
            browser.waitFor(what, condition, 30);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("waiting for " + what + "; status bar: " + js("return document.getElementById('status').textContent")
                    + "; wizard problems: " + js("return [...document.querySelectorAll('[id^=pstm-errors-]')].map(e => e.textContent).join(' | ')")
                    + "; page errors: " + js("return window.pageErrors") + "; mapping: "
                    + js("return document.querySelector('#pstm-mapping').textContent.slice(0, 100)") + "; image: "
                    + js("return document.querySelector('#migration-image-note').textContent"), e);
        }
    }

    static void next() {
        byId("pstm-next").click();
    }

    @Test
    void walkTheWizardRunAndWatchTheMonitor() throws Exception {
        waitFor("the dataset menu", "return [...document.querySelectorAll('#pstm-input option')].some(o => o.value === 'survey.dataset')");
        new Select(byId("pstm-input")).selectByValue("survey.dataset");
        waitFor("the header scan", "const s = document.querySelector('#pstm-h-sourceX'); return s !== null && s.value === 'sx'"
                + " && document.querySelector('#pstm-mapping td.mono').textContent.length > 0");
        assertThat(byId("pstm-output").getAttribute("value")).isEqualTo("survey-pstm.dataset");
        String firstSx = browser.driver.findElement(By.cssSelector("#pstm-mapping tr:first-child td.mono")).getText();
        try (org.seisproc.dataset.Dataset d = org.seisproc.dataset.Dataset.open(root.resolve("survey.dataset"))) {
            var sx = d.headerLayout().field("sx");
            assertThat(firstSx).isEqualTo(d.header(0, sx) + ", " + d.header(1, sx) + ", " + d.header(2, sx) + ", " + d.header(3, sx) + ", "
                    + d.header(4, sx)); // the first values of the role's field, as the dataset has them
        }
        browser.screenshot("pstm-1-input");

        next();
        assertThat(byId("pstm-survey-inlines").getText()).isEqualTo("1 … 2");
        next();
        assertThat(byId("pstm-il0").getAttribute("value")).isEqualTo("1");
        assertThat(byId("pstm-t1").getAttribute("value")).isEqualTo("1.596");
        next();
        waitFor("the velocity preview", "return document.querySelector('#pstm-vinfo').textContent.includes('1800')");
        Number blue = (Number) js("""
                const c = document.querySelector('#pstm-vplot'), d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                let n = 0; for (let i = 0; i < d.length; i += 4) if (d[i + 2] > 150 && d[i] < 80) n++; return n;""");
        assertThat(blue.intValue()).as("pixels of the v(T) curve").isGreaterThan(150);
        type("pstm-v0", "2000");
        waitFor("the preview to follow the typing", "return document.querySelector('#pstm-vinfo').textContent.includes(': 2000 …')");
        browser.screenshot("pstm-4-velocity");
        next();
        browser.driver.findElements(By.cssSelector("#pstm-page-4 button")).stream().filter(b -> b.getText().equals("4 classes"))
                .findFirst().orElseThrow().click();
        assertThat(byId("pstm-classes").getText()).startsWith("0–");
        next();
        type("pstm-apDist", "300");
        type("pstm-apAngle", "steep");
        next();
        type("pstm-workers", "2");
        type("pstm-tileIl", "1");
        type("pstm-tileXl", "8");
        next();
        waitFor("the problem at its step", "return document.querySelector('#pstm-errors-5').textContent.includes('aperture.maxAngleDegrees')");
        assertThat(byId("pstm-errors-7").getText()).contains("Algorithm");
        js("document.querySelector(\"#pstm-steps [data-step='5']\").click()"); // the step list is redrawn as problems arrive
        type("pstm-apAngle", "60");
        js("document.querySelector(\"#pstm-steps [data-step='7']\").click()"); // the step list is redrawn as problems arrive
        waitFor("the review", "return document.querySelector('#pstm-valid') !== null");
        assertThat(byId("pstm-errors-5").getText()).isEmpty();
        int tiles = Integer.parseInt(byId("pstm-tiles").getText());
        assertThat(tiles).isGreaterThan(2).isEven(); // 2 inlines × ceil(crosslines / 8)
        assertThat(byId("pstm-memory").getText()).contains("2 ×");
        browser.screenshot("pstm-8-review");

        type("pstm-name", "browser.json");
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        server.tasks().submit("test", "holds the queue", t -> release.await()); // so the run can be paused before its first tile
        byId("pstm-run").click();
        waitFor("the monitor", "return window.seisproc.current === 'monitor' && window.seisproc.views.monitor.selected !== null"
                + " && document.querySelector('#migration-pause') !== null");
        String first = (String) js("return window.seisproc.views.monitor.selected");
        js("document.querySelector('#migration-pause').click()"); // buttons are redrawn at every event: click in the page
        waitFor("the pause to be taken", "return document.querySelector('#migration-continue') !== null && !document.querySelector('#migration-continue').disabled");
        release.countDown();
        waitFor("the run to start paused", "return document.querySelector('#migration-state').textContent === 'paused'"
                + " && /^0 of \\d+$/.test(document.querySelector('#migration-tiles').textContent)");
        Thread.sleep(300);
        assertThat((String) js("return document.querySelector('#migration-tiles').textContent")).startsWith("0 of ");
        browser.screenshot("pstm-monitor-paused");
        js("document.querySelector('#migration-cancel').click()");
        waitFor("the cancel", "return document.querySelector('#migration-state').textContent === 'cancelled'"
                + " && !document.querySelector('#migration-resume').disabled");
        js("document.querySelector('#migration-resume').click()");
        waitFor("the resumed run", "const m = window.seisproc.views.monitor; return m.selected !== null && m.selected !== '" + first + "'");
        waitFor("the migration to finish", "const p = document.querySelector('#migration-percent'), s = document.querySelector('#migration-state');"
                + " return p !== null && p.textContent === '100.0 %' && s.textContent === 'done'"); // redrawn at every event: read in the page
        assertThat(byId("migration-tiles").getText()).isEqualTo(tiles + " of " + tiles);
        waitFor("every bin painted", "return window.seisproc.views.monitor.painted > 0 && document.querySelector('#migration-image-note').textContent.includes('bins done')"
                + " && /^inline 2: (\\d+) of \\1 bins/.test(document.querySelector('#migration-image-note').textContent)");
        @SuppressWarnings("unchecked")
        Map<String, Object> p = (Map<String, Object>) js("return window.seisproc.views.monitor.view.pixelStats()");
        browser.screenshot("pstm-monitor-done");
        assertThat(((Number) p.get("std")).doubleValue()).as("luminance spread of the image: not a blank canvas").isGreaterThan(10);
        assertThat(((Number) p.get("colours")).intValue()).as("distinct colours").isGreaterThan(30);
        assertThat(byId("migration-log").getText()).contains("wrote survey-pstm.dataset");

        MigrationJob job = MigrationJob.load(root.resolve("browser.json")); // what `seisproc migrate browser.json` reads
        assertThat(job.parameters().aperture().maxDistanceMeters()).isEqualTo(300);
        assertThat(job.parameters().offsetClasses().count()).isEqualTo(4);
        assertThat(job.workers()).isEqualTo(2);
        assertThat(job.velocity().v0()).isEqualTo(2000);
        MigrationWebTest.assertSameSamples(root.resolve("survey-pstm.dataset"), MigrationWebTest.runDirectIn(root, job, "direct.dataset"));

        byId("migration-open").click();
        waitFor("the image in the gather viewer", "const g = window.seisproc.views.gathers; return window.seisproc.current === 'gathers'"
                + " && g.frame && g.frame.meta.dataset === 'survey-pstm.dataset'");
        browser.screenshot("pstm-image-in-gathers");
    }
}

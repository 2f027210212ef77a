package org.seisproc.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;

/// What every browser test class has: the test survey served from a temp root and one Chromium
/// on the page, opened by [#open] in the class's `@BeforeAll` and closed after the class.
abstract class BrowserPage {
    @TempDir
    static Path root;
    static Browser.Served served;
    static WebServer server;
    static Browser browser;

    /// Serves the survey and opens the page at `fragment` in a `width` × `height` window; skips
    /// the class when Debian's Chromium is not installed.
    static void open(int width, int height, String fragment) throws IOException {
        assumeTrue(Browser.available(), Browser.MISSING);
        served = Browser.serve(root, width, height, fragment);
        server = served.server();
        browser = served.browser();
    }

    @AfterAll
    static void closePage() {
        if (served != null) {
            served.close();
            served = null;
        }
    }

    static Object js(String script, Object... args) {
        return browser.js(script, args);
    }

    static void waitFor(String what, String condition) {
        browser.waitFor(what, condition, 60);
    }

    static org.openqa.selenium.WebElement byId(String id) {
        return browser.driver.findElement(org.openqa.selenium.By.id(id));
    }

    /// Replaces the text of input `id` with `text`, as typed.
    static void type(String id, String text) {
        org.openqa.selenium.WebElement e = byId(id);
        e.clear();
        e.sendKeys(text);
    }
}

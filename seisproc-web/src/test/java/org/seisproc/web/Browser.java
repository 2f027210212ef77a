package org.seisproc.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/// Debian's Chromium driven by Selenium 4, never downloading a driver or a browser: the
/// driver is `/usr/bin/chromedriver`, the browser `/usr/bin/chromium`, both given explicitly so
/// Selenium Manager is never asked. Headless, sandbox off (CI runs as root), a fresh profile in
/// a temp folder deleted on [#close].
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    final ChromeDriver driver;
    private final Path profile;

    /// True when both Debian packages are installed (the browser tests skip otherwise).
    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    Browser(int width, int height) throws IOException {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        System.setProperty("SE_OFFLINE", "true");
        profile = Files.createTempDirectory("seisproc-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "--force-device-scale-factor=1");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    /// Why the browser tests skip.
    static final String MISSING = "Debian's chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)";

    /// A server on `root` (the test survey written into it first) and a browser on its page at
    /// `fragment` (e.g. `#view=qc`), the page ready. Close it to stop both.
    record Served(WebServer server, Browser browser) implements AutoCloseable {
        @Override
        public void close() {
            try {
                browser.close();
            } finally {
                server.close();
            }
        }
    }

    static Served serve(Path root, int width, int height, String fragment) throws IOException {
        TestSurvey.make(root);
        WebServer server = WebServer.start(ServerOptions.of(root, "127.0.0.1", 0));
        Browser browser;
        try {
            browser = new Browser(width, height);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        Served served = new Served(server, browser);
        browser.driver.get(server.url() + fragment);
        browser.waitFor("the page", "return window.seisproc && window.seisproc.ready === true", 60);
        return served;
    }

    /// Runs `script` in the page.
    Object js(String script, Object... args) {
        return ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(script, args);
    }

    /// Waits up to `seconds` for the page's `condition` (a script returning true).
    void waitFor(String what, String condition, int seconds) {
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(seconds)).withMessage("waiting for " + what)
                .until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(condition)));
    }

    /// Saves a screenshot as `target/browser-screenshots/<name>.png`.
    Path screenshot(String name) throws IOException {
        Path dir = Path.of("target", "browser-screenshots");
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            TestSurvey.deleteTree(profile);
        }
    }
}

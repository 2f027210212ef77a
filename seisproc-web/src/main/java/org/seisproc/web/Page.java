package org.seisproc.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/// The application page: `web/index.html` from the jar with the server's token in a
/// `<meta name="seisproc-token">` (the page sends it back on every state-changing request).
final class Page {
    private static final String TEMPLATE = load();

    private Page() {
    }

    static String index(String token) {
        return TEMPLATE.replace("__SEISPROC_TOKEN__", token).replace("__SEISPROC_VERSION__", version());
    }

    static String version() {
        String v = Page.class.getPackage().getImplementationVersion();
        return v != null ? v : "development build";
    }

    private static String load() {
        try (InputStream in = Page.class.getResourceAsStream("/web/index.html")) {
            if (in == null) {
                throw new IllegalStateException("web/index.html is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read web/index.html: " + e.getMessage(), e);
        }
    }
}

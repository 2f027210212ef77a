package org.seisproc.web;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/// What every HTTP test class of the server has: the test survey in a temp root, one server on
/// it for the class, and a client (with the page's token).
abstract class ServedSurvey {
    @TempDir
    static Path root;
    static WebServer server;
    static TestSurvey.Client client;

    @BeforeAll
    static void serveSurvey() {
        client = TestSurvey.Client.serve(root);
        server = client.server();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}

package org.seisproc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// `seisproc serve`: its options and its usage errors (the server itself: `WebServerTest` in seisproc-web).
class ServeCommandTest {
    static CliTest.Result run(String... args) {
        return CliTest.run(args);
    }

    @Test
    void helpNamesTheOptionsAndTheDefaults() {
        CliTest.Result r = run("serve", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("--root", "--port", "--host", "8080", "127.0.0.1");
        assertThat(run("--help").out()).contains("serve");
    }

    @Test
    void aMissingRootIsAUsageError(@TempDir Path dir) {
        CliTest.Result r = run("serve", "--root", dir.resolve("nope").toString());
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("is not a folder").doesNotContain("\tat ");
        CliTest.Result port = run("serve", "--root", dir.toString(), "--port", "70000");
        assertThat(port.code()).isEqualTo(Main.USAGE);
        assertThat(port.err()).contains("--port 70000 is not a TCP port");
    }

    @Test
    void aPortInUseIsAFailureWithOneLine(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CliTest.Result r = run("serve", "--root", dir.toString(), "--port", Integer.toString(taken.getLocalPort()));
            assertThat(r.code()).isEqualTo(Main.FAILURE);
            assertThat(r.err()).contains("cannot serve on 127.0.0.1:" + taken.getLocalPort()).doesNotContain("\tat ");
        }
    }
}

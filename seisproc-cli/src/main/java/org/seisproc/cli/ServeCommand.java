package org.seisproc.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.seisproc.web.ServerOptions;
import org.seisproc.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/// `seisproc serve [--root DIR] [--port 8080] [--host 127.0.0.1]`: the main window in the browser.
@Command(name = "serve", header = "Serves the main window in the browser: datasets, gathers, headers, processing, jobs, export.",
        mixinStandardHelpOptions = true,
        description = {"Serves the SeisProc main window at http://localhost:PORT: browse the datasets under --root, navigate",
                "gathers, preview processing, run jobs, import and export. Only files under --root are read or written.",
                "Binding to an address other than loopback needs the access token; the URL printed carries it."})
final class ServeCommand extends CliCommand {
    @Option(names = "--root", paramLabel = "DIR", defaultValue = ".", description = "The folder to serve (default: the current folder).")
    Path root;

    @Option(names = "--port", defaultValue = "8080", description = "TCP port (default ${DEFAULT-VALUE}; 0: any free port).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default ${DEFAULT-VALUE}: this machine only).")
    String host;

    @Override
    int run(PrintWriter out, PrintWriter err) throws InterruptedException {
        if (!Files.isDirectory(root)) {
            throw new UsageException("--root " + root + " is not a folder");
        }
        if (port < 0 || port > 65_535) {
            throw new UsageException("--port " + port + " is not a TCP port (0..65535; 0 picks a free one)");
        }
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        WebServer server;
        try {
            server = WebServer.start(ServerOptions.of(root, host, port));
        } catch (RuntimeException e) {
            throw new CliFailure("cannot serve on " + host + ":" + port + ": " + rootCause(e));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "seisproc-serve-stop"));
        out.println("seisproc serve: " + server.options().root() + " at " + server.url());
        if (!server.options().loopback()) {
            out.println("seisproc serve: bound to " + host + ": anyone who can reach it needs the token in the URL above");
        }
        out.println("seisproc serve: Ctrl-C stops");
        out.flush();
        stopped.await();
        return Main.OK;
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.toString();
    }
}

package org.seisproc.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import org.seisproc.dataset.Dataset;
import org.seisproc.dataset.DatasetFiles;
import org.seisproc.ensemble.EnsembleKey;
import org.seisproc.segy.TextualHeader;

/// The handlers of [WebServer]'s route table: each reads its parameters, calls one service over
/// the core library, and writes JSON or a binary frame. No business logic here.
final class Api {
    private static final String BINARY = "application/octet-stream";

    private final ServerOptions options;
    private final RootDir root;
    private final Catalog catalog;
    private final OpenDatasets open;
    private final GatherService gathers;
    private final HeaderTableService headers;
    private final Tasks tasks;
    private final ProcessingService processing;
    private final TransferService transfers;
    /// The QC pages' handlers.
    final QcApi qc;
    private final MigrationApi pstm;

    Api(ServerOptions options) {
        this.options = options;
        this.root = new RootDir(options.root());
        this.catalog = new Catalog(root);
        this.open = new OpenDatasets(root);
        this.gathers = new GatherService(open);
        this.headers = new HeaderTableService(open);
        this.tasks = new Tasks(() -> { });
        this.processing = new ProcessingService(root, open, tasks);
        this.transfers = new TransferService(root, tasks);
        this.qc = new QcApi(root, catalog, open, tasks);
        this.pstm = new MigrationApi(new MigrationService(root, tasks));
    }

    /// The PSTM wizard's and migration monitor's handlers.
    MigrationApi pstm() {
        return pstm;
    }

    Tasks tasks() {
        return tasks;
    }

    void close() {
        pstm.service().close();
        tasks.close();
        open.close();
    }

    // ---- main window

    void page(Context ctx) {
        ctx.contentType("text/html; charset=utf-8").header("Cache-Control", "no-store").result(Page.index(options.token()));
    }

    void info(Context ctx) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("root", root.path().toString());
        m.put("version", Page.version());
        m.put("cores", Runtime.getRuntime().availableProcessors());
        ctx.json(m);
    }

    void datasets(Context ctx) {
        ctx.json(catalog.list());
    }

    void dataset(Context ctx) {
        String ds = required(ctx, "ds");
        Dataset d = open.dataset(ds);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("entry", catalog.entry(d.dir()));
        m.put("manifest", d.manifest());
        m.put("textualHeader", textual(d));
        List<String> indexes = new ArrayList<>();
        Path dir = d.dir().resolve(DatasetFiles.INDEX);
        if (Files.isDirectory(dir)) {
            try (var s = Files.list(dir)) {
                s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".idx")).sorted()
                        .forEach(n -> indexes.add(n.substring(0, n.length() - 4)));
            } catch (java.io.IOException ignored) {
                // no index list
            }
        }
        m.put("indexes", indexes);
        ctx.json(m);
    }

    private static String textual(Dataset d) {
        try {
            byte[] b = d.readFile(DatasetFiles.TEXTUAL);
            return b.length >= TextualHeader.BYTES ? new TextualHeader(java.util.Arrays.copyOf(b, TextualHeader.BYTES)).text() : "";
        } catch (RuntimeException e) {
            return "";
        }
    }

    // ---- gather navigator

    void ensembles(Context ctx) {
        ctx.json(gathers.ensembles(required(ctx, "ds"), key(ctx)));
    }

    void find(Context ctx) {
        ctx.json(Map.of("ensemble", gathers.find(required(ctx, "ds"), key(ctx), ctx.queryParam("value"))));
    }

    void gather(Context ctx) {
        long t0 = System.nanoTime();
        byte[] frame = gathers.gather(required(ctx, "ds"), key(ctx), integer(ctx, "e"),
                GatherService.headerNames(ctx.queryParam("headers")));
        ctx.header("Server-Timing", String.format(java.util.Locale.ROOT, "gather;dur=%.3f", (System.nanoTime() - t0) / 1e6));
        ctx.contentType(BINARY).result(frame);
    }

    // ---- header table

    void headerTable(Context ctx) {
        ctx.json(headers.page(required(ctx, "ds"), ctx.queryParam("columns"), ctx.queryParam("where"), ctx.queryParam("sort"),
                "true".equals(ctx.queryParam("desc")), optionalInt(ctx, "offset", 0), optionalInt(ctx, "limit", 100)));
    }

    // ---- processing

    void processors(Context ctx) {
        ctx.json(ProcessingService.processors());
    }

    void preview(Context ctx) {
        ctx.contentType(BINARY).result(processing.preview(Json.object(ctx.body())));
    }

    void jobFile(Context ctx) {
        ObjectNode body = Json.object(ctx.body());
        String ds = ProcessingService.text(body, "ds");
        root.resolve("ds", ds);
        EnsembleKey key = GatherService.key(ProcessingService.text(body, "key"), body.path("sort").asText(null));
        processing.steps(body.get("processors"));
        String output = ProcessingService.text(body, "output");
        root.resolve("output", output);
        ctx.json(ProcessingService.jobFile(ds, output, key, body.get("processors")));
    }

    void submitJob(Context ctx) {
        ctx.status(201).json(tasks.get(processing.submit(Json.object(ctx.body())).id).snapshot(0));
    }

    void jobs(Context ctx) {
        ctx.json(tasks.list());
    }

    void job(Context ctx) {
        ctx.json(tasks.get(ctx.pathParam("id")).snapshot(optionalInt(ctx, "logFrom", 0)));
    }

    void cancelJob(Context ctx) {
        Task t = tasks.get(ctx.pathParam("id"));
        t.cancel.set(true);
        pstm.service().cancelled(t);
        t.log("cancel requested");
        ctx.json(t.snapshot(Integer.MAX_VALUE));
    }

    void resumeJob(Context ctx) {
        Task t = tasks.get(ctx.pathParam("id"));
        ctx.status(201).json((t.kind.equals("migration") ? pstm.service().resume(t) : processing.resume(t)).snapshot(0));
    }

    /// Server-sent events: the task's state every 250 ms (new log lines only) until it ends.
    void jobEvents(SseClient client) {
        Task t;
        try {
            t = tasks.get(client.ctx().pathParam("id"));
        } catch (WebError e) {
            client.sendEvent("error", Json.text(Map.of("error", e.getMessage(), "parameter", "id")));
            return;
        }
        int logFrom = 0;
        while (!client.terminated()) {
            boolean finished = t.finished();
            Map<String, Object> s = t.snapshot(logFrom);
            logFrom = (Integer) s.get("logSize");
            client.sendEvent("progress", new Json().toJsonString(s, Object.class));
            if (finished) {
                break;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
    }

    // ---- import and export

    void importFiles(Context ctx) {
        ctx.status(201).json(transfers.importFiles(Json.object(ctx.body())).snapshot(0));
    }

    void export(Context ctx) {
        ctx.status(201).json(transfers.export(Json.object(ctx.body()), open).snapshot(0));
    }

    void exportPreview(Context ctx) {
        ctx.json(transfers.exportPreview(Json.object(ctx.body()), open));
    }

    // ---- parameters

    static String required(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            throw WebError.bad(name, "'" + name + "' is missing");
        }
        return v;
    }

    static int integer(Context ctx, String name) {
        String v = required(ctx, name);
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw WebError.bad(name, "'" + name + "' must be an integer, not '" + v + "'");
        }
    }

    static int optionalInt(Context ctx, String name, int fallback) {
        return ctx.queryParam(name) == null || ctx.queryParam(name).isBlank() ? fallback : integer(ctx, name);
    }

    static EnsembleKey key(Context ctx) {
        return GatherService.key(ctx.queryParam("key"), ctx.queryParam("sort"));
    }
}

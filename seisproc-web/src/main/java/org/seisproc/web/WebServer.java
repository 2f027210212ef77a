package org.seisproc.web;

import java.util.Locale;
import java.util.Map;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;

/// `seisproc serve`: the SeisProc main window as a web application. Javalin on Jetty 12; the page
/// is plain ES modules from the jar (`web/app/`), nothing loaded from the internet.
///
/// Security: binds to 127.0.0.1 unless told otherwise; on loopback the `Host` header must name
/// loopback (no DNS rebinding), elsewhere every request needs the access token (header
/// `X-SeisProc-Token`, or the cookie set when the page is opened with `?token=`). Every
/// state-changing request (POST) needs the token in the header — the page has it, another site
/// cannot read it — and a foreign `Origin` is refused. No CORS headers are ever sent. Paths from
/// requests go through [RootDir]. Every failure becomes `{ "error": ..., "parameter": ... }`
/// with a 4xx status for a bad request, never a stack trace.
public final class WebServer implements AutoCloseable {
    static final String TOKEN_HEADER = "X-SeisProc-Token";
    static final String TOKEN_COOKIE = "seisproc_token";

    private final ServerOptions options;
    private final Api api;
    private final Javalin app;

    private WebServer(ServerOptions options) {
        this.options = options;
        this.api = new Api(options);
        this.app = Javalin.create(this::configure);
    }

    /// Starts a server; [#url] says where.
    public static WebServer start(ServerOptions options) {
        WebServer s = new WebServer(options);
        s.app.start(options.host(), options.port());
        return s;
    }

    /// The route table: every endpoint of the application, in one place.
    private void routes(JavalinConfig config) {
        var r = config.routes;
        r.get("/", api::page);
        r.get("/api/info", api::info);
        r.get("/api/datasets", api::datasets);                   // dataset browser
        r.get("/api/dataset", api::dataset);                     // ?ds=
        r.post("/api/import", api::importFiles);                 // {files, target, overwrite}
        r.get("/api/ensembles", api::ensembles);                 // ?ds=&key=&sort=
        r.get("/api/find", api::find);                           // ?ds=&key=&sort=&value=
        r.get("/api/gather", api::gather);                       // ?ds=&key=&sort=&e=&headers=  (binary)
        r.get("/api/headers", api::headerTable);                 // ?ds=&columns=&where=&sort=&desc=&offset=&limit=
        r.get("/api/processors", api::processors);
        r.post("/api/preview", api::preview);                    // {ds, key, sort, e, processors}  (binary)
        r.post("/api/jobfile", api::jobFile);                    // {ds, key, sort, processors, output}
        r.get("/api/jobs", api::jobs);
        r.post("/api/jobs", api::submitJob);                     // {name, job | text, overwrite}
        r.get("/api/jobs/{id}", api::job);                       // ?logFrom=
        r.sse("/api/jobs/{id}/events", api::jobEvents);          // progress stream
        r.post("/api/jobs/{id}/cancel", api::cancelJob);
        r.post("/api/jobs/{id}/resume", api::resumeJob);
        r.post("/api/export", api::export);                      // {ds, target, format, byteOrder, revision, where, content, input, mapping}
        r.post("/api/export/preview", api::exportPreview);       // {ds, where, mapping}: 5 traces as the mapping writes them
        // QC pages
        r.get("/api/qc/sources", api.qc::sources);               // datasets (stacks marked), attribute/velocity/job files, batch outputs
        r.post("/api/qc/report", api.qc::buildReport);           // {ds, stack, attributes}: a task building the report
        r.get("/api/qc/reports/{id}", api.qc::report);           // pictures (URLs), notes, facts, bad-trace counts
        r.get("/api/qc/reports/{id}/pictures/{name}", api.qc::picture); // image/png
        r.get("/api/qc/reports/{id}/bad", api.qc::badTraces);    // ?offset=&limit=  every flagged trace, paged
        r.get("/api/qc/reports/{id}/report.html", api.qc::html); // the self-contained HTML report (download)
        r.post("/api/qc/stack", api.qc::stack);                  // {ds, output, velocity, lines, bin, method, minFold, stretchMute, interp}
        r.post("/api/qc/attributes", api.qc::attributes);        // {ds, output, windowMs, noiseWindowMs, mute, flags, key, key2}
        r.post("/api/qc/batch", api.qc::batch);                  // {jobFile} | {name, ds, key, sort, processors, output, gathers|lines, stack, snr}
        r.get("/api/qc/batch", api.qc::batchResult);             // ?dir=  qc.json and the before/after/noise datasets
        r.get("/api/section/layout", api.qc::sectionLayout);     // ?ds=  stack or not, inlines, suggested view
        r.get("/api/section", api.qc::section);                  // ?ds=&e=&size=  consecutive traces (binary)
        var pstm = api.pstm();                                   // PSTM wizard and migration monitor
        r.post("/api/pstm/scan", pstm::scan);                    // {input, headers}: survey scan
        r.post("/api/pstm/velocity", pstm::velocity);            // {job, inline, crossline}: v(T)
        r.post("/api/pstm/check", pstm::check);                  // {job}: checks, grid, estimate, job file text
        r.post("/api/pstm/jobfile", pstm::saveJobFile);          // {name, job}
        r.get("/api/pstm/jobfile", pstm::loadJobFile);           // ?name=
        r.post("/api/pstm/run", pstm::run);                      // {name, job?, overwrite}: a task (201); cancel/resume: /api/jobs/{id}/...
        r.post("/api/pstm/runs/{id}/pause", pstm::pause);
        r.post("/api/pstm/runs/{id}/continue", pstm::unpause);
        r.get("/api/pstm/runs/{id}/image", pstm::image);         // ?inline= | ?crossline=  (binary)
    }

    private void configure(JavalinConfig config) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.jsonMapper(new Json());
        config.http.compressionStrategy = io.javalin.compression.CompressionStrategy.NONE; // loopback; samples do not compress
        config.http.maxRequestSize = 16L << 20;
        config.staticFiles.add(s -> {
            s.hostedPath = "/app";
            s.directory = "/web/app";
            s.location = Location.CLASSPATH;
            s.headers = Map.of("Cache-Control", "no-cache");
        });
        config.routes.before(this::guard);
        routes(config);
        config.routes.exception(Exception.class, WebServer::failure);
        config.routes.error(404, ctx -> {
            if (!isJson(ctx)) {
                error(ctx, 404, "no such page or endpoint: " + ctx.method() + " " + ctx.path(), null);
            }
        });
        config.routes.error(405, ctx -> {
            if (!isJson(ctx)) {
                error(ctx, 405, "method " + ctx.method() + " is not allowed on " + ctx.path(), null);
            }
        });
    }

    /// Token, host and origin checks before every request.
    private void guard(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline';"
                + " connect-src 'self'; frame-ancestors 'none'");
        String token = options.token();
        if (options.loopback()) {
            String host = ctx.host() == null ? "" : ctx.host().toLowerCase(Locale.ROOT);
            String name = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1) : host.replaceAll(":\\d+$", "");
            if (!name.equals("localhost") && !name.equals("127.0.0.1") && !name.equals("[::1]") && !name.startsWith("127.")) {
                throw WebError.forbidden("Host", "this server answers only to localhost (Host '" + host + "' refused)");
            }
        } else {
            String given = ctx.header(TOKEN_HEADER);
            if (given == null) {
                given = ctx.cookie(TOKEN_COOKIE);
            }
            if (given == null && ctx.path().equals("/") && ctx.queryParam("token") != null) {
                given = ctx.queryParam("token");
                if (constantTimeEquals(given, token)) {
                    ctx.header("Set-Cookie", TOKEN_COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict");
                }
            }
            if (!constantTimeEquals(given, token)) {
                throw new WebError(401, "token", "this server needs its access token: open the URL 'seisproc serve' printed");
            }
        }
        HandlerType m = ctx.method();
        if (m != HandlerType.GET && m != HandlerType.HEAD) {
            if (!constantTimeEquals(ctx.header(TOKEN_HEADER), token)) {
                throw WebError.forbidden("token", "a state-changing request needs the page's token in " + TOKEN_HEADER);
            }
            String origin = ctx.header("Origin");
            if (origin != null && !origin.equals("null") && !sameOrigin(origin, ctx.host())) {
                throw WebError.forbidden("Origin", "requests from " + origin + " are refused (no cross-origin use)");
            }
        }
    }

    private static boolean sameOrigin(String origin, String host) {
        String o = origin.replaceFirst("^https?://", "");
        return host != null && o.equalsIgnoreCase(host);
    }

    private static boolean constantTimeEquals(String a, String b) {
        return a != null && b != null && java.security.MessageDigest.isEqual(a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /// The one exception mapper: every failure becomes `{ "error": ..., "parameter": ... }`.
    private static void failure(Exception e, Context ctx) {
        switch (e) {
            case WebError w -> error(ctx, w.status(), w.getMessage(), w.parameter());
            case org.seisproc.ensemble.UnknownKeyException u -> error(ctx, 400, u.getMessage(), "key");
            case org.seisproc.dataset.DatasetException d -> error(ctx, 422, d.getMessage(), "ds");
            case io.javalin.http.HttpResponseException h -> error(ctx, h.getStatus(), h.getMessage(), null);
            case IllegalArgumentException a -> error(ctx, 400, a.getMessage(), null);
            case IllegalStateException s when s.getMessage() != null && s.getMessage().contains("closed") ->
                    error(ctx, 409, "the dataset changed while it was read; try again", "ds");
            default -> {
                System.err.println("seisproc serve: internal error on " + ctx.method() + " " + ctx.path() + ": " + e);
                e.printStackTrace(System.err);
                error(ctx, 500, "internal error: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                        null);
            }
        }
    }

    private static void error(Context ctx, int status, String message, String parameter) {
        java.util.LinkedHashMap<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("error", message);
        body.put("parameter", parameter);
        ctx.status(status).contentType("application/json").result(new Json().toJsonString(body, Object.class));
    }

    private static boolean isJson(Context ctx) {
        String ct = ctx.res().getContentType();
        return ct != null && ct.startsWith("application/json");
    }

    /// The port the server listens on.
    public int port() {
        return app.port();
    }

    /// The URL to open (with the token when the server is not on loopback).
    public String url() {
        String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        return "http://" + host + ":" + port() + "/" + (options.loopback() ? "" : "?token=" + options.token());
    }

    public ServerOptions options() {
        return options;
    }

    /// The task queue (tests hold it to cancel a queued job deterministically).
    Tasks tasks() {
        return api.tasks();
    }

    @Override
    public void close() {
        app.stop();
        api.close();
    }
}

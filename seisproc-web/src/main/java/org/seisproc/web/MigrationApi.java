package org.seisproc.web;

import io.javalin.http.Context;

/// The handlers of the PSTM wizard and the migration monitor (routes `/api/pstm/...` in
/// [WebServer]'s table): each reads its parameters and calls [MigrationService]. A job the core
/// refuses answers 400 with the server's error shape plus every problem ([JobProblems]).
final class MigrationApi {
    private final MigrationService service;

    MigrationApi(MigrationService service) {
        this.service = service;
    }

    MigrationService service() {
        return service;
    }

    void scan(Context ctx) {
        answer(ctx, () -> ctx.json(service.scan(Json.object(ctx.body()))));
    }

    void velocity(Context ctx) {
        answer(ctx, () -> ctx.json(service.velocity(Json.object(ctx.body()))));
    }

    void check(Context ctx) {
        answer(ctx, () -> ctx.json(service.check(Json.object(ctx.body()))));
    }

    void saveJobFile(Context ctx) {
        answer(ctx, () -> ctx.json(service.save(Json.object(ctx.body()))));
    }

    void loadJobFile(Context ctx) {
        answer(ctx, () -> ctx.json(service.load(Api.required(ctx, "name"))));
    }

    void run(Context ctx) {
        answer(ctx, () -> ctx.status(201).json(service.run(Json.object(ctx.body())).snapshot(0)));
    }

    void pause(Context ctx) {
        MigrationRun r = service.runOf(ctx.pathParam("id"));
        r.pause();
        ctx.json(r.state());
    }

    void unpause(Context ctx) {
        MigrationRun r = service.runOf(ctx.pathParam("id"));
        r.unpause();
        ctx.json(r.state());
    }

    /// The image so far: an inline (`inline`, a number of the output grid) or crossline section.
    void image(Context ctx) {
        MigrationRun r = service.runOf(ctx.pathParam("id"));
        LiveImage image = r.image();
        if (image == null) {
            throw new WebError(409, "id", "migration " + ctx.pathParam("id") + " has not started yet");
        }
        Integer inline = ctx.queryParam("inline") == null || ctx.queryParam("inline").isBlank() ? null : Api.integer(ctx, "inline");
        Integer crossline = ctx.queryParam("crossline") == null || ctx.queryParam("crossline").isBlank() ? null
                : Api.integer(ctx, "crossline");
        ctx.contentType("application/octet-stream").result(image.section(inline, crossline));
    }

    private static void answer(Context ctx, Runnable handler) {
        try {
            handler.run();
        } catch (JobProblems p) {
            ctx.status(p.status()).json(p.body());
        }
    }
}

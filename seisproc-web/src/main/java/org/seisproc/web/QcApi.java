package org.seisproc.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.javalin.http.Context;
import org.seisproc.dataset.DatasetFiles;

/// The handlers of the QC pages (routes `/api/qc/...` and `/api/section...` in [WebServer]):
/// what can be reported on, the report ([QcReports]), QC runs ([QcRuns], [QcBatch]) and the section
/// view of stacks ([SectionService]). Each reads its parameters and calls one service.
final class QcApi {
    private final RootDir root;
    private final Catalog catalog;
    private final QcReports reports;
    private final QcRuns runs;
    private final QcBatch batches;
    private final SectionService sections;

    QcApi(RootDir root, Catalog catalog, OpenDatasets open, Tasks tasks) {
        this.root = root;
        this.catalog = catalog;
        this.reports = new QcReports(root, tasks);
        this.runs = new QcRuns(root, tasks);
        this.batches = new QcBatch(root, tasks);
        this.sections = new SectionService(open);
    }

    /// Datasets (stacks marked), attribute tables, velocity tables, JSON job files and batch QC
    /// outputs under the root, for the QC page's choosers.
    void sources(Context ctx) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Map<String, Object>> datasets = new ArrayList<>();
        for (Catalog.DatasetEntry e : catalog.list().datasets()) {
            if (!e.complete()) {
                continue;
            }
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("path", e.path());
            d.put("traces", e.traces());
            d.put("stack", e.processing().stream().anyMatch(p -> p.startsWith("qc stack") || p.contains("difference stack")));
            datasets.add(d);
        }
        m.put("datasets", datasets);
        List<String> attributes = new ArrayList<>();
        List<String> velocities = new ArrayList<>();
        List<String> jobs = new ArrayList<>();
        List<String> batches = new ArrayList<>();
        walk(root.path(), 0, attributes, velocities, jobs, batches);
        m.put("attributes", attributes);
        m.put("velocityFiles", velocities);
        m.put("jobFiles", jobs);
        m.put("batchOutputs", batches);
        ctx.json(m);
    }

    private void walk(Path dir, int depth, List<String> attributes, List<String> velocities, List<String> jobs, List<String> batches) {
        List<Path> children;
        try (Stream<Path> s = Files.list(dir)) {
            children = s.sorted().toList();
        } catch (IOException e) {
            return;
        }
        if (children.contains(dir.resolve("qc.json"))) {
            batches.add(root.relative(dir));
        }
        for (Path p : children) {
            String name = p.getFileName().toString();
            if (name.startsWith(".") || Files.isSymbolicLink(p)) {
                continue;
            }
            if (Files.isDirectory(p)) {
                if (!Files.exists(p.resolve(DatasetFiles.MANIFEST)) && depth + 1 < Catalog.MAX_DEPTH) {
                    walk(p, depth + 1, attributes, velocities, jobs, batches);
                }
            } else if (name.endsWith(".parquet") && !name.endsWith(".ensembles.parquet")) {
                attributes.add(root.relative(p));
            } else if (name.endsWith(".txt") || name.endsWith(".vel") || name.endsWith(".csv") && !name.endsWith(".bad.csv")) {
                velocities.add(root.relative(p));
            } else if (name.endsWith(".json") && !name.equals("qc.json")) {
                jobs.add(root.relative(p));
            }
        }
    }

    // ---- report

    void buildReport(Context ctx) {
        ctx.status(201).json(reports.submit(Json.object(ctx.body())).snapshot(0));
    }

    void report(Context ctx) {
        ctx.json(reports.content(ctx.pathParam("id")));
    }

    void picture(Context ctx) {
        ctx.contentType("image/png").header("Cache-Control", "no-cache") // ids restart with the server
                .result(reports.picture(ctx.pathParam("id"), ctx.pathParam("name")));
    }

    void badTraces(Context ctx) {
        ctx.json(reports.bad(ctx.pathParam("id"), Api.optionalInt(ctx, "offset", 0), Api.optionalInt(ctx, "limit", 100)));
    }

    void html(Context ctx) {
        String id = ctx.pathParam("id");
        String html = reports.html(id);
        ctx.contentType("text/html; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"qc-report-" + id.replaceAll("[^A-Za-z0-9-]", "") + ".html\"")
                .header("Content-Security-Policy", "default-src 'none'; img-src data:; style-src 'unsafe-inline'")
                .result(html);
    }

    // ---- runs

    void stack(Context ctx) {
        ctx.status(201).json(runs.stack(Json.object(ctx.body())).snapshot(0));
    }

    void attributes(Context ctx) {
        ctx.status(201).json(runs.attributes(Json.object(ctx.body())).snapshot(0));
    }

    void batch(Context ctx) {
        ctx.status(201).json(batches.batch(Json.object(ctx.body())).snapshot(0));
    }

    void batchResult(Context ctx) {
        ctx.json(batches.batchResult(Api.required(ctx, "dir")));
    }

    // ---- section view

    void sectionLayout(Context ctx) {
        ctx.json(sections.layout(Api.required(ctx, "ds")));
    }

    void section(Context ctx) {
        ctx.contentType("application/octet-stream").result(sections.chunk(Api.required(ctx, "ds"), Api.integer(ctx, "e"),
                Api.optionalInt(ctx, "size", SectionService.DEFAULT_CHUNK)));
    }
}

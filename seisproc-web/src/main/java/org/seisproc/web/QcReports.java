package org.seisproc.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.seisproc.dataset.Dataset;
import org.seisproc.dataset.DatasetFiles;
import org.seisproc.headers.HeaderTable;
import org.seisproc.io.parquet.ParquetIO;
import org.seisproc.qc.Flags;
import org.seisproc.qc.QcReport;
import org.seisproc.segy.HeaderField;

/// The QC page's report: [QcReport#build] of a dataset (with an optional stack and attribute
/// table under the root) run as a [Task] with one progress step per section, kept in memory
/// for the page: its pictures served one by one as PNG, its notes and facts as JSON, every
/// flagged trace of the attribute table paged, and the self-contained HTML report as a
/// download (made from memory; nothing is written to disk).
final class QcReports {
    /// Reports kept (the oldest is dropped first).
    static final int KEPT = 6;
    /// Rows per page of the bad-trace list at most.
    static final int MAX_PAGE = 1000;
    private static final List<String> BAD_HEADERS = List.of("fldr", "tracf", "cdp", "offset");

    /// A finished report: its content and every flagged trace (not only the first 200 of the HTML).
    ///
    /// @param badTraces dataset trace numbers of the flagged traces, in trace order
    /// @param badFlags  their flag bits
    /// @param badValues per [#BAD_HEADERS] field the dataset has: its value on each flagged trace
    record Report(String id, String ds, String stack, String attributes, QcReport.Content content, int[] badTraces, int[] badFlags,
                  Map<String, long[]> badValues) {
    }

    private final RootDir root;
    private final Tasks tasks;
    private final Map<String, Report> reports = new LinkedHashMap<>();

    QcReports(RootDir root, Tasks tasks) {
        this.root = root;
        this.tasks = tasks;
    }

    /// `{ "ds": "survey.dataset", "stack": "stack.dataset", "attributes": "a.parquet" }` (stack and
    /// attributes optional): checks the inputs and queues the build.
    Task submit(ObjectNode body) {
        String ds = ProcessingService.text(body, "ds");
        Path dsDir = datasetDir(root, "ds", ds);
        String stack = optional(body, "stack");
        Path stackDir = stack == null ? null : datasetDir(root, "stack", stack);
        String attributes = optional(body, "attributes");
        Path attributesFile = null;
        if (attributes != null) {
            attributesFile = root.resolve("attributes", attributes);
            if (!Files.isRegularFile(attributesFile) || !attributes.endsWith(".parquet")) {
                throw WebError.notFound("attributes", "no attribute table '" + attributes + "' (a .parquet file from QC attributes)"
                        + " in the served folder");
            }
        }
        Path a = attributesFile;
        Task task = tasks.submit("qc-report", "QC report of " + ds + (stack == null ? "" : " with stack " + stack)
                + (attributes == null ? "" : " and attributes " + attributes), t -> {
            t.unit = "steps";
            t.total = QcReport.STEPS;
            try (Dataset d = Dataset.open(dsDir); Dataset st = stackDir == null ? null : Dataset.open(stackDir)) {
                HeaderTable table = a == null ? null : ParquetIO.read(a, List.of("trace", "flags"), null);
                if (table != null) {
                    int max = -1;
                    for (int v : table.ints("trace")) {
                        max = Math.max(max, v);
                    }
                    if (max >= d.traceCount()) {
                        throw WebError.bad("attributes", "the attribute table " + attributes + " has trace " + max + ", but " + ds
                                + " has " + d.traceCount() + " traces: it was computed for another dataset");
                    }
                }
                QcReport.Content c = QcReport.build(d, st, a, step -> {
                    t.checkCancel();
                    t.done.incrementAndGet();
                    t.log(step);
                });
                Report r = badTraces(t.id, ds, stack, attributes, c, d, table);
                synchronized (reports) {
                    reports.put(t.id, r);
                    while (reports.size() > KEPT) {
                        reports.remove(reports.keySet().iterator().next());
                    }
                }
                t.done.set(QcReport.STEPS);
                c.notes().forEach(n -> t.log("note: " + n));
                t.log(c.pictures().size() + " pictures" + (a == null ? "" : ", " + r.badTraces().length + " flagged traces"));
                t.result("report", t.id);
                t.result("pictures", c.pictures().size());
            }
        });
        task.info.put("report", task.id);
        return task;
    }

    /// The folder of the dataset `relative` (request parameter `parameter`): inside the root,
    /// complete (a `dataset.json`, no incomplete marker), else a 4xx naming the parameter.
    static Path datasetDir(RootDir root, String parameter, String relative) {
        Path dir = root.resolve(parameter, relative);
        if (!Files.isRegularFile(dir.resolve(DatasetFiles.MANIFEST))) {
            throw WebError.notFound(parameter, "no dataset '" + relative + "' in the served folder");
        }
        if (Files.exists(dir.resolve(DatasetFiles.INCOMPLETE_MARKER))) {
            throw new WebError(409, parameter, "dataset '" + relative + "' is being written (or a job writing it was interrupted)");
        }
        return dir;
    }

    static String optional(JsonNode body, String field) {
        JsonNode v = body.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }

    private static Report badTraces(String id, String ds, String stack, String attributes, QcReport.Content c, Dataset d, HeaderTable t) {
        if (t == null) {
            return new Report(id, ds, stack, attributes, c, new int[0], new int[0], Map.of());
        }
        int[] trace = t.ints("trace");
        int[] flags = t.ints("flags");
        int n = 0;
        for (int f : flags) {
            n += f != 0 ? 1 : 0;
        }
        int[] bad = new int[n];
        int[] badFlags = new int[n];
        for (int i = 0, j = 0; i < trace.length; i++) {
            if (flags[i] != 0) {
                bad[j] = trace[i];
                badFlags[j++] = flags[i];
            }
        }
        Map<String, long[]> values = new LinkedHashMap<>();
        for (String name : BAD_HEADERS) {
            HeaderField h = d.headerLayout().findOrNull(name);
            if (h == null) {
                continue;
            }
            long[] v = new long[n];
            for (int j = 0; j < n; j++) {
                v[j] = bad[j] >= 0 && bad[j] < d.traceCount() ? d.header(bad[j], h) : 0;
            }
            values.put(name, v);
        }
        return new Report(id, ds, stack, attributes, c, bad, badFlags, values);
    }

    Report get(String id) {
        synchronized (reports) {
            Report r = reports.get(id);
            if (r != null) {
                return r;
            }
        }
        Task t = tasks.get(id); // 404 naming id when there is no such task
        if (!t.finished()) {
            throw new WebError(409, "id", "report " + id + " is still " + t.state.name().toLowerCase(Locale.ROOT));
        }
        throw WebError.notFound("id", t.kind.equals("qc-report") ? "report " + id + " is not kept (it failed, or more than " + KEPT
                + " reports were built since)" : "task " + id + " is not a QC report");
    }

    /// The report as the page shows it: pictures (name, title, URL, PNG size), notes, facts,
    /// counts per bad-trace reason and the number of flagged traces.
    Map<String, Object> content(String id) {
        Report r = get(id);
        QcReport.Content c = r.content();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("ds", r.ds());
        m.put("stack", r.stack());
        m.put("attributes", r.attributes());
        List<Map<String, Object>> pics = new ArrayList<>();
        for (QcReport.Picture p : c.pictures()) {
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("name", p.name());
            q.put("title", p.title());
            q.put("url", "/api/qc/reports/" + id + "/pictures/" + p.name() + ".png");
            q.put("bytes", p.png().length);
            pics.add(q);
        }
        m.put("pictures", pics);
        m.put("notes", c.notes());
        Map<String, String> facts = new LinkedHashMap<>(c.facts());
        facts.replace("dataset", r.ds()); // relative to the served folder, as everywhere on the page
        m.put("facts", facts);
        m.put("badCounts", c.badCounts());
        m.put("badTraces", r.badTraces().length);
        m.put("html", "/api/qc/reports/" + id + "/report.html");
        return m;
    }

    /// The PNG bytes of picture `name` (`fold-map.png` or `fold-map`).
    byte[] picture(String id, String name) {
        String n = name.endsWith(".png") ? name.substring(0, name.length() - 4) : name;
        for (QcReport.Picture p : get(id).content().pictures()) {
            if (p.name().equals(n)) {
                return p.png();
            }
        }
        throw WebError.notFound("name", "report " + id + " has no picture '" + n + "'");
    }

    /// One page of the flagged traces: trace, header values, flag bits and reasons.
    Map<String, Object> bad(String id, int offset, int limit) {
        if (offset < 0) {
            throw WebError.bad("offset", "'offset' must be 0 or more");
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw WebError.bad("limit", "'limit' must be 1.." + MAX_PAGE);
        }
        Report r = get(id);
        List<String> columns = new ArrayList<>();
        columns.add("trace");
        columns.addAll(r.badValues().keySet());
        columns.add("flags");
        columns.add("reasons");
        List<List<Object>> rows = new ArrayList<>();
        for (int j = offset; j < Math.min(r.badTraces().length, offset + limit); j++) {
            List<Object> row = new ArrayList<>();
            row.add(r.badTraces()[j]);
            for (long[] v : r.badValues().values()) {
                row.add(v[j]);
            }
            row.add(r.badFlags()[j]);
            row.add(Flags.describe(r.badFlags()[j]));
            rows.add(row);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("columns", columns);
        m.put("rows", rows);
        m.put("offset", offset);
        m.put("total", r.badTraces().length);
        m.put("attributes", r.attributes());
        return m;
    }

    /// The self-contained HTML report (pictures inline), as `seisproc qc report` writes it.
    String html(String id) {
        return QcReport.html(get(id).content());
    }
}

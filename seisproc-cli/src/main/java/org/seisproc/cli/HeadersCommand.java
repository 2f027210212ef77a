package org.seisproc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.seisproc.segy.HeaderField;
import org.seisproc.segy.SegyFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/// `seisproc headers FILE|DATASET --fields cdp,offset [--traces 0:10] [--where ...] [--limit N] [--csv|--json]`.
@Command(name = "headers", header = "Prints trace header fields of a SEG-Y/SU file or a dataset, one row per trace.", mixinStandardHelpOptions = true,
        description = {"Prints trace header fields of a SEG-Y/SU file or a dataset, one row per trace.",
                "On a dataset the fields come from headers.parquet (via the header cache) and may be filtered with --where.",
                "Fields by SU short name (cdp, offset, sx, ...) or long name (ensemble_number, ...); 'seisproc fields' lists them."})
final class HeadersCommand extends CliCommand {
    static final String DEFAULT_FIELDS = "tracl,fldr,tracf,cdp,offset,sx,sy,gx,gy,iline,xline";

    @Parameters(index = "0", paramLabel = "FILE|DATASET")
    Path file;

    @Option(names = "--where", paramLabel = "FILTER",
            description = "Datasets: rows to keep, e.g. \"cdp between 100 and 200 and offset < 500\", \"fldr in (1,2,3)\".")
    String where;

    @Option(names = "--limit", paramLabel = "N", description = "Print at most N rows (N >= 0).")
    Long limit;

    @Mixin
    ParquetMixin parquet;

    @Option(names = "--fields", split = ",", paramLabel = "NAME",
            defaultValue = DEFAULT_FIELDS,
            description = "Comma-separated fields (default: ${DEFAULT-VALUE}).")
    List<String> fields;

    @Option(names = "--traces", paramLabel = "START:STOP[:STEP]",
            description = "0-based trace range, stop exclusive, like Python slices (default: all).")
    String traces;

    @Option(names = "--csv", description = "Comma-separated values with a header row.")
    boolean csv;

    @Option(names = "--json", description = "A JSON array with one object per trace.")
    boolean json;

    @Mixin
    ReadMixin read;

    /// `headers FILE|DATASET` with no options but `--where`, `--fields`, `--limit`, `--csv` and
    /// `--json` (each at most once, `--name value` or `--name=value`), parsed without picocli: the
    /// command with its options set as picocli sets them; null for anything else (then picocli
    /// parses: help, every other option, errors, argument files, values that start with `-`).
    /// picocli builds its model of a command from the annotations, and each annotation type is a
    /// proxy class generated at run time: ~0.07 s of a fresh process, a quarter of a `--where`
    /// query on 22.3 M traces. `QuickArgumentsTest` holds this parse to picocli's.
    static HeadersCommand quick(String... args) {
        if (args.length < 2 || !args[0].equals("headers")) {
            return null;
        }
        HeadersCommand c = new HeadersCommand();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("@")) {
                return null;   // picocli's argument file
            }
            if (!a.startsWith("-")) {
                if (c.file != null) {
                    return null;
                }
                c.file = Path.of(a);
                continue;
            }
            int eq = a.indexOf('=');
            String name = eq < 0 ? a : a.substring(0, eq);
            if (!seen.add(name)) {
                return null;
            }
            if (name.equals("--csv") || name.equals("--json")) {
                if (eq >= 0) {
                    return null;
                }
                c.csv |= name.equals("--csv");
                c.json |= name.equals("--json");
                continue;
            }
            if (!name.equals("--where") && !name.equals("--fields") && !name.equals("--limit")) {
                return null;
            }
            String value = eq >= 0 ? a.substring(eq + 1) : ++i < args.length ? args[i] : null;
            if (value == null || value.startsWith("-") || value.startsWith("@")) {
                return null;
            }
            switch (name) {
                case "--where" -> c.where = value;
                case "--fields" -> {
                    c.fields = new ArrayList<>(List.of(value.split(",", -1)));
                    if (value.contains("\"") || c.fields.contains("")) {
                        return null;
                    }
                }
                default -> {
                    try {
                        c.limit = Long.valueOf(value);
                    } catch (NumberFormatException e) {
                        return null;
                    }
                }
            }
        }
        if (c.file == null) {
            return null;
        }
        if (c.fields == null) {
            c.fields = new ArrayList<>(List.of(DEFAULT_FIELDS.split(",")));
        }
        c.parquet = new ParquetMixin();
        c.read = new ReadMixin();
        return c;
    }

    @Override
    int run(PrintWriter out, PrintWriter err) {
        if (csv && json) {
            throw new UsageException("--csv and --json exclude each other");
        }
        if (limit != null && limit < 0) {
            throw new UsageException("--limit must be >= 0 (it is " + limit + ")");
        }
        TraceRange range = traces != null ? TraceRange.parse(traces) : TraceRange.all();
        if (java.nio.file.Files.isDirectory(file)) {
            return datasetHeaders(out, range);
        }
        if (where != null) {
            throw new UsageException("--where works on datasets; import the file first (seisproc import)");
        }
        try (SegyFile f = SegyFile.open(file, read.options())) {
            List<HeaderField> selected = UsageException.parsing("--fields", () -> f.layout().fields(fields));
            range.requireWithin(f.traceCount(), traces);
            long first = range.first(f.traceCount());
            long end = range.end(f.traceCount());
            long maxRows = limit != null ? limit : Long.MAX_VALUE;
            if (json) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (long t = first; t < end && rows.size() < maxRows; t += range.step()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("trace", t);
                    for (HeaderField h : selected) {
                        row.put(h.name(), value(f, t, h));
                    }
                    rows.add(row);
                }
                out.println(Json.pretty(rows));
                return Main.OK;
            }
            StringBuilder text = new StringBuilder();
            TableOutput.cell(text, "trace", csv, 10, false);
            for (HeaderField h : selected) {
                TableOutput.cell(text, h.name(), csv, 11, true);
            }
            TableOutput.endLine(out, text);
            long printed = 0;
            for (long t = first; t < end && printed++ < maxRows; t += range.step()) {
                TableOutput.cell(text, Long.toString(t), csv, 10, false);
                for (HeaderField h : selected) {
                    TableOutput.cell(text, String.valueOf(value(f, t, h)), csv, 11, true);
                }
                TableOutput.endLine(out, text);
            }
            out.print(text);
            out.flush();
        }
        return Main.OK;
    }

    private Integer datasetHeaders(PrintWriter out, TraceRange range) {
        parquet.apply();
        java.nio.file.Path table = file.resolve(org.seisproc.dataset.DatasetFiles.HEADERS_PARQUET);
        org.seisproc.dataset.DatasetManifest.read(file);
        org.seisproc.io.parquet.Filter filter = where != null ? UsageException.parsing("--where", () -> org.seisproc.io.parquet.Filter.parse(where))
                : org.seisproc.io.parquet.Filter.ALL;
        if (filter != org.seisproc.io.parquet.Filter.ALL && traces != null) {
            throw new UsageException("use either --traces or --where");
        }
        long maxRows = limit != null ? limit : Long.MAX_VALUE;
        long[][] numbers = {null};
        org.seisproc.headers.HeaderTable t = parquet.read(table, fields, filter, maxRows, count -> {
            range.requireWithin(count, traces);
            long first = range.first(count);
            long end = range.end(count);
            int n = (int) Math.min(maxRows, Math.max(0, (end - first + range.step() - 1) / range.step()));
            int[] rows = new int[n];
            numbers[0] = new long[n];
            for (int i = 0; i < n; i++) {
                rows[i] = (int) (first + i * range.step());
                numbers[0][i] = rows[i];
            }
            return rows;
        });
        long[] rowNumbers = numbers[0];
        TableOutput.print(out, t, rowNumbers, "trace", csv, json);
        return Main.OK;
    }

    private static Object value(SegyFile f, long trace, HeaderField h) {
        return h.type().isInteger() ? (Object) f.header(trace, h) : (Object) f.headerDouble(trace, h);
    }
}

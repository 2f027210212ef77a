package org.seisproc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.seisproc.segy.HeaderField;
import org.seisproc.segy.SegyFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/// `seisproc headers FILE --fields cdp,offset [--traces 0:10] [--csv|--json]`.
@Command(name = "headers", mixinStandardHelpOptions = true,
        description = {"Prints trace header fields of a SEG-Y or SU file, one row per trace.",
                "Fields by SU short name (cdp, offset, sx, ...) or long name (ensemble_number, ...); 'seisproc fields' lists them."})
final class HeadersCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Option(names = "--fields", split = ",", paramLabel = "NAME",
            defaultValue = "tracl,fldr,tracf,cdp,offset,sx,sy,gx,gy,iline,xline",
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

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (csv && json) {
            throw new UsageException("--csv and --json exclude each other");
        }
        PrintWriter out = spec.commandLine().getOut();
        TraceRange range = traces != null ? TraceRange.parse(traces) : TraceRange.all();
        try (SegyFile f = SegyFile.open(file, read.options())) {
            List<HeaderField> selected = f.layout().fields(fields);
            long first = range.first(f.traceCount());
            long end = range.end(f.traceCount());
            if (json) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (long t = first; t < end; t += range.step()) {
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
            StringBuilder line = new StringBuilder();
            if (csv) {
                line.append("trace");
                for (HeaderField h : selected) {
                    line.append(',').append(h.name());
                }
            } else {
                line.append(String.format("%10s", "trace"));
                for (HeaderField h : selected) {
                    line.append(String.format(" %11s", h.name()));
                }
            }
            out.println(line);
            for (long t = first; t < end; t += range.step()) {
                line.setLength(0);
                line.append(csv ? Long.toString(t) : String.format("%10d", t));
                for (HeaderField h : selected) {
                    Object v = value(f, t, h);
                    line.append(csv ? "," + v : String.format(" %11s", v));
                }
                out.println(line);
            }
        }
        return Main.OK;
    }

    private static Object value(SegyFile f, long trace, HeaderField h) {
        return h.type().isInteger() ? (Object) f.header(trace, h) : (Object) f.headerDouble(trace, h);
    }
}

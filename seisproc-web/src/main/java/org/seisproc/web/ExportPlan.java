package org.seisproc.web;

import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.seisproc.dataset.Dataset;
import org.seisproc.dataset.DatasetFiles;
import org.seisproc.dataset.DatasetShape;
import org.seisproc.dataset.DatasetWriter;
import org.seisproc.headers.HeaderTable;
import org.seisproc.io.parquet.Filter;
import org.seisproc.io.parquet.HeaderCache;
import org.seisproc.segy.HeaderField;
import org.seisproc.segy.HeaderLayout;
import org.seisproc.segy.HeaderType;

/// What an export writes beyond "the dataset as it is": the traces a filter selects, the noise
/// (input − processed) of two compatible datasets instead of the data, and a header mapping
/// (header-table column → SEG-Y byte and type) written into each trace header. Such an export
/// first writes a hidden dataset inside the root (`.seisproc-tmp/`), which the exporter then
/// writes out like any other; it is deleted afterwards.
///
/// @param selected dataset traces to export, in order (null: all)
/// @param input    for a noise export, the input dataset (noise = input − processed); else null
/// @param mapping  header mapping (may be empty)
record ExportPlan(int[] selected, Dataset input, List<Mapping> mapping) {
    /// One mapping: the value of `column` (a header field of the dataset) written at `target`.
    record Mapping(HeaderField column, HeaderField target) {
        String describe() {
            return column.name() + " -> byte " + target.bytePosition() + " " + target.type().specName();
        }
    }

    boolean trivial() {
        return selected == null && input == null && mapping.isEmpty();
    }

    /// Reads and checks `where`, `input` (noise) and `mapping` of an export request.
    static ExportPlan of(JsonNode body, Dataset processed, OpenDatasets open) {
        String where = body.path("where").asText("");
        int[] selected = where.isBlank() ? null : select(processed, where);
        Dataset input = null;
        if ("noise".equals(body.path("content").asText("data"))) {
            String in = body.path("input").asText("");
            if (in.isBlank()) {
                throw WebError.bad("input", "a noise export needs 'input': the dataset the processed one was made from");
            }
            input = open.dataset(in);
            if (input.traceCount() != processed.traceCount() || input.samplesPerTrace() != processed.samplesPerTrace()) {
                throw WebError.bad("input", "'" + in + "' (" + input.traceCount() + " traces x " + input.samplesPerTrace()
                        + " samples) is not compatible with the processed dataset (" + processed.traceCount() + " x "
                        + processed.samplesPerTrace() + "); noise = input - processed needs the same traces and samples");
            }
        } else if (!"data".equals(body.path("content").asText("data"))) {
            throw WebError.bad("content", "'content' is data or noise");
        }
        return new ExportPlan(selected, input, mapping(processed, body.get("mapping")));
    }

    /// The traces of `d` whose headers pass `where`, through the header cache of `headers.parquet`.
    static int[] select(Dataset d, String where) {
        Filter filter;
        try {
            filter = Filter.parse(where);
        } catch (IllegalArgumentException e) {
            throw WebError.bad("where", e.getMessage());
        }
        for (String c : filter.columns()) {
            if (d.headerLayout().findOrNull(c.toLowerCase(Locale.ROOT)) == null) {
                throw WebError.bad("where", "the filter reads '" + c + "', which is not a header column");
            }
        }
        try (HeaderCache cache = HeaderCache.open(d.dir().resolve(DatasetFiles.HEADERS_PARQUET), List.copyOf(filter.columns()))) {
            HeaderTable t = cache.toTable();
            boolean[] mask = filter.mask(t);
            int n = 0;
            for (boolean b : mask) {
                n += b ? 1 : 0;
            }
            if (n == 0) {
                throw WebError.bad("where", "no trace passes '" + where + "'");
            }
            int[] rows = new int[n];
            for (int i = 0, j = 0; i < mask.length; i++) {
                if (mask[i]) {
                    rows[j++] = i;
                }
            }
            return rows;
        }
    }

    /// Parses and checks a header mapping: known columns, bytes inside the 240-byte header, no
    /// two targets overlapping. Every refusal names the entry.
    static List<Mapping> mapping(Dataset d, JsonNode json) {
        List<Mapping> out = new ArrayList<>();
        if (json == null || json.isNull()) {
            return out;
        }
        if (!json.isArray()) {
            throw WebError.bad("mapping", "'mapping' is a list of {column, byte, type}");
        }
        HeaderLayout layout = d.headerLayout();
        for (int i = 0; i < json.size(); i++) {
            JsonNode m = json.get(i);
            String where = "mapping[" + i + "]";
            String column = m.path("column").asText("").trim().toLowerCase(Locale.ROOT);
            HeaderField source = layout.findOrNull(column);
            if (source == null) {
                throw WebError.bad("mapping", where + ": '" + column + "' is not a header-table column of the dataset");
            }
            int position = m.path("byte").asInt(-1);
            HeaderType type;
            try {
                type = HeaderType.parse(m.path("type").asText(""));
            } catch (IllegalArgumentException e) {
                throw WebError.bad("mapping", where + ": type '" + m.path("type").asText("") + "' is not a header type"
                        + " (int8 uint8 int16 uint16 int32 uint32 int64 uint64 float32 float64 ibm32)");
            }
            int last = position + type.bytes() - 1;
            if (position < 1 || last > HeaderLayout.TRACE_HEADER_BYTES) {
                throw WebError.bad("mapping", where + " (" + column + "): bytes " + position + "-" + last + " are outside the "
                        + HeaderLayout.TRACE_HEADER_BYTES + "-byte trace header (1-" + HeaderLayout.TRACE_HEADER_BYTES + ")");
            }
            Mapping mine = new Mapping(source, new HeaderField(column, position, type));
            for (int k = 0; k < out.size(); k++) {
                HeaderField o = out.get(k).target();
                if (position <= o.lastBytePosition() && o.bytePosition() <= last) {
                    throw WebError.bad("mapping", where + " (" + mine.describe() + ", bytes " + position + "-" + last
                            + ") overlaps mapping[" + k + "] (" + out.get(k).describe() + ", bytes " + o.bytePosition() + "-"
                            + o.lastBytePosition() + ")");
                }
            }
            out.add(mine);
        }
        return out;
    }

    /// The first `n` exported traces as the mapping writes them: values, bytes written (hex),
    /// and the value read back from those bytes.
    List<Map<String, Object>> preview(Dataset d, int n) {
        List<Map<String, Object>> rows = new ArrayList<>();
        long count = selected != null ? selected.length : d.traceCount();
        for (int j = 0; j < Math.min(n, count); j++) {
            int trace = selected != null ? selected[j] : j;
            MemorySegment header = MemorySegment.ofArray(new byte[d.traceHeaderBytes()]);
            MemorySegment.copy(d.traceHeader(trace), 0, header, 0, d.traceHeaderBytes());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("trace", trace);
            List<Map<String, Object>> fields = new ArrayList<>();
            for (Mapping m : mapping) {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("column", m.column().name());
                double value = value(d, trace, m.column());
                write(header, d, m.target(), value);
                f.put("value", value);
                byte[] bytes = header.asSlice(m.target().offset(), m.target().type().bytes()).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
                f.put("bytes", HexFormat.ofDelimiter(" ").formatHex(bytes));
                f.put("readBack", m.target().type().isInteger() ? (double) m.target().readLong(header, 0, d.headerByteOrder())
                        : m.target().readDouble(header, 0, d.headerByteOrder()));
                fields.add(f);
            }
            row.put("fields", fields);
            rows.add(row);
        }
        return rows;
    }

    private static double value(Dataset d, long trace, HeaderField column) {
        return column.type().isInteger() ? (double) d.header(trace, column)
                : column.readDouble(d.traceHeaders(), trace * d.traceHeaderBytes(), d.headerByteOrder());
    }

    private static void write(MemorySegment header, Dataset d, HeaderField target, double value) {
        if (target.type().isInteger()) {
            target.write(header, 0, d.headerByteOrder(), Math.round(value));
        } else {
            target.write(header, 0, d.headerByteOrder(), value);
        }
    }

    /// Writes the dataset to export at `target` (inside the root): the selected traces of
    /// `processed` (or input − processed), headers copied, the mapping applied; committed.
    void writeDataset(Dataset processed, Path target, Task task) {
        long n = selected != null ? selected.length : processed.traceCount();
        DatasetShape shape = DatasetShape.of(processed).withTraces(n);
        String step = "export selection" + (selected != null ? " (" + n + " of " + processed.traceCount() + " traces)" : "")
                + (input != null ? "; noise = " + input.dir().getFileName() + " - " + processed.dir().getFileName() : "")
                + (mapping.isEmpty() ? "" : "; header mapping " + mapping.stream().map(Mapping::describe).toList());
        int ns = processed.samplesPerTrace();
        float[] a = new float[ns];
        float[] b = new float[ns];
        MemorySegment header = MemorySegment.ofArray(new byte[processed.traceHeaderBytes()]);
        try (DatasetWriter w = DatasetWriter.create(processed, target, shape, step, true, false)) {
            if (input == null) {
                w.sourceTraces(t -> selected != null ? selected[(int) t] : t);
            }
            for (int j = 0; j < n; j++) {
                if (task.cancel.get()) {
                    w.close(false);
                    return;
                }
                int t = selected != null ? selected[j] : j;
                processed.readTrace(t, b, 0);
                if (input != null) {
                    input.readTrace(t, a, 0);
                    for (int i = 0; i < ns; i++) {
                        b[i] = a[i] - b[i];
                    }
                }
                w.writeTrace(j, b, 0);
                MemorySegment.copy(processed.traceHeader(t), 0, header, 0, processed.traceHeaderBytes());
                for (Mapping m : mapping) {
                    write(header, processed, m.target(), value(processed, t, m.column()));
                }
                w.writeHeader(j, header, 0);
            }
            w.commit();
        }
    }
}

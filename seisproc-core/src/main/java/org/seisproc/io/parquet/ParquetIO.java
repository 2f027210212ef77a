package org.seisproc.io.parquet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import org.seisproc.headers.HeaderTable;

/// The one door to Parquet: every component that reads or writes trace-header tables goes
/// through here, so the backend is switchable (and benchmarkable) in one place.
///
/// The reader backend is Hardwood unless the system property `seisproc.parquet.backend` (or the
/// CLI's `--parquet-backend`) says `duckdb`; writing always uses DuckDB.
///
/// ```java
/// HeaderTable t = ParquetIO.read(path, List.of("cdp", "offset"), Filter.parse("cdp between 100 and 200"));
/// HeaderTable u = ParquetIO.scan(path).select("cdp", "offset").filter("offset < 500").limit(10).collect();
/// ```
public final class ParquetIO {
    /// The system property choosing the reader backend.
    public static final String BACKEND_PROPERTY = "seisproc.parquet.backend";

    private ParquetIO() {
    }

    /// The configured reader backend.
    public static ParquetBackend backend() {
        return backend(System.getProperty(BACKEND_PROPERTY, "hardwood"));
    }

    /// The backend called `name` (hardwood, duckdb).
    public static ParquetBackend backend(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "hardwood" -> new HardwoodBackend();
            case "duckdb" -> new DuckDbBackend();
            default -> throw new IllegalArgumentException("unknown Parquet backend '" + name + "': use hardwood or duckdb");
        };
    }

    /// Reads `columns` (all when empty) of the rows passing `filter` (null: every row).
    public static HeaderTable read(Path file, List<String> columns, Filter filter) {
        return backend().read(file, columns, filter == null ? Filter.ALL : filter);
    }

    /// A lazy query on `file`; nothing is read until [Scan#collect].
    public static Scan scan(Path file) {
        return new Scan(file, backend(), List.of(), Filter.ALL, -1);
    }

    /// The file's columns, types and row counts.
    public static ParquetSchema schema(Path file) {
        return backend().schema(file);
    }

    /// The system property choosing the writer: `native` (default) or `duckdb`.
    public static final String WRITER_PROPERTY = "seisproc.parquet.writer";

    /// Writes `table` (atomically) with the configured writer.
    public static void write(HeaderTable table, Path file, WriteOptions options) {
        java.util.Map<String, String> types = new java.util.LinkedHashMap<>();
        table.columns().forEach((k, v) -> types.put(k, v.typeName()));
        try (TableWriter w = writer(file, types, options)) {
            w.append(table);
            w.commit();
        }
    }

    /// A batched writer (for tables too large to build at once) with the configured writer:
    /// [NativeParquetWriter] unless `seisproc.parquet.writer` is `duckdb`.
    public static TableWriter writer(Path file, java.util.Map<String, String> columns, WriteOptions options) {
        return writer(System.getProperty(WRITER_PROPERTY, "native"), file, columns, options);
    }

    /// A batched writer by name: `native` or `duckdb`.
    public static TableWriter writer(String name, Path file, java.util.Map<String, String> columns, WriteOptions options) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "native" -> new NativeParquetWriter(file, columns, options);
            case "duckdb" -> DuckDbBackend.writer(file, columns, options);
            default -> throw new IllegalArgumentException("unknown Parquet writer '" + name + "': use native or duckdb");
        };
    }

    /// Batches of at most `batchRows` rows, read lazily: memory stays bounded by one batch.
    public static Iterator<HeaderTable> stream(Path file, List<String> columns, int batchRows) {
        if (batchRows < 1) {
            throw new IllegalArgumentException("batch size must be positive");
        }
        return backend().stream(file, columns, batchRows);
    }

    /// A composable lazy query: projection, filter, limit.
    public record Scan(Path file, ParquetBackend backend, List<String> columns, Filter filter, long limit) {
        public Scan select(String... names) {
            return new Scan(file, backend, List.of(names), filter, limit);
        }

        /// Adds a filter (and-ed with any earlier one).
        public Scan filter(Filter f) {
            Filter combined = filter == Filter.ALL ? f : new Filter.And(List.of(filter, f));
            return new Scan(file, backend, columns, combined, limit);
        }

        public Scan filter(String text) {
            return filter(Filter.parse(text));
        }

        public Scan limit(long n) {
            return new Scan(file, backend, columns, filter, n);
        }

        public Scan using(ParquetBackend b) {
            return new Scan(file, b, columns, filter, limit);
        }

        /// Runs the query.
        public HeaderTable collect() {
            HeaderTable t = backend.read(file, columns, filter);
            return limit >= 0 && limit < t.rows() ? t.head((int) limit) : t;
        }
    }

    // ---- shared helpers for the backends ----

    static void requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ParquetException(file, Files.isDirectory(file) ? "is a directory, not a Parquet file"
                    : "no such file; check the path");
        }
    }

    static ParquetException unreadable(Path file, Exception e) {
        String m = e.getMessage() != null ? e.getMessage().lines().findFirst().orElse("") : e.getClass().getSimpleName();
        return new ParquetException(file, "not a readable Parquet file (" + m + "); it may be truncated or corrupt:"
                + " write it again", e);
    }

    /// The fields for `columns` (all when empty), with clear errors for unknown names.
    static List<ParquetSchema.Field> resolve(Path file, ParquetSchema schema, List<String> columns) {
        if (columns.isEmpty()) {
            return schema.fields();
        }
        List<ParquetSchema.Field> out = new ArrayList<>();
        for (String name : columns) {
            ParquetSchema.Field f = null;
            for (String alias : org.seisproc.segy.HeaderLayout.aliases(name)) {
                f = f != null ? f : schema.field(alias);
            }
            if (f == null) {
                throw new ParquetException(file, "no column '" + name + "'; the file has "
                        + schema.fields().stream().map(ParquetSchema.Field::name).toList());
            }
            out.add(f);
        }
        return out;
    }

    /// The numeric type of a field, or a clear error.
    static String numeric(Path file, ParquetSchema.Field f) {
        return switch (f.type()) {
            case "int32", "int64", "float", "double" -> f.type();
            default -> throw new ParquetException(file, "column '" + f.name() + "' is " + f.type() + ", not a number");
        };
    }
}

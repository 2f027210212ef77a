package org.seisproc.io.parquet;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

import org.seisproc.headers.HeaderTable;

/// One implementation of Parquet access. Every component reads and writes trace headers through
/// [ParquetIO], which delegates to the configured backend; the backends pass the same tests and
/// a differential test checks they return identical tables.
public interface ParquetBackend {
    /// The backend's name (`hardwood`, `duckdb`).
    String name();

    /// Reads `columns` (all when empty) of the rows passing `filter`.
    HeaderTable read(Path file, List<String> columns, Filter filter);

    /// Batches of at most `batchRows` rows of `columns`, read lazily (bounded memory).
    Iterator<HeaderTable> stream(Path file, List<String> columns, int batchRows);

    /// The file's columns and row counts.
    ParquetSchema schema(Path file);

    /// Writes `table` to `file` (atomically: temp file + rename).
    void write(HeaderTable table, Path file, WriteOptions options);
}

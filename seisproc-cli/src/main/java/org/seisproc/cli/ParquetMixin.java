package org.seisproc.cli;

import java.nio.file.Path;
import java.util.List;

import org.seisproc.headers.HeaderTable;
import org.seisproc.io.parquet.Filter;
import org.seisproc.io.parquet.HeaderCache;
import org.seisproc.io.parquet.ParquetIO;
import picocli.CommandLine.Option;

/// Options of commands that read header tables: the Parquet backend and the header cache.
final class ParquetMixin {
    @Option(names = "--parquet-backend", paramLabel = "hardwood|duckdb",
            description = "Parquet reader (default: hardwood; duckdb is the fallback).")
    String backend;

    @Option(names = "--no-cache", description = "Read headers.parquet directly instead of the memory-mapped header cache.")
    boolean noCache;

    /// Applies the backend choice for this run.
    void apply() {
        if (backend != null) {
            ParquetIO.backend(backend);    // validates the name (usage error otherwise)
            System.setProperty(ParquetIO.BACKEND_PROPERTY, backend);
        }
    }

    /// Reads `columns` of `table`: the rows passing `filter` (at most `limit` of them) or, when
    /// `filter` is [Filter#ALL], the rows `rowsOf.apply(rowCount)`. Through the header cache
    /// (mapped column files, rebuilt when the Parquet file changed) only the filter's columns are
    /// scanned and only the chosen rows of the others are read; with --no-cache the Parquet file is
    /// read (filter pushed down) and the rows picked from it.
    HeaderTable read(Path table, List<String> columns, Filter filter, long limit, java.util.function.LongFunction<int[]> rowsOf) {
        if (noCache) {
            HeaderTable t = ParquetIO.read(table, columns, filter);
            if (filter == Filter.ALL) {
                int[] rows = rowsOf.apply(t.rows());
                return t.select(rows, rows.length);
            }
            return limit < t.rows() ? t.head((int) limit) : t;
        }
        List<String> needed = new java.util.ArrayList<>(columns);
        for (String c : filter.columns()) {
            if (needed.stream().noneMatch(x -> x.equalsIgnoreCase(c))) {
                needed.add(c);
            }
        }
        try (HeaderCache cache = HeaderCache.open(table, needed)) {
            int[] rows = filter == Filter.ALL ? rowsOf.apply(cache.rows()) : cache.matchingRows(filter, limit);
            return cache.select(columns, rows);
        }
    }
}

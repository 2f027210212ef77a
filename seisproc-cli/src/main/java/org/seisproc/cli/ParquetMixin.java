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

    /// Reads `columns` of `table` passing `filter`: through the header cache (mapped column
    /// files, rebuilt when the Parquet file changed) unless --no-cache.
    HeaderTable read(Path table, List<String> columns, Filter filter) {
        if (noCache) {
            return ParquetIO.read(table, columns, filter);
        }
        List<String> needed = new java.util.ArrayList<>(columns);
        for (String c : filter.columns()) {
            if (needed.stream().noneMatch(x -> x.equalsIgnoreCase(c))) {
                needed.add(c);
            }
        }
        try (HeaderCache cache = HeaderCache.open(table, needed)) {
            HeaderTable all = cache.toTable();
            HeaderTable kept = filter == Filter.ALL ? all : all.select(filter.mask(all));
            return kept.project(columns);
        }
    }
}

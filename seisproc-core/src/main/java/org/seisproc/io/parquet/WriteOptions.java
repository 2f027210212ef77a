package org.seisproc.io.parquet;

/// How to write Parquet: compression codec (zstd, snappy, gzip, uncompressed) and rows per row group.
public record WriteOptions(String compression, int rowGroupRows) {
    public WriteOptions {
        if (!java.util.Set.of("zstd", "snappy", "gzip", "uncompressed").contains(compression)) {
            throw new IllegalArgumentException("compression must be zstd, snappy, gzip or uncompressed, not " + compression);
        }
        if (rowGroupRows < 1) {
            throw new IllegalArgumentException("row group size must be positive");
        }
    }

    /// zstd, 131,072-row groups (readable by Polars, DuckDB, Spark). Row groups this size keep
    /// the writer's buffers small enough to live and die in the young generation (1 M-row groups
    /// of a 92-column header table cost seconds of garbage-collector copying per import) and give
    /// filters a finer grain to skip by.
    public static WriteOptions defaults() {
        return new WriteOptions("zstd", 1 << 17);
    }
}

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

    /// zstd, 1,048,576-row groups (readable by Polars, DuckDB, Spark).
    public static WriteOptions defaults() {
        return new WriteOptions("zstd", 1 << 20);
    }
}

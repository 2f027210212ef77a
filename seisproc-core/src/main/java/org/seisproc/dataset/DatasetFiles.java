package org.seisproc.dataset;

/// The names of the files in a dataset directory (see `docs/dataset-format.md`).
public final class DatasetFiles {
    public static final String MANIFEST = DatasetManifest.FILE_NAME;
    public static final String TEXTUAL = "textual.bin";
    public static final String BINARY = "binary.bin";
    public static final String TRACE_HEADERS = "trace-headers.bin";
    public static final String HEADERS_PARQUET = "headers.parquet";
    public static final String RAW_EXCEPTIONS = "raw-exceptions.bin";
    public static final String SOURCES = "sources";
    public static final String INDEX = "index";
    /// Per-chunk CRC32C codes of the data files, written at every commit (see `verify`).
    public static final String CHUNK_CRCS = "chunks.crc32c.json";
    /// Present while a dataset is being written; a directory with it is incomplete.
    public static final String INCOMPLETE_MARKER = ".incomplete";

    private DatasetFiles() {
    }

    /// `sources/<i>.header.bin`: the i-th source file's bytes before its first trace.
    public static String sourceHeader(int i) {
        return SOURCES + "/" + i + ".header.bin";
    }

    /// `sources/<i>.trailer.bin`: the i-th source file's bytes after its last trace.
    public static String sourceTrailer(int i) {
        return SOURCES + "/" + i + ".trailer.bin";
    }
}

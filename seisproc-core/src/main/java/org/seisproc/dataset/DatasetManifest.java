package org.seisproc.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/// `dataset.json`: what a dataset holds and where it came from (format documented in
/// `docs/dataset-format.md`). Written last, atomically: a directory without it is not a dataset.
///
/// @param formatVersion        version of the on-disk layout ([#FORMAT_VERSION])
/// @param traces               number of traces
/// @param samplesPerTrace      samples per trace
/// @param sampleIntervalMicros sample interval (µs)
/// @param sampleType           `float32` or `float64` (the store, little-endian)
/// @param traceHeaderBytes     bytes of raw trace headers per trace in `trace-headers.bin` (240 × (1 + additional))
/// @param source               the SEG-Y/SU file(s) it was imported from
/// @param headerSchema         the decoded trace header fields (columns of `headers.parquet`)
/// @param checksums            content checksums
/// @param rawSampleExceptions  traces whose source sample bytes are kept verbatim in `raw-exceptions.bin`
///                             because re-encoding their (exact) values would not give the same bytes
/// @param processing           what changed the dataset after import (empty: unmodified)
/// @param created              ISO-8601 creation time
/// @param generator            the program that wrote it
@JsonIgnoreProperties(ignoreUnknown = true)
public record DatasetManifest(int formatVersion, long traces, int samplesPerTrace, double sampleIntervalMicros,
                              String sampleType, int traceHeaderBytes, Source source, List<Column> headerSchema,
                              Checksums checksums, List<RawException> rawSampleExceptions, List<String> processing,
                              String created, String generator) {
    /// The layout version this code writes and reads.
    public static final int FORMAT_VERSION = 1;
    public static final String FILE_NAME = "dataset.json";

    /// The mapper that writes manifests, built on the first write: reading needs none ([JsonTree]).
    private static final class Writer {
        static final ObjectMapper JSON = new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /// Where the samples and headers came from.
    ///
    /// @param kind                   `segy` or `su`
    /// @param format                 SEG-Y sample format code
    /// @param byteOrder              `big` or `little`
    /// @param revision               "major.minor" as in bytes 3501–3502
    /// @param extendedTextHeaders    extended textual headers of the first file
    /// @param additionalTraceHeaders additional 240-byte trace headers per trace
    /// @param files                  the input files in trace order
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Source(String kind, int format, String byteOrder, String revision, int extendedTextHeaders,
                         int additionalTraceHeaders, List<SourceFile> files) {
    }

    /// One input file: its traces are dataset traces `firstTrace .. firstTrace + traces - 1`;
    /// its bytes before trace 0 are `sources/<index>.header.bin`, after the last trace
    /// `sources/<index>.trailer.bin`.
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SourceFile(String path, long bytes, long firstTrace, long traces, int format, String byteOrder,
                             long headerBytes, long trailerBytes, String lastModified) {
    }

    /// A decoded header column: name, 1-based byte position in the trace header, type.
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Column(String name, int bytePosition, String type, String longName) {
    }

    /// Content checksums: SHA-256 of the samples as float32 little-endian trace after trace (the
    /// `seisproc checksum` convention) and of `trace-headers.bin`.
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Checksums(String samplesSha256, String traceHeadersSha256) {
    }

    /// A trace whose source bytes are kept: the bytes live at `offset` of `raw-exceptions.bin`.
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RawException(long trace, long offset, int length) {
    }

    public SampleType storeType() {
        return SampleType.ofJson(sampleType);
    }

    /// Reads `dataset.json` of `dir`; a clear error when it is missing, unreadable or newer than
    /// this program.
    public static DatasetManifest read(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.exists(dir)) {
            org.seisproc.dataset.internal.TargetDir.recover(dir); // a replacement cut between its two renames: finish it
        }
        if (!Files.isRegularFile(file)) {
            if (Files.isRegularFile(dir) ) {
                throw new DatasetException(dir, "is a file, not a dataset directory (use 'seisproc import' to make one)");
            }
            boolean incomplete = Files.exists(dir.resolve(DatasetFiles.INCOMPLETE_MARKER));
            throw new DatasetException(dir, incomplete
                    ? org.seisproc.dataset.internal.TargetDir.describeIncomplete(dir)
                    : !Files.exists(dir) ? "not a dataset: no such directory"
                    : "not a dataset: " + FILE_NAME + " is missing (use 'seisproc import' to make one)");
        }
        DatasetManifest m;
        try {
            m = fromJson(org.seisproc.io.JsonTree.read(file));
        } catch (IOException | IllegalArgumentException e) {
            throw new DatasetException(file, "cannot read the dataset description: " + e.getMessage(), e);
        }
        if (m.formatVersion() > FORMAT_VERSION) {
            throw new DatasetException(dir, "dataset format version " + m.formatVersion() + " is newer than this program"
                    + " understands (" + FORMAT_VERSION + "); upgrade SeisProc");
        }
        return m;
    }

    /// Binds the parsed `dataset.json` by hand: Jackson's record binding costs ~0.1–0.4 s of class
    /// loading and introspection on a cold JVM, which is most of a job's start-up; this is a
    /// few microseconds. Unknown fields are ignored, missing ones take Java defaults (as binding did).
    static DatasetManifest fromJson(JsonNode n) {
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("dataset.json is not a JSON object");
        }
        JsonNode src = n.path("source");
        Source source = src.isObject() ? new Source(text(src, "kind"), src.path("format").asInt(), text(src, "byteOrder"),
                text(src, "revision"), src.path("extendedTextHeaders").asInt(), src.path("additionalTraceHeaders").asInt(),
                list(src.get("files"), f -> new SourceFile(text(f, "path"), f.path("bytes").asLong(), f.path("firstTrace").asLong(),
                        f.path("traces").asLong(), f.path("format").asInt(), text(f, "byteOrder"), f.path("headerBytes").asLong(),
                        f.path("trailerBytes").asLong(), text(f, "lastModified")))) : null;
        JsonNode sums = n.path("checksums");
        return new DatasetManifest(n.path("formatVersion").asInt(), n.path("traces").asLong(), n.path("samplesPerTrace").asInt(),
                n.path("sampleIntervalMicros").asDouble(), text(n, "sampleType"), n.path("traceHeaderBytes").asInt(), source,
                list(n.get("headerSchema"), c -> new Column(text(c, "name"), c.path("bytePosition").asInt(), text(c, "type"),
                        text(c, "longName"))),
                sums.isObject() ? new Checksums(text(sums, "samplesSha256"), text(sums, "traceHeadersSha256")) : null,
                list(n.get("rawSampleExceptions"), e -> new RawException(e.path("trace").asLong(), e.path("offset").asLong(),
                        e.path("length").asInt())),
                list(n.get("processing"), JsonNode::asText), text(n, "created"), text(n, "generator"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static <T> List<T> list(JsonNode array, java.util.function.Function<JsonNode, T> element) {
        if (array == null || array.isNull()) {
            return null;
        }
        if (!array.isArray()) {
            throw new IllegalArgumentException("expected a list, found " + array.getNodeType());
        }
        List<T> out = new java.util.ArrayList<>(array.size());
        for (JsonNode e : array) {
            out.add(element.apply(e));
        }
        return out;
    }

    /// This manifest as JSON text.
    public String toJson() {
        try {
            return Writer.JSON.writeValueAsString(this);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /// A copy with other checksums.
    public DatasetManifest withChecksums(Checksums c) {
        return new DatasetManifest(formatVersion, traces, samplesPerTrace, sampleIntervalMicros, sampleType, traceHeaderBytes,
                source, headerSchema, c, rawSampleExceptions, processing, created, generator);
    }

    /// A copy with a processing step appended.
    public DatasetManifest withProcessing(String step) {
        List<String> steps = new java.util.ArrayList<>(processing == null ? List.of() : processing);
        steps.add(step);
        return new DatasetManifest(formatVersion, traces, samplesPerTrace, sampleIntervalMicros, sampleType, traceHeaderBytes,
                source, headerSchema, checksums, rawSampleExceptions, List.copyOf(steps), created, generator);
    }
}

package org.seisproc.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.seisproc.dataset.internal.ChunkChecksums;

/// Checks a dataset against what was recorded when it was written: the per-chunk CRC32C codes
/// of every data file (`chunks.crc32c.json`, naming the damaged chunk and its traces) and the
/// SHA-256 digests of the samples and raw trace headers in `dataset.json`. A dataset written
/// before chunk codes existed is checked by its digests alone.
public final class DatasetVerifier {
    /// One damaged part: `part` names the file (and chunk and traces), `detail` what differs.
    public record Problem(String part, String detail) {
        public String message() {
            return part + ": " + detail;
        }
    }

    /// @param problems     damaged parts (empty: the dataset is as written)
    /// @param chunkFiles   files checked chunk by chunk (0: the dataset has no chunk codes)
    /// @param digests      recorded SHA-256 digests compared (0, 1 or 2)
    public record Result(List<Problem> problems, int chunkFiles, int digests) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private DatasetVerifier() {
    }

    /// Verifies `ds` (reads every byte of its data files).
    public static Result verify(Dataset ds) {
        List<Problem> problems = new ArrayList<>();
        int chunkFiles = 0;
        Map<String, int[]> recorded = ChunkChecksums.read(ds.dir());
        if (recorded != null) {
            for (Map.Entry<String, int[]> e : recorded.entrySet()) {
                chunkFiles++;
                checkChunks(ds, e.getKey(), e.getValue(), problems);
            }
        }
        int digests = 0;
        DatasetManifest.Checksums sums = ds.manifest().checksums();
        if (sums != null && sums.samplesSha256() != null) {
            digests++;
            String now = ds.sampleDigest();
            if (!now.equals(sums.samplesSha256()) && problems.stream().noneMatch(p -> p.part().startsWith(ds.sampleType().fileName()))) {
                problems.add(new Problem(ds.sampleType().fileName(), "the samples' SHA-256 " + now + " differs from the one recorded in "
                        + DatasetFiles.MANIFEST + " (" + sums.samplesSha256() + "): the samples are damaged"));
            }
        }
        if (sums != null && sums.traceHeadersSha256() != null) {
            digests++;
            String now = Dataset.sha256(ds.traceHeaders());
            if (!now.equals(sums.traceHeadersSha256()) && problems.stream().noneMatch(p -> p.part().startsWith(DatasetFiles.TRACE_HEADERS))) {
                problems.add(new Problem(DatasetFiles.TRACE_HEADERS, "the raw trace headers' SHA-256 differs from the one recorded in "
                        + DatasetFiles.MANIFEST + ": the trace headers are damaged"));
            }
        }
        return new Result(List.copyOf(problems), chunkFiles, digests);
    }

    /// The samples' digest recorded in `dataset.json`, or null (imported with `--no-checksum`).
    public static String recordedSampleDigest(Dataset ds) {
        DatasetManifest.Checksums sums = ds.manifest().checksums();
        return sums != null ? sums.samplesSha256() : null;
    }

    private static void checkChunks(Dataset ds, String name, int[] expected, List<Problem> problems) {
        Path file = ds.dir().resolve(name);
        if (!Files.isRegularFile(file)) {
            problems.add(new Problem(name, "is missing"));
            return;
        }
        int[] actual;
        long size;
        try {
            actual = ChunkChecksums.compute(file);
            size = Files.size(file);
        } catch (IOException e) {
            problems.add(new Problem(name, "cannot be read: " + e.getMessage()));
            return;
        }
        if (actual.length != expected.length) {
            problems.add(new Problem(name, "has " + size + " bytes, " + actual.length + " chunk(s); " + expected.length
                    + " were recorded: the file was cut or extended"));
            return;
        }
        long traceBytes = name.equals(ds.sampleType().fileName()) ? (long) ds.samplesPerTrace() * ds.sampleType().bytes()
                : name.equals(DatasetFiles.TRACE_HEADERS) ? ds.traceHeaderBytes() : 0;
        for (int c = 0; c < actual.length; c++) {
            if (actual[c] != expected[c]) {
                long from = (long) c * ChunkChecksums.CHUNK_BYTES;
                long to = Math.min(from + ChunkChecksums.CHUNK_BYTES, size) - 1;
                String traces = traceBytes > 0 ? String.format(", traces %,d-%,d", from / traceBytes, to / traceBytes) : "";
                problems.add(new Problem(String.format("%s chunk %d (bytes %,d-%,d%s)", name, c, from, to, traces),
                        String.format("CRC32C %08x differs from the recorded %08x: %s are damaged", actual[c], expected[c],
                                traceBytes == 0 ? "these bytes" : name.equals(DatasetFiles.TRACE_HEADERS)
                                        ? "the trace headers of those traces" : "the samples of those traces")));
            }
        }
    }
}

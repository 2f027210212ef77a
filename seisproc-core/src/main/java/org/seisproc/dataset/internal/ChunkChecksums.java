package org.seisproc.dataset.internal;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

import com.fasterxml.jackson.databind.JsonNode;
import org.seisproc.dataset.DatasetException;
import org.seisproc.dataset.DatasetFiles;
import org.seisproc.dataset.SampleType;

/// Per-chunk CRC32C codes of a dataset's data files, recorded at every commit in
/// `chunks.crc32c.json`, so that `seisproc verify` can name the damaged chunk (and its traces)
/// instead of only saying that a whole-file SHA-256 differs.
///
/// Each listed file is cut into chunks of [#CHUNK_BYTES] (the last may be shorter); each chunk's
/// CRC32C (Castagnoli, `java.util.zip.CRC32C`, a JDK intrinsic: several GB/s) is stored as 8 hex
/// digits. Datasets written before this file existed simply lack it; verification then falls back
/// to the SHA-256 digests of `dataset.json`.
public final class ChunkChecksums {
    /// Bytes per chunk: 4 MiB (a 1 GB store has 239 codes, a few KB of JSON).
    public static final int CHUNK_BYTES = 4 << 20;

    private ChunkChecksums() {
    }

    /// The data files covered, in `dir`: the store, the raw trace headers, the header table, the
    /// file headers, the kept raw samples and the source headers/trailers (never the index, which
    /// `seisproc index` rebuilds later, nor `dataset.json`).
    static List<String> coveredFiles(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        for (SampleType t : SampleType.values()) {
            names.add(t.fileName());
        }
        names.addAll(List.of(DatasetFiles.TRACE_HEADERS, DatasetFiles.HEADERS_PARQUET, DatasetFiles.TEXTUAL, DatasetFiles.BINARY,
                DatasetFiles.RAW_EXCEPTIONS));
        List<String> out = new ArrayList<>();
        for (String n : names) {
            if (Files.isRegularFile(dir.resolve(n))) {
                out.add(n);
            }
        }
        Path sources = dir.resolve(DatasetFiles.SOURCES);
        if (Files.isDirectory(sources)) {
            try (var s = Files.list(sources)) {
                s.filter(Files::isRegularFile).map(p -> DatasetFiles.SOURCES + "/" + p.getFileName()).sorted().forEach(out::add);
            }
        }
        return out;
    }

    /// Computes and writes `chunks.crc32c.json` for the files of `dir`; the codes of files in
    /// `known` (by name, computed while they were written, see [ChunkCodes]) are taken as they are
    /// when their count fits the file's size, and only the other files are read.
    static void write(Path dir, Map<String, int[]> known) throws IOException {
        StringBuilder json = new StringBuilder("{\"algorithm\":\"crc32c\",\"chunkBytes\":").append(CHUNK_BYTES).append(",\"files\":{");
        boolean first = true;
        for (String name : coveredFiles(dir)) {
            json.append(first ? "" : ",").append('"').append(name).append("\":[");
            int[] given = known.get(name);
            long size = Files.size(dir.resolve(name));
            int[] codes = given != null && given.length == (size + CHUNK_BYTES - 1) / CHUNK_BYTES ? given : compute(dir.resolve(name));
            for (int i = 0; i < codes.length; i++) {
                json.append(i > 0 ? "," : "").append('"').append(hex(codes[i])).append('"');
            }
            json.append(']');
            first = false;
        }
        json.append("}}\n");
        Files.writeString(dir.resolve(DatasetFiles.CHUNK_CRCS), json, StandardCharsets.UTF_8);
    }

    /// The CRC32C of each chunk of `file`.
    public static int[] compute(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            int chunks = (int) ((size + CHUNK_BYTES - 1) / CHUNK_BYTES);
            int[] codes = new int[chunks];
            CRC32C crc = new CRC32C();
            for (int c = 0; c < chunks; c++) {
                long at = (long) c * CHUNK_BYTES;
                MappedByteBuffer buf = ch.map(FileChannel.MapMode.READ_ONLY, at, Math.min(CHUNK_BYTES, size - at));
                crc.reset();
                crc.update(buf);
                codes[c] = (int) crc.getValue();
            }
            return codes;
        }
    }

    /// The recorded codes of `dir` by file name, or null when the dataset has none (written
    /// before they were recorded).
    public static Map<String, int[]> read(Path dir) {
        Path file = dir.resolve(DatasetFiles.CHUNK_CRCS);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            JsonNode root = org.seisproc.io.JsonTree.read(file);
            if (root.path("chunkBytes").asInt() != CHUNK_BYTES) {
                throw new DatasetException(file, "records chunks of " + root.path("chunkBytes").asInt()
                        + " bytes; this program reads " + CHUNK_BYTES);
            }
            Map<String, int[]> out = new LinkedHashMap<>();
            for (var it = root.path("files").fields(); it.hasNext(); ) {
                var e = it.next();
                int[] codes = new int[e.getValue().size()];
                for (int i = 0; i < codes.length; i++) {
                    codes[i] = Integer.parseUnsignedInt(e.getValue().get(i).asText(), 16);
                }
                out.put(e.getKey(), codes);
            }
            return out;
        } catch (IOException | NumberFormatException e) {
            throw new DatasetException(file, "cannot read the recorded chunk checksums: " + e.getMessage());
        }
    }

    static String hex(int code) {
        return String.format("%08x", code);
    }
}

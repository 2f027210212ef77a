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

    /// The samples' digest `seisproc checksum` computed earlier and kept in
    /// `index/samples.sha256` (a dataset imported without `--checksum` records none in
    /// `dataset.json`), or null when there is none or it no longer belongs to the store: it is
    /// kept with the store's recorded chunk codes, size and modification time, and used only
    /// while they are the same (damage that leaves those alone is what `verify` finds).
    public static String cachedSampleDigest(Dataset ds) {
        Path file = ds.dir().resolve(DIGEST_CACHE);
        int[] codes = storeCodes(ds);
        String basis = codes == null ? null : digestBasis(ds, codes);
        if (basis == null || !Files.isRegularFile(file)) {
            return null;
        }
        try {
            String[] lines = Files.readString(file).split("\n");
            return lines.length >= 2 && lines[1].equals(basis) && lines[0].matches("[0-9a-f]{64}") ? lines[0] : null;
        } catch (IOException e) {
            return null;
        }
    }

    /// Computes the samples' digest and, for a dataset with no digest recorded in `dataset.json`
    /// and when the store's chunk codes show it is as it was written, keeps it for
    /// [#cachedSampleDigest]. The store is then read twice (the CRC32C pass at several GB/s, then
    /// the SHA-256); a digest of damaged samples is returned but not kept. A dataset directory that
    /// cannot be written to is not an error: the digest is just not kept. With a recorded digest
    /// (which is what `checksum` compares with) nothing is kept and the store is read once.
    ///
    /// @return the digest, whether it was kept, and the damaged chunks found
    public static Digest computeSampleDigest(Dataset ds) {
        int[] codes = recordedSampleDigest(ds) == null ? storeCodes(ds) : null;
        String basis = codes == null ? null : digestBasis(ds, codes);
        List<Problem> problems = new ArrayList<>();
        if (basis != null) {
            checkChunks(ds, ds.sampleType().fileName(), codes, problems);
        }
        String digest = ds.sampleDigest();
        boolean kept = false;
        if (basis != null && problems.isEmpty()) {
            Path file = ds.dir().resolve(DIGEST_CACHE);
            try {
                Files.createDirectories(file.getParent());
                Path tmp = Files.createTempFile(file.getParent(), ".samples.sha256", ".tmp");
                try {
                    Files.writeString(tmp, digest + "\n" + basis + "\n");
                    Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    kept = true;
                } finally {
                    Files.deleteIfExists(tmp);
                }
            } catch (IOException e) {
                kept = false;
            }
        }
        return new Digest(digest, kept, List.copyOf(problems));
    }

    /// A computed samples' digest: `kept` when it was stored for later calls; `problems` the
    /// damaged chunks of the store found on the way (then it was not kept).
    public record Digest(String sha256, boolean kept, List<Problem> problems) {
    }

    /// Where [#computeSampleDigest] keeps the digest, in the dataset directory.
    public static final String DIGEST_CACHE = DatasetFiles.INDEX + "/samples.sha256";

    /// The store's recorded chunk codes, or null (a dataset written before they were recorded).
    private static int[] storeCodes(Dataset ds) {
        Map<String, int[]> recorded = ChunkChecksums.read(ds.dir());
        return recorded == null ? null : recorded.get(ds.sampleType().fileName());
    }

    /// What a kept digest belongs to: the store's file name, its recorded chunk `codes` (the
    /// dataset's own record of its samples) as one CRC32C, and the file's size and modification
    /// time (a store written to since is read again); null when the store cannot be examined.
    private static String digestBasis(Dataset ds, int[] codes) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 * codes.length);
        b.asIntBuffer().put(codes);
        crc.update(b);
        try {
            Path store = ds.dir().resolve(ds.sampleType().fileName());
            return ds.sampleType().fileName() + " " + codes.length + " chunks " + String.format("%08x", (int) crc.getValue()) + " "
                    + Files.size(store) + " bytes modified " + Files.getLastModifiedTime(store).toMillis();
        } catch (IOException e) {
            return null;
        }
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

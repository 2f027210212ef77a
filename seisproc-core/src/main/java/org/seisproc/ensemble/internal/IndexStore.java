package org.seisproc.ensemble.internal;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.seisproc.dataset.DatasetException;
import org.seisproc.dataset.DatasetFiles;
import org.seisproc.ensemble.IndexManifest;
import org.seisproc.ensemble.IndexStatus;

/// Reads and writes `index/<name>.idx` (raw little-endian, layout in [IndexManifest]) and
/// `index/<name>.json`. Writes go to hidden temporary files that are synced and renamed into
/// place, data file first and manifest last; the build id in both tells a matching pair.
public final class IndexStore {
    public static final ValueLayout.OfInt INT_LE = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong LONG_LE = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final byte[] MAGIC = "SPENSIDX".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER_BYTES = 64;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /// A mapped index: its manifest and read-only views of its three arrays in one arena.
    public record Mapped(IndexManifest manifest, Arena arena, MemorySegment permutation, MemorySegment starts, MemorySegment keys) {
    }

    private IndexStore() {
    }

    /// `<dir>/index/<name>` (add `.idx` / `.json`).
    public static Path base(Path dir, String name) {
        return dir.resolve(DatasetFiles.INDEX).resolve(name);
    }

    /// Whether a fresh index is stored.
    public static IndexStatus status(Path dir, String name, IndexManifest.Fingerprint current) {
        Path json = json(dir, name);
        if (!Files.isRegularFile(json)) {
            return IndexStatus.ABSENT;
        }
        try {
            IndexManifest m = IndexManifest.fromJson(JSON.readTree(json.toFile()));
            return m.formatVersion() <= IndexManifest.FORMAT_VERSION && Objects.equals(m.dataset(), current)
                    && Files.isRegularFile(idx(dir, name)) ? IndexStatus.FRESH : IndexStatus.STALE;
        } catch (IOException | IllegalArgumentException e) {
            return IndexStatus.STALE;
        }
    }

    /// Writes an index. `layout` is how the ints are laid out in the given segments.
    public static void save(Path dir, String name, IndexManifest m, MemorySegment permutation, MemorySegment starts,
                            MemorySegment keys, ValueLayout.OfInt layout, int keyCount) {
        Path indexDir = dir.resolve(DatasetFiles.INDEX);
        Path idx = idx(dir, name);
        Path tmp = indexDir.resolve("." + name + ".idx." + UUID.randomUUID() + ".tmp");
        long bytes = HEADER_BYTES + permutation.byteSize() + starts.byteSize() + keys.byteSize();
        try {
            Files.createDirectories(indexDir);
            try (Arena arena = Arena.ofConfined();
                 FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                MemorySegment out = ch.map(FileChannel.MapMode.READ_WRITE, 0, bytes, arena);
                MemorySegment.copy(MAGIC, 0, out, ValueLayout.JAVA_BYTE, 0, 8);
                out.set(INT_LE, 8, IndexManifest.FORMAT_VERSION);
                out.set(INT_LE, 12, keyCount);
                out.set(LONG_LE, 16, m.traces());
                out.set(LONG_LE, 24, m.ensembles());
                UUID id = UUID.fromString(m.buildId());
                out.set(LONG_LE, 32, id.getMostSignificantBits());
                out.set(LONG_LE, 40, id.getLeastSignificantBits());
                long at = HEADER_BYTES;
                at = copyInts(permutation, layout, out, at);
                at = copyInts(starts, layout, out, at);
                copyInts(keys, layout, out, at);
                out.force();
            }
            move(tmp, idx);
            Path jtmp = indexDir.resolve("." + name + ".json." + UUID.randomUUID() + ".tmp");
            try (FileChannel ch = FileChannel.open(jtmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ch.write(java.nio.ByteBuffer.wrap(JSON.writeValueAsBytes(m)));
                ch.force(true);
            }
            move(jtmp, json(dir, name));
        } catch (IOException | UnsupportedOperationException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // best effort
            }
            throw new DatasetException(indexDir, "cannot store the ensemble index '" + name + "': " + e.getMessage(), e);
        }
    }

    private static long copyInts(MemorySegment src, ValueLayout.OfInt layout, MemorySegment out, long at) {
        if (layout.order() == ByteOrder.LITTLE_ENDIAN) {
            MemorySegment.copy(src, 0, out, at, src.byteSize());
        } else {
            long n = src.byteSize() / 4;
            for (long i = 0; i < n; i++) {
                out.set(INT_LE, at + 4 * i, src.getAtIndex(layout, i));
            }
        }
        return at + src.byteSize();
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /// Maps a stored index, checking freshness, the header against the manifest, and sizes.
    public static Mapped load(Path dir, String name, IndexManifest.Fingerprint current) {
        Path json = json(dir, name);
        Path idx = idx(dir, name);
        IndexManifest m;
        try {
            m = IndexManifest.fromJson(JSON.readTree(json.toFile()));
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new DatasetException(dir, "has no ensemble index '" + name + "'; build it with 'seisproc index'");
        } catch (IOException | IllegalArgumentException e) {
            throw new DatasetException(json, "cannot read the index description: " + e.getMessage() + "; rebuild the index", e);
        }
        if (m.formatVersion() > IndexManifest.FORMAT_VERSION) {
            throw new DatasetException(json, "index format " + m.formatVersion() + " is newer than this program; rebuild or upgrade");
        }
        if (!Objects.equals(m.dataset(), current)) {
            throw new DatasetException(json, "the ensemble index is stale: it was built from other dataset content"
                    + " (checksums or creation time differ); rebuild it with 'seisproc index'");
        }
        int keyCount = m.fields().size();
        long expected = HEADER_BYTES + 4 * (m.traces() + m.ensembles() + 1L + (long) m.ensembles() * keyCount);
        Arena arena = Arena.ofShared();
        try (FileChannel ch = FileChannel.open(idx, StandardOpenOption.READ)) {
            if (ch.size() != expected) {
                throw new DatasetException(idx, "has " + ch.size() + " bytes, its manifest implies " + expected + "; rebuild the index");
            }
            MemorySegment all = ch.map(FileChannel.MapMode.READ_ONLY, 0, expected, arena);
            byte[] magic = all.asSlice(0, 8).toArray(ValueLayout.JAVA_BYTE);
            UUID id = new UUID(all.get(LONG_LE, 32), all.get(LONG_LE, 40));
            if (!java.util.Arrays.equals(magic, MAGIC) || all.get(LONG_LE, 16) != m.traces() || all.get(LONG_LE, 24) != m.ensembles()
                    || !id.toString().equals(m.buildId())) {
                throw new DatasetException(idx, "does not match its manifest " + json.getFileName() + " (an interrupted or concurrent"
                        + " rebuild?); rebuild the index");
            }
            long at = HEADER_BYTES;
            MemorySegment perm = all.asSlice(at, 4 * m.traces()).asReadOnly();
            at += perm.byteSize();
            MemorySegment starts = all.asSlice(at, 4 * (m.ensembles() + 1L)).asReadOnly();
            at += starts.byteSize();
            MemorySegment keys = all.asSlice(at, 4L * m.ensembles() * keyCount).asReadOnly();
            return new Mapped(m, arena, perm, starts, keys);
        } catch (NoSuchFileException e) {
            arena.close();
            throw new DatasetException(idx, "is missing; rebuild the index with 'seisproc index'");
        } catch (IOException e) {
            arena.close();
            throw new DatasetException(idx, "cannot read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    private static Path idx(Path dir, String name) {
        return dir.resolve(DatasetFiles.INDEX).resolve(name + ".idx");
    }

    private static Path json(Path dir, String name) {
        return dir.resolve(DatasetFiles.INDEX).resolve(name + ".json");
    }
}

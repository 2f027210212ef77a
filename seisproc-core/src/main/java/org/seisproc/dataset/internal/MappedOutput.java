package org.seisproc.dataset.internal;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.seisproc.dataset.DatasetException;

/// A file of a known size created and memory-mapped for writing from many threads (disjoint
/// ranges), > 2 GiB safe. `close()` syncs and unmaps.
public final class MappedOutput implements AutoCloseable {
    private final Path path;
    private final Arena arena;
    private final MemorySegment segment;

    private MappedOutput(Path path, Arena arena, MemorySegment segment) {
        this.path = path;
        this.arena = arena;
        this.segment = segment;
    }

    /// Creates (or truncates) `path` with `bytes` bytes and maps it read-write.
    public static MappedOutput create(Path path, long bytes) {
        Arena arena = Arena.ofShared();
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            if (bytes > 0) {
                ch.truncate(0);
                ch.write(java.nio.ByteBuffer.wrap(new byte[1]), bytes - 1);
            }
            MemorySegment seg = bytes > 0 ? ch.map(FileChannel.MapMode.READ_WRITE, 0, bytes, arena) : MemorySegment.NULL;
            return new MappedOutput(path, arena, seg);
        } catch (IOException e) {
            arena.close();
            throw new DatasetException(path, "cannot create: " + e.getMessage(), e);
        }
    }

    /// Maps an existing file of exactly `bytes` bytes read-write (to resume writing it).
    public static MappedOutput open(Path path, long bytes) {
        Arena arena = Arena.ofShared();
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            if (ch.size() != bytes) {
                throw new DatasetException(path, "has " + ch.size() + " bytes, expected " + bytes);
            }
            MemorySegment seg = bytes > 0 ? ch.map(FileChannel.MapMode.READ_WRITE, 0, bytes, arena) : MemorySegment.NULL;
            return new MappedOutput(path, arena, seg);
        } catch (IOException e) {
            arena.close();
            throw new DatasetException(path, "cannot open: " + e.getMessage(), e);
        }
    }

    public MemorySegment segment() {
        return segment;
    }

    public Path path() {
        return path;
    }

    /// Syncs to disk and unmaps.
    @Override
    public void close() {
        try {
            if (segment.byteSize() > 0) {
                segment.force();
            }
        } finally {
            arena.close();
        }
    }
}

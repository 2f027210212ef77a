package org.seisproc.dataset.internal;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.seisproc.dataset.DatasetException;
import org.seisproc.io.DirectWrites;

/// A file of a known size created for writing from many threads (disjoint ranges), > 2 GiB
/// safe: memory-mapped for reading and for small in-place edits, and written in bulk with
/// positional writes ([#buffer], [#writeBuffer]). Scattered first writes through a mapping
/// fault on every fresh page of the sparse file (measured: 216 MB of 6,000-byte traces in
/// random order, 2–3 s mapped against 0.3–0.8 s as positional writes); the page cache is one,
/// so the mapping sees what the writes wrote. `close()` syncs and unmaps. Bulk writes of a large
/// file go around the page cache ([DirectWrites]) where the file system allows it.
///
/// A thread interrupted in a write closes a file channel for every thread (that is how the JDK's
/// interruptible channels work), and a Spark executor interrupts the tasks it cancels while its
/// other tasks write the same output. So the channel is reopened when another thread closed it
/// that way, and the write or sync done again; only the interrupted thread fails.
public final class MappedOutput implements AutoCloseable {
    /// One aligned, direct, little-endian buffer per writing thread, grown on demand, and its segment.
    private record Buffer(ByteBuffer bytes, MemorySegment segment) {
    }

    private static final ThreadLocal<Buffer[]> BUFFERS = ThreadLocal.withInitial(() -> new Buffer[1]);

    private final Path path;
    private final Arena arena;
    private volatile FileChannel channel;
    private volatile boolean closed;
    private final MemorySegment segment;
    private volatile DirectWrites direct; // opened by the first bulk write
    private volatile ChunkCodes codes; // of the bulk writes, when asked for ([#forBulkWrites])

    private MappedOutput(Path path, Arena arena, FileChannel channel, MemorySegment segment) {
        this.path = path;
        this.arena = arena;
        this.channel = channel;
        this.segment = segment;
    }

    /// Creates (or truncates) `path` with `bytes` bytes and maps it read-write.
    public static MappedOutput create(Path path, long bytes) {
        return open(path, bytes, true);
    }

    /// Maps an existing file of exactly `bytes` bytes read-write (to resume writing it).
    public static MappedOutput open(Path path, long bytes) {
        return open(path, bytes, false);
    }

    private static MappedOutput open(Path path, long bytes, boolean create) {
        Arena arena = Arena.ofShared();
        FileChannel ch = null;
        try {
            ch = create
                    ? FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.READ,
                            StandardOpenOption.WRITE)
                    : FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
            if (create && bytes > 0) {
                ch.write(ByteBuffer.wrap(new byte[1]), bytes - 1);
            } else if (!create && ch.size() != bytes) {
                throw new DatasetException(path, "has " + ch.size() + " bytes, expected " + bytes);
            }
            MemorySegment seg = bytes > 0 ? ch.map(FileChannel.MapMode.READ_WRITE, 0, bytes, arena) : MemorySegment.NULL;
            return new MappedOutput(path, arena, ch, seg);
        } catch (IOException e) {
            closeQuietly(ch);
            arena.close();
            throw new DatasetException(path, (create ? "cannot create: " : "cannot open: ") + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(ch);
            arena.close();
            throw e;
        }
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // already failing
            }
        }
    }

    public MemorySegment segment() {
        return segment;
    }

    public Path path() {
        return path;
    }

    /// This thread's write buffer for `bytes` bytes to be written at byte `at` of the file
    /// (little-endian): fill it, then [#writeBuffer] with the same `at` and `bytes`.
    public MemorySegment buffer(long at, int bytes) {
        Buffer[] holder = BUFFERS.get();
        Buffer b = holder[0];
        if (b == null || b.bytes().capacity() < bytes + DirectWrites.ALIGN) {
            ByteBuffer bb = DirectWrites.staging(Math.max(bytes, 1 << 14));
            b = new Buffer(bb, MemorySegment.ofBuffer(bb));
            holder[0] = b;
        }
        return b.segment().asSlice(DirectWrites.offset(at), bytes);
    }

    /// Writes this thread's [#buffer] for `bytes` bytes at byte `at` of the file.
    public void writeBuffer(long at, int bytes) {
        if (at < 0 || at + bytes > segment.byteSize()) {
            throw new IndexOutOfBoundsException("bytes " + at + ".." + (at + bytes) + " of a " + segment.byteSize() + "-byte file");
        }
        ByteBuffer b = BUFFERS.get()[0].bytes();
        DirectWrites d = directWrites();
        while (true) {
            FileChannel ch = channel;
            try {
                d.write(ch, b, at, bytes);
                ChunkCodes c = codes;
                if (c != null) {
                    int from = DirectWrites.offset(at);
                    c.add(at, b.duplicate().limit(from + bytes).position(from));
                }
                return;
            } catch (IOException e) {
                reopenAfter(ch, e, "cannot write: ");
            }
        }
    }

    /// Readies this file for bulk writes ([#writeBuffer]) from now on, on the calling thread
    /// (the coordinator's, so that the workers' first writes load and set up nothing): direct
    /// writes where they apply and, with `trackCodes`, the chunk codes of what is written,
    /// computed from the buffers as they are written (no second pass over the file; see
    /// [#chunkCodes]).
    public MappedOutput forBulkWrites(boolean trackCodes) {
        directWrites();
        if (trackCodes) {
            codes = new ChunkCodes(segment.byteSize());
        }
        return this;
    }

    /// The file's chunk codes when [#forBulkWrites] asked for them before any write and every byte
    /// was written exactly once through [#writeBuffer]; otherwise null (they must be computed
    /// from the file).
    public int[] chunkCodes() {
        ChunkCodes c = codes;
        if (c == null) {
            return null;
        }
        try {
            return c.codes();
        } catch (IllegalStateException gapsOrRewrites) {
            return null;
        }
    }

    private DirectWrites directWrites() {
        DirectWrites d = direct;
        if (d == null) {
            synchronized (this) {
                if (direct == null) {
                    direct = DirectWrites.open(path, segment.byteSize());
                }
                d = direct;
            }
        }
        return d;
    }

    /// After `e` on `failed`: reopens the channel when another thread's interrupt closed it (and
    /// this one was not interrupted and this output is not closed), else throws.
    private void reopenAfter(FileChannel failed, IOException e, String what) {
        boolean ours = e instanceof java.nio.channels.ClosedByInterruptException || Thread.currentThread().isInterrupted();
        if (ours || closed || !(e instanceof java.nio.channels.ClosedChannelException)) {
            throw new DatasetException(path, what + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()), e);
        }
        synchronized (this) {
            if (channel == failed && !closed) {
                try {
                    channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
                } catch (IOException again) {
                    throw new DatasetException(path, what + again.getMessage(), again);
                }
            }
        }
    }

    /// Fills the first `bytes` of this file with the first `bytes` of `source` (a kernel copy,
    /// `copy_file_range` where the file system has it: no page faults, no trip through user space).
    public void copyFrom(Path source, long bytes) {
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ)) {
            long done = 0;
            while (done < bytes) {
                FileChannel ch = channel;
                long n;
                try {
                    n = ch.transferFrom(in.position(done), done, bytes - done);
                } catch (IOException e) {
                    reopenAfter(ch, e, "cannot copy from " + source + ": ");
                    continue;
                }
                if (n <= 0) {
                    throw new DatasetException(source, "ended after " + done + " of " + bytes + " bytes");
                }
                done += n;
            }
        } catch (IOException e) {
            throw new DatasetException(path, "cannot copy from " + source + ": " + e.getMessage(), e);
        }
    }

    /// Forces what was written, through the mapping or the channel, to the storage device.
    public void force() {
        if (segment.byteSize() > 0) {
            segment.force();
        }
        while (true) {
            FileChannel ch = channel;
            try {
                ch.force(false);
                return;
            } catch (IOException e) {
                reopenAfter(ch, e, "cannot sync: ");
            }
        }
    }

    /// Syncs to disk and unmaps.
    @Override
    public void close() {
        try {
            force();
        } finally {
            synchronized (this) {
                closed = true;
                if (direct != null) {
                    direct.close();
                }
            }
            arena.close();
            closeQuietly(channel);
        }
    }
}

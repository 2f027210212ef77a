package org.seisproc.segy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import org.seisproc.io.DirectWrites;

/// Writes a SEG-Y or SU file atomically: everything goes to a hidden partial file beside the
/// target, which [#commit] moves into place; closing without a commit deletes it. A failed or
/// killed write therefore never leaves a file that looks complete.
///
/// Traces are appended in order ([#writeTrace]) or placed by index from many threads at once
/// ([#writeTraceAt]; the trace slots must then be filled exactly once each, and [#commit] given
/// the total). Samples are encoded from float or double arrays in the spec's format and byte
/// order; headers are copied as given (already in that byte order).
///
/// ```java
/// try (SegyWriter w = SegyWriter.create(out, FileSpec.copyOf(in))) {
///     for (long i = 0; i < in.traceCount(); i++) { in.readTrace(i, buf); w.writeTrace(in.traceHeader(i), buf, 0); }
///     w.commit();
/// }
/// ```
public final class SegyWriter implements AutoCloseable {
    private static final int BUFFER_BYTES = 8 << 20;

    private final Path target;
    private final Path partial;
    private final FileSpec spec;
    private final FileChannel channel;
    private final long firstTrace;
    private final long traceBytes;
    private final int headerBytes;
    private final byte[] buffer;
    private final MemorySegment bufferSegment;
    private final ThreadLocal<byte[]> scratch;
    private int buffered;
    private long appended;
    private byte[] trailer = new byte[0];
    private boolean done;
    private volatile DirectWrites direct;

    private SegyWriter(Path target, Path partial, FileSpec spec, FileChannel channel) {
        this.target = target;
        this.partial = partial;
        this.spec = spec;
        this.channel = channel;
        this.firstTrace = spec.fileHeader().length;
        this.traceBytes = spec.traceBytes();
        this.headerBytes = spec.traceHeaderBytes();
        this.buffer = new byte[(int) Math.max(BUFFER_BYTES, traceBytes)];
        this.bufferSegment = MemorySegment.ofArray(buffer);
        this.scratch = ThreadLocal.withInitial(() -> new byte[(int) traceBytes]);
    }

    /// Starts writing `target` (replaced on commit if it exists). Its folder must exist.
    public static SegyWriter create(Path target, FileSpec spec) {
        if (spec.traceBytes() > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException("a trace of " + spec.traceBytes() + " bytes is too long to write");
        }
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Path partial = dir.resolve("." + abs.getFileName() + ".partial-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        FileChannel ch;
        try {
            ch = FileChannel.open(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.READ);
        } catch (IOException e) {
            throw SegyException.of(target, "cannot create the output file in " + dir + ": " + describe(e)
                    + ". Check that the folder exists and is writable.");
        }
        SegyWriter w = new SegyWriter(target, partial, spec, ch);
        try {
            w.writeFully(ByteBuffer.wrap(spec.fileHeader()), 0);
        } catch (RuntimeException e) {
            w.close();
            throw e;
        }
        return w;
    }

    public FileSpec spec() {
        return spec;
    }

    /// Appends a trace: `headers` (240 bytes × (1 + additional)) verbatim, then `samples[offset..]`
    /// encoded.
    public void writeTrace(MemorySegment headers, float[] samples, int offset) {
        int at = reserve();
        MemorySegment.copy(headers, 0, bufferSegment, at, headerBytes);
        SampleCodec.encode(spec.format(), spec.byteOrder(), samples, offset, bufferSegment, at + headerBytes, spec.samplesPerTrace());
        commitReserved();
    }

    /// Appends a trace with samples from doubles (exact for every format but 64-bit integers
    /// beyond ±2^53).
    public void writeTrace(MemorySegment headers, double[] samples, int offset) {
        int at = reserve();
        MemorySegment.copy(headers, 0, bufferSegment, at, headerBytes);
        SampleCodec.encode(spec.format(), spec.byteOrder(), samples, offset, bufferSegment, at + headerBytes, spec.samplesPerTrace());
        commitReserved();
    }

    /// Appends a trace given as its encoded bytes (headers and samples), verbatim.
    public void writeRawTrace(MemorySegment trace) {
        if (trace.byteSize() != traceBytes) {
            throw new IllegalArgumentException("a trace of this file has " + traceBytes + " bytes, not " + trace.byteSize());
        }
        int at = reserve();
        MemorySegment.copy(trace, 0, bufferSegment, at, traceBytes);
        commitReserved();
    }

    /// Writes trace number `index` in place; safe to call from many threads for distinct
    /// indices. Do not mix with appending.
    public void writeTraceAt(long index, MemorySegment headers, float[] samples, int offset) {
        byte[] bytes = scratch.get();
        MemorySegment seg = MemorySegment.ofArray(bytes);
        MemorySegment.copy(headers, 0, seg, 0, headerBytes);
        SampleCodec.encode(spec.format(), spec.byteOrder(), samples, offset, seg, headerBytes, spec.samplesPerTrace());
        writeFully(ByteBuffer.wrap(bytes), firstTrace + index * traceBytes);
    }

    /// Writes trace number `index` in place, double samples (see [#writeTraceAt(long, MemorySegment, float[], int)]).
    public void writeTraceAt(long index, MemorySegment headers, double[] samples, int offset) {
        byte[] bytes = scratch.get();
        MemorySegment seg = MemorySegment.ofArray(bytes);
        MemorySegment.copy(headers, 0, seg, 0, headerBytes);
        SampleCodec.encode(spec.format(), spec.byteOrder(), samples, offset, seg, headerBytes, spec.samplesPerTrace());
        writeFully(ByteBuffer.wrap(bytes), firstTrace + index * traceBytes);
    }

    /// Byte position of trace `index` in the file.
    public long tracePosition(long index) {
        return firstTrace + index * traceBytes;
    }

    /// From now on, the bulk writes of [#writeStagedTracesAt] go around the page cache where the
    /// file system allows it and a file of `expectedBytes` calls for it ([DirectWrites]).
    public void directWrites(long expectedBytes) {
        direct = DirectWrites.open(partial, expectedBytes);
    }

    /// Writes `count` whole traces at trace `firstIndex`, from their encoded bytes staged in
    /// `staging` (a [DirectWrites#staging] buffer) from [DirectWrites#offset] of
    /// [#tracePosition]`(firstIndex)`, in one write; safe from many threads for disjoint ranges.
    /// Do not mix with appending.
    public void writeStagedTracesAt(long firstIndex, ByteBuffer staging, int count) {
        long position = tracePosition(firstIndex);
        int length = Math.toIntExact(count * traceBytes);
        DirectWrites d = direct;
        if (d == null) {
            int from = DirectWrites.offset(position);
            writeFully(staging.duplicate().limit(from + length).position(from), position);
            return;
        }
        try {
            d.write(channel, staging, position, length);
        } catch (IOException e) {
            throw cannotWrite(position, e);
        }
    }

    /// Bytes to write after the last trace (rev 2 trailer stanzas, or bytes kept from a source).
    public void setTrailer(byte[] bytes) {
        this.trailer = bytes.clone();
    }

    /// Starts writing what was written so far to the storage device and waits for it (safe while
    /// other threads write; a failure is left to [#commit], which syncs again and reports).
    public void syncWritten() {
        if (direct != null && direct.direct()) {
            return; // the bulk of it went to the device already; the commit's sync flushes the rest
        }
        try {
            if (channel.isOpen()) {
                channel.force(false);
            }
        } catch (IOException | RuntimeException ignored) {
            // the commit's sync reports
        }
    }

    /// Finishes an appended file: flushes, syncs to disk and moves it into place.
    public void commit() {
        commit(-1);
    }

    /// Finishes a file of `traceCount` traces (written with [#writeTraceAt]; -1: as appended).
    public void commit(long traceCount) {
        if (done) {
            throw new IllegalStateException("already committed or closed");
        }
        flush();
        long traces = traceCount >= 0 ? traceCount : appended;
        writeFully(ByteBuffer.wrap(trailer), firstTrace + traces * traceBytes);
        try {
            channel.truncate(firstTrace + traces * traceBytes + trailer.length);
            channel.force(true);
            channel.close();
            if (direct != null) {
                direct.close();
            }
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
        } catch (IOException e) {
            close();
            throw SegyException.of(target, "cannot finish writing: " + describe(e));
        }
    }

    /// Deletes the partial file unless [#commit] succeeded.
    @Override
    public void close() {
        if (done) {
            return;
        }
        done = true;
        if (direct != null) {
            direct.close();
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // the partial file is deleted below either way
        }
        try {
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete partial output " + partial, e);
        }
    }

    private int reserve() {
        if (done) {
            throw new IllegalStateException("the writer is closed");
        }
        if (buffered + traceBytes > buffer.length) {
            flush();
        }
        return buffered;
    }

    private void commitReserved() {
        buffered += (int) traceBytes;
        appended++;
    }

    private void flush() {
        if (buffered > 0) {
            long position = firstTrace + (appended * traceBytes) - buffered;
            writeFully(ByteBuffer.wrap(buffer, 0, buffered), position);
            buffered = 0;
        }
    }

    private void writeFully(ByteBuffer bytes, long position) {
        try {
            long at = position;
            while (bytes.hasRemaining()) {
                at += channel.write(bytes, at);
            }
        } catch (IOException e) {
            throw cannotWrite(position, e);
        }
    }

    /// A write at byte `position` failed: what and where, and what to do when the disk is full.
    private SegyException cannotWrite(long position, IOException e) {
        return SegyException.atByte(target, position, "cannot write: " + describe(e)
                + (e.getMessage() != null && e.getMessage().contains("space") ? " (the disk is full: free some space or choose"
                + " another location, then rerun)" : ""));
    }

    /// An I/O failure in words ("No space left on device", "permission denied"), without the
    /// exception's class name.
    private static String describe(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such folder";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        String m = e.getMessage();
        return m != null ? m : "I/O error";
    }
}

package org.seisproc.segy;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.seisproc.segy.internal.LayoutProbe;

/// A SEG-Y or Seismic Unix file opened for reading: memory-mapped, headers parsed, traces
/// decoded on demand.
///
/// Reading is stateless, so any number of threads may read different (or the same) traces at
/// once. Files larger than 2 GiB are fine (the mapping is a [MemorySegment]). Close it to unmap.
///
/// ```java
/// try (SegyFile f = SegyFile.open(path)) {
///     float[] trace = new float[f.samplesPerTrace()];
///     f.readTrace(0, trace);
///     long cdp = f.header(0, "cdp");
/// }
/// ```
public final class SegyFile implements AutoCloseable {
    private final Path path;
    private final Arena arena;
    private final MemorySegment file;
    private final SegyInfo info;
    private final HeaderLayout layout;
    private final ByteOrder order;
    private final SampleFormat format;
    private final long firstTrace;
    private final long traceBytes;
    private final int headerBytes;
    private final int samples;

    private SegyFile(Path path, Arena arena, MemorySegment file, SegyInfo info, HeaderLayout layout) {
        this.path = path;
        this.arena = arena;
        this.file = file;
        this.info = info;
        this.layout = layout;
        this.order = info.byteOrder();
        this.format = info.format();
        this.firstTrace = info.firstTraceOffset();
        this.traceBytes = info.traceBytes();
        this.headerBytes = info.traceHeaderBytes();
        this.samples = info.samplesPerTrace();
    }

    /// Opens with everything detected (kind from the name, byte order from the headers).
    public static SegyFile open(Path path) {
        return open(path, ReadOptions.defaults());
    }

    /// Opens with the given options. Throws [SegyException] naming the file (and byte) when the
    /// file is missing, unreadable or not a valid SEG-Y/SU file.
    public static SegyFile open(Path path, ReadOptions options) {
        if (Files.isDirectory(path)) {
            // mapping a directory fails with a bare "No such device" (ENODEV): say what it is
            throw SegyException.of(path, "is a directory, not a file; give the path of a SEG-Y or SU file");
        }
        Arena arena = Arena.ofShared();
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            MemorySegment seg = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size(), arena);
            SegyInfo info = LayoutProbe.probe(path, seg, options);
            return new SegyFile(path, arena, seg, info, options.layout());
        } catch (NoSuchFileException e) {
            arena.close();
            throw SegyException.of(path, "no such file; check the path (relative paths start at "
                    + Path.of("").toAbsolutePath() + ")");
        } catch (IOException e) {
            arena.close();
            throw SegyException.of(path, "cannot read: " + e.getMessage());
        } catch (RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    public Path path() {
        return path;
    }

    public SegyInfo info() {
        return info;
    }

    public FileKind kind() {
        return info.kind();
    }

    public ByteOrder byteOrder() {
        return order;
    }

    public SampleFormat format() {
        return format;
    }

    public int samplesPerTrace() {
        return samples;
    }

    public long traceCount() {
        return info.traces();
    }

    /// The trace header layout used by the by-name accessors.
    public HeaderLayout layout() {
        return layout;
    }

    /// The whole file, mapped (read-only).
    public MemorySegment segment() {
        return file;
    }

    /// The first textual header (null for SU files).
    public TextualHeader textualHeader() {
        if (info.kind() == FileKind.SU) {
            return null;
        }
        return new TextualHeader(file.asSlice(0, TextualHeader.BYTES).toArray(ValueLayout.JAVA_BYTE));
    }

    /// The extended textual headers, in file order (empty for SU and most files).
    public List<TextualHeader> extendedTextualHeaders() {
        List<TextualHeader> list = new ArrayList<>(info.extendedTextHeaders());
        for (int i = 0; i < info.extendedTextHeaders(); i++) {
            long at = 3600L + (long) i * TextualHeader.BYTES;
            list.add(new TextualHeader(file.asSlice(at, TextualHeader.BYTES).toArray(ValueLayout.JAVA_BYTE)));
        }
        return list;
    }

    /// The binary header (null for SU files).
    public BinaryHeader binaryHeader() {
        if (info.kind() == FileKind.SU) {
            return null;
        }
        return new BinaryHeader(file.asSlice(TextualHeader.BYTES, BinaryHeader.BYTES).toArray(ValueLayout.JAVA_BYTE), order);
    }

    /// Every byte before trace 0, verbatim: textual, binary and extended textual headers (and any
    /// padding a rev 2 file puts before its first trace). Empty for SU.
    public byte[] fileHeaderBytes() {
        return file.asSlice(0, firstTrace).toArray(ValueLayout.JAVA_BYTE);
    }

    /// Every byte after the last complete trace, verbatim (rev 2 trailer stanzas; the partial
    /// trace of a file opened with `allowTruncated`).
    public byte[] trailingBytes() {
        long end = firstTrace + traceBytes * info.traces();
        return file.asSlice(end, file.byteSize() - end).toArray(ValueLayout.JAVA_BYTE);
    }

    /// Byte offset of trace `trace`'s header in the file.
    public long traceOffset(long trace) {
        checkTrace(trace);
        return firstTrace + trace * traceBytes;
    }

    /// The trace's headers (240 bytes, plus 240 per additional rev 2 header), mapped, read-only.
    public MemorySegment traceHeader(long trace) {
        return file.asSlice(traceOffset(trace), headerBytes);
    }

    /// The trace's encoded samples, mapped, read-only.
    public MemorySegment rawSamples(long trace) {
        return file.asSlice(traceOffset(trace) + headerBytes, (long) samples * format.bytes());
    }

    /// The whole trace (headers then samples), mapped, read-only.
    public MemorySegment rawTrace(long trace) {
        return file.asSlice(traceOffset(trace), traceBytes);
    }

    /// Decodes trace `trace` into `dst[0..samplesPerTrace)` as float32.
    public void readTrace(long trace, float[] dst) {
        readTrace(trace, dst, 0);
    }

    /// Decodes trace `trace` into `dst[offset..offset+samplesPerTrace)` as float32.
    public void readTrace(long trace, float[] dst, int offset) {
        SampleCodec.decode(format, order, file, traceOffset(trace) + headerBytes, dst, offset, samples);
    }

    /// Decodes trace `trace` into doubles (exact for every format but huge 64-bit integers).
    public void readTrace(long trace, double[] dst, int offset) {
        SampleCodec.decode(format, order, file, traceOffset(trace) + headerBytes, dst, offset, samples);
    }

    /// Decodes `count` consecutive traces from `first` into `dst`, trace after trace.
    public void readTraces(long first, int count, float[] dst) {
        if (count > 0) {
            checkTrace(first + count - 1);
        }
        for (int i = 0; i < count; i++) {
            readTrace(first + i, dst, i * samples);
        }
    }

    /// A header field of a trace, by name in this file's layout (`cdp`, `offset`, `iline`, ...).
    public long header(long trace, String name) {
        return header(trace, layout.field(name));
    }

    /// A header field of a trace (integer value; floating fields truncated).
    public long header(long trace, HeaderField field) {
        return field.readLong(file, traceOffset(trace), order);
    }

    /// A header field of a trace as a double (exact for floating fields).
    public double headerDouble(long trace, HeaderField field) {
        return field.readDouble(file, traceOffset(trace), order);
    }

    private void checkTrace(long trace) {
        if (trace < 0 || trace >= info.traces()) {
            throw new IndexOutOfBoundsException(path + ": trace " + trace + " does not exist; the file has "
                    + info.traces() + " traces (0 to " + (info.traces() - 1) + ")");
        }
    }

    @Override
    public void close() {
        arena.close();
    }
}

package org.seisproc.dataset;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

import org.seisproc.segy.HeaderField;
import org.seisproc.segy.HeaderLayout;
import org.seisproc.segy.HeaderType;
import org.seisproc.segy.Layouts;
import org.seisproc.segy.SampleDigest;

/// A dataset opened for reading: the trace store and raw trace headers memory-mapped
/// (zero-copy, > 2 GiB safe), the manifest parsed. Reads are stateless and thread-safe.
///
/// Samples are little-endian float32 or float64 ([SampleType]); raw trace headers are the
/// source's 240-byte blocks, verbatim, in the source's byte order ([#headerByteOrder]).
public final class Dataset implements AutoCloseable {
    private final Path dir;
    private final DatasetManifest manifest;
    private final Arena arena;
    private final MemorySegment samples;
    private final MemorySegment headers;
    private final SampleType type;
    private final int ns;
    private final int headerBytes;
    private final ByteOrder headerOrder;
    private final Map<Long, DatasetManifest.RawException> exceptions = new HashMap<>();
    /// The trace store opened for positional reads ([#readStored]), on first use.
    private FileChannel storeChannel;

    private Dataset(Path dir, DatasetManifest manifest, Arena arena, MemorySegment samples, MemorySegment headers) {
        this.dir = dir;
        this.manifest = manifest;
        this.arena = arena;
        this.samples = samples;
        this.headers = headers;
        this.type = manifest.storeType();
        this.ns = manifest.samplesPerTrace();
        this.headerBytes = manifest.traceHeaderBytes();
        this.headerOrder = "little".equals(manifest.source().byteOrder()) ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        if (manifest.rawSampleExceptions() != null) {
            for (DatasetManifest.RawException e : manifest.rawSampleExceptions()) {
                exceptions.put(e.trace(), e);
            }
        }
    }

    /// Opens the dataset in `dir`; a clear [DatasetException] when it is not a complete dataset
    /// or its files do not have the sizes the manifest says.
    public static Dataset open(Path dir) {
        DatasetManifest m = DatasetManifest.read(dir);
        if (Files.exists(dir.resolve(DatasetFiles.INCOMPLETE_MARKER))) {
            throw new DatasetException(dir, org.seisproc.dataset.internal.TargetDir.describeIncomplete(dir));
        }
        Arena arena = Arena.ofShared();
        try {
            long n = m.traces();
            MemorySegment s = map(dir.resolve(m.storeType().fileName()), n * m.samplesPerTrace() * m.storeType().bytes(), arena);
            MemorySegment h = map(dir.resolve(DatasetFiles.TRACE_HEADERS), n * m.traceHeaderBytes(), arena);
            return new Dataset(dir, m, arena, s, h);
        } catch (RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    private static MemorySegment map(Path file, long expected, Arena arena) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            if (ch.size() != expected) {
                throw new DatasetException(file, "has " + ch.size() + " bytes, the manifest implies " + expected
                        + "; the dataset is damaged (re-import it)");
            }
            return expected == 0 ? MemorySegment.NULL : ch.map(FileChannel.MapMode.READ_ONLY, 0, expected, arena);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new DatasetException(file, "is missing; the dataset is damaged (re-import it)");
        } catch (IOException e) {
            throw new DatasetException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    public Path dir() {
        return dir;
    }

    public DatasetManifest manifest() {
        return manifest;
    }

    public long traceCount() {
        return manifest.traces();
    }

    public int samplesPerTrace() {
        return ns;
    }

    public SampleType sampleType() {
        return type;
    }

    /// Byte order of the raw trace headers (the source's).
    public ByteOrder headerByteOrder() {
        return headerOrder;
    }

    /// Bytes of raw headers per trace.
    public int traceHeaderBytes() {
        return headerBytes;
    }

    /// All samples, mapped read-only: trace `i` starts at byte `i × ns × sampleType.bytes()`.
    public MemorySegment samples() {
        return samples;
    }

    /// All raw trace headers, mapped read-only: trace `i` at byte `i × traceHeaderBytes()`.
    public MemorySegment traceHeaders() {
        return headers;
    }

    /// The raw header block(s) of one trace, mapped read-only.
    public MemorySegment traceHeader(long trace) {
        check(trace);
        return headers.asSlice(trace * headerBytes, headerBytes);
    }

    /// The dataset's trace header layout: its `headerSchema` (the columns of `headers.parquet`,
    /// so custom layouts apply), or the standard SEG-Y rev 2 layout for a dataset without one.
    public HeaderLayout headerLayout() {
        java.util.List<DatasetManifest.Column> schema = manifest.headerSchema();
        if (schema == null || schema.isEmpty()) {
            return HeaderLayout.standard();
        }
        java.util.List<HeaderField> fields = new java.util.ArrayList<>(schema.size());
        for (DatasetManifest.Column c : schema) {
            fields.add(new HeaderField(c.name(), c.bytePosition(), HeaderType.parse(c.type()), c.longName(), null));
        }
        return HeaderLayout.of(fields);
    }

    /// A header field of a trace, decoded from the raw header.
    public long header(long trace, HeaderField field) {
        check(trace);
        return field.readLong(headers, trace * headerBytes, headerOrder);
    }

    /// One header field of every trace, decoded from the raw headers into an `int[]` (a strided
    /// read of the mapped `trace-headers.bin`, split over the available cores). For integer fields
    /// of up to 32 bits that fit an int (not `uint32`, `int64`, `uint64`, or floating fields).
    public int[] intColumn(HeaderField field) {
        switch (field.type()) {
            case INT8, UINT8, INT16, UINT16, INT32 -> {
            }
            default -> throw new IllegalArgumentException("header field '" + field.name() + "' is " + field.type().specName()
                    + ", which does not fit an int column");
        }
        int n = Math.toIntExact(traceCount());
        int[] column = new int[n];
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), n / 100_000));
        java.util.stream.IntStream.range(0, threads).parallel().forEach(part -> {
            int from = (int) ((long) n * part / threads);
            int to = (int) ((long) n * (part + 1) / threads);
            for (int t = from; t < to; t++) {
                column[t] = (int) field.readLong(headers, (long) t * headerBytes, headerOrder);
            }
        });
        return column;
    }

    /// Reads trace `trace` into `dst[offset..offset+ns)` (float64 stores round to float32).
    public void readTrace(long trace, float[] dst, int offset) {
        check(trace);
        long at = trace * ns * type.bytes();
        if (type == SampleType.FLOAT32) {
            MemorySegment.copy(samples, Layouts.FLOAT_LE, at, dst, offset, ns);
        } else {
            for (int i = 0; i < ns; i++) {
                dst[offset + i] = (float) samples.get(Layouts.DOUBLE_LE, at + 8L * i);
            }
        }
    }

    /// Reads trace `trace` exactly into doubles.
    public void readTrace(long trace, double[] dst, int offset) {
        check(trace);
        long at = trace * ns * type.bytes();
        if (type == SampleType.FLOAT64) {
            MemorySegment.copy(samples, Layouts.DOUBLE_LE, at, dst, offset, ns);
        } else {
            for (int i = 0; i < ns; i++) {
                dst[offset + i] = samples.get(Layouts.FLOAT_LE, at + 4L * i);
            }
        }
    }

    /// The source's bytes for a trace whose samples could not be re-encoded identically from
    /// their values (see [DatasetManifest#rawSampleExceptions]), or null.
    public byte[] rawSourceSamples(long trace) {
        DatasetManifest.RawException e = exceptions.isEmpty() ? null : exceptions.get(trace); // no boxing when none
        if (e == null) {
            return null;
        }
        try (FileChannel ch = FileChannel.open(dir.resolve(DatasetFiles.RAW_EXCEPTIONS), StandardOpenOption.READ)) {
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(e.length());
            org.seisproc.io.FileReads.readFully(ch, buf, e.offset());   // a cut file is an error, never zeros in the output
            return buf.array();
        } catch (IOException ex) {
            throw new DatasetException(dir.resolve(DatasetFiles.RAW_EXCEPTIONS), "cannot read the kept source bytes of trace " + trace
                    + ": " + ex.getMessage() + " (the dataset is damaged: import the source again)", ex);
        }
    }

    /// The bytes of a file of the dataset (textual.bin, binary.bin, sources/…).
    public byte[] readFile(String name) {
        try {
            return Files.readAllBytes(dir.resolve(name));
        } catch (IOException e) {
            throw new DatasetException(dir.resolve(name), "cannot read: " + e.getMessage(), e);
        }
    }

    /// The samples' checksum (SHA-256 of float32 little-endian samples, trace after trace): the
    /// same digest `seisproc checksum` gives for the source file.
    public String sampleDigest() {
        return digest(samples, type, ns);
    }

    /// The samples' checksum of a store segment of `type` with `ns` samples per trace. A float32
    /// store already is the digest's input (float32 little-endian, trace after trace), so its
    /// checksum is the plain SHA-256 of its bytes.
    static String digest(MemorySegment store, SampleType type, int ns) {
        if (type == SampleType.FLOAT32) {
            return sha256(store);
        }
        SampleDigest d = new SampleDigest();
        float[] buf = new float[Math.max(1, ns)];
        for (long at = 0; at < store.byteSize(); at += 8L * ns) {
            for (int i = 0; i < ns; i++) {
                buf[i] = (float) store.get(Layouts.DOUBLE_LE, at + 8L * i);
            }
            d.update(buf, 0, ns);
        }
        return d.hex();
    }

    /// SHA-256 of a segment's bytes, as hex.
    static String sha256(MemorySegment segment) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            byte[] chunk = new byte[1 << 22];
            for (long at = 0; at < segment.byteSize(); at += chunk.length) {
                int len = (int) Math.min(chunk.length, segment.byteSize() - at);
                MemorySegment.copy(segment, ValueLayout.JAVA_BYTE, at, chunk, 0, len);
                sha.update(chunk, 0, len);
            }
            return java.util.HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /// The checksums recorded in `dataset.json` for a store and its raw trace headers.
    static DatasetManifest.Checksums checksums(MemorySegment store, SampleType type, int ns, MemorySegment headers) {
        return new DatasetManifest.Checksums(digest(store, type, ns), sha256(headers));
    }

    /// Reads traces `first .. first+count-1` as they are stored (little-endian, [#sampleType])
    /// into `dst` from its position on, with positional reads: the kernel copies them from the
    /// page cache, where reading through the mapping ([#samples]) takes a page fault per page —
    /// a third of the processor time of a 2 GB sort (perf, 2026-12-01). Any thread.
    public void readStored(long first, int count, java.nio.ByteBuffer dst) {
        if (count <= 0) {
            return;
        }
        check(first);
        check(first + count - 1);
        long traceBytes = (long) ns * type.bytes();
        Path file = dir.resolve(type.fileName());
        try {
            org.seisproc.io.FileReads.readFully(storeChannel(file), dst.duplicate().limit(Math.toIntExact(dst.position() + count * traceBytes)),
                    first * traceBytes);
        } catch (IOException e) {
            throw new DatasetException(file, "cannot read traces: " + e.getMessage(), e);
        }
    }

    private synchronized FileChannel storeChannel(Path file) throws IOException {
        if (storeChannel == null) {
            storeChannel = FileChannel.open(file, StandardOpenOption.READ);
        }
        return storeChannel;
    }

    private void check(long trace) {
        if (trace < 0 || trace >= manifest.traces()) {
            throw new IndexOutOfBoundsException(dir + ": trace " + trace + " does not exist; the dataset has "
                    + manifest.traces() + " traces");
        }
    }

    @Override
    public void close() {
        arena.close();
        synchronized (this) {
            if (storeChannel != null) {
                try {
                    storeChannel.close();
                } catch (IOException ignored) {
                    // read-only: nothing is lost
                }
            }
        }
    }
}

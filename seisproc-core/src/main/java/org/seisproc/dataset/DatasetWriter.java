package org.seisproc.dataset;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

import org.seisproc.dataset.internal.MappedOutput;
import org.seisproc.dataset.internal.TargetDir;
import org.seisproc.segy.HeaderField;
import org.seisproc.segy.Layouts;

/// Writes a new dataset derived from an existing one: same traces, headers and file headers,
/// new samples (and, where a step changes them, edited trace headers). Processing flows write
/// their output through it; [Exporter] then writes the new samples and headers.
///
/// Workers write disjoint traces in place from many threads, without locks ([#writeTrace]).
/// Nothing is visible until [#commit]; closing without a commit leaves an incomplete dataset
/// that a rerun replaces. Trace headers start as a copy of the source's; edits go into the raw
/// 240-byte headers ([#setHeader]), which stay the single source of truth for export; the
/// commit derives the new `headers.parquet` from them.
public final class DatasetWriter implements AutoCloseable {
    private final Dataset source;
    private final DatasetShape shape;
    private final boolean reshaped;
    private final long traces;
    private final boolean resumed;
    private final TargetDir dir;
    private final MappedOutput store;
    private final MappedOutput headers;
    private final SampleType type;
    private final int ns;
    private final int headerBytes;
    private final String step;
    private java.util.function.LongUnaryOperator sourceTrace;
    /// Header rows final so far ([#headersFinal]) and the header table built from them meanwhile.
    private Importer.Written finalHeaders;
    private java.util.concurrent.CompletableFuture<Void> table;
    private boolean done;
    private boolean attached;

    private DatasetWriter(Dataset source, DatasetShape shape, boolean resumed, TargetDir dir, MappedOutput store,
                          MappedOutput headers, String step) {
        this.source = source;
        this.shape = shape;
        this.reshaped = shape.samplesPerTrace() != source.samplesPerTrace()
                || shape.sampleIntervalMicros() != source.manifest().sampleIntervalMicros()
                || shape.sampleType() != source.sampleType();
        this.traces = shape.traces();
        this.resumed = resumed;
        this.dir = dir;
        this.store = store;
        this.headers = headers;
        this.type = shape.sampleType();
        this.ns = shape.samplesPerTrace();
        this.headerBytes = source.traceHeaderBytes();
        this.step = step;
        this.sourceTrace = !reshaped && traces == source.traceCount() ? t -> t : null;
    }

    /// Starts a dataset at `target` derived from `source`; `step` describes the processing (it
    /// is recorded in `dataset.json`). Samples start at zero, headers as the source's.
    public static DatasetWriter derive(Dataset source, Path target, String step, boolean overwrite) {
        return create(source, target, source.traceCount(), true, step, overwrite, false);
    }

    /// Starts a dataset of `traces` traces (e.g. one per ensemble, for a stack) with the file
    /// headers and trace shape of `source`; every trace's header must be set with [#writeHeader].
    public static DatasetWriter create(Dataset source, Path target, long traces, boolean copyHeaders, String step,
                                       boolean overwrite, boolean resume) {
        return open(source, target, DatasetShape.of(source).withTraces(traces), copyHeaders, step, overwrite, resume);
    }

    /// Starts a dataset of any shape at `target` — a stack, an attribute volume, a migrated image —
    /// with the textual header, binary header and byte order of `template`. Trace headers start
    /// zeroed: set them with [#setHeader] or [#writeHeader]. At [#commit] every trace header gets
    /// the shape's sample count (bytes 115–116) and interval (117–118), and the binary header
    /// its sample count (3221) and interval (3217), so the dataset exports as valid SEG-Y.
    ///
    /// @param resume reopen an interrupted run's files when they are there with the right sizes
    public static DatasetWriter create(Dataset template, Path target, DatasetShape shape, String step, boolean overwrite,
                                       boolean resume) {
        return open(template, target, shape, false, step, overwrite, resume);
    }

    /// Opens the trace store and trace headers of a dataset that another writer (the coordinator
    /// of a distributed run, e.g. Spark's driver) has created and is still writing, so that a task
    /// can write its traces at their positions. An attached writer never commits or deletes: only
    /// the coordinator does ([#commit] and [#close(boolean)] here just release the mapping). It
    /// takes no lock; the coordinator holds the target's.
    public static DatasetWriter attach(Dataset template, Path target, DatasetShape shape) {
        long storeBytes = shape.storeBytes();
        long headerBytes = shape.traces() * template.traceHeaderBytes();
        String storeName = shape.sampleType().fileName();
        TargetDir dir = TargetDir.attached(target, java.util.Map.of(storeName, storeBytes, DatasetFiles.TRACE_HEADERS, headerBytes));
        DatasetWriter w = new DatasetWriter(template, shape, true, dir, MappedOutput.open(dir.resolve(storeName), storeBytes).forBulkWrites(false),
                MappedOutput.open(dir.resolve(DatasetFiles.TRACE_HEADERS), headerBytes), null);
        w.attached = true;
        return w;
    }

    private static DatasetWriter open(Dataset source, Path target, DatasetShape shape, boolean copyHeaders, String step,
                                      boolean overwrite, boolean resume) {
        TargetPaths.requireSeparate(source.dir(), target);
        long traces = shape.traces();
        long storeBytes = shape.storeBytes();
        long headerBytes = traces * source.traceHeaderBytes();
        String storeName = shape.sampleType().fileName();
        if (resume) {
            TargetDir old = TargetDir.resumable(target, java.util.Map.of(storeName, storeBytes,
                    DatasetFiles.TRACE_HEADERS, headerBytes));
            if (old != null) {
                return new DatasetWriter(source, shape, true, old, MappedOutput.open(old.resolve(storeName), storeBytes).forBulkWrites(false),
                        MappedOutput.open(old.resolve(DatasetFiles.TRACE_HEADERS), headerBytes), step);
            }
        }
        TargetDir dir = TargetDir.prepare(target, overwrite);
        try {
            dir.requireSpace(storeBytes + headerBytes);
            copyIfExists(source.dir(), dir.dir(), DatasetFiles.TEXTUAL);
            copyIfExists(source.dir(), dir.dir(), DatasetFiles.BINARY);
            for (int i = 0; i < source.manifest().source().files().size(); i++) {
                copyIfExists(source.dir(), dir.dir(), DatasetFiles.sourceHeader(i));
                copyIfExists(source.dir(), dir.dir(), DatasetFiles.sourceTrailer(i));
            }
            // every trace is written once through it, typically: its chunk codes come from the writes
            MappedOutput store = MappedOutput.create(dir.resolve(storeName), storeBytes).forBulkWrites(true);
            MappedOutput headers = MappedOutput.create(dir.resolve(DatasetFiles.TRACE_HEADERS), headerBytes);
            if (copyHeaders) {
                headers.copyFrom(source.dir().resolve(DatasetFiles.TRACE_HEADERS), headerBytes);
            }
            return new DatasetWriter(source, shape, false, dir, store, headers, step);
        } catch (RuntimeException e) {
            dir.abandon();
            throw e;
        }
    }

    /// Says which source trace each new trace is (`newTrace -> sourceTrace`; by default trace t
    /// is source trace t when the counts agree, and none otherwise), so that the source bytes
    /// the import kept for byte-exact export (non-canonical IBM words, see
    /// [DatasetManifest#rawSampleExceptions]) follow their traces into this dataset. The export
    /// uses them only where the samples still have the values those bytes decode to.
    public void sourceTraces(java.util.function.LongUnaryOperator newToSource) {
        this.sourceTrace = newToSource;
    }

    /// True when this writer reopened an interrupted run's files (see [#create]).
    public boolean resumed() {
        return resumed;
    }

    /// Number of traces of the new dataset.
    public long traceCount() {
        return traces;
    }

    /// A file inside the dataset being written (for a job's own progress records).
    public Path file(String name) {
        return dir.resolve(name);
    }

    /// Sets trace `trace`'s raw header block(s) from `header` (traceHeaderBytes bytes at `offset`).
    public void writeHeader(long trace, MemorySegment header, long offset) {
        check(trace);
        MemorySegment.copy(header, offset, headers.segment(), trace * headerBytes, headerBytes);
    }

    private static void copyIfExists(Path from, Path to, String name) {
        Path src = from.resolve(name);
        if (Files.exists(src)) {
            try {
                Files.createDirectories(to.resolve(name).getParent());
                Files.copy(src, to.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new DatasetException(to.resolve(name), "cannot copy from " + src + ": " + e.getMessage(), e);
            }
        }
    }

    public Path dir() {
        return dir.dir();
    }

    /// The shape of the dataset being written.
    public DatasetShape shape() {
        return shape;
    }

    /// Writes trace `trace`'s samples from `samples[offset..offset+ns)`.
    public void writeTrace(long trace, float[] samples, int offset) {
        writeTraces(trace, 1, samples, offset);
    }

    /// Writes the `count` traces from `first` on, from `samples[offset..offset+count*ns)`, in
    /// writes of up to [#RUN_BYTES] (one per gather, typically, instead of one per trace).
    public void writeTraces(long first, int count, float[] samples, int offset) {
        writeInRuns(first, count, (b, done, n) -> put(samples, offset + done * ns, n * ns, b, 0));
    }

    /// Writes the `count` traces from `first` on, trace `first + k` from
    /// `samples[offsets[at + k] .. + ns)`: the traces gathered from wherever they are held
    /// straight into the write buffer (one copy), in writes of up to [#RUN_BYTES].
    public void writeTraces(long first, int count, float[] samples, int[] offsets, int at) {
        long traceBytes = (long) ns * type.bytes();
        writeInRuns(first, count, (b, done, n) -> {
            for (int k = 0; k < n; k++) {
                put(samples, offsets[at + done + k], ns, b, k * traceBytes);
            }
        });
    }

    /// Fills the write buffer with traces `done .. done+n-1` of a [#writeInRuns] call.
    private interface Fill {
        void into(MemorySegment buffer, int done, int n);
    }

    /// Writes the `count` traces from `first` on in writes of up to [#RUN_BYTES], each buffer
    /// filled by `fill`.
    private void writeInRuns(long first, int count, Fill fill) {
        if (count <= 0) {
            return;
        }
        check(first);
        check(first + count - 1);
        int bytes = ns * type.bytes();
        int perWrite = Math.max(1, RUN_BYTES / bytes);
        for (int done = 0; done < count; done += perWrite) {
            int n = Math.min(perWrite, count - done);
            long at = (first + done) * bytes;
            fill.into(store.buffer(at, n * bytes), done, n);
            store.writeBuffer(at, n * bytes);
        }
    }

    /// `samples[from .. from+values)` into `b` at byte `to`, in the store's sample type.
    private void put(float[] samples, int from, int values, MemorySegment b, long to) {
        if (type == SampleType.FLOAT32) {
            MemorySegment.copy(samples, from, b, Layouts.FLOAT_LE, to, values);
        } else {
            for (int i = 0; i < values; i++) {
                b.set(Layouts.DOUBLE_LE, to + 8L * i, samples[from + i]);
            }
        }
    }

    /// The calling thread's write buffer for the samples of the `count` traces from `first` on,
    /// as stored (little-endian, [#shape]'s sample type): fill it, then [#writeTraceBuffer].
    /// A copy of stored samples goes straight into it, e.g. from [Dataset#samples] (one copy
    /// instead of two through a `float[]`). The buffer is the thread's own and is reused.
    public MemorySegment traceBuffer(long first, int count) {
        check(first);
        check(first + count - 1);
        long bytes = (long) count * ns * type.bytes();
        if (bytes > Integer.MAX_VALUE - (1 << 20)) {
            throw new IllegalArgumentException(count + " traces of " + ns * type.bytes() + " bytes do not fit one write buffer");
        }
        return store.buffer(first * ns * type.bytes(), (int) bytes);
    }

    /// Writes the calling thread's [#traceBuffer] for the `count` traces from `first` on.
    public void writeTraceBuffer(long first, int count) {
        check(first);
        check(first + count - 1);
        long traceBytes = (long) ns * type.bytes();
        store.writeBuffer(first * traceBytes, (int) (count * traceBytes));
    }

    /// Says that the raw headers of traces `first .. first+count-1` are final (written, never
    /// changed again), so that the new `headers.parquet` is built from them while the rest is
    /// written, on a thread of its own, instead of at [#commit]. A writer whose callers say it
    /// for every trace (a sort, block after block) commits without the header table's wait;
    /// where some traces are never said final, the commit builds the table as before.
    public void headersFinal(long first, long count) {
        if (count <= 0) {
            return;
        }
        check(first);
        check(first + count - 1);
        synchronized (this) {
            if (done || reshaped || attached) {
                return; // a reshaped dataset's headers are stamped at the commit: the table waits for that
            }
            if (finalHeaders == null) {
                finalHeaders = new Importer.Written();
                table = Importer.startHeaderTable(dir.resolve(DatasetFiles.TRACE_HEADERS), headerBytes, source.headerByteOrder(),
                        source.headerLayout().fields(), traces, dir.resolve(DatasetFiles.HEADERS_PARQUET), finalHeaders);
            }
        }
        finalHeaders.add(first, count);
    }

    /// Most bytes of one write of [#writeTraces] (the writing thread's buffer grows to it).
    static final int RUN_BYTES = 8 << 20;

    /// Writes trace `trace`'s samples from doubles.
    public void writeTrace(long trace, double[] samples, int offset) {
        check(trace);
        int bytes = ns * type.bytes();
        MemorySegment b = store.buffer(trace * bytes, bytes);
        if (type == SampleType.FLOAT64) {
            MemorySegment.copy(samples, offset, b, Layouts.DOUBLE_LE, 0, ns);
        } else {
            for (int i = 0; i < ns; i++) {
                b.set(Layouts.FLOAT_LE, 4L * i, (float) samples[offset + i]);
            }
        }
        store.writeBuffer(trace * bytes, bytes);
    }

    /// Sets a header field of a trace (in the source's byte order).
    public void setHeader(long trace, HeaderField field, long value) {
        check(trace);
        field.write(headers.segment(), trace * headerBytes, source.headerByteOrder(), value);
    }

    /// Forces the traces and headers written so far to the storage device (a distributed task
    /// calls it before it reports success, so the coordinator's commit finds them there).
    public void flush() {
        if (!done) {
            store.force();
            headers.force();
        }
    }

    /// Syncs everything and publishes the dataset (checksums recomputed).
    public void commit() {
        if (done) {
            throw new IllegalStateException("already committed or closed");
        }
        if (attached) {
            throw new IllegalStateException("a writer attached to another's dataset cannot commit it; its coordinator does");
        }
        DatasetManifest m = source.manifest();
        if (reshaped) {
            Reshape.stampTraceHeaders(headers.segment(), traces, headerBytes, source.headerByteOrder(), shape);
            Reshape.patchFileHeaders(dir, m, source.headerByteOrder(), shape);
        }
        // No SHA-256 here (a sequential pass over the whole store): the commit records the chunk
        // codes, and `seisproc checksum` computes the digest when asked.
        DatasetManifest.Checksums sums = null;
        boolean sourceHeaders = traces == source.traceCount() && sameHeadersAsSource();
        int[] storeCodes = store.chunkCodes();
        store.close();
        headers.close();
        if (!tableBuiltMeanwhile() || sourceHeaders) {
            writeHeaderTable(sourceHeaders);
        }
        DatasetManifest out = new DatasetManifest(DatasetManifest.FORMAT_VERSION, traces, ns,
                shape.sampleIntervalMicros(), type.jsonName(), m.traceHeaderBytes(), m.source(), m.headerSchema(),
                sums, carryRawExceptions(), m.processing(), Instant.now().toString(),
                "seisproc " + Importer.version()).withProcessing(step);
        // the store's codes as written when every trace was written once; else read from the file
        dir.commit(out, storeCodes != null ? java.util.Map.of(type.fileName(), storeCodes) : java.util.Map.of());
        done = true;
    }

    /// True when the header table was built while the traces were written ([#headersFinal] was
    /// said of every trace); otherwise stops that build (if any) and returns false.
    private boolean tableBuiltMeanwhile() {
        Importer.Written written;
        synchronized (this) {
            written = finalHeaders;
        }
        if (written == null) {
            return false;
        }
        if (!written.complete(traces)) {
            written.fail();
            Importer.awaitQuietly(table);
            return false;
        }
        Importer.join(table);
        return true;
    }

    /// The source's raw sample exceptions renumbered to this dataset's traces (their bytes file
    /// copied along), or an empty list.
    private java.util.List<DatasetManifest.RawException> carryRawExceptions() {
        java.util.List<DatasetManifest.RawException> kept = source.manifest().rawSampleExceptions();
        if (kept == null || kept.isEmpty() || sourceTrace == null) {
            return java.util.List.of();
        }
        java.util.Map<Long, DatasetManifest.RawException> bySource = new java.util.HashMap<>();
        for (DatasetManifest.RawException e : kept) {
            bySource.put(e.trace(), e);
        }
        java.util.List<DatasetManifest.RawException> carried = new java.util.ArrayList<>();
        for (long t = 0; t < traces; t++) {
            DatasetManifest.RawException e = bySource.get(sourceTrace.applyAsLong(t));
            if (e != null) {
                carried.add(new DatasetManifest.RawException(t, e.offset(), e.length()));
            }
        }
        if (!carried.isEmpty()) {
            Path bytes = dir.resolve(DatasetFiles.RAW_EXCEPTIONS);
            try {
                Files.copy(source.dir().resolve(DatasetFiles.RAW_EXCEPTIONS), bytes, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new DatasetException(bytes, "cannot copy the kept source bytes: " + e.getMessage(), e);
            }
        }
        return carried;
    }

    /// True when the new raw trace headers are the source's byte for byte.
    private boolean sameHeadersAsSource() {
        MemorySegment mine = headers.segment();
        MemorySegment theirs = source.traceHeaders();
        return mine.byteSize() == theirs.byteSize() && (mine.byteSize() == 0 || mine.mismatch(theirs) == -1);
    }

    /// The new dataset's `headers.parquet`: the source's table (hard-linked, or copied across
    /// file systems) when the raw headers are the source's byte for byte (`sourceHeaders`),
    /// otherwise decoded anew from the raw headers with the source's layout.
    private void writeHeaderTable(boolean sourceHeaders) {
        Path table = dir.resolve(DatasetFiles.HEADERS_PARQUET);
        Path sourceTable = source.dir().resolve(DatasetFiles.HEADERS_PARQUET);
        try {
            Files.deleteIfExists(table);
            if (sourceHeaders && Files.isRegularFile(sourceTable)) {
                try {
                    Files.createLink(table, sourceTable);
                } catch (IOException | UnsupportedOperationException notLinkable) {
                    Files.copy(sourceTable, table);
                }
                return;
            }
        } catch (IOException e) {
            throw new DatasetException(table, "cannot write the header table: " + e.getMessage(), e);
        }
        Importer.writeHeaderTable(dir.resolve(DatasetFiles.TRACE_HEADERS), headerBytes, source.headerByteOrder(),
                source.headerLayout().fields(), traces, table);
    }

    /// Leaves an uncommitted dataset incomplete: with `keep`, its files stay for a resume;
    /// otherwise they are removed.
    public void close(boolean keep) {
        if (!done) {
            synchronized (this) {
                done = true;
            }
            if (finalHeaders != null) {
                finalHeaders.fail();
                Importer.awaitQuietly(table);
            }
            store.close();
            headers.close();
            if (!keep && !attached) {
                dir.abandon();
            } else if (!attached) {
                dir.release(); // the files stay for a resume; the lock goes
            }
        }
    }

    /// Abandons an uncommitted dataset (it stays marked incomplete, its files removed).
    @Override
    public void close() {
        close(false);
    }

    private void check(long trace) {
        if (trace < 0 || trace >= traces) {
            throw new IndexOutOfBoundsException("trace " + trace + " does not exist; the dataset has " + traces);
        }
    }
}

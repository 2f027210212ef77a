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
/// 240-byte headers ([#setHeader]), which stay the single source of truth for export.
public final class DatasetWriter implements AutoCloseable {
    private final Dataset source;
    private final TargetDir dir;
    private final MappedOutput store;
    private final MappedOutput headers;
    private final SampleType type;
    private final int ns;
    private final int headerBytes;
    private final String step;
    private boolean done;

    private DatasetWriter(Dataset source, TargetDir dir, MappedOutput store, MappedOutput headers, String step) {
        this.source = source;
        this.dir = dir;
        this.store = store;
        this.headers = headers;
        this.type = source.sampleType();
        this.ns = source.samplesPerTrace();
        this.headerBytes = source.traceHeaderBytes();
        this.step = step;
    }

    /// Starts a dataset at `target` derived from `source`; `step` describes the processing (it
    /// is recorded in `dataset.json`). Samples start at zero.
    public static DatasetWriter derive(Dataset source, Path target, String step, boolean overwrite) {
        if (target.toAbsolutePath().normalize().equals(source.dir().toAbsolutePath().normalize())) {
            throw new DatasetException(target, "the output dataset must differ from the input dataset");
        }
        TargetDir dir = TargetDir.prepare(target, overwrite);
        try {
            long n = source.traceCount();
            dir.requireSpace(n * source.samplesPerTrace() * source.sampleType().bytes() + n * source.traceHeaderBytes());
            copyIfExists(source.dir(), dir.dir(), DatasetFiles.TEXTUAL);
            copyIfExists(source.dir(), dir.dir(), DatasetFiles.BINARY);
            for (int i = 0; i < source.manifest().source().files().size(); i++) {
                copyIfExists(source.dir(), dir.dir(), DatasetFiles.sourceHeader(i));
                copyIfExists(source.dir(), dir.dir(), DatasetFiles.sourceTrailer(i));
            }
            MappedOutput store = MappedOutput.create(dir.resolve(source.sampleType().fileName()),
                    n * source.samplesPerTrace() * source.sampleType().bytes());
            MappedOutput headers = MappedOutput.create(dir.resolve(DatasetFiles.TRACE_HEADERS), n * source.traceHeaderBytes());
            MemorySegment.copy(source.traceHeaders(), 0, headers.segment(), 0, n * source.traceHeaderBytes());
            return new DatasetWriter(source, dir, store, headers, step);
        } catch (RuntimeException e) {
            dir.abandon();
            throw e;
        }
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

    /// Writes trace `trace`'s samples from `samples[offset..offset+ns)`.
    public void writeTrace(long trace, float[] samples, int offset) {
        check(trace);
        long at = trace * ns * type.bytes();
        if (type == SampleType.FLOAT32) {
            MemorySegment.copy(samples, offset, store.segment(), Layouts.FLOAT_LE, at, ns);
        } else {
            for (int i = 0; i < ns; i++) {
                store.segment().set(Layouts.DOUBLE_LE, at + 8L * i, samples[offset + i]);
            }
        }
    }

    /// Writes trace `trace`'s samples from doubles.
    public void writeTrace(long trace, double[] samples, int offset) {
        check(trace);
        long at = trace * ns * type.bytes();
        if (type == SampleType.FLOAT64) {
            MemorySegment.copy(samples, offset, store.segment(), Layouts.DOUBLE_LE, at, ns);
        } else {
            for (int i = 0; i < ns; i++) {
                store.segment().set(Layouts.FLOAT_LE, at + 4L * i, (float) samples[offset + i]);
            }
        }
    }

    /// Sets a header field of a trace (in the source's byte order).
    public void setHeader(long trace, HeaderField field, long value) {
        check(trace);
        field.write(headers.segment(), trace * headerBytes, source.headerByteOrder(), value);
    }

    /// Replaces trace `trace`'s raw header block(s) with `header` (`traceHeaderBytes` bytes, in
    /// the source's byte order): for steps that reorder traces.
    public void writeTraceHeader(long trace, MemorySegment header) {
        check(trace);
        if (header.byteSize() != headerBytes) {
            throw new IllegalArgumentException("a trace header block has " + headerBytes + " bytes, got " + header.byteSize());
        }
        MemorySegment.copy(header, 0, headers.segment(), trace * headerBytes, headerBytes);
    }

    /// Syncs everything and publishes the dataset (checksums recomputed).
    public void commit() {
        if (done) {
            throw new IllegalStateException("already committed or closed");
        }
        DatasetManifest m = source.manifest();
        String samples = Dataset.digest(store.segment(), type, ns);
        String headerSum = Importer.sha256(headers.segment());
        store.close();
        headers.close();
        DatasetManifest out = new DatasetManifest(DatasetManifest.FORMAT_VERSION, m.traces(), m.samplesPerTrace(),
                m.sampleIntervalMicros(), m.sampleType(), m.traceHeaderBytes(), m.source(), m.headerSchema(),
                new DatasetManifest.Checksums(samples, headerSum), java.util.List.of(), m.processing(), Instant.now().toString(),
                "seisproc " + Importer.version()).withProcessing(step);
        dir.commit(out);
        done = true;
    }

    /// Abandons an uncommitted dataset (it stays marked incomplete).
    @Override
    public void close() {
        if (!done) {
            done = true;
            store.close();
            headers.close();
            dir.abandon();
        }
    }

    private void check(long trace) {
        if (trace < 0 || trace >= source.traceCount()) {
            throw new IndexOutOfBoundsException("trace " + trace + " does not exist; the dataset has " + source.traceCount());
        }
    }
}

package org.seisproc.dataset;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

import org.seisproc.dataset.internal.ChunkCodes;
import org.seisproc.io.DirectWrites;
import org.seisproc.dataset.internal.HeaderDecoder;
import org.seisproc.dataset.ParallelTraces;
import org.seisproc.dataset.internal.TargetDir;
import org.seisproc.io.parquet.ParquetIO;
import org.seisproc.io.parquet.WriteOptions;
import org.seisproc.segy.FileKind;
import org.seisproc.segy.HeaderField;
import org.seisproc.segy.Layouts;
import org.seisproc.segy.ReadOptions;
import org.seisproc.segy.SampleCodec;
import org.seisproc.segy.SampleFormat;
import org.seisproc.segy.SegyException;
import org.seisproc.segy.SegyFile;
import org.seisproc.segy.SegyInfo;
import org.seisproc.segy.TextualHeader;
import org.seisproc.segy.Ibm;

/// Imports SEG-Y/SU files into a dataset: parallel, streaming (memory bounded by the workers'
/// scratch buffers, whatever the file size), lossless and atomic.
///
/// Each worker takes the next range of traces, copies their raw headers into
/// `trace-headers.bin` and decodes their samples into the mapped store at the same positions
/// (disjoint slices, no locks). Samples whose source bytes would not come back from their values
/// on export (unnormalized IBM words, IBM values beyond float32, 64-bit integers beyond 2^53) are
/// kept verbatim in `raw-exceptions.bin`, so that export stays byte-identical.
public final class Importer {
    /// Traces per work unit, as bytes of source: big enough to amortise, small enough to balance.
    private static final long CHUNK_BYTES = 8L << 20;

    /// @param workers   threads
    /// @param read      how to open the inputs (kind, byte order, truncation, header layout)
    /// @param overwrite replace an existing dataset
    /// @param checksums also compute the samples' and headers' SHA-256 for `dataset.json` (off by
    ///                  default: a sequential pass over the whole store; the chunk codes, computed
    ///                  by the copy workers as they write, already guard the data, and
    ///                  `seisproc checksum` gives the digest when it is wanted)
    /// @param progress  receives source bytes done so far (may be null)
    public record Options(int workers, ReadOptions read, boolean overwrite, boolean checksums, LongConsumer progress) {
        public static Options defaults() {
            return new Options(Runtime.getRuntime().availableProcessors(), ReadOptions.defaults(), false, false, null);
        }

        public Options withWorkers(int w) {
            return new Options(w, read, overwrite, checksums, progress);
        }

        public Options withOverwrite(boolean o) {
            return new Options(workers, read, o, checksums, progress);
        }

        public Options withProgress(LongConsumer p) {
            return new Options(workers, read, overwrite, checksums, p);
        }

        public Options withRead(ReadOptions r) {
            return new Options(workers, r, overwrite, checksums, progress);
        }

        public Options withChecksums(boolean c) {
            return new Options(workers, read, overwrite, c, progress);
        }
    }

    /// What an import did.
    ///
    /// @param sourceBytes        bytes of trace data read (headers and samples)
    /// @param copySeconds        time of the parallel copy/decode
    /// @param totalSeconds       wall time, checksums and header table included
    /// @param rawExceptionTraces traces kept verbatim for byte-exact export
    /// @param tableSeconds       time `headers.parquet` took after the copy (it is written while the
    ///                           copy runs, from the raw headers the copy has written)
    /// @param checksumSeconds    time of the checksums (concurrent with the header table; 0 without)
    /// @param commitSeconds      time of syncing the files to disk and publishing the manifest
    public record Report(Path dataset, long traces, int samplesPerTrace, SampleType sampleType, long sourceBytes,
                         double copySeconds, double totalSeconds, int rawExceptionTraces, String samplesSha256,
                         double tableSeconds, double checksumSeconds, double commitSeconds) {
    }

    private Importer() {
    }

    /// Imports `inputs` (in order) into the dataset directory `target`.
    public static Report run(List<Path> inputs, Path target, Options options) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("no input files");
        }
        long start = System.nanoTime();
        for (Path p : inputs) {
            TargetPaths.requireSeparate(p, target);
        }
        List<SegyFile> files = new ArrayList<>();
        try {
            for (Path p : inputs) {
                files.add(SegyFile.open(p, options.read()));
            }
            return importOpened(files, target, options, start);
        } finally {
            for (SegyFile f : files) {
                f.close();
            }
        }
    }

    private static Report importOpened(List<SegyFile> files, Path target, Options options, long start) {
        SegyFile first = files.getFirst();
        SegyInfo info0 = first.info();
        long[] firstTrace = new long[files.size() + 1];
        SampleType type = SampleType.FLOAT32;
        for (int i = 0; i < files.size(); i++) {
            SegyInfo info = files.get(i).info();
            check(files.get(i), info.samplesPerTrace() == info0.samplesPerTrace(), "has " + info.samplesPerTrace()
                    + " samples per trace, " + first.path() + " has " + info0.samplesPerTrace() + "; import them into separate datasets");
            check(files.get(i), info.byteOrder() == info0.byteOrder(), "is " + info.byteOrderName() + "-endian, "
                    + first.path() + " " + info0.byteOrderName() + "-endian; import them into separate datasets");
            check(files.get(i), info.additionalTraceHeaders() == info0.additionalTraceHeaders(),
                    "has a different number of additional trace headers than " + first.path());
            check(files.get(i), info.kind() == info0.kind(), "is not the same kind of file (SEG-Y/SU) as " + first.path());
            if (SampleType.losslessFor(info.format()) == SampleType.FLOAT64) {
                type = SampleType.FLOAT64;
            }
            firstTrace[i + 1] = firstTrace[i] + info.traces();
        }
        long traces = firstTrace[files.size()];
        int ns = info0.samplesPerTrace();
        int headerBytes = info0.traceHeaderBytes();
        TargetDir dir = TargetDir.prepare(target, options.overwrite());
        try {
            long storeBytes = traces * ns * type.bytes();
            long headerTotal = traces * headerBytes;
            dir.requireSpace(storeBytes + headerTotal + traces * 64 + (1 << 20));
            long copyStart = System.nanoTime();
            ExceptionLog exceptions = new ExceptionLog(dir.resolve(DatasetFiles.RAW_EXCEPTIONS));
            long sourceBytes;
            DatasetManifest.Checksums sums = null;
            Path storePath = dir.resolve(type.fileName());
            Path headersPath = dir.resolve(DatasetFiles.TRACE_HEADERS);
            ChunkCodes storeCodes = new ChunkCodes(storeBytes);
            ChunkCodes headerCodes = new ChunkCodes(headerTotal);
            // The header table is built while the copy runs, from the raw headers the copy has
            // written so far (the copy waits on the disk more than on the processors).
            Written written = new Written();
            CompletableFuture<Void> table;
            try (FileChannel headers = FileChannel.open(headersPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                if (headerTotal > 0) {
                    headers.write(ByteBuffer.allocate(1), headerTotal - 1); // full size, so that it maps whole
                }
            } catch (IOException e) {
                throw new DatasetException(headersPath, "cannot create: " + e.getMessage(), e);
            }
            List<HeaderField> fields = options.read().layout().fields();
            table = startHeaderTable(headersPath, headerBytes, info0.byteOrder(), fields, traces,
                    dir.resolve(DatasetFiles.HEADERS_PARQUET), written);
            try (FileChannel store = FileChannel.open(storePath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 DirectWrites storeWrites = DirectWrites.open(storePath, storeBytes);
                 FileChannel headers = FileChannel.open(headersPath, StandardOpenOption.WRITE);
                 exceptions) {
                sourceBytes = copyTraces(files, firstTrace, type, store, storeWrites, headers, exceptions, options, storeCodes, headerCodes,
                        written);
                if (store.size() != storeBytes || headers.size() != headerTotal) {
                    throw new IllegalStateException("wrote " + store.size() + " + " + headers.size() + " bytes, expected "
                            + storeBytes + " + " + headerTotal);
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                written.fail();
                awaitQuietly(table);
                IOException io = e instanceof java.io.UncheckedIOException u ? u.getCause() : (IOException) e;
                String reason = io.getMessage() != null ? io.getMessage() : io.getClass().getSimpleName();
                throw new DatasetException(dir.target(), "writing the dataset failed: " + reason
                        + (reason.contains("space") ? " (the disk is full: free some space or choose another location, then rerun)" : ""), e);
            } catch (RuntimeException | Error e) {
                written.fail();
                awaitQuietly(table);
                throw e;
            }
            double copySeconds = (System.nanoTime() - copyStart) / 1e9;
            // Start writing the copied data to disk now, while the header table's last batch and
            // the checksums are computed: the commit's sync then finds little left to write.
            Thread earlySync = Thread.ofPlatform().name("seisproc-sync").daemon().start(() -> {
                for (Path p : List.of(storePath, headersPath)) {
                    try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
                        ch.force(false);
                    } catch (IOException ignored) {
                        // the commit syncs again and reports
                    }
                }
            });
            // The checksums (reading the store) are computed while the header table is finished.
            SampleType storeType = type;
            double[] checksumSeconds = {0};
            CompletableFuture<DatasetManifest.Checksums> checksums = options.checksums()
                    ? CompletableFuture.supplyAsync(() -> {
                        long t = System.nanoTime();
                        DatasetManifest.Checksums c = checksums(storePath, headersPath, storeType, ns);
                        checksumSeconds[0] = (System.nanoTime() - t) / 1e9;
                        return c;
                    }, task -> Thread.ofPlatform().name("seisproc-checksums").daemon().start(task)) : null;
            // (its own thread: in the common pool it would hold the only worker a 2-core machine
            // has, and the header table's parallel decode and encode would run on one thread)
            long tableStart = System.nanoTime();
            join(table);
            double tableSeconds = (System.nanoTime() - tableStart) / 1e9;
            if (checksums != null) {
                sums = join(checksums);
            }
            writeFileHeaders(files, dir);
            DatasetManifest manifest = manifest(files, firstTrace, type, exceptions.entries(), options.read()).withChecksums(sums);
            long commitStart = System.nanoTime();
            try {
                earlySync.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            dir.commit(manifest, java.util.Map.of(type.fileName(), storeCodes.codes(),
                    DatasetFiles.TRACE_HEADERS, headerCodes.codes()));
            long end = System.nanoTime();
            return new Report(dir.target(), traces, ns, type, sourceBytes, copySeconds, (end - start) / 1e9,
                    exceptions.entries().size(), sums != null ? sums.samplesSha256() : null, tableSeconds, checksumSeconds[0],
                    (end - commitStart) / 1e9);
        } catch (RuntimeException | Error e) {
            dir.abandon();
            throw e;
        }
    }

    private static void check(SegyFile f, boolean ok, String problem) {
        if (!ok) {
            throw SegyException.of(f.path(), problem);
        }
    }

    /// A copy worker's buffers: one chunk of the source as read, and its raw headers and store
    /// samples, written with one positional write each (no page faults on a mapped output, no
    /// zero-filling); direct, so the kernel reads and writes them without another copy; and
    /// decode scratch.
    private record Scratch(ByteBuffer source, ByteBuffer headers, ByteBuffer samples, float[] floats, double[] doubles, int[] words) {
    }

    private static long copyTraces(List<SegyFile> files, long[] firstTrace, SampleType type, FileChannel store, DirectWrites direct,
                                   FileChannel headers, ExceptionLog exceptions, Options options, ChunkCodes storeCodes,
                                   ChunkCodes headerCodes, Written written) throws IOException {
        record Job(int file, ParallelTraces.Range range) {
        }
        List<Job> jobs = new ArrayList<>();
        List<ParallelTraces.Range> ranges = new ArrayList<>();
        int maxChunk = 1;
        long maxTraceBytes = 1;
        int ns = files.getFirst().samplesPerTrace();
        long storeTraceBytes = (long) ns * type.bytes();
        // With direct writes, chunks of a whole number of blocks of the store (the first chunk of
        // each file starts on a block when the files before it end on one)
        int blockTraces = direct.block() / (int) gcd(storeTraceBytes, direct.block());
        for (int i = 0; i < files.size(); i++) {
            int chunk = (int) Math.max(1, CHUNK_BYTES / files.get(i).info().traceBytes());
            if (chunk >= blockTraces) {
                chunk -= chunk % blockTraces;
            }
            maxChunk = Math.max(maxChunk, chunk);
            maxTraceBytes = Math.max(maxTraceBytes, files.get(i).info().traceBytes());
            for (ParallelTraces.Range r : ParallelTraces.split(0, files.get(i).traceCount(), chunk)) {
                jobs.add(new Job(i, r));
                ranges.add(new ParallelTraces.Range(jobs.size() - 1, jobs.size()));
            }
        }
        int headerBytes = files.getFirst().info().traceHeaderBytes();
        int chunkTraces = maxChunk;
        int sourceChunkBytes = (int) (chunkTraces * maxTraceBytes);
        AtomicLong done = new AtomicLong();
        // The source is read with positional reads into each worker's buffer, not through its
        // mapping: a page fault per 4 KB of a mapped source was two thirds of the copy's time.
        List<FileChannel> sources = new ArrayList<>();
        try {
            for (SegyFile f : files) {
                sources.add(FileChannel.open(f.path(), StandardOpenOption.READ));
            }
            ParallelTraces.run(ranges, options.workers(), new ParallelTraces.Work<Scratch>() {
                @Override
                public Scratch worker() {
                    return new Scratch(ByteBuffer.allocateDirect(sourceChunkBytes), ByteBuffer.allocateDirect(chunkTraces * headerBytes),
                            DirectWrites.staging((int) (chunkTraces * storeTraceBytes)), new float[ns], new double[ns], new int[ns]);
                }

                @Override
                public void run(Scratch s, ParallelTraces.Range unit) {
                    Job job = jobs.get((int) unit.first());
                    SegyFile f = files.get(job.file());
                    SampleFormat format = f.format();
                    long first = job.range().first();
                    int count = (int) (job.range().end() - first);
                    long base = f.traceOffset(first);
                    int span = (int) (f.traceOffset(first + count - 1) + f.info().traceBytes() - base);
                    readFully(sources.get(job.file()), s.source().clear().limit(span), base);
                    MemorySegment source = MemorySegment.ofBuffer(s.source().flip());
                    MemorySegment headerBuf = MemorySegment.ofBuffer(s.headers().clear());
                    long g = firstTrace[job.file()] + first;
                    int shift = DirectWrites.offset(g * storeTraceBytes); // the staging buffer is congruent to the store
                    MemorySegment sampleBuf = MemorySegment.ofBuffer(s.samples().clear()).asSlice(shift);
                    for (int k = 0; k < count; k++) {
                        long t = first + k;
                        long src = f.traceOffset(t) - base;
                        MemorySegment.copy(source, src, headerBuf, (long) k * headerBytes, headerBytes);
                        boolean exact = true;
                        if (format == SampleFormat.IBM_FLOAT32) {
                            readWords(source, src + headerBytes, f.byteOrder(), s.words(), ns);
                            Ibm.toFloats(s.words(), 0, s.floats(), 0, ns);
                            exact = Ibm.allRoundTrip(s.words(), 0, ns);
                            MemorySegment.copy(s.floats(), 0, sampleBuf, Layouts.FLOAT_LE, k * storeTraceBytes, ns);
                        } else if (type == SampleType.FLOAT32) {
                            SampleCodec.decode(format, f.byteOrder(), source, src + headerBytes, s.floats(), 0, ns);
                            MemorySegment.copy(s.floats(), 0, sampleBuf, Layouts.FLOAT_LE, k * storeTraceBytes, ns);
                        } else {
                            SampleCodec.decode(format, f.byteOrder(), source, src + headerBytes, s.doubles(), 0, ns);
                            MemorySegment.copy(s.doubles(), 0, sampleBuf, Layouts.DOUBLE_LE, k * storeTraceBytes, ns);
                            exact = roundTrips(source, format, f.byteOrder(), src + headerBytes, ns);
                        }
                        if (!exact) {
                            exceptions.add(firstTrace[job.file()] + t, source.asSlice(src + headerBytes, (long) ns * format.bytes()));
                        }
                    }
                    ByteBuffer h = s.headers().clear().limit(count * headerBytes);
                    int storeLength = (int) (count * storeTraceBytes);
                    writeFully(headers, h, g * headerBytes);
                    written.add(g, count);
                    try {
                        direct.write(store, s.samples(), g * storeTraceBytes, storeLength);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    ByteBuffer d = s.samples().clear().position(shift).limit(shift + storeLength);
                    // the chunk codes of what was just written, from the buffers still in cache (no second pass)
                    headerCodes.add(g * headerBytes, h.flip());
                    storeCodes.add(g * storeTraceBytes, d);
                    long now = done.addAndGet(count * f.info().traceBytes());
                    if (options.progress() != null) {
                        options.progress().accept(now);
                    }
                }
            });
        } finally {
            for (FileChannel ch : sources) {
                ch.close();
            }
        }
        return done.get();
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long position) {
        try {
            org.seisproc.io.FileReads.readFully(ch, buf, position);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /// Reads `n` 32-bit words in `order`: a plain copy, then a byte-swap loop the JIT vectorises
    /// (a swapping copy runs through a scalar routine in the JVM: 12% of a big-endian import's CPU).
    private static void readWords(MemorySegment source, long offset, ByteOrder order, int[] words, int n) {
        MemorySegment.copy(source, ValueLayout.JAVA_INT_UNALIGNED, offset, words, 0, n);
        if (order != ByteOrder.nativeOrder()) {
            for (int i = 0; i < n; i++) {
                words[i] = Integer.reverseBytes(words[i]);
            }
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer buf, long position) {
        try {
            long at = position;
            while (buf.hasRemaining()) {
                at += ch.write(buf, at);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /// True when the trace's encoded samples come back byte for byte from their decoded values.
    static boolean roundTrips(MemorySegment seg, SampleFormat format, ByteOrder order, long samplesOffset, int ns) {
        switch (format) {
            case IBM_FLOAT32 -> {
                ValueLayout.OfInt l = Layouts.int_(order);
                for (int i = 0; i < ns; i++) {
                    if (!Ibm.roundTrips(seg.get(l, samplesOffset + 4L * i))) {
                        return false;
                    }
                }
                return true;
            }
            case INT64 -> {
                ValueLayout.OfLong l = Layouts.long_(order);
                for (int i = 0; i < ns; i++) {
                    long v = seg.get(l, samplesOffset + 8L * i);
                    if ((long) (double) v != v || v == Long.MAX_VALUE) {
                        return false;
                    }
                }
                return true;
            }
            case UINT64 -> {
                ValueLayout.OfLong l = Layouts.long_(order);
                for (int i = 0; i < ns; i++) {
                    long v = seg.get(l, samplesOffset + 8L * i);
                    if (v < 0 || (long) (double) v != v || v == Long.MAX_VALUE) {
                        return false;
                    }
                }
                return true;
            }
            default -> {
                return true;
            }
        }
    }

    private static void writeFileHeaders(List<SegyFile> files, TargetDir dir) {
        SegyFile first = files.getFirst();
        if (first.kind() == FileKind.SEGY) {
            byte[] header = first.fileHeaderBytes();
            int ext = first.info().extendedTextHeaders();
            byte[] textual = new byte[TextualHeader.BYTES * (1 + ext)];
            System.arraycopy(header, 0, textual, 0, TextualHeader.BYTES);
            System.arraycopy(header, 3600, textual, TextualHeader.BYTES, TextualHeader.BYTES * ext);
            dir.writeFile(DatasetFiles.TEXTUAL, textual);
            dir.writeFile(DatasetFiles.BINARY, java.util.Arrays.copyOfRange(header, 3200, 3600));
        }
        for (int i = 0; i < files.size(); i++) {
            dir.writeFile(DatasetFiles.sourceHeader(i), files.get(i).fileHeaderBytes());
            dir.writeFile(DatasetFiles.sourceTrailer(i), files.get(i).trailingBytes());
        }
    }

    private static DatasetManifest manifest(List<SegyFile> files, long[] firstTrace, SampleType type,
                                            List<DatasetManifest.RawException> exceptions, ReadOptions read) {
        SegyInfo i0 = files.getFirst().info();
        List<DatasetManifest.SourceFile> sources = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            SegyFile f = files.get(i);
            SegyInfo info = f.info();
            String modified;
            try {
                modified = Files.getLastModifiedTime(f.path()).toInstant().toString();
            } catch (IOException e) {
                modified = null;
            }
            sources.add(new DatasetManifest.SourceFile(f.path().toAbsolutePath().toString(), info.fileBytes(), firstTrace[i],
                    info.traces(), info.format().code(), info.byteOrderName(), info.firstTraceOffset(),
                    info.fileBytes() - info.firstTraceOffset() - info.traces() * info.traceBytes(), modified));
        }
        DatasetManifest.Source source = new DatasetManifest.Source(i0.kind() == FileKind.SU ? "su" : "segy", i0.format().code(),
                i0.byteOrderName(), i0.revision(), i0.extendedTextHeaders(), i0.additionalTraceHeaders(), sources);
        List<DatasetManifest.Column> schema = new ArrayList<>();
        for (HeaderField h : read.layout().fields()) {
            schema.add(new DatasetManifest.Column(h.name(), h.bytePosition(), h.type().specName(), h.longName()));
        }
        List<DatasetManifest.RawException> sorted = new ArrayList<>(exceptions);
        sorted.sort(java.util.Comparator.comparingLong(DatasetManifest.RawException::trace));
        return new DatasetManifest(DatasetManifest.FORMAT_VERSION, firstTrace[files.size()], i0.samplesPerTrace(),
                i0.sampleIntervalMicros(), type.jsonName(), i0.traceHeaderBytes(), source, schema, null, sorted, List.of(),
                Instant.now().toString(), "seisproc " + version());
    }

    static String version() {
        String v = Importer.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }

    private static DatasetManifest.Checksums checksums(Path storePath, Path headersPath, SampleType type, int ns) {
        try (java.lang.foreign.Arena arena = java.lang.foreign.Arena.ofShared()) {
            MemorySegment s = mapRead(storePath, arena);
            MemorySegment h = mapRead(headersPath, arena);
            return Dataset.checksums(s, type, ns, h);
        }
    }

    /// Decodes every layout field of the raw headers into `headers.parquet`, a batch of rows at a
    /// time, in row groups of at most 262,144 rows. Both sizes shrink with the heap
    /// ([#tableRows]), so the table of any number of traces is written in a heap of a few tens
    /// of MB: neither the rows nor the columns are ever held whole.
    static void writeHeaderTable(Path rawHeaders, int headerBytes, ByteOrder order, List<HeaderField> fields, long traces, Path parquet) {
        writeHeaderTable(rawHeaders, headerBytes, order, fields, traces, parquet, null);
    }

    /// [#writeHeaderTable] on a thread of its own, following a writer of the raw headers (the
    /// import's copy, a sort) through `written`; the future fails as the table does.
    static CompletableFuture<Void> startHeaderTable(Path rawHeaders, int headerBytes, ByteOrder order, List<HeaderField> fields,
                                                    long traces, Path parquet, Written written) {
        return CompletableFuture.runAsync(() -> writeHeaderTable(rawHeaders, headerBytes, order, fields, traces, parquet, written),
                task -> Thread.ofPlatform().name("seisproc-header-table").daemon().start(task));
    }

    /// As above, following a copy that is still writing the raw headers: each batch waits until
    /// `written` has all its rows (`null`: all are there).
    static void writeHeaderTable(Path rawHeaders, int headerBytes, ByteOrder order, List<HeaderField> fields, long traces,
                                 Path parquet, Written written) {
        int rowBytes = 0;
        for (String type : HeaderDecoder.types(fields).values()) {
            rowBytes += type.equals("int32") || type.equals("float") ? 4 : 8;
        }
        int groupRows = tableRows(rowBytes, Runtime.getRuntime().maxMemory(), 1 << 18);
        WriteOptions write = new WriteOptions(WriteOptions.defaults().compression(), groupRows);
        try (java.lang.foreign.Arena arena = java.lang.foreign.Arena.ofShared();
             var writer = ParquetIO.writer(parquet, HeaderDecoder.types(fields), write)) {
            MemorySegment raw = mapRead(rawHeaders, arena);
            // decoded in place, batch after batch; smaller batches behind a writer, so that little
            // is left to decode when it finishes
            int batch = Math.min(groupRows, written != null ? 1 << 15 : 1 << 17);
            org.seisproc.headers.HeaderTable columns = null;
            for (long first = 0; first < traces; first += batch) {
                int count = (int) Math.min(batch, traces - first);
                if (written != null && !written.await(first + count)) {
                    return; // the copy failed; it reports why
                }
                columns = HeaderDecoder.decode(raw, headerBytes, order, fields, first, count, columns);
                writer.append(columns); // copies the rows: the arrays are refilled next time
            }
            writer.commit();
        }
    }

    /// The traces whose raw headers the copy has written, as the prefix of traces all written.
    static final class Written {
        private final java.util.TreeMap<Long, Long> ahead = new java.util.TreeMap<>();
        private long prefix;
        private boolean failed;

        /// Traces `first .. first+count` are written.
        synchronized void add(long first, long count) {
            ahead.put(first, first + count);
            Long end;
            while ((end = ahead.remove(prefix)) != null) {
                prefix = end;
            }
            notifyAll();
        }

        /// True when the first `traces` are written.
        synchronized boolean complete(long traces) {
            return prefix >= traces;
        }

        /// The copy failed: waiters give up.
        synchronized void fail() {
            failed = true;
            notifyAll();
        }

        /// Waits until the first `traces` are written: true, or false when the copy failed.
        synchronized boolean await(long traces) {
            while (prefix < traces && !failed) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    // never a table cut short that a commit would publish
                    throw new IllegalStateException("interrupted while the header table waited for the copy", e);
                }
            }
            return prefix >= traces;
        }
    }

    /// The result of `f`, its failure rethrown as it was thrown.
    static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    static void awaitQuietly(CompletableFuture<?> f) {
        try {
            f.join();
        } catch (RuntimeException ignored) {
            // the copy's failure is the one reported
        }
    }

    /// Rows per header-table batch and row group for rows of `rowBytes` decoded bytes: the largest
    /// power of two up to `most` whose rows take at most 1/16 of the heap `maxHeapBytes` (the
    /// decoded batch, the writer's row group and its compressed pages are alive at once, beside
    /// the copy's buffers), and at least 1,024.
    static int tableRows(int rowBytes, long maxHeapBytes, int most) {
        long fit = maxHeapBytes / 16 / Math.max(1, rowBytes);
        int rows = most;
        while (rows > 1024 && rows > fit) {
            rows >>= 1;
        }
        return rows;
    }

    private static MemorySegment mapRead(Path file, java.lang.foreign.Arena arena) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return ch.size() == 0 ? MemorySegment.NULL : ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size(), arena);
        } catch (IOException e) {
            throw new DatasetException(file, "cannot read back: " + e.getMessage(), e);
        }
    }

    /// Appends source sample bytes of traces that need them to `raw-exceptions.bin`.
    static final class ExceptionLog implements AutoCloseable {
        private final Path path;
        private final List<DatasetManifest.RawException> entries = Collections.synchronizedList(new ArrayList<>());
        private FileChannel channel;
        private long size;

        ExceptionLog(Path path) {
            this.path = path;
        }

        synchronized void add(long trace, MemorySegment bytes) {
            try {
                if (channel == null) {
                    channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                }
                ByteBuffer buf = ByteBuffer.wrap(bytes.toArray(ValueLayout.JAVA_BYTE));
                long at = size;
                while (buf.hasRemaining()) {
                    size += channel.write(buf, size);
                }
                entries.add(new DatasetManifest.RawException(trace, at, (int) bytes.byteSize()));
            } catch (IOException e) {
                throw new DatasetException(path, "cannot write: " + e.getMessage(), e);
            }
        }

        List<DatasetManifest.RawException> entries() {
            return entries;
        }

        @Override
        public synchronized void close() {
            if (channel != null) {
                try {
                    channel.force(true);
                    channel.close();
                } catch (IOException e) {
                    throw new DatasetException(path, "cannot write: " + e.getMessage(), e);
                }
            }
        }
    }
}

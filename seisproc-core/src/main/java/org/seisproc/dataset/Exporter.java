package org.seisproc.dataset;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAccumulator;
import java.util.function.LongConsumer;

import org.seisproc.dataset.ParallelTraces;
import org.seisproc.dataset.internal.TargetLock;
import org.seisproc.io.DirectWrites;
import org.seisproc.segy.BinaryField;
import org.seisproc.segy.BinaryHeader;
import org.seisproc.segy.ByteOrderSwap;
import org.seisproc.segy.FileKind;
import org.seisproc.segy.FileSpec;
import org.seisproc.segy.SampleCodec;
import org.seisproc.segy.SampleFormat;
import org.seisproc.segy.SegyWriter;
import org.seisproc.segy.TextEncoding;
import org.seisproc.segy.TextualHeader;

/// Exports a dataset to a SEG-Y or SU file: in parallel (each worker encodes a range of traces
/// and writes them in place), atomically (via [SegyWriter]).
///
/// With the source's format, byte order and revision (the defaults) an unmodified dataset
/// exports byte-identical to its source: the file header and trailer are written verbatim, the
/// raw trace headers are copied, the samples re-encoded (exact for every format; the few words
/// that would not come back identically are taken from `raw-exceptions.bin` as long as the
/// stored values still equal theirs). Converting to a format that cannot hold every value
/// measures what was lost: how many samples changed and the largest absolute error.
public final class Exporter {
    private static final long CHUNK_BYTES = 8L << 20;
    /// Bytes written between two background syncs of the output.
    private static final long SYNC_BYTES = 128L << 20;

    /// @param format    sample format of the output (null: the source's)
    /// @param byteOrder byte order of the output (null: the source's)
    /// @param revision  SEG-Y major revision of the output, 1 or 2 (null: the source's)
    /// @param workers   threads
    /// @param progress  receives bytes written so far (may be null)
    /// @param overwrite replace an existing file (otherwise an existing output is refused)
    public record Options(SampleFormat format, ByteOrder byteOrder, Integer revision, int workers, LongConsumer progress,
                          boolean overwrite) {
        public Options(SampleFormat format, ByteOrder byteOrder, Integer revision, int workers, LongConsumer progress) {
            this(format, byteOrder, revision, workers, progress, false);
        }

        public static Options defaults() {
            return new Options(null, null, null, Runtime.getRuntime().availableProcessors(), null, false);
        }

        public Options withOverwrite(boolean o) {
            return new Options(format, byteOrder, revision, workers, progress, o);
        }

        public Options withFormat(SampleFormat f) {
            return new Options(f, byteOrder, revision, workers, progress, overwrite);
        }

        public Options withByteOrder(ByteOrder o) {
            return new Options(format, o, revision, workers, progress, overwrite);
        }

        public Options withRevision(Integer r) {
            return new Options(format, byteOrder, r, workers, progress, overwrite);
        }

        public Options withWorkers(int w) {
            return new Options(format, byteOrder, revision, w, progress, overwrite);
        }

        public Options withProgress(LongConsumer p) {
            return new Options(format, byteOrder, revision, workers, p, overwrite);
        }
    }

    /// What an export did.
    ///
    /// @param verbatimFileHeader the source's file header and trailer were written unchanged
    /// @param lossChecked        the target format cannot hold every stored value, so each was checked
    /// @param samplesChanged     samples whose value differs in the output
    /// @param maxAbsError        largest |output − stored| over the samples
    /// @param maxAbsValue        largest |stored| among the traces that were checked sample by sample (to put the error in proportion)
    /// @param syncSeconds        time of the final sync and rename, after the last trace was written (the
    ///                           written bytes are synced in the background while the traces are encoded)
    public record Report(Path output, FileKind kind, SampleFormat format, ByteOrder byteOrder, long traces, long bytes,
                         double seconds, boolean verbatimFileHeader, boolean lossChecked, long samplesChanged,
                         double maxAbsError, double maxAbsValue, List<String> warnings, double syncSeconds) {
        /// A sentence about precision loss, or null when nothing was lost.
        public String lossSummary() {
            if (samplesChanged == 0) {
                return null;
            }
            return String.format("converting to format %d (%s) lost precision: %,d samples changed, largest absolute error %.6g"
                    + " (%.3g%% of the largest amplitude %.6g)", format.code(), format.description(), samplesChanged, maxAbsError,
                    maxAbsValue > 0 ? 100 * maxAbsError / maxAbsValue : 0.0, maxAbsValue);
        }
    }

    private Exporter() {
    }

    /// Exports `dataset` to `out`, under the lock of `out` ([TargetLock]: a second export to the
    /// same file refuses at once). An existing `out` is replaced only with `overwrite`; hidden
    /// partial files of `out` left by a killed export are removed first.
    public static Report run(Dataset dataset, Path out, Options options) {
        TargetPaths.requireSeparate(dataset.dir(), out);
        if (Files.isDirectory(out)) {
            throw new DatasetException(out, "is a directory; give the path of the SEG-Y/SU file to write");
        }
        try (TargetLock lock = TargetLock.acquire(out)) {
            if (Files.exists(out) && !options.overwrite()) {
                throw new DatasetException(out, "exists; pass --overwrite to replace it");
            }
            removePartials(out);
            return runLocked(dataset, out, options);
        }
    }

    /// Deletes the hidden partial files ([SegyWriter]'s `.NAME.partial-*`) beside `out`; returns
    /// their names. Safe only under the lock of `out` (or when the process holding it is dying).
    public static List<Path> removePartials(Path out) {
        Path abs = out.toAbsolutePath().normalize();
        String prefix = "." + abs.getFileName() + ".partial-";
        List<Path> removed = new ArrayList<>();
        if (abs.getParent() == null || !Files.isDirectory(abs.getParent())) {
            return removed;
        }
        try (java.nio.file.DirectoryStream<Path> s = Files.newDirectoryStream(abs.getParent())) {
            for (Path p : s) {
                if (p.getFileName().toString().startsWith(prefix) && Files.deleteIfExists(p)) {
                    removed.add(p);
                }
            }
        } catch (java.io.IOException e) {
            // what could not be removed is found again next time
        }
        return removed;
    }

    private static Report runLocked(Dataset dataset, Path out, Options options) {
        long start = System.nanoTime();
        DatasetManifest m = dataset.manifest();
        DatasetManifest.Source src = m.source();
        SampleFormat srcFormat = SampleFormat.ofCode(src.format());
        ByteOrder srcOrder = dataset.headerByteOrder();
        FileKind kind = FileKind.fromName(out);
        if (!out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).matches(".*\\.(sgy|segy|seg-y|su)$")
                && "su".equals(src.kind())) {
            kind = FileKind.SU;
        }
        SampleFormat format = options.format() != null ? options.format() : kind == FileKind.SU ? SampleFormat.IEEE_FLOAT32 : srcFormat;
        ByteOrder order = options.byteOrder() != null ? options.byteOrder() : srcOrder;
        List<String> warnings = new ArrayList<>();
        if (kind == FileKind.SU && format != SampleFormat.IEEE_FLOAT32) {
            throw new IllegalArgumentException("Seismic Unix files hold IEEE float32 samples (format 5), not format " + format.code());
        }
        int srcMajor = Integer.parseInt(src.revision().split("\\.")[0]);
        boolean sameKind = kind == FileKind.SU == "su".equals(src.kind());
        boolean verbatim = sameKind && format == srcFormat && order == srcOrder
                && (options.revision() == null || options.revision() == srcMajor) && src.files().size() == 1;
        FileSpec spec;
        byte[] trailer = new byte[0];
        if (verbatim) {
            spec = new FileSpec(kind, order, format, m.samplesPerTrace(), src.additionalTraceHeaders(),
                    kind == FileKind.SU ? new byte[0] : dataset.readFile(DatasetFiles.sourceHeader(0)));
            trailer = dataset.readFile(DatasetFiles.sourceTrailer(0));
        } else if (kind == FileKind.SU) {
            spec = FileSpec.su(order, m.samplesPerTrace());
        } else {
            spec = rebuiltSpec(dataset, format, order, options.revision(), warnings);
        }
        if (order != srcOrder && src.additionalTraceHeaders() > 0) {
            warnings.add("the " + src.additionalTraceHeaders() + " additional trace header(s) per trace are copied verbatim,"
                    + " in the source's byte order (their layout is not known)");
        }
        boolean exceptionsUsable = format == srcFormat && order == srcOrder;
        boolean lossless = (dataset.sampleType() == SampleType.FLOAT32
                && (format == SampleFormat.IEEE_FLOAT32 || format == SampleFormat.IEEE_FLOAT64))
                || (dataset.sampleType() == SampleType.FLOAT64 && format == SampleFormat.IEEE_FLOAT64);
        int ns = m.samplesPerTrace();
        Encoding encoding = new Encoding(format, order, srcOrder, ns, dataset.traceHeaderBytes(), exceptionsUsable, lossless,
                dataset.sampleType() == SampleType.FLOAT32);
        long traceBytes = spec.traceBytes();
        AtomicLong changed = new AtomicLong();
        DoubleAccumulator maxErr = new DoubleAccumulator(Math::max, 0);
        DoubleAccumulator maxAbs = new DoubleAccumulator(Math::max, 0);
        AtomicLong done = new AtomicLong();
        double syncSeconds;
        try (SegyWriter writer = SegyWriter.create(out, spec)) {
            writer.setTrailer(trailer);
            // Sync what is written every SYNC_BYTES while the traces are encoded: the kernel would
            // otherwise hold gigabytes dirty until the commit's fsync and write them only then.
            // Stopped by a flag, never by an interrupt: interrupting a thread inside the channel's
            // force() closes the channel (it is an InterruptibleChannel) and the commit would fail.
            java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
            Thread background = Thread.ofPlatform().name("seisproc-export-sync").daemon().start(() -> {
                long synced = 0;
                while (writing.get()) {
                    long now = done.get();
                    if (now - synced >= SYNC_BYTES) {
                        writer.syncWritten();
                        synced = now;
                    } else {
                        java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
                    }
                }
            });
            long chunk = Math.max(1, CHUNK_BYTES / traceBytes);
            // the traces go around the page cache where they can ([DirectWrites]): on the build
            // machine a 2 GB export through it took 3-5.6 s of system time, or 1 s, depending on
            // the state of its memory
            writer.directWrites(spec.fileHeader().length + m.traces() * traceBytes);
            try {
                ParallelTraces.run(ParallelTraces.split(0, m.traces(), chunk), options.workers(), new ParallelTraces.Work<Scratch>() {
                    @Override
                    public Scratch worker() {
                        return new Scratch(new float[ns], new double[ns], new double[ns], DirectWrites.staging((int) (chunk * traceBytes)),
                                new int[Math.max(1, ns)]);
                    }

                    @Override
                    public void run(Scratch s, ParallelTraces.Range range) {
                        int count = (int) (range.end() - range.first());
                        // staged from the offset that makes the buffer congruent to the file
                        MemorySegment buffer = MemorySegment.ofBuffer(s.traces.clear())
                                .asSlice(DirectWrites.offset(writer.tracePosition(range.first())), count * traceBytes);
                        LossTally tally = new LossTally();
                        for (int k = 0; k < count; k++) {
                            encodeTrace(dataset, range.first() + k, buffer, k * traceBytes, encoding, s, tally);
                        }
                        writer.writeStagedTracesAt(range.first(), s.traces, count);
                        changed.addAndGet(tally.changed);
                        maxErr.accumulate(tally.maxErr);
                        maxAbs.accumulate(tally.maxAbs);
                        long now = done.addAndGet(count * traceBytes);
                        if (options.progress() != null) {
                            options.progress().accept(now);
                        }
                    }
                });
            } finally {
                writing.set(false); // also when the work failed: the thread must not outlive the export
                try {
                    background.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            long syncStart = System.nanoTime();
            writer.commit(m.traces());
            syncSeconds = (System.nanoTime() - syncStart) / 1e9;
        }
        long bytes;
        try {
            bytes = Files.size(out);
        } catch (java.io.IOException e) {
            bytes = -1;
        }
        return new Report(out, kind, format, order, m.traces(), bytes, (System.nanoTime() - start) / 1e9, verbatim, !lossless,
                changed.get(), maxErr.get(), maxAbs.get(), List.copyOf(warnings), syncSeconds);
    }

    private record Scratch(float[] floats, double[] values, double[] back, java.nio.ByteBuffer traces, int[] words) {
    }

    /// How every trace of one export is encoded.
    ///
    /// @param exceptionsUsable the source bytes kept for byte-exact export may be used (same format and order)
    /// @param lossless         the target format holds every stored value (no check needed)
    /// @param single           the store is float32 (else float64)
    private record Encoding(SampleFormat format, ByteOrder order, ByteOrder srcOrder, int ns, int headerBytes,
                            boolean exceptionsUsable, boolean lossless, boolean single) {
    }

    /// What one worker's chunk lost in precision.
    private static final class LossTally {
        long changed;
        double maxErr;
        double maxAbs;
    }

    /// Encodes trace `t` of `ds` at byte `at` of `buffer`: its headers swapped to the output's
    /// order (additional headers verbatim), then its samples — the source's own bytes when they
    /// still decode to the stored values, else encoded; values a lossy format changes are counted.
    private static void encodeTrace(Dataset ds, long t, MemorySegment buffer, long at, Encoding e, Scratch s, LossTally tally) {
        int hb = e.headerBytes();
        int ns = e.ns();
        ByteOrderSwap.traceHeader(ds.traceHeaders(), t * hb, e.srcOrder(), buffer, at, e.order());
        if (hb > 240) {
            MemorySegment.copy(ds.traceHeaders(), t * hb + 240, buffer, at + 240, hb - 240);
        }
        boolean single = e.single();
        if (single) {
            ds.readTrace(t, s.floats, 0);
        } else {
            ds.readTrace(t, s.values, 0);
        }
        byte[] raw = e.exceptionsUsable() ? ds.rawSourceSamples(t) : null;
        boolean check = !e.lossless();
        if (raw != null && (single ? sameValues(raw, e.format(), e.order(), s.floats, s.back)
                : sameValues(raw, e.format(), e.order(), s.values, s.back))) {
            MemorySegment.copy(MemorySegment.ofArray(raw), 0, buffer, at + hb, raw.length);
        } else if (single && e.format() == SampleFormat.IBM_FLOAT32) {
            // the encoder counts inexact values itself: measure only traces that have some
            check = SampleCodec.encodeIbm(e.order(), s.floats, 0, buffer, at + hb, ns, s.words) > 0;
        } else if (single) {
            SampleCodec.encode(e.format(), e.order(), s.floats, 0, buffer, at + hb, ns);
        } else {
            SampleCodec.encode(e.format(), e.order(), s.values, 0, buffer, at + hb, ns);
        }
        if (check) {
            SampleCodec.decode(e.format(), e.order(), buffer, at + hb, s.back, 0, ns);
            for (int i = 0; i < ns; i++) {
                double v = single ? s.floats[i] : s.values[i];
                double b = s.back[i];
                tally.maxAbs = Math.max(tally.maxAbs, Math.abs(v));
                if (Double.compare(v, b) != 0 && !(v == b)) {
                    tally.changed++;
                    tally.maxErr = Math.max(tally.maxErr, Math.abs(v - b));
                }
            }
        }
    }

    private static boolean sameValues(byte[] raw, SampleFormat format, ByteOrder order, float[] values, double[] scratch) {
        double[] asDouble = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            asDouble[i] = values[i];
        }
        return sameValues(raw, format, order, asDouble, scratch);
    }

    private static boolean sameValues(byte[] raw, SampleFormat format, ByteOrder order, double[] values, double[] scratch) {
        int n = raw.length / format.bytes();
        SampleCodec.decode(format, order, MemorySegment.ofArray(raw), 0, scratch, 0, n);
        for (int i = 0; i < n; i++) {
            double stored = values[i];
            double fromRaw = format == SampleFormat.IBM_FLOAT32 ? (float) scratch[i] : scratch[i];
            if (Double.compare(stored, fromRaw) != 0) {
                return false;
            }
        }
        return true;
    }

    /// A file header rebuilt for another format, byte order or revision: the source's textual
    /// headers, its binary header re-encoded field by field, format and revision set.
    private static FileSpec rebuiltSpec(Dataset dataset, SampleFormat format, ByteOrder order, Integer revision, List<String> warnings) {
        DatasetManifest m = dataset.manifest();
        TextualHeader textual;
        List<TextualHeader> extended = new ArrayList<>();
        BinaryHeader binary;
        if ("su".equals(m.source().kind())) {
            textual = TextualHeader.fromLines(List.of("C 1 EXPORTED BY SEISPROC FROM A SEISMIC UNIX FILE",
                    "C 2 " + m.traces() + " TRACES, " + m.samplesPerTrace() + " SAMPLES, " + (long) m.sampleIntervalMicros() + " US"),
                    TextEncoding.EBCDIC);
            binary = BinaryHeader.empty(order)
                    .set(BinaryField.SAMPLE_INTERVAL, (long) Math.min(32767, Math.round(m.sampleIntervalMicros())))
                    .set(BinaryField.MAJOR_REVISION, 1)
                    .set(BinaryField.FIXED_LENGTH_TRACES, 1);
        } else {
            byte[] text = dataset.readFile(DatasetFiles.TEXTUAL);
            textual = new TextualHeader(Arrays.copyOfRange(text, 0, TextualHeader.BYTES));
            for (int i = TextualHeader.BYTES; i + TextualHeader.BYTES <= text.length; i += TextualHeader.BYTES) {
                extended.add(new TextualHeader(Arrays.copyOfRange(text, i, i + TextualHeader.BYTES)));
            }
            BinaryHeader source = new BinaryHeader(dataset.readFile(DatasetFiles.BINARY), dataset.headerByteOrder());
            binary = ByteOrderSwap.binaryHeader(source, order);
            // The trailer and first-trace offset of the source do not describe the new file.
            binary.set(BinaryField.TRAILER_RECORDS, 0).set(BinaryField.FIRST_TRACE_OFFSET, 0);
        }
        if (revision != null) {
            if (revision != 1 && revision != 2) {
                throw new IllegalArgumentException("--revision is " + revision + ": use 1 or 2");
            }
            binary.set(BinaryField.MAJOR_REVISION, revision).set(BinaryField.MINOR_REVISION, 0);
            if (revision < 2) {
                binary.set(BinaryField.BYTE_ORDER_CONSTANT, 0);
            }
        }
        long major = binary.get(BinaryField.MAJOR_REVISION);
        if (order == ByteOrder.LITTLE_ENDIAN && major < 2) {
            warnings.add("little-endian SEG-Y is standard only from rev 2 (readers detect it by the constant at byte 3297);"
                    + " consider --revision 2");
        }
        int additional = m.source().additionalTraceHeaders();
        if (additional > 0 && major < 2) {
            throw new IllegalArgumentException("the dataset has " + additional + " additional trace header(s) per trace,"
                    + " which only SEG-Y rev 2 can hold; export with --revision 2");
        }
        return FileSpec.segy(textual, binary, extended, format, m.samplesPerTrace(), additional);
    }
}

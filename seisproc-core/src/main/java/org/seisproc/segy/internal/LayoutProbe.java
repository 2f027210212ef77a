package org.seisproc.segy.internal;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.seisproc.segy.BinaryField;
import org.seisproc.segy.BinaryHeader;
import org.seisproc.segy.FileKind;
import org.seisproc.segy.HeaderLayout;
import org.seisproc.segy.ReadOptions;
import org.seisproc.segy.SampleFormat;
import org.seisproc.segy.SegyException;
import org.seisproc.segy.SegyInfo;
import org.seisproc.segy.TextualHeader;
import org.seisproc.segy.TraceField;

/// Works out a file's layout from its headers and size: byte order, format, sample count,
/// extended headers, where the traces start, how many there are. Every failure is a
/// [SegyException] that names the file and the byte, and says what to do.
public final class LayoutProbe {
    private static final int FILE_HEADER_BYTES = TextualHeader.BYTES + BinaryHeader.BYTES;
    private static final int TRACE_HEADER = HeaderLayout.TRACE_HEADER_BYTES;

    private LayoutProbe() {
    }

    /// The layout of the file mapped in `file`; `path` is for messages.
    public static SegyInfo probe(Path path, MemorySegment file, ReadOptions options) {
        FileKind kind = options.kind() != null ? options.kind() : FileKind.fromName(path);
        if (kind == FileKind.SU) {
            return probeSu(path, file, options);
        }
        try {
            return probeSegy(path, file, options);
        } catch (SegyException notSegy) {
            if (options.kind() != null) {
                throw notSegy; // the caller said SEG-Y
            }
            SegyInfo su = suByContent(path, file, options);
            if (su == null) {
                throw notSegy;
            }
            return su;
        }
    }

    /// The file read as Seismic Unix, when that reading is consistent — a non-zero sample count
    /// that divides the file into whole traces, the same sample count in the last trace's header,
    /// a plausible interval — else null. For files not named `*.su` whose SEG-Y reading failed.
    private static SegyInfo suByContent(Path path, MemorySegment file, ReadOptions options) {
        SegyInfo su;
        try {
            su = probeSu(path, file, options);
        } catch (SegyException e) {
            return null;
        }
        if (su.traces() < 1 || su.trailingBytes() != 0) {
            return null;
        }
        ByteOrder o = su.byteOrder();
        long last = (su.traces() - 1) * su.traceBytes();
        int lastNs = (int) traceField(file, last, TraceField.SAMPLE_COUNT, o);
        int dt = (int) traceField(file, 0, TraceField.SAMPLE_INTERVAL, o);
        if (lastNs != su.samplesPerTrace() || dt <= 0) {
            return null;
        }
        List<String> warnings = new ArrayList<>(su.warnings());
        warnings.add(0, "not a SEG-Y file, but a consistent Seismic Unix file (" + su.traces() + " traces of "
                + su.samplesPerTrace() + " samples): read as SU; name it *.su or pass --su to say so");
        return new SegyInfo(su.kind(), su.byteOrder(), su.byteOrderReason() + "; detected by content", su.format(), su.revision(),
                su.samplesPerTrace(), su.sampleIntervalMicros(), su.binarySampleIntervalMicros(), su.extendedTextHeaders(),
                su.additionalTraceHeaders(), su.firstTraceOffset(), su.traceBytes(), su.traces(), su.trailingBytes(),
                su.trailerRecords(), su.fileBytes(), su.sortingCode(), List.copyOf(warnings));
    }

    private static SegyInfo probeSegy(Path path, MemorySegment file, ReadOptions options) {
        long size = file.byteSize();
        List<String> warnings = new ArrayList<>();
        if (size < FILE_HEADER_BYTES) {
            throw SegyException.of(path, "not a SEG-Y file: " + size + " bytes, shorter than the 3600-byte file header"
                    + " (textual 3200 + binary 400). If it is a Seismic Unix file, name it *.su or pass --su.");
        }
        String[] reason = new String[1];
        ByteOrder order = byteOrder(path, file, options, reason);
        SampleFormat format = format(path, file, order, options, warnings);
        int major = (int) read(file, BinaryField.MAJOR_REVISION, order);
        int minor = (int) read(file, BinaryField.MINOR_REVISION, order);
        int additional = major >= 2 ? (int) read(file, BinaryField.ADDITIONAL_TRACE_HEADERS, order) : 0;
        if (additional < 0) {
            throw SegyException.atByte(path, at(BinaryField.ADDITIONAL_TRACE_HEADERS), "the number of additional trace headers is "
                    + additional + "; it cannot be negative. The binary header is damaged.");
        }
        int[] extended = new int[1];
        long firstTrace = firstTrace(path, file, order, major, extended, warnings);
        int samples = samplesPerTrace(file, order, options, firstTrace, warnings);
        int trailer = major >= 2 ? (int) Math.max(0, read(file, BinaryField.TRAILER_RECORDS, order)) : 0;
        long body = size - firstTrace - (long) trailer * TextualHeader.BYTES;
        if (samples == 0 && body > 0) {
            throw SegyException.atByte(path, at(BinaryField.SAMPLES_PER_TRACE), "the sample count is 0 in the binary header (byte "
                    + BinaryField.SAMPLES_PER_TRACE.bytePosition() + ", and " + BinaryField.EXT_SAMPLES_PER_TRACE.bytePosition()
                    + ") and in trace 0's header (byte " + TraceField.SAMPLE_COUNT.bytePosition()
                    + "): the traces' length is unknown. The file is damaged or not SEG-Y.");
        }
        if (body < 0) {
            trailer = 0;
            body = size - firstTrace;
            warnings.add("data trailer records (byte " + BinaryField.TRAILER_RECORDS.bytePosition() + ") do not fit the file; ignored");
        }
        long traceBytes = (long) TRACE_HEADER * (1 + additional) + (long) samples * format.bytes();
        long traces = body / traceBytes;
        long rest = body % traceBytes;
        if (rest != 0 && !options.allowTruncated()) {
            throw new SegyException(path, traces, firstTrace + traces * traceBytes, "the file ends " + rest
                    + " bytes into this trace: the trace data (" + body + " bytes from byte " + firstTrace
                    + ") is not a whole number of " + traceBytes + "-byte traces (" + TRACE_HEADER * (1 + additional)
                    + " header bytes + " + samples + " samples × " + format.bytes() + " bytes, format " + format.code()
                    + "). The file is truncated, or the sample count or format in the binary header is wrong. To read the "
                    + traces + " complete traces, use --allow-truncated.");
        }
        if (rest != 0) {
            warnings.add("file is truncated: " + rest + " bytes of an incomplete trace " + traces + " are ignored");
        }
        int binaryDt = (int) read(file, BinaryField.SAMPLE_INTERVAL, order);
        double dt = sampleInterval(file, order, major, traces > 0 ? firstTrace : -1, warnings);
        if (traces > 0) {
            long traceNs = traceField(file, firstTrace, TraceField.SAMPLE_COUNT, order);
            if (traceNs != 0 && traceNs != samples) {
                warnings.add("trace 0's header says " + traceNs + " samples (byte " + TraceField.SAMPLE_COUNT.bytePosition()
                        + "); the binary header's " + samples + " is used, as the file's size agrees with it");
            }
        }
        int sorting = (int) read(file, BinaryField.SORTING_CODE, order);
        return new SegyInfo(FileKind.SEGY, order, reason[0], format, major + "." + minor, samples, dt, binaryDt,
                extended[0], additional, firstTrace, traceBytes, traces, rest, trailer, size, sorting, List.copyOf(warnings));
    }

    /// A binary header field's value, read by its type at its standard place.
    private static long read(MemorySegment file, BinaryField f, ByteOrder order) {
        return f.type().readLong(file, at(f), order);
    }

    /// A trace header field of the trace whose header starts at `traceStart`.
    private static long traceField(MemorySegment file, long traceStart, TraceField f, ByteOrder order) {
        return f.type().readLong(file, traceStart + f.bytePosition() - 1, order);
    }

    /// A binary header field's 0-based offset in the file.
    private static int at(BinaryField f) {
        return f.bytePosition() - 1;
    }

    /// The byte order: the caller's, the rev 2 constant's, or the one in which the format code
    /// and sample count are plausible; `reason[0]` says which.
    private static ByteOrder byteOrder(Path path, MemorySegment file, ReadOptions options, String[] reason) {
        if (options.byteOrder() != null) {
            reason[0] = "given by the caller";
            return options.byteOrder();
        }
        long constant = read(file, BinaryField.BYTE_ORDER_CONSTANT, ByteOrder.BIG_ENDIAN);
        String constantAt = "rev 2 constant " + BinaryHeader.BYTE_ORDER_CONSTANT + " at byte " + BinaryField.BYTE_ORDER_CONSTANT.bytePosition();
        if (constant == BinaryHeader.BYTE_ORDER_CONSTANT) {
            reason[0] = constantAt;
            return ByteOrder.BIG_ENDIAN;
        }
        if (constant == Integer.reverseBytes(BinaryHeader.BYTE_ORDER_CONSTANT)) {
            reason[0] = constantAt;
            return ByteOrder.LITTLE_ENDIAN;
        }
        if (options.format() != null) {
            reason[0] = "sample count (byte " + BinaryField.SAMPLES_PER_TRACE.bytePosition()
                    + ") is plausible in this order (format given by the caller)";
            return orderFromSampleCount(file);
        }
        reason[0] = "format code (byte " + BinaryField.FORMAT.bytePosition() + ") and sample count (byte "
                + BinaryField.SAMPLES_PER_TRACE.bytePosition() + ") are plausible in this order";
        return plausibleOrder(path, file);
    }

    /// The sample format: the caller's, else the binary header's (an error naming the byte when unknown).
    private static SampleFormat format(Path path, MemorySegment file, ByteOrder order, ReadOptions options, List<String> warnings) {
        int formatCode = (int) read(file, BinaryField.FORMAT, order);
        SampleFormat format = options.format() != null ? options.format() : SampleFormat.ofCodeOrNull(formatCode);
        if (format == null) {
            throw SegyException.atByte(path, at(BinaryField.FORMAT), SampleFormat.unsupportedMessage(formatCode)
                    + ". If the samples are in a known format, pass it with --format.");
        }
        if (options.format() != null && options.format().code() != formatCode) {
            warnings.add("the binary header says format " + formatCode + " (byte " + BinaryField.FORMAT.bytePosition() + "); format "
                    + format.code() + " is used as asked");
        }
        return format;
    }

    /// Where trace 0 starts: after the file header and the extended textual headers (counted, or
    /// scanned up to the end stanza when the count is -1), or at the rev 2 explicit offset;
    /// `extended[0]` gets the number of extended textual headers.
    private static long firstTrace(Path path, MemorySegment file, ByteOrder order, int major, int[] extended, List<String> warnings) {
        long size = file.byteSize();
        int count = (int) read(file, BinaryField.EXTENDED_TEXT_HEADERS, order);
        int countAt = BinaryField.EXTENDED_TEXT_HEADERS.bytePosition();
        long first = FILE_HEADER_BYTES;
        if (count == -1) {
            int found = 0;
            while (true) {
                if (first + TextualHeader.BYTES > size) {
                    throw SegyException.atByte(path, first, "the extended textual headers (count -1 at byte " + countAt
                            + ": ended by " + TextualHeader.END_TEXT + ") run past the end of the file without that stanza");
                }
                byte[] block = file.asSlice(first, TextualHeader.BYTES).toArray(ValueLayout.JAVA_BYTE);
                first += TextualHeader.BYTES;
                found++;
                if (TextualHeader.containsEndText(block, 0)) {
                    break;
                }
            }
            count = found;
        } else if (count < 0) {
            throw SegyException.atByte(path, countAt - 1, "the number of extended textual headers is " + count
                    + "; only -1 (variable) or a count ≥ 0 are valid. The binary header is damaged.");
        } else {
            first += (long) TextualHeader.BYTES * count;
            if (first > size) {
                throw SegyException.atByte(path, countAt - 1, count + " extended textual headers (byte " + countAt
                        + ") run past the end of the file (" + size + " bytes); the file is truncated or the count is wrong");
            }
        }
        extended[0] = count;
        long explicitFirst = major >= 2 ? read(file, BinaryField.FIRST_TRACE_OFFSET, order) : 0;
        if (explicitFirst > 0) {
            if (explicitFirst < FILE_HEADER_BYTES || explicitFirst > size) {
                warnings.add("byte offset of the first trace (byte " + BinaryField.FIRST_TRACE_OFFSET.bytePosition() + ") is "
                        + Long.toUnsignedString(explicitFirst) + ", outside the file; ignored, traces are taken to start at byte " + first);
            } else {
                first = explicitFirst;
            }
        }
        return first;
    }

    /// Samples per trace: the caller's, the binary header's (16-bit, then rev 2 32-bit), or trace
    /// 0's header's (with a warning); 0 when none says.
    private static int samplesPerTrace(MemorySegment file, ByteOrder order, ReadOptions options, long firstTrace, List<String> warnings) {
        int samples = options.samples() > 0 ? options.samples() : (int) read(file, BinaryField.SAMPLES_PER_TRACE, order);
        if (samples != 0) {
            return samples;
        }
        long ext = read(file, BinaryField.EXT_SAMPLES_PER_TRACE, order);
        if (ext > 0) {
            return (int) ext;
        }
        if (firstTrace + TRACE_HEADER <= file.byteSize()) {
            samples = (int) traceField(file, firstTrace, TraceField.SAMPLE_COUNT, order);
            if (samples > 0) {
                warnings.add("binary header gives no sample count (bytes " + BinaryField.SAMPLES_PER_TRACE.bytePosition() + ", "
                        + BinaryField.EXT_SAMPLES_PER_TRACE.bytePosition() + "); trace 0's header (byte "
                        + TraceField.SAMPLE_COUNT.bytePosition() + ") says " + samples);
            }
        }
        return samples;
    }

    /// The sample interval (µs): the binary header's, else trace 0's, else the rev 2 extended
    /// one; 0 (with a warning) when none is valid. `firstTrace` < 0: the file has no trace.
    private static double sampleInterval(MemorySegment file, ByteOrder order, int major, long firstTrace, List<String> warnings) {
        int binaryDt = (int) read(file, BinaryField.SAMPLE_INTERVAL, order);
        int binaryAt = BinaryField.SAMPLE_INTERVAL.bytePosition();
        int traceAt = TraceField.SAMPLE_INTERVAL.bytePosition();
        int traceDt = firstTrace >= 0 ? (int) traceField(file, firstTrace, TraceField.SAMPLE_INTERVAL, order) : 0;
        if (binaryDt > 0) {
            if (traceDt > 0 && traceDt != binaryDt) {
                warnings.add("sample interval: binary header " + binaryDt + " us, trace 0 " + traceDt + " us; the binary header's is used");
            }
            return binaryDt;
        }
        double extDt = BinaryField.EXT_SAMPLE_INTERVAL.type().readDouble(file, at(BinaryField.EXT_SAMPLE_INTERVAL), order);
        if (traceDt > 0) {
            warnings.add("binary header sample interval (byte " + binaryAt + ") is " + binaryDt + "; trace 0's (byte " + traceAt + ") "
                    + traceDt + " us is used");
            return traceDt;
        }
        if (major >= 2 && extDt > 0 && Double.isFinite(extDt)) {
            return extDt;
        }
        warnings.add("no valid sample interval: binary header (byte " + binaryAt + ") " + binaryDt + ", trace 0 (byte " + traceAt + ") " + traceDt);
        return 0;
    }

    /// The byte order in which the format code is a known one and the sample count positive
    /// (big-endian first, as the standard's default); then the one where only the format is known.
    private static ByteOrder plausibleOrder(Path path, MemorySegment file) {
        ByteOrder[] orders = {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN};
        for (ByteOrder o : orders) {
            if (knownFormat((int) read(file, BinaryField.FORMAT, o)) && read(file, BinaryField.SAMPLES_PER_TRACE, o) != 0) {
                return o;
            }
        }
        for (ByteOrder o : orders) {
            if (knownFormat((int) read(file, BinaryField.FORMAT, o))) {
                return o;
            }
        }
        int be = (int) read(file, BinaryField.FORMAT, ByteOrder.BIG_ENDIAN);
        int le = (int) read(file, BinaryField.FORMAT, ByteOrder.LITTLE_ENDIAN);
        if (be == 4 || le == 4) {
            throw SegyException.atByte(path, at(BinaryField.FORMAT), SampleFormat.unsupportedMessage(4));
        }
        int pos = BinaryField.FORMAT.bytePosition();
        throw SegyException.atByte(path, at(BinaryField.FORMAT), "not a SEG-Y file, or its binary header is damaged: the sample format code"
                + " (bytes " + pos + "-" + (pos + 1) + ") reads " + be + " big-endian and " + le + " little-endian, and neither is a SEG-Y format."
                + " If it is a Seismic Unix file, name it *.su or pass --su; if the sample format is known, pass --format"
                + " (and --byte-order if needed).");
    }

    /// With a forced format: the order in which the sample count is smaller (and non-zero).
    private static ByteOrder orderFromSampleCount(MemorySegment file) {
        long be = read(file, BinaryField.SAMPLES_PER_TRACE, ByteOrder.BIG_ENDIAN);
        long le = read(file, BinaryField.SAMPLES_PER_TRACE, ByteOrder.LITTLE_ENDIAN);
        if (be == 0) {
            return le == 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        }
        return le != 0 && le < be ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
    }

    private static boolean knownFormat(int code) {
        return SampleFormat.ofCodeOrNull(code) != null;
    }

    private static SegyInfo probeSu(Path path, MemorySegment file, ReadOptions options) {
        long size = file.byteSize();
        if (size < TRACE_HEADER) {
            throw SegyException.of(path, "not a Seismic Unix file: " + size + " bytes, shorter than one 240-byte trace header");
        }
        ByteOrder[] orders = options.byteOrder() != null ? new ByteOrder[] {options.byteOrder()}
                : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN};
        StringBuilder tried = new StringBuilder();
        for (boolean acceptPartial : new boolean[] {false, true}) {
            if (acceptPartial && !options.allowTruncated()) {
                break;
            }
            for (ByteOrder o : orders) {
                int ns = (int) traceField(file, 0, TraceField.SAMPLE_COUNT, o);
                long traceBytes = TRACE_HEADER + 4L * ns;
                if (ns == 0 || (size % traceBytes != 0 && !acceptPartial)) {
                    if (!acceptPartial) {
                        tried.append(tried.isEmpty() ? "" : "; ").append(o == ByteOrder.BIG_ENDIAN ? "big-endian" : "little-endian")
                                .append(" sample count ").append(ns)
                                .append(ns > 0 ? " (" + (size % traceBytes) + " bytes left over)" : "");
                    }
                    continue;
                }
                long traces = size / traceBytes;
                long rest = size % traceBytes;
                List<String> warnings = new ArrayList<>();
                if (rest != 0) {
                    warnings.add("file is truncated: " + rest + " bytes of an incomplete trace " + traces + " are ignored");
                }
                int dt = (int) traceField(file, 0, TraceField.SAMPLE_INTERVAL, o);
                String reason = options.byteOrder() != null ? "given by the caller"
                        : "sample count (byte 115) divides the file into whole traces in this order";
                return new SegyInfo(FileKind.SU, o, reason, SampleFormat.IEEE_FLOAT32, "0.0", ns, Math.max(dt, 0), dt, 0, 0,
                        0, traceBytes, traces, rest, 0, size, 0, List.copyOf(warnings));
            }
        }
        throw new SegyException(path, 0, TraceField.SAMPLE_COUNT.bytePosition() - 1, "not a whole number of Seismic Unix traces (" + size + " bytes): "
                + tried + ". The file is truncated (use --allow-truncated to read the complete traces) or not SU.");
    }
}

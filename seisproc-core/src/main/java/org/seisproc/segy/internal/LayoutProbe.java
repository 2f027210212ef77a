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
import org.seisproc.segy.Layouts;
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
        int lastNs = Short.toUnsignedInt(file.get(Layouts.short_(o), last + 114));
        int dt = file.get(Layouts.short_(o), 116);
        if (lastNs != su.samplesPerTrace() || dt < 0) {
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
        ByteOrder order;
        String reason;
        if (options.byteOrder() != null) {
            order = options.byteOrder();
            reason = "given by the caller";
        } else {
            int constant = file.get(Layouts.INT_BE, 3296);
            if (constant == BinaryHeader.BYTE_ORDER_CONSTANT) {
                order = ByteOrder.BIG_ENDIAN;
                reason = "rev 2 constant 16909060 at byte 3297";
            } else if (constant == Integer.reverseBytes(BinaryHeader.BYTE_ORDER_CONSTANT)) {
                order = ByteOrder.LITTLE_ENDIAN;
                reason = "rev 2 constant 16909060 at byte 3297";
            } else if (options.format() != null) {
                order = orderFromSampleCount(file);
                reason = "sample count (byte 3221) is plausible in this order (format given by the caller)";
            } else {
                order = plausibleOrder(path, file);
                reason = "format code (byte 3225) and sample count (byte 3221) are plausible in this order";
            }
        }
        int formatCode = file.get(Layouts.short_(order), 3224);
        SampleFormat format = options.format() != null ? options.format() : SampleFormat.ofCodeOrNull(formatCode);
        if (format == null) {
            throw SegyException.atByte(path, 3224, SampleFormat.unsupportedMessage(formatCode)
                    + ". If the samples are in a known format, pass it with --format.");
        }
        if (options.format() != null && options.format().code() != formatCode) {
            warnings.add("the binary header says format " + formatCode + " (byte 3225); format " + format.code() + " is used as asked");
        }
        int major = Byte.toUnsignedInt(file.get(ValueLayout.JAVA_BYTE, 3500));
        int minor = Byte.toUnsignedInt(file.get(ValueLayout.JAVA_BYTE, 3501));
        int extended = file.get(Layouts.short_(order), 3504);
        int additional = major >= 2 ? file.get(Layouts.short_(order), 3506) : 0;
        if (additional < 0) {
            throw SegyException.atByte(path, 3506, "the number of additional trace headers is " + additional
                    + "; it cannot be negative. The binary header is damaged.");
        }
        long firstTrace = FILE_HEADER_BYTES;
        if (extended == -1) {
            int count = 0;
            while (true) {
                if (firstTrace + TextualHeader.BYTES > size) {
                    throw SegyException.atByte(path, firstTrace, "the extended textual headers (count -1 at byte 3505: ended by "
                            + TextualHeader.END_TEXT + ") run past the end of the file without that stanza");
                }
                byte[] block = file.asSlice(firstTrace, TextualHeader.BYTES).toArray(ValueLayout.JAVA_BYTE);
                firstTrace += TextualHeader.BYTES;
                count++;
                if (TextualHeader.containsEndText(block, 0)) {
                    break;
                }
            }
            extended = count;
        } else if (extended < 0) {
            throw SegyException.atByte(path, 3504, "the number of extended textual headers is " + extended
                    + "; only -1 (variable) or a count ≥ 0 are valid. The binary header is damaged.");
        } else {
            firstTrace += (long) TextualHeader.BYTES * extended;
            if (firstTrace > size) {
                throw SegyException.atByte(path, 3504, extended + " extended textual headers (byte 3505) run past the end of the file ("
                        + size + " bytes); the file is truncated or the count is wrong");
            }
        }
        long explicitFirst = major >= 2 ? file.get(Layouts.long_(order), 3520) : 0;
        if (explicitFirst > 0) {
            if (explicitFirst < FILE_HEADER_BYTES || explicitFirst > size) {
                warnings.add("byte offset of the first trace (byte 3521) is " + Long.toUnsignedString(explicitFirst)
                        + ", outside the file; ignored, traces are taken to start at byte " + firstTrace);
            } else {
                firstTrace = explicitFirst;
            }
        }
        int samples = options.samples() > 0 ? options.samples() : Short.toUnsignedInt(file.get(Layouts.short_(order), 3220));
        if (samples == 0) {
            int ext = file.get(Layouts.int_(order), 3268);
            if (ext > 0) {
                samples = ext;
            } else if (firstTrace + TRACE_HEADER <= size) {
                samples = Short.toUnsignedInt(file.get(Layouts.short_(order), firstTrace + 114));
                if (samples > 0) {
                    warnings.add("binary header gives no sample count (bytes 3221, 3269); trace 0's header (byte 115) says " + samples);
                }
            }
        }
        int trailer = major >= 2 ? Math.max(0, file.get(Layouts.int_(order), 3528)) : 0;
        long body = size - firstTrace - (long) trailer * TextualHeader.BYTES;
        if (samples == 0 && body > 0) {
            throw SegyException.atByte(path, 3220, "the sample count is 0 in the binary header (byte 3221, and 3269)"
                    + " and in trace 0's header (byte 115): the traces' length is unknown. The file is damaged or not SEG-Y.");
        }
        if (body < 0) {
            trailer = 0;
            body = size - firstTrace;
            warnings.add("data trailer records (byte 3529) do not fit the file; ignored");
        }
        long traceBytes = (long) TRACE_HEADER * (1 + additional) + (long) samples * format.bytes();
        long traces = body / traceBytes;
        long rest = body % traceBytes;
        if (rest != 0 && !options.allowTruncated()) {
            long at = firstTrace + traces * traceBytes;
            throw new SegyException(path, traces, at, "the file ends " + rest + " bytes into this trace: the trace data ("
                    + body + " bytes from byte " + firstTrace + ") is not a whole number of " + traceBytes + "-byte traces ("
                    + TRACE_HEADER * (1 + additional) + " header bytes + " + samples + " samples × " + format.bytes()
                    + " bytes, format " + format.code() + "). The file is truncated, or the sample count or format in the"
                    + " binary header is wrong. To read the " + traces + " complete traces, use --allow-truncated.");
        }
        if (rest != 0) {
            warnings.add("file is truncated: " + rest + " bytes of an incomplete trace " + traces + " are ignored");
        }
        int binaryDt = file.get(Layouts.short_(order), 3216);
        double dt = binaryDt;
        int traceDt = traces > 0 ? file.get(Layouts.short_(order), firstTrace + TraceField.SAMPLE_INTERVAL.bytePosition() - 1) : 0;
        if (dt <= 0) {
            double extDt = Double.longBitsToDouble(file.get(Layouts.long_(order), 3272));
            if (traceDt > 0) {
                dt = traceDt;
                warnings.add("binary header sample interval (byte 3217) is " + binaryDt + "; trace 0's (byte 117) " + traceDt + " us is used");
            } else if (major >= 2 && extDt > 0 && Double.isFinite(extDt)) {
                dt = extDt;
            } else {
                dt = 0;
                warnings.add("no valid sample interval: binary header (byte 3217) " + binaryDt + ", trace 0 (byte 117) " + traceDt);
            }
        } else if (traceDt > 0 && traceDt != binaryDt) {
            warnings.add("sample interval: binary header " + binaryDt + " us, trace 0 " + traceDt + " us; the binary header's is used");
        }
        if (traces > 0) {
            int traceNs = Short.toUnsignedInt(file.get(Layouts.short_(order), firstTrace + 114));
            if (traceNs != 0 && traceNs != samples) {
                warnings.add("trace 0's header says " + traceNs + " samples (byte 115); the binary header's " + samples
                        + " is used, as the file's size agrees with it");
            }
        }
        int sorting = file.get(Layouts.short_(order), 3228);
        return new SegyInfo(FileKind.SEGY, order, reason, format, major + "." + minor, samples, dt, binaryDt,
                extended, additional, firstTrace, traceBytes, traces, rest, trailer, size, sorting, List.copyOf(warnings));
    }

    /// The byte order in which the format code is a known one and the sample count positive
    /// (big-endian first, as the standard's default); then the one where only the format is known.
    private static ByteOrder plausibleOrder(Path path, MemorySegment file) {
        ByteOrder[] orders = {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN};
        for (ByteOrder o : orders) {
            if (knownFormat(file.get(Layouts.short_(o), 3224)) && file.get(Layouts.short_(o), 3220) != 0) {
                return o;
            }
        }
        for (ByteOrder o : orders) {
            if (knownFormat(file.get(Layouts.short_(o), 3224))) {
                return o;
            }
        }
        int be = file.get(Layouts.SHORT_BE, 3224);
        int le = file.get(Layouts.SHORT_LE, 3224);
        if (be == 4 || le == 4) {
            throw SegyException.atByte(path, 3224, SampleFormat.unsupportedMessage(4));
        }
        throw SegyException.atByte(path, 3224, "not a SEG-Y file, or its binary header is damaged: the sample format code"
                + " (bytes 3225-3226) reads " + be + " big-endian and " + le + " little-endian, and neither is a SEG-Y format."
                + " If it is a Seismic Unix file, name it *.su or pass --su; if the sample format is known, pass --format"
                + " (and --byte-order if needed).");
    }

    /// With a forced format: the order in which the sample count is smaller (and non-zero).
    private static ByteOrder orderFromSampleCount(MemorySegment file) {
        int be = Short.toUnsignedInt(file.get(Layouts.SHORT_BE, 3220));
        int le = Short.toUnsignedInt(file.get(Layouts.SHORT_LE, 3220));
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
                int ns = Short.toUnsignedInt(file.get(Layouts.short_(o), 114));
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
                int dt = file.get(Layouts.short_(o), 116);
                String reason = options.byteOrder() != null ? "given by the caller"
                        : "sample count (byte 115) divides the file into whole traces in this order";
                return new SegyInfo(FileKind.SU, o, reason, SampleFormat.IEEE_FLOAT32, "0.0", ns, Math.max(dt, 0), dt, 0, 0,
                        0, traceBytes, traces, rest, 0, size, 0, List.copyOf(warnings));
            }
        }
        throw new SegyException(path, 0, 114, "not a whole number of Seismic Unix traces (" + size + " bytes): "
                + tried + ". The file is truncated (use --allow-truncated to read the complete traces) or not SU.");
    }
}

package org.seisproc.segy;

import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

/// Everything a writer needs before the first trace: kind, byte order, sample format, samples
/// per trace, additional trace headers, and the file header bytes written verbatim (textual,
/// binary and extended textual headers; empty for SU).
///
/// Build one from an existing file ([#copyOf], byte for byte) or from parts ([#segy], [#su]).
public record FileSpec(FileKind kind, ByteOrder byteOrder, SampleFormat format, int samplesPerTrace,
                       int additionalTraceHeaders, byte[] fileHeader) {

    public FileSpec {
        if (samplesPerTrace < 0) {
            throw new IllegalArgumentException("samples per trace is " + samplesPerTrace);
        }
        if (kind == FileKind.SU && (format != SampleFormat.IEEE_FLOAT32 || fileHeader.length != 0 || additionalTraceHeaders != 0)) {
            throw new IllegalArgumentException("Seismic Unix files hold IEEE float32 samples and no file header");
        }
        if (kind == FileKind.SEGY && fileHeader.length < TextualHeader.BYTES + BinaryHeader.BYTES) {
            throw new IllegalArgumentException("a SEG-Y file header has at least 3600 bytes, not " + fileHeader.length);
        }
        fileHeader = fileHeader.clone();
    }

    /// The layout of `source`, with its file header verbatim.
    public static FileSpec copyOf(SegyFile source) {
        SegyInfo i = source.info();
        return new FileSpec(i.kind(), i.byteOrder(), i.format(), i.samplesPerTrace(), i.additionalTraceHeaders(),
                source.fileHeaderBytes());
    }

    /// A SEG-Y file header from parts. The binary header's format (3225), sample count (3221,
    /// and 3269 when over 65535), extended textual header count (3505) and, for rev 2 and later,
    /// the byte-order constant (3297) and additional trace header count (3507) are set from the
    /// arguments; its other fields are kept as given.
    public static FileSpec segy(TextualHeader textual, BinaryHeader binary, List<TextualHeader> extended,
                                SampleFormat format, int samplesPerTrace, int additionalTraceHeaders) {
        ByteOrder order = binary.byteOrder();
        BinaryHeader b = new BinaryHeader(binary.bytes(), order);
        b.set(BinaryField.FORMAT, format.code());
        b.set(BinaryField.SAMPLES_PER_TRACE, samplesPerTrace <= 0xFFFF ? samplesPerTrace : 0);
        b.set(BinaryField.EXTENDED_TEXT_HEADERS, extended.size());
        boolean rev2 = b.get(BinaryField.MAJOR_REVISION) >= 2;
        if (samplesPerTrace > 0xFFFF || rev2) {
            b.set(BinaryField.EXT_SAMPLES_PER_TRACE, samplesPerTrace);
        }
        if (rev2) {
            b.set(BinaryField.BYTE_ORDER_CONSTANT, BinaryHeader.BYTE_ORDER_CONSTANT);
            b.set(BinaryField.ADDITIONAL_TRACE_HEADERS, additionalTraceHeaders);
        } else if (additionalTraceHeaders != 0 || samplesPerTrace > 0xFFFF) {
            throw new IllegalArgumentException("additional trace headers and more than 65535 samples need SEG-Y rev 2"
                    + " (set the binary header's major revision, byte 3501, to 2)");
        }
        byte[] header = new byte[TextualHeader.BYTES + BinaryHeader.BYTES + TextualHeader.BYTES * extended.size()];
        System.arraycopy(textual.bytes(), 0, header, 0, TextualHeader.BYTES);
        System.arraycopy(b.bytes(), 0, header, TextualHeader.BYTES, BinaryHeader.BYTES);
        for (int i = 0; i < extended.size(); i++) {
            System.arraycopy(extended.get(i).bytes(), 0, header, 3600 + TextualHeader.BYTES * i, TextualHeader.BYTES);
        }
        return new FileSpec(FileKind.SEGY, order, format, samplesPerTrace, additionalTraceHeaders, header);
    }

    /// A Seismic Unix file: float32 samples in `order`, no file header.
    public static FileSpec su(ByteOrder order, int samplesPerTrace) {
        return new FileSpec(FileKind.SU, order, SampleFormat.IEEE_FLOAT32, samplesPerTrace, 0, new byte[0]);
    }

    /// Bytes of headers per trace.
    public int traceHeaderBytes() {
        return HeaderLayout.TRACE_HEADER_BYTES * (1 + additionalTraceHeaders);
    }

    /// Bytes per trace, headers and samples.
    public long traceBytes() {
        return traceHeaderBytes() + (long) samplesPerTrace * format.bytes();
    }

    @Override
    public byte[] fileHeader() {
        return fileHeader.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FileSpec s && kind == s.kind && byteOrder == s.byteOrder && format == s.format
                && samplesPerTrace == s.samplesPerTrace && additionalTraceHeaders == s.additionalTraceHeaders
                && Arrays.equals(fileHeader, s.fileHeader);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(fileHeader) * 31 + format.hashCode() * 7 + samplesPerTrace;
    }

    @Override
    public String toString() {
        return "FileSpec[" + kind + ", " + byteOrder + ", format " + format.code() + ", " + samplesPerTrace + " samples, "
                + fileHeader.length + " header bytes]";
    }
}

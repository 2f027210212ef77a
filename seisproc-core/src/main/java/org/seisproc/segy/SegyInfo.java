package org.seisproc.segy;

import java.nio.ByteOrder;
import java.util.List;

/// What a SEG-Y or SU file is: its layout, as read from the headers and the file size.
///
/// @param kind                   SEG-Y or SU
/// @param byteOrder              byte order of every binary field and sample
/// @param byteOrderReason        why that order (rev 2 constant, plausibility, forced, ...)
/// @param format                 sample format
/// @param revision               "major.minor" from bytes 3501–3502, verbatim ("0.0" for SU)
/// @param samplesPerTrace        samples in every trace
/// @param sampleIntervalMicros   the sample interval used (binary header, else trace 0, else the rev 2
///                               extended field), in microseconds; 0 when none is valid
/// @param binarySampleIntervalMicros the binary header's 16-bit interval as written (may be ≤ 0)
/// @param extendedTextHeaders    number of 3200-byte extended textual headers
/// @param additionalTraceHeaders number of extra 240-byte headers after each standard trace header (rev 2)
/// @param firstTraceOffset       byte offset of trace 0
/// @param traceBytes             bytes per trace, headers included
/// @param traces                 complete traces in the file
/// @param trailingBytes          bytes after the last complete trace (a truncated trace; 0 normally)
/// @param trailerRecords         3200-byte data trailer stanzas after the traces (rev 2)
/// @param fileBytes              file size
/// @param sortingCode            binary header trace sorting code
/// @param warnings               oddities a user should know (header disagreements, fallbacks)
public record SegyInfo(FileKind kind, ByteOrder byteOrder, String byteOrderReason, SampleFormat format,
                       String revision, int samplesPerTrace, double sampleIntervalMicros,
                       int binarySampleIntervalMicros, int extendedTextHeaders, int additionalTraceHeaders,
                       long firstTraceOffset, long traceBytes, long traces, long trailingBytes, int trailerRecords,
                       long fileBytes, int sortingCode, List<String> warnings) {

    /// "big" or "little".
    public String byteOrderName() {
        return byteOrder == ByteOrder.BIG_ENDIAN ? "big" : "little";
    }

    /// Bytes of headers per trace (240 × (1 + additional)).
    public int traceHeaderBytes() {
        return HeaderLayout.TRACE_HEADER_BYTES * (1 + additionalTraceHeaders);
    }
}

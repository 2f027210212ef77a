package org.seisproc.segy;

import java.nio.ByteOrder;

/// How to open a SEG-Y or SU file.
///
/// @param kind           SEG-Y or SU; null: from the name (`.su` is SU)
/// @param byteOrder      force a byte order; null: detect (rev 2 constant, else plausibility)
/// @param allowTruncated read only the complete traces of a file whose last trace is cut short
///                       (otherwise that is an error naming the trace and byte)
/// @param layout         the trace header fields to decode by name
/// @param format         force the sample format (real files with a wrong code at byte 3225); null: the header's
/// @param samples        force the samples per trace (a wrong count at byte 3221); 0: the header's
public record ReadOptions(FileKind kind, ByteOrder byteOrder, boolean allowTruncated, HeaderLayout layout,
                          SampleFormat format, int samples) {

    public ReadOptions {
        if (layout == null) {
            layout = HeaderLayout.standard();
        }
        if (samples < 0) {
            throw new IllegalArgumentException("samples per trace cannot be negative: " + samples);
        }
    }

    public ReadOptions(FileKind kind, ByteOrder byteOrder, boolean allowTruncated, HeaderLayout layout) {
        this(kind, byteOrder, allowTruncated, layout, null, 0);
    }

    /// Detect everything, refuse truncated files, standard header layout.
    public static ReadOptions defaults() {
        return new ReadOptions(null, null, false, HeaderLayout.standard(), null, 0);
    }

    public ReadOptions withKind(FileKind k) {
        return new ReadOptions(k, byteOrder, allowTruncated, layout, format, samples);
    }

    public ReadOptions withByteOrder(ByteOrder o) {
        return new ReadOptions(kind, o, allowTruncated, layout, format, samples);
    }

    public ReadOptions withAllowTruncated(boolean allow) {
        return new ReadOptions(kind, byteOrder, allow, layout, format, samples);
    }

    public ReadOptions withLayout(HeaderLayout l) {
        return new ReadOptions(kind, byteOrder, allowTruncated, l, format, samples);
    }

    public ReadOptions withFormat(SampleFormat f) {
        return new ReadOptions(kind, byteOrder, allowTruncated, layout, f, samples);
    }

    public ReadOptions withSamples(int n) {
        return new ReadOptions(kind, byteOrder, allowTruncated, layout, format, n);
    }
}

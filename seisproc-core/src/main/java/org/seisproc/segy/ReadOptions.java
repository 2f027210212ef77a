package org.seisproc.segy;

import java.nio.ByteOrder;

/// How to open a SEG-Y or SU file.
///
/// @param kind           SEG-Y or SU; null: from the name (`.su` is SU)
/// @param byteOrder      force a byte order; null: detect (rev 2 constant, else plausibility)
/// @param allowTruncated read only the complete traces of a file whose last trace is cut short
///                       (otherwise that is an error naming the trace and byte)
/// @param layout         the trace header fields to decode by name
public record ReadOptions(FileKind kind, ByteOrder byteOrder, boolean allowTruncated, HeaderLayout layout) {

    public ReadOptions {
        if (layout == null) {
            layout = HeaderLayout.standard();
        }
    }

    /// Detect everything, refuse truncated files, standard header layout.
    public static ReadOptions defaults() {
        return new ReadOptions(null, null, false, HeaderLayout.standard());
    }

    public ReadOptions withKind(FileKind k) {
        return new ReadOptions(k, byteOrder, allowTruncated, layout);
    }

    public ReadOptions withByteOrder(ByteOrder o) {
        return new ReadOptions(kind, o, allowTruncated, layout);
    }

    public ReadOptions withAllowTruncated(boolean allow) {
        return new ReadOptions(kind, byteOrder, allow, layout);
    }

    public ReadOptions withLayout(HeaderLayout l) {
        return new ReadOptions(kind, byteOrder, allowTruncated, l);
    }
}

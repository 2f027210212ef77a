package org.seisproc.segy;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;

/// Re-encodes headers from one byte order to the other, field by field, so that a file can be
/// written in the other byte order with the same header values.
public final class ByteOrderSwap {
    private ByteOrderSwap() {
    }

    /// Copies the standard 240-byte trace header at `srcOffset` of `src` (in order `from`) to
    /// `dst` at `dstOffset` in order `to`: every [TraceField] (they tile bytes 1–240) is
    /// re-encoded.
    public static void traceHeader(MemorySegment src, long srcOffset, ByteOrder from, MemorySegment dst, long dstOffset, ByteOrder to) {
        if (from == to) {
            MemorySegment.copy(src, srcOffset, dst, dstOffset, HeaderLayout.TRACE_HEADER_BYTES);
            return;
        }
        for (TraceField f : TraceField.values()) {
            HeaderType t = f.type();
            long v = t.readLong(src, srcOffset + f.bytePosition() - 1, from);
            writeBits(t, dst, dstOffset + f.bytePosition() - 1, to, v);
        }
    }

    /// The binary header in order `to`: every [BinaryField] re-encoded, the unassigned bytes
    /// copied verbatim.
    public static BinaryHeader binaryHeader(BinaryHeader source, ByteOrder to) {
        if (source.byteOrder() == to) {
            return source;
        }
        byte[] bytes = source.bytes();
        MemorySegment src = MemorySegment.ofArray(source.bytes());
        MemorySegment dst = MemorySegment.ofArray(bytes);
        for (BinaryField f : BinaryField.values()) {
            long v = f.type().readLong(src, f.offset(), source.byteOrder());
            if (f.type() == HeaderType.FLOAT64) {
                v = src.get(Layouts.long_(source.byteOrder()), f.offset());
            }
            writeBits(f.type(), dst, f.offset(), to, v);
        }
        return new BinaryHeader(bytes, to);
    }

    /// Writes the raw bits `v` (as read by readLong for integers) of a field of type `t`.
    private static void writeBits(HeaderType t, MemorySegment dst, long at, ByteOrder to, long v) {
        switch (t.bytes()) {
            case 1 -> dst.set(java.lang.foreign.ValueLayout.JAVA_BYTE, at, (byte) v);
            case 2 -> dst.set(Layouts.short_(to), at, (short) v);
            case 4 -> dst.set(Layouts.int_(to), at, (int) v);
            default -> dst.set(Layouts.long_(to), at, v);
        }
    }
}

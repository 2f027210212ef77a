package org.seisproc.segy;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;

/// The 400-byte binary file header, kept verbatim, read and written field by field.
///
/// Values are returned as `long` (integer fields) or `double` ([BinaryField#EXT_SAMPLE_INTERVAL]
/// and the other IEEE fields); byte positions are the standard's (see [BinaryField]).
public final class BinaryHeader {
    /// Size of the binary header in bytes.
    public static final int BYTES = 400;
    /// The rev 2 byte-order constant at byte 3297.
    public static final int BYTE_ORDER_CONSTANT = 0x01020304;

    private final byte[] bytes;
    private final MemorySegment segment;
    private final ByteOrder order;

    /// Wraps a copy of the 400 bytes, to be read in `order`.
    public BinaryHeader(byte[] bytes, ByteOrder order) {
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("a binary header has 400 bytes, not " + bytes.length);
        }
        this.bytes = bytes.clone();
        this.segment = MemorySegment.ofArray(this.bytes);
        this.order = order;
    }

    /// An all-zero header in `order`, to be filled with [#set].
    public static BinaryHeader empty(ByteOrder order) {
        return new BinaryHeader(new byte[BYTES], order);
    }

    public ByteOrder byteOrder() {
        return order;
    }

    public long get(BinaryField field) {
        return field.type().readLong(segment, field.offset(), order);
    }

    public double getDouble(BinaryField field) {
        return field.type().readDouble(segment, field.offset(), order);
    }

    /// Sets a field; throws if the value does not fit its type.
    public BinaryHeader set(BinaryField field, long value) {
        field.type().write(segment, field.offset(), order, value);
        return this;
    }

    /// Sets a floating field (or an integer field to an integral value).
    public BinaryHeader set(BinaryField field, double value) {
        field.type().write(segment, field.offset(), order, value);
        return this;
    }

    /// A copy of the 400 bytes.
    public byte[] bytes() {
        return bytes.clone();
    }
}

package org.seisproc.segy;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.util.Objects;

/// One decoded field of a 240-byte header block: its name, 1-based byte position and type.
///
/// `longName` is an optional second name (the standard's long name), `description` free text.
/// The field is valid when it lies entirely within `1..blockBytes` (240 for trace headers).
public record HeaderField(String name, int bytePosition, HeaderType type, String longName, String description) {

    /// The names this field answers to: its short name, then its long name when it has another.
    public java.util.List<String> names() {
        return longName == null || longName.equalsIgnoreCase(name) ? java.util.List.of(name) : java.util.List.of(name, longName);
    }

    /// True when `other` is one of this field's [#names] (case-insensitive).
    public boolean isNamed(String other) {
        return name.equalsIgnoreCase(other) || (longName != null && longName.equalsIgnoreCase(other));
    }

    public HeaderField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (name.isBlank()) {
            throw new IllegalArgumentException("header field name is empty");
        }
        if (bytePosition < 1) {
            throw new IllegalArgumentException("header field '" + name + "': byte position " + bytePosition
                    + " is before the header (positions are 1-based)");
        }
    }

    /// A custom field with no long name.
    public HeaderField(String name, int bytePosition, HeaderType type) {
        this(name, bytePosition, type, null, null);
    }

    /// 0-based offset within the header block.
    public int offset() {
        return bytePosition - 1;
    }

    /// Last 1-based byte position the field occupies.
    public int lastBytePosition() {
        return bytePosition + type.bytes() - 1;
    }

    /// Reads the field of the header block starting at `blockOffset` in `segment`.
    public long readLong(MemorySegment segment, long blockOffset, ByteOrder order) {
        return type.readLong(segment, blockOffset + offset(), order);
    }

    /// Reads the field as a double (for floating-point fields).
    public double readDouble(MemorySegment segment, long blockOffset, ByteOrder order) {
        return type.readDouble(segment, blockOffset + offset(), order);
    }

    /// Writes the field into the header block starting at `blockOffset`.
    public void write(MemorySegment segment, long blockOffset, ByteOrder order, long value) {
        type.write(segment, blockOffset + offset(), order, value);
    }

    /// Writes the field into the header block starting at `blockOffset`.
    public void write(MemorySegment segment, long blockOffset, ByteOrder order, double value) {
        type.write(segment, blockOffset + offset(), order, value);
    }
}

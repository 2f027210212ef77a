package org.seisproc.segy;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.Locale;

import org.seisproc.segy.Ibm;

/// The binary type of a header field: its size in bytes and how its bits become a number.
///
/// Integer types read as `long` exactly; floating types read as `double` exactly
/// (`IBM32` is the IBM System/360 hexadecimal float of SEG-Y format 1).
public enum HeaderType {
    INT8(1, true), UINT8(1, true), INT16(2, true), UINT16(2, true), INT32(4, true), UINT32(4, true),
    INT64(8, true), UINT64(8, true), FLOAT32(4, false), FLOAT64(8, false), IBM32(4, false);

    private final int bytes;
    private final boolean integer;

    HeaderType(int bytes, boolean integer) {
        this.bytes = bytes;
        this.integer = integer;
    }

    /// Size of the field in bytes.
    public int bytes() {
        return bytes;
    }

    /// True for integer types, whose values are exact in a `long`.
    public boolean isInteger() {
        return integer;
    }

    /// The type's name as written in header specs: `int16`, `uint32`, `float64`, `ibm32`, ...
    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /// Parses a type name as used in header specs (`int32`, `uint16`, `float32`, `ibm32`; also
    /// the segyio/numpy-like aliases `i4`, `u2`, `f4`, `f8`, `int`, `short`).
    public static HeaderType parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "int8", "i1", "byte" -> INT8;
            case "uint8", "u1" -> UINT8;
            case "int16", "i2", "short" -> INT16;
            case "uint16", "u2" -> UINT16;
            case "int32", "i4", "int" -> INT32;
            case "uint32", "u4" -> UINT32;
            case "int64", "i8", "long" -> INT64;
            case "uint64", "u8" -> UINT64;
            case "float32", "f4", "float", "ieee32" -> FLOAT32;
            case "float64", "f8", "double", "ieee64" -> FLOAT64;
            case "ibm32", "ibm" -> IBM32;
            default -> throw new IllegalArgumentException("unknown header type '" + name
                    + "': use one of int8, uint8, int16, uint16, int32, uint32, int64, uint64, float32, float64, ibm32");
        };
    }

    /// Reads the value at `offset` of `segment` as a long (floating values are truncated toward zero).
    public long readLong(MemorySegment segment, long offset, ByteOrder order) {
        return switch (this) {
            case INT8 -> segment.get(ValueLayout.JAVA_BYTE, offset);
            case UINT8 -> Byte.toUnsignedLong(segment.get(ValueLayout.JAVA_BYTE, offset));
            case INT16 -> segment.get(Layouts.short_(order), offset);
            case UINT16 -> Short.toUnsignedLong(segment.get(Layouts.short_(order), offset));
            case INT32 -> segment.get(Layouts.int_(order), offset);
            case UINT32 -> Integer.toUnsignedLong(segment.get(Layouts.int_(order), offset));
            case INT64, UINT64 -> segment.get(Layouts.long_(order), offset);
            case FLOAT32, FLOAT64, IBM32 -> (long) readDouble(segment, offset, order);
        };
    }

    /// Reads the value at `offset` of `segment` as a double (exact for every type but 64-bit
    /// integers beyond ±2^53).
    public double readDouble(MemorySegment segment, long offset, ByteOrder order) {
        return switch (this) {
            case FLOAT32 -> Float.intBitsToFloat(segment.get(Layouts.int_(order), offset));
            case FLOAT64 -> Double.longBitsToDouble(segment.get(Layouts.long_(order), offset));
            case IBM32 -> Ibm.toDouble(segment.get(Layouts.int_(order), offset));
            case UINT64 -> SampleCodec.unsignedToDouble(segment.get(Layouts.long_(order), offset));
            default -> readLong(segment, offset, order);
        };
    }

    /// Writes `value` at `offset` of `segment`; throws if it does not fit the type.
    public void write(MemorySegment segment, long offset, ByteOrder order, long value) {
        switch (this) {
            case INT8 -> segment.set(ValueLayout.JAVA_BYTE, offset, (byte) checkRange(value, Byte.MIN_VALUE, Byte.MAX_VALUE));
            case UINT8 -> segment.set(ValueLayout.JAVA_BYTE, offset, (byte) checkRange(value, 0, 0xFF));
            case INT16 -> segment.set(Layouts.short_(order), offset, (short) checkRange(value, Short.MIN_VALUE, Short.MAX_VALUE));
            case UINT16 -> segment.set(Layouts.short_(order), offset, (short) checkRange(value, 0, 0xFFFF));
            case INT32 -> segment.set(Layouts.int_(order), offset, (int) checkRange(value, Integer.MIN_VALUE, Integer.MAX_VALUE));
            case UINT32 -> segment.set(Layouts.int_(order), offset, (int) checkRange(value, 0, 0xFFFF_FFFFL));
            case INT64, UINT64 -> segment.set(Layouts.long_(order), offset, value);
            case FLOAT32, FLOAT64, IBM32 -> write(segment, offset, order, (double) value);
        }
    }

    /// Writes `value` at `offset` of `segment`; integer types require an integral value in range.
    public void write(MemorySegment segment, long offset, ByteOrder order, double value) {
        switch (this) {
            case FLOAT32 -> segment.set(Layouts.int_(order), offset, Float.floatToRawIntBits((float) value));
            case FLOAT64 -> segment.set(Layouts.long_(order), offset, Double.doubleToRawLongBits(value));
            case IBM32 -> segment.set(Layouts.int_(order), offset, Ibm.fromDouble(value));
            default -> {
                long asLong = (long) value;
                if (asLong != value) {
                    throw new IllegalArgumentException("value " + value + " is not an integer; field type is " + specName());
                }
                write(segment, offset, order, asLong);
            }
        }
    }

    private long checkRange(long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("value " + value + " does not fit a " + specName()
                    + " field (" + min + " to " + max + ")");
        }
        return value;
    }
}

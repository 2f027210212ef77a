package org.seisproc.io.parquet.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/// A minimal writer of the Thrift compact protocol, enough for Parquet's page headers and file
/// footer: structs with field-id deltas, zigzag varints, binaries, lists. Callers write fields in
/// increasing id order and end each struct with [#stop].
public final class ThriftCompact {
    public static final int BOOL_TRUE = 1;
    public static final int BOOL_FALSE = 2;
    public static final int I16 = 4;
    public static final int I32 = 5;
    public static final int I64 = 6;
    public static final int BINARY = 8;
    public static final int LIST = 9;
    public static final int STRUCT = 12;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    private final int[] lastField = new int[64];
    private int depth;

    public byte[] bytes() {
        return out.toByteArray();
    }

    private void fieldHeader(int id, int type) {
        int delta = id - lastField[depth];
        if (delta > 0 && delta <= 15) {
            out.write((delta << 4) | type);
        } else {
            out.write(type);
            varint(zigzag(id));
        }
        lastField[depth] = id;
    }

    public ThriftCompact i32(int id, int v) {
        fieldHeader(id, I32);
        varint(zigzag(v));
        return this;
    }

    public ThriftCompact i16(int id, int v) {
        fieldHeader(id, I16);
        varint(zigzag(v));
        return this;
    }

    public ThriftCompact i64(int id, long v) {
        fieldHeader(id, I64);
        varint(zigzag(v));
        return this;
    }

    public ThriftCompact bool(int id, boolean v) {
        fieldHeader(id, v ? BOOL_TRUE : BOOL_FALSE);
        return this;
    }

    public ThriftCompact binary(int id, byte[] v) {
        fieldHeader(id, BINARY);
        varint(v.length);
        out.writeBytes(v);
        return this;
    }

    public ThriftCompact string(int id, String v) {
        return binary(id, v.getBytes(StandardCharsets.UTF_8));
    }

    /// Starts a struct field; write its fields, then [#stop].
    public ThriftCompact beginStruct(int id) {
        fieldHeader(id, STRUCT);
        lastField[++depth] = 0;
        return this;
    }

    /// Starts a list field of `size` elements of `elementType`.
    public ThriftCompact beginList(int id, int elementType, int size) {
        fieldHeader(id, LIST);
        if (size < 15) {
            out.write((size << 4) | elementType);
        } else {
            out.write(0xF0 | elementType);
            varint(size);
        }
        return this;
    }

    /// Starts a struct that is an element of a list; end with [#stop].
    public ThriftCompact beginElement() {
        lastField[++depth] = 0;
        return this;
    }

    /// A list element of type i32.
    public ThriftCompact elementI32(int v) {
        varint(zigzag(v));
        return this;
    }

    /// A list element of type binary/string.
    public ThriftCompact elementString(String v) {
        byte[] b = v.getBytes(StandardCharsets.UTF_8);
        varint(b.length);
        out.writeBytes(b);
        return this;
    }

    /// Ends the current struct.
    public ThriftCompact stop() {
        out.write(0);
        if (depth > 0) {
            depth--;
        }
        return this;
    }

    private void varint(long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    private static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }
}

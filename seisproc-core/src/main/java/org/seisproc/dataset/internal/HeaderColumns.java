package org.seisproc.dataset.internal;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.seisproc.headers.Column;
import org.seisproc.headers.HeaderTable;
import org.seisproc.segy.HeaderField;

/// Decodes header fields of raw 240-byte header blocks into typed columns: integers of up to
/// 32 bits (but uint32) as int32, uint32 and 64-bit integers as int64, IEEE float32 as float,
/// float64 and IBM floats as double (exact).
public final class HeaderColumns {
    private HeaderColumns() {
    }

    /// The column type of a field (int32, int64, float, double).
    public static String type(HeaderField f) {
        return switch (f.type()) {
            case INT8, UINT8, INT16, UINT16, INT32 -> "int32";
            case UINT32, INT64, UINT64 -> "int64";
            case FLOAT32 -> "float";
            case FLOAT64, IBM32 -> "double";
        };
    }

    /// The types of `fields` by name, in order.
    public static Map<String, String> types(List<HeaderField> fields) {
        Map<String, String> out = new LinkedHashMap<>();
        for (HeaderField f : fields) {
            out.put(f.name(), type(f));
        }
        return out;
    }

    /// Decodes `fields` of headers `first .. first+count-1` (block i at byte `i·blockBytes`).
    public static HeaderTable decode(MemorySegment headers, int blockBytes, ByteOrder order, List<HeaderField> fields,
                                     long first, int count) {
        Map<String, Column> out = new LinkedHashMap<>();
        for (HeaderField f : fields) {
            long base = first * blockBytes;
            switch (type(f)) {
                case "int32" -> {
                    int[] v = new int[count];
                    for (int i = 0; i < count; i++) {
                        v[i] = (int) f.readLong(headers, base + (long) i * blockBytes, order);
                    }
                    out.put(f.name(), new Column.Ints(v));
                }
                case "int64" -> {
                    long[] v = new long[count];
                    for (int i = 0; i < count; i++) {
                        v[i] = f.readLong(headers, base + (long) i * blockBytes, order);
                    }
                    out.put(f.name(), new Column.Longs(v));
                }
                case "float" -> {
                    float[] v = new float[count];
                    for (int i = 0; i < count; i++) {
                        v[i] = (float) f.readDouble(headers, base + (long) i * blockBytes, order);
                    }
                    out.put(f.name(), new Column.Floats(v));
                }
                default -> {
                    double[] v = new double[count];
                    for (int i = 0; i < count; i++) {
                        v[i] = f.readDouble(headers, base + (long) i * blockBytes, order);
                    }
                    out.put(f.name(), new Column.Doubles(v));
                }
            }
        }
        return HeaderTable.of(out);
    }
}

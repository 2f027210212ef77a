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
    ///
    /// Row by row (each 240-byte block is a few cache lines, read once), every field scattered to
    /// its column; the common 16- and 32-bit integer fields take a direct path.
    public static HeaderTable decode(MemorySegment headers, int blockBytes, ByteOrder order, List<HeaderField> fields,
                                     long first, int count) {
        int nf = fields.size();
        int[][] ints = new int[nf][];
        long[][] longs = new long[nf][];
        float[][] floats = new float[nf][];
        double[][] doubles = new double[nf][];
        int[] kind = new int[nf];       // 0 int16, 1 uint16, 2 int32, 3 other int32, 4 int64, 5 float, 6 double
        int[] offset = new int[nf];
        for (int f = 0; f < nf; f++) {
            HeaderField h = fields.get(f);
            offset[f] = h.offset();
            switch (type(h)) {
                case "int32" -> {
                    ints[f] = new int[count];
                    kind[f] = switch (h.type()) {
                        case INT16 -> 0;
                        case UINT16 -> 1;
                        case INT32 -> 2;
                        default -> 3;
                    };
                }
                case "int64" -> {
                    longs[f] = new long[count];
                    kind[f] = 4;
                }
                case "float" -> {
                    floats[f] = new float[count];
                    kind[f] = 5;
                }
                default -> {
                    doubles[f] = new double[count];
                    kind[f] = 6;
                }
            }
        }
        var i16 = org.seisproc.segy.Layouts.short_(order);
        var i32 = org.seisproc.segy.Layouts.int_(order);
        for (int r = 0; r < count; r++) {
            long base = (first + r) * blockBytes;
            for (int f = 0; f < nf; f++) {
                long at = base + offset[f];
                switch (kind[f]) {
                    case 0 -> ints[f][r] = headers.get(i16, at);
                    case 1 -> ints[f][r] = Short.toUnsignedInt(headers.get(i16, at));
                    case 2 -> ints[f][r] = headers.get(i32, at);
                    case 3 -> ints[f][r] = (int) fields.get(f).type().readLong(headers, at, order);
                    case 4 -> longs[f][r] = fields.get(f).type().readLong(headers, at, order);
                    case 5 -> floats[f][r] = (float) fields.get(f).type().readDouble(headers, at, order);
                    default -> doubles[f][r] = fields.get(f).type().readDouble(headers, at, order);
                }
            }
        }
        Map<String, Column> out = new LinkedHashMap<>();
        for (int f = 0; f < nf; f++) {
            String name = fields.get(f).name();
            out.put(name, switch (kind[f]) {
                case 0, 1, 2, 3 -> new Column.Ints(ints[f]);
                case 4 -> new Column.Longs(longs[f]);
                case 5 -> new Column.Floats(floats[f]);
                default -> new Column.Doubles(doubles[f]);
            });
        }
        return HeaderTable.of(out);
    }
}

package org.seisproc.dataset.internal;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
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
public final class HeaderDecoder {
    private HeaderDecoder() {
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

    private static final VarHandle I16_BE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle I16_LE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I32_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle I32_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    /// Rows decoded together: their raw blocks are copied to the heap once (~1 MB, cache-resident)
    /// and each field is then read down the chunk in a tight loop of its own.
    private static final int CHUNK_ROWS = 4096;
    private static final ThreadLocal<byte[]> CHUNK = new ThreadLocal<>();

    /// Decodes `fields` of headers `first .. first+count-1` (block i at byte `i·blockBytes`), into
    /// the arrays of `reuse` (a table this method returned for the same fields and `count`, no
    /// longer needed) when it is given: a writer that copies each batch then runs without
    /// allocating a batch's columns again and again (garbage the collector would copy).
    ///
    /// In chunks of 4,096 rows, in parallel: a chunk's blocks are copied to the heap, then each
    /// field is decoded down the chunk (the common 16- and 32-bit integers through constant
    /// byte-array views, which compile to a load and a byte swap).
    public static HeaderTable decode(MemorySegment headers, int blockBytes, ByteOrder order, List<HeaderField> fields,
                                     long first, int count, HeaderTable reuse) {
        boolean recycle = reuse != null && reuse.rows() == count;
        int nf = fields.size();
        int[][] ints = new int[nf][];
        long[][] longs = new long[nf][];
        float[][] floats = new float[nf][];
        double[][] doubles = new double[nf][];
        int[] kind = new int[nf];       // 0 int16, 1 uint16, 2 int32, 3 other int32, 4 int64, 5 float, 6 double
        for (int f = 0; f < nf; f++) {
            HeaderField h = fields.get(f);
            Column old = recycle ? reuse.column(h.name()) : null;
            switch (type(h)) {
                case "int32" -> {
                    ints[f] = old instanceof Column.Ints x ? x.values() : new int[count];
                    kind[f] = switch (h.type()) {
                        case INT16 -> 0;
                        case UINT16 -> 1;
                        case INT32 -> 2;
                        default -> 3;
                    };
                }
                case "int64" -> {
                    longs[f] = old instanceof Column.Longs x ? x.values() : new long[count];
                    kind[f] = 4;
                }
                case "float" -> {
                    floats[f] = old instanceof Column.Floats x ? x.values() : new float[count];
                    kind[f] = 5;
                }
                default -> {
                    doubles[f] = old instanceof Column.Doubles x ? x.values() : new double[count];
                    kind[f] = 6;
                }
            }
        }
        boolean big = order == ByteOrder.BIG_ENDIAN;
        int chunks = (count + CHUNK_ROWS - 1) / CHUNK_ROWS;
        java.util.stream.IntStream.range(0, chunks).parallel().forEach(c -> {
            int r0 = c * CHUNK_ROWS;
            int rows = Math.min(CHUNK_ROWS, count - r0);
            byte[] buf = CHUNK.get();
            if (buf == null || buf.length < CHUNK_ROWS * blockBytes) {
                buf = new byte[CHUNK_ROWS * blockBytes];
                CHUNK.set(buf);
            }
            MemorySegment.copy(headers, ValueLayout.JAVA_BYTE, (first + r0) * blockBytes, buf, 0, rows * blockBytes);
            MemorySegment chunk = MemorySegment.ofArray(buf);
            for (int f = 0; f < nf; f++) {
                HeaderField h = fields.get(f);
                int off = h.offset();
                switch (kind[f]) {
                    case 0 -> {
                        int[] col = ints[f];
                        if (big) {
                            for (int r = 0; r < rows; r++) {
                                col[r0 + r] = (short) I16_BE.get(buf, r * blockBytes + off);
                            }
                        } else {
                            for (int r = 0; r < rows; r++) {
                                col[r0 + r] = (short) I16_LE.get(buf, r * blockBytes + off);
                            }
                        }
                    }
                    case 1 -> {
                        int[] col = ints[f];
                        for (int r = 0; r < rows; r++) {
                            col[r0 + r] = Short.toUnsignedInt(big ? (short) I16_BE.get(buf, r * blockBytes + off)
                                    : (short) I16_LE.get(buf, r * blockBytes + off));
                        }
                    }
                    case 2 -> {
                        int[] col = ints[f];
                        if (big) {
                            for (int r = 0; r < rows; r++) {
                                col[r0 + r] = (int) I32_BE.get(buf, r * blockBytes + off);
                            }
                        } else {
                            for (int r = 0; r < rows; r++) {
                                col[r0 + r] = (int) I32_LE.get(buf, r * blockBytes + off);
                            }
                        }
                    }
                    case 3 -> {
                        for (int r = 0; r < rows; r++) {
                            ints[f][r0 + r] = (int) h.type().readLong(chunk, (long) r * blockBytes + off, order);
                        }
                    }
                    case 4 -> {
                        for (int r = 0; r < rows; r++) {
                            longs[f][r0 + r] = h.type().readLong(chunk, (long) r * blockBytes + off, order);
                        }
                    }
                    case 5 -> {
                        for (int r = 0; r < rows; r++) {
                            floats[f][r0 + r] = (float) h.type().readDouble(chunk, (long) r * blockBytes + off, order);
                        }
                    }
                    default -> {
                        for (int r = 0; r < rows; r++) {
                            doubles[f][r0 + r] = h.type().readDouble(chunk, (long) r * blockBytes + off, order);
                        }
                    }
                }
            }
        });
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

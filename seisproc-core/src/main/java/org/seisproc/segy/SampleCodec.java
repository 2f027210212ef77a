package org.seisproc.segy;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

import org.seisproc.segy.Ibm;

/// Bulk conversion between encoded SEG-Y samples and primitive arrays.
///
/// Pure static methods: one loop per format, no per-sample virtual call or boxing; safe to call
/// from many threads on the same (read-only) segment. `src`/`dst` segments may be heap segments
/// (`MemorySegment.ofArray(byte[])`) or memory-mapped files; every access is bounds-checked by
/// the segment, so a short segment fails with `IndexOutOfBoundsException`, never reads garbage.
///
/// Decoding to float32 is exact for the formats with [SampleFormat#exactInFloat32()]; the
/// others round to nearest (use the `double` variant, which is exact but for 64-bit integers
/// beyond ±2^53). Encoding rounds to nearest (ties to even) and saturates at the format's range;
/// NaN encodes as 0 in integer formats.
public final class SampleCodec {
    /// Samples per bulk copy into a primitive scratch block (fits in L1 with the output).
    private static final int BLOCK = 2048;

    private SampleCodec() {
    }

    /// Decodes `n` samples of `format` starting at byte `srcOffset` of `src` into `dst[dstOffset..]`.
    public static void decode(SampleFormat format, ByteOrder order, MemorySegment src, long srcOffset,
                              float[] dst, int dstOffset, int n) {
        java.util.Objects.checkFromIndexSize(dstOffset, n, dst.length);
        boolean be = order == ByteOrder.BIG_ENDIAN;
        switch (format) {
            case IBM_FLOAT32 -> {
                int[] block = new int[Math.min(n, BLOCK)];
                for (int done = 0; done < n; done += block.length) {
                    int m = Math.min(block.length, n - done);
                    readInts(src, order, srcOffset + 4L * done, block, m);
                    Ibm.toFloats(block, 0, dst, dstOffset + done, m);
                }
            }
            case IEEE_FLOAT32 -> MemorySegment.copy(src, Layouts.float_(order), srcOffset, dst, dstOffset, n);
            case INT32 -> {
                int[] block = new int[Math.min(n, BLOCK)];
                for (int done = 0; done < n; done += block.length) {
                    int m = Math.min(block.length, n - done);
                    MemorySegment.copy(src, Layouts.int_(order), srcOffset + 4L * done, block, 0, m);
                    for (int i = 0; i < m; i++) {
                        dst[dstOffset + done + i] = block[i];
                    }
                }
            }
            case UINT32 -> {
                ValueLayout.OfInt l = Layouts.int_(order);
                for (int i = 0; i < n; i++) {
                    dst[dstOffset + i] = Integer.toUnsignedLong(src.get(l, srcOffset + 4L * i));
                }
            }
            case INT16 -> {
                short[] block = new short[Math.min(n, BLOCK)];
                for (int done = 0; done < n; done += block.length) {
                    int m = Math.min(block.length, n - done);
                    MemorySegment.copy(src, Layouts.short_(order), srcOffset + 2L * done, block, 0, m);
                    for (int i = 0; i < m; i++) {
                        dst[dstOffset + done + i] = block[i];
                    }
                }
            }
            case UINT16 -> {
                short[] block = new short[Math.min(n, BLOCK)];
                for (int done = 0; done < n; done += block.length) {
                    int m = Math.min(block.length, n - done);
                    MemorySegment.copy(src, Layouts.short_(order), srcOffset + 2L * done, block, 0, m);
                    for (int i = 0; i < m; i++) {
                        dst[dstOffset + done + i] = block[i] & 0xFFFF;
                    }
                }
            }
            case INT8 -> {
                for (int i = 0; i < n; i++) {
                    dst[dstOffset + i] = src.get(JAVA_BYTE, srcOffset + i);
                }
            }
            case UINT8 -> {
                for (int i = 0; i < n; i++) {
                    dst[dstOffset + i] = Byte.toUnsignedInt(src.get(JAVA_BYTE, srcOffset + i));
                }
            }
            case INT24, UINT24 -> {
                boolean signed = format == SampleFormat.INT24;
                for (int i = 0; i < n; i++) {
                    dst[dstOffset + i] = int24(src, srcOffset + 3L * i, be, signed);
                }
            }
            case IEEE_FLOAT64 -> {
                ValueLayout.OfDouble l = Layouts.double_(order);
                for (int i = 0; i < n; i++) {
                    dst[dstOffset + i] = (float) src.get(l, srcOffset + 8L * i);
                }
            }
            case INT64 -> {
                ValueLayout.OfLong l = Layouts.long_(order);
                for (int i = 0; i < n; i++) {
                    dst[dstOffset + i] = src.get(l, srcOffset + 8L * i);
                }
            }
            case UINT64 -> {
                ValueLayout.OfLong l = Layouts.long_(order);
                for (int i = 0; i < n; i++) {
                    dst[dstOffset + i] = unsignedToFloat(src.get(l, srcOffset + 8L * i));
                }
            }
        }
    }

    /// Decodes `n` samples into doubles: exact for every format (64-bit integers beyond ±2^53
    /// round to nearest).
    public static void decode(SampleFormat format, ByteOrder order, MemorySegment src, long srcOffset,
                              double[] dst, int dstOffset, int n) {
        java.util.Objects.checkFromIndexSize(dstOffset, n, dst.length);
        boolean be = order == ByteOrder.BIG_ENDIAN;
        switch (format) {
            case IBM_FLOAT32 -> {
                ValueLayout.OfInt l = Layouts.int_(order);
                for (int i = 0; i < n; i++) {
                    dst[dstOffset + i] = Ibm.toDouble(src.get(l, srcOffset + 4L * i));
                }
            }
            case IEEE_FLOAT32 -> {
                ValueLayout.OfFloat l = Layouts.float_(order);
                for (int i = 0; i < n; i++) {
                    dst[dstOffset + i] = src.get(l, srcOffset + 4L * i);
                }
            }
            case IEEE_FLOAT64 -> MemorySegment.copy(src, Layouts.double_(order), srcOffset, dst, dstOffset, n);
            case INT32 -> {
                ValueLayout.OfInt l = Layouts.int_(order);
                for (int i = 0; i < n; i++) {
                    dst[dstOffset + i] = src.get(l, srcOffset + 4L * i);
                }
            }
            case UINT32 -> {
                ValueLayout.OfInt l = Layouts.int_(order);
                for (int i = 0; i < n; i++) {
                    dst[dstOffset + i] = Integer.toUnsignedLong(src.get(l, srcOffset + 4L * i));
                }
            }
            case INT16 -> {
                ValueLayout.OfShort l = Layouts.short_(order);
                for (int i = 0; i < n; i++) {
                    dst[dstOffset + i] = src.get(l, srcOffset + 2L * i);
                }
            }
            case UINT16 -> {
                ValueLayout.OfShort l = Layouts.short_(order);
                for (int i = 0; i < n; i++) {
                    dst[dstOffset + i] = Short.toUnsignedInt(src.get(l, srcOffset + 2L * i));
                }
            }
            case INT8 -> {
                for (int i = 0; i < n; i++) {
                    dst[dstOffset + i] = src.get(JAVA_BYTE, srcOffset + i);
                }
            }
            case UINT8 -> {
                for (int i = 0; i < n; i++) {
                    dst[dstOffset + i] = Byte.toUnsignedInt(src.get(JAVA_BYTE, srcOffset + i));
                }
            }
            case INT24, UINT24 -> {
                boolean signed = format == SampleFormat.INT24;
                for (int i = 0; i < n; i++) {
                    dst[dstOffset + i] = int24(src, srcOffset + 3L * i, be, signed);
                }
            }
            case INT64 -> {
                ValueLayout.OfLong l = Layouts.long_(order);
                for (int i = 0; i < n; i++) {
                    dst[dstOffset + i] = src.get(l, srcOffset + 8L * i);
                }
            }
            case UINT64 -> {
                ValueLayout.OfLong l = Layouts.long_(order);
                for (int i = 0; i < n; i++) {
                    dst[dstOffset + i] = unsignedToDouble(src.get(l, srcOffset + 8L * i));
                }
            }
        }
    }

    /// Encodes `n` floats from `src[srcOffset..]` as `format` into `dst` at byte `dstOffset`.
    /// Integer formats round to nearest (ties to even) and saturate; NaN becomes 0.
    public static void encode(SampleFormat format, ByteOrder order, float[] src, int srcOffset,
                              MemorySegment dst, long dstOffset, int n) {
        java.util.Objects.checkFromIndexSize(srcOffset, n, src.length);
        switch (format) {
            case IEEE_FLOAT32 -> MemorySegment.copy(src, srcOffset, dst, Layouts.float_(order), dstOffset, n);
            case IBM_FLOAT32 -> encodeIbm(order, src, srcOffset, dst, dstOffset, n);
            case IEEE_FLOAT64 -> {
                ValueLayout.OfDouble l = Layouts.double_(order);
                for (int i = 0; i < n; i++) {
                    dst.set(l, dstOffset + 8L * i, src[srcOffset + i]);
                }
            }
            default -> {
                for (int i = 0; i < n; i++) {
                    encodeInteger(format, order, dst, dstOffset + (long) format.bytes() * i, src[srcOffset + i]);
                }
            }
        }
    }

    /// Encodes `n` doubles as `format` (see [#encode(SampleFormat, ByteOrder, float[], int, MemorySegment, long, int)]).
    public static void encode(SampleFormat format, ByteOrder order, double[] src, int srcOffset,
                              MemorySegment dst, long dstOffset, int n) {
        java.util.Objects.checkFromIndexSize(srcOffset, n, src.length);
        switch (format) {
            case IEEE_FLOAT64 -> MemorySegment.copy(src, srcOffset, dst, Layouts.double_(order), dstOffset, n);
            case IEEE_FLOAT32 -> {
                ValueLayout.OfFloat l = Layouts.float_(order);
                for (int i = 0; i < n; i++) {
                    dst.set(l, dstOffset + 4L * i, (float) src[srcOffset + i]);
                }
            }
            case IBM_FLOAT32 -> {
                ValueLayout.OfInt l = Layouts.int_(order);
                for (int i = 0; i < n; i++) {
                    dst.set(l, dstOffset + 4L * i, Ibm.fromDouble(src[srcOffset + i]));
                }
            }
            default -> {
                for (int i = 0; i < n; i++) {
                    encodeInteger(format, order, dst, dstOffset + (long) format.bytes() * i, src[srcOffset + i]);
                }
            }
        }
    }

    /// Encodes floats as IBM words and returns how many were not exact (see [Ibm#fromFloats]).
    public static int encodeIbm(ByteOrder order, float[] src, int srcOffset, MemorySegment dst, long dstOffset, int n) {
        return encodeIbm(order, src, srcOffset, dst, dstOffset, n, new int[Math.min(n, BLOCK)]);
    }

    /// [#encodeIbm(ByteOrder, float[], int, MemorySegment, long, int)] with a caller's scratch
    /// array (any length ≥ 1), for callers that encode trace after trace: without it every trace
    /// allocates its block, and an export of gigabytes makes as much garbage (whose fresh heap
    /// pages the kernel must zero).
    public static int encodeIbm(ByteOrder order, float[] src, int srcOffset, MemorySegment dst, long dstOffset, int n, int[] scratch) {
        java.util.Objects.checkFromIndexSize(srcOffset, n, src.length);
        int inexact = 0;
        int[] block = scratch;
        for (int done = 0; done < n; done += block.length) {
            int m = Math.min(block.length, n - done);
            inexact += Ibm.fromFloats(src, srcOffset + done, block, 0, m);
            writeInts(block, m, dst, order, dstOffset + 4L * done);
        }
        return inexact;
    }

    /// Bulk-reads `m` ints in `order`: a native-order copy, then a byte swap loop the JIT
    /// vectorises (faster than a swapping copy).
    private static void readInts(MemorySegment src, ByteOrder order, long offset, int[] block, int m) {
        MemorySegment.copy(src, ValueLayout.JAVA_INT_UNALIGNED, offset, block, 0, m);
        if (order != ByteOrder.nativeOrder()) {
            for (int i = 0; i < m; i++) {
                block[i] = Integer.reverseBytes(block[i]);
            }
        }
    }

    /// Bulk-writes `m` ints in `order` (swapping in place first when needed).
    private static void writeInts(int[] block, int m, MemorySegment dst, ByteOrder order, long offset) {
        if (order != ByteOrder.nativeOrder()) {
            for (int i = 0; i < m; i++) {
                block[i] = Integer.reverseBytes(block[i]);
            }
        }
        MemorySegment.copy(block, 0, dst, ValueLayout.JAVA_INT_UNALIGNED, offset, m);
    }

    private static void encodeInteger(SampleFormat format, ByteOrder order, MemorySegment dst, long at, double v) {
        switch (format) {
            case INT8 -> dst.set(JAVA_BYTE, at, (byte) clamp(v, Byte.MIN_VALUE, Byte.MAX_VALUE));
            case UINT8 -> dst.set(JAVA_BYTE, at, (byte) clamp(v, 0, 0xFF));
            case INT16 -> dst.set(Layouts.short_(order), at, (short) clamp(v, Short.MIN_VALUE, Short.MAX_VALUE));
            case UINT16 -> dst.set(Layouts.short_(order), at, (short) clamp(v, 0, 0xFFFF));
            case INT24 -> putInt24(dst, at, order, (int) clamp(v, -(1 << 23), (1 << 23) - 1));
            case UINT24 -> putInt24(dst, at, order, (int) clamp(v, 0, (1 << 24) - 1));
            case INT32 -> dst.set(Layouts.int_(order), at, (int) clamp(v, Integer.MIN_VALUE, Integer.MAX_VALUE));
            case UINT32 -> dst.set(Layouts.int_(order), at, (int) clamp(v, 0, 0xFFFF_FFFFL));
            case INT64 -> dst.set(Layouts.long_(order), at, Double.isNaN(v) ? 0L : (long) Math.rint(v));
            case UINT64 -> dst.set(Layouts.long_(order), at, doubleToUnsigned(v));
            default -> throw new IllegalStateException("not an integer format: " + format);
        }
    }

    /// Rounds to nearest (ties to even) and saturates; NaN → 0.
    private static long clamp(double v, long min, long max) {
        if (Double.isNaN(v)) {
            return 0;
        }
        double r = Math.rint(v);
        return r <= min ? min : r >= max ? max : (long) r;
    }

    private static float int24(MemorySegment src, long at, boolean bigEndian, boolean signed) {
        int b0 = Byte.toUnsignedInt(src.get(JAVA_BYTE, at));
        int b1 = Byte.toUnsignedInt(src.get(JAVA_BYTE, at + 1));
        int b2 = Byte.toUnsignedInt(src.get(JAVA_BYTE, at + 2));
        int v = bigEndian ? (b0 << 16) | (b1 << 8) | b2 : (b2 << 16) | (b1 << 8) | b0;
        return signed ? (v << 8) >> 8 : v;
    }

    private static void putInt24(MemorySegment dst, long at, ByteOrder order, int v) {
        byte hi = (byte) (v >>> 16);
        byte mid = (byte) (v >>> 8);
        byte lo = (byte) v;
        boolean be = order == ByteOrder.BIG_ENDIAN;
        dst.set(JAVA_BYTE, at, be ? hi : lo);
        dst.set(JAVA_BYTE, at + 1, mid);
        dst.set(JAVA_BYTE, at + 2, be ? lo : hi);
    }

    private static float unsignedToFloat(long v) {
        if (v >= 0) {
            return v;
        }
        return ((float) ((v >>> 1) | (v & 1))) * 2.0f;   // one rounding, sticky bit kept
    }

    static double unsignedToDouble(long v) {
        if (v >= 0) {
            return v;
        }
        // v as unsigned is in [2^63, 2^64): halve keeping the sticky bit, convert, double.
        return ((double) ((v >>> 1) | (v & 1))) * 2.0;
    }

    private static long doubleToUnsigned(double v) {
        if (!(v > 0)) {
            return 0;
        }
        double r = Math.rint(v);
        if (r >= 0x1p64) {
            return -1L;
        }
        if (r < 0x1p63) {
            return (long) r;
        }
        return ((long) (r / 2.0)) << 1;
    }
}

package org.seisproc.segy;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/// Every sample format in both byte orders: encode → decode of edge values, decoding of
/// hand-written bytes, byte order as a pure byte reversal, and float vs double decoders.
class SampleCodecTest {
    private static final ByteOrder BE = ByteOrder.BIG_ENDIAN;
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    static Stream<Arguments> formatsAndOrders() {
        List<Arguments> list = new ArrayList<>();
        for (SampleFormat f : SampleFormat.values()) {
            list.add(Arguments.of(f, BE));
            list.add(Arguments.of(f, LE));
        }
        return list.stream();
    }

    /// Integer range of a format as doubles (64-bit bounds rounded to the nearest double).
    private static double min(SampleFormat f) {
        return switch (f) {
            case INT8 -> -128;
            case INT16 -> -32768;
            case INT24 -> -8388608;
            case INT32 -> -2147483648.0;
            case INT64 -> -0x1p63;
            default -> 0;
        };
    }

    private static double max(SampleFormat f) {
        return switch (f) {
            case INT8 -> 127;
            case UINT8 -> 255;
            case INT16 -> 32767;
            case UINT16 -> 65535;
            case INT24 -> 8388607;
            case UINT24 -> 16777215;
            case INT32 -> 2147483647;
            case UINT32 -> 4294967295.0;
            case INT64 -> 0x1p63;     // 2^63 − 1 is not a double; its nearest is 2^63
            case UINT64 -> 0x1p64;
            default -> throw new IllegalArgumentException(f.toString());
        };
    }

    private static double[] encodeDecode(SampleFormat f, ByteOrder o, double... values) {
        MemorySegment seg = MemorySegment.ofArray(new byte[f.bytes() * values.length + 3]);
        SampleCodec.encode(f, o, values, 0, seg, 3, values.length);       // odd offset: unaligned access
        double[] back = new double[values.length];
        SampleCodec.decode(f, o, seg, 3, back, 0, values.length);
        return back;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("formatsAndOrders")
    void integerFormatsRoundAndSaturate(SampleFormat f, ByteOrder o) {
        if (!f.isInteger()) {
            return;
        }
        double lo = min(f);
        double hi = max(f);
        boolean signed = lo < 0;
        double[] in = {lo, hi, 0, -1, 1, lo - 1e6, hi + 1e6, 2.5, 3.5, -2.5, 7.49, Double.NaN,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0};
        double[] want = {lo, hi, 0, signed ? -1 : 0, 1, lo, hi, 2, 4, signed ? -2 : 0, 7, 0, hi, lo, 0};
        double[] got = encodeDecode(f, o, in);
        if (f == SampleFormat.UINT64) {
            want[1] = 0x1p64;      // 2^64 − 1 decodes to its nearest double, 2^64
            want[6] = 0x1p64;
            want[12] = 0x1p64;
        }
        assertThat(got).as("%s %s", f, o).containsExactly(want);
        if (f.exactInFloat32()) {
            float[] fin = new float[in.length];
            for (int i = 0; i < in.length; i++) {
                fin[i] = (float) in[i];
            }
            MemorySegment seg = MemorySegment.ofArray(new byte[f.bytes() * in.length]);
            SampleCodec.encode(f, o, fin, 0, seg, 0, in.length);
            float[] back = new float[in.length];
            SampleCodec.decode(f, o, seg, 0, back, 0, in.length);
            for (int i = 0; i < in.length; i++) {
                assertThat(back[i]).as("%s %s float path, input %s", f, o, fin[i]).isEqualTo((float) want[i]);
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("formatsAndOrders")
    void floatingFormatsKeepTheirValues(SampleFormat f, ByteOrder o) {
        if (f.isInteger()) {
            return;
        }
        double[] in = {0, -0.0, 1, -1, 100, -118.625, 0.1, 1e30, -1e-30, Float.MAX_VALUE, Float.MIN_NORMAL};
        double[] got = encodeDecode(f, o, in);
        for (int i = 0; i < in.length; i++) {
            double want = switch (f) {
                case IEEE_FLOAT64 -> in[i];
                case IEEE_FLOAT32 -> (float) in[i];
                default -> org.seisproc.segy.Ibm.toDouble(org.seisproc.segy.Ibm.fromDouble(in[i]));
            };
            assertThat(Double.doubleToRawLongBits(got[i])).as("%s %s: %s → %s", f, o, in[i], got[i])
                    .isEqualTo(Double.doubleToRawLongBits(want));
        }
        // values every one of the three holds exactly come back unchanged
        assertThat(encodeDecode(f, o, 100, -118.625, 0.5, -0.0)).containsExactly(100, -118.625, 0.5, -0.0);
        if (f == SampleFormat.IEEE_FLOAT32 || f == SampleFormat.IEEE_FLOAT64) {
            double[] special = encodeDecode(f, o, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
            assertThat(special[0]).isNaN();
            assertThat(special[1]).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(special[2]).isEqualTo(Double.NEGATIVE_INFINITY);
        }
    }

    /// The little-endian encoding of each sample is its big-endian encoding reversed.
    @ParameterizedTest(name = "{0}")
    @MethodSource("formatsOnly")
    void littleEndianIsBigEndianWithEachSampleReversed(SampleFormat f) {
        SplittableRandom rnd = new SplittableRandom(f.code());
        int n = 257;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = f.isInteger() ? Math.rint(min(f) + rnd.nextDouble() * (max(f) - min(f))) : rnd.nextDouble(-1e6, 1e6);
        }
        byte[] be = new byte[n * f.bytes()];
        byte[] le = new byte[n * f.bytes()];
        SampleCodec.encode(f, BE, v, 0, MemorySegment.ofArray(be), 0, n);
        SampleCodec.encode(f, LE, v, 0, MemorySegment.ofArray(le), 0, n);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < f.bytes(); k++) {
                assertThat(le[i * f.bytes() + k]).as("sample %d byte %d", i, k).isEqualTo(be[i * f.bytes() + f.bytes() - 1 - k]);
            }
        }
    }

    static Stream<SampleFormat> formatsOnly() {
        return Stream.of(SampleFormat.values());
    }

    private static double decodeOne(SampleFormat f, ByteOrder o, String hex) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        assertThat(bytes).hasSize(f.bytes());
        double[] d = new double[1];
        SampleCodec.decode(f, o, MemorySegment.ofArray(bytes), 0, d, 0, 1);
        float[] s = new float[1];
        SampleCodec.decode(f, o, MemorySegment.ofArray(bytes), 0, s, 0, 1);
        assertThat(s[0]).as("float decoder of %s %s", f, hex).isEqualTo((float) d[0]);
        return d[0];
    }

    @Test
    void handWrittenBytesDecodeToTheirValues() {
        // int24: 0x800000 is -2^23 in both orders (LE stores the low byte first)
        assertThat(decodeOne(SampleFormat.INT24, BE, "800000")).isEqualTo(-8388608);
        assertThat(decodeOne(SampleFormat.INT24, LE, "000080")).isEqualTo(-8388608);
        assertThat(decodeOne(SampleFormat.INT24, BE, "7fffff")).isEqualTo(8388607);
        assertThat(decodeOne(SampleFormat.INT24, BE, "fffffe")).isEqualTo(-2);
        assertThat(decodeOne(SampleFormat.INT24, LE, "fefffF")).isEqualTo(-2);
        assertThat(decodeOne(SampleFormat.INT24, BE, "010203")).isEqualTo(0x010203);
        assertThat(decodeOne(SampleFormat.INT24, LE, "030201")).isEqualTo(0x010203);
        // uint24: 0xFFFFFF = 2^24 − 1, 0x800000 = 2^23
        assertThat(decodeOne(SampleFormat.UINT24, BE, "ffffff")).isEqualTo(16777215);
        assertThat(decodeOne(SampleFormat.UINT24, LE, "ffffff")).isEqualTo(16777215);
        assertThat(decodeOne(SampleFormat.UINT24, BE, "800000")).isEqualTo(8388608);
        assertThat(decodeOne(SampleFormat.UINT24, LE, "000080")).isEqualTo(8388608);
        // 8 bit
        assertThat(decodeOne(SampleFormat.INT8, BE, "80")).isEqualTo(-128);
        assertThat(decodeOne(SampleFormat.INT8, LE, "ff")).isEqualTo(-1);
        assertThat(decodeOne(SampleFormat.UINT8, BE, "ff")).isEqualTo(255);
        // 16 bit
        assertThat(decodeOne(SampleFormat.INT16, BE, "8000")).isEqualTo(-32768);
        assertThat(decodeOne(SampleFormat.INT16, LE, "0080")).isEqualTo(-32768);
        assertThat(decodeOne(SampleFormat.UINT16, BE, "ffff")).isEqualTo(65535);
        assertThat(decodeOne(SampleFormat.UINT16, LE, "3412")).isEqualTo(0x1234);
        // 32 bit
        assertThat(decodeOne(SampleFormat.INT32, BE, "80000000")).isEqualTo(-2147483648.0);
        assertThat(decodeOne(SampleFormat.INT32, LE, "feffffff")).isEqualTo(-2);
        assertThat(decodeOne(SampleFormat.UINT32, BE, "ffffffff")).isEqualTo(4294967295.0);
        assertThat(decodeOne(SampleFormat.UINT32, LE, "00000080")).isEqualTo(2147483648.0);
        // 64 bit
        assertThat(decodeOne(SampleFormat.INT64, BE, "8000000000000000")).isEqualTo(-0x1p63);
        assertThat(decodeOne(SampleFormat.INT64, LE, "ffffffffffffffff")).isEqualTo(-1);
        assertThat(decodeOne(SampleFormat.UINT64, BE, "8000000000000000")).isEqualTo(0x1p63);
        assertThat(decodeOne(SampleFormat.UINT64, LE, "0100000000000000")).isEqualTo(1);
        assertThat(decodeOne(SampleFormat.UINT64, BE, "0020000000000001")).isEqualTo(0x1p53); // 2^53 + 1: a tie → even 2^53
        // floats: IEEE 1.0f = 0x3F800000, IBM 100.0 = 0x42640000, -118.625 = 0xC276A000, IEEE 1.0 = 0x3FF0...
        assertThat(decodeOne(SampleFormat.IEEE_FLOAT32, BE, "3f800000")).isEqualTo(1.0);
        assertThat(decodeOne(SampleFormat.IEEE_FLOAT32, LE, "0000803f")).isEqualTo(1.0);
        assertThat(decodeOne(SampleFormat.IBM_FLOAT32, BE, "42640000")).isEqualTo(100.0);
        assertThat(decodeOne(SampleFormat.IBM_FLOAT32, LE, "00a076c2")).isEqualTo(-118.625);
        assertThat(decodeOne(SampleFormat.IEEE_FLOAT64, BE, "3ff0000000000000")).isEqualTo(1.0);
        assertThat(decodeOne(SampleFormat.IEEE_FLOAT64, LE, "000000000000f0bf")).isEqualTo(-1.0);
    }

    @Test
    void encodingWritesTheHandComputedBytes() {
        assertThat(encodeHex(SampleFormat.INT24, BE, -8388608)).isEqualTo("800000");
        assertThat(encodeHex(SampleFormat.INT24, LE, -8388608)).isEqualTo("000080");
        assertThat(encodeHex(SampleFormat.UINT24, LE, 16777215)).isEqualTo("ffffff");
        assertThat(encodeHex(SampleFormat.UINT24, BE, 0x010203)).isEqualTo("010203");
        assertThat(encodeHex(SampleFormat.INT16, LE, -2)).isEqualTo("feff");
        assertThat(encodeHex(SampleFormat.INT32, BE, 1e12)).isEqualTo("7fffffff");
        assertThat(encodeHex(SampleFormat.INT64, BE, 1e30)).isEqualTo("7fffffffffffffff");
        assertThat(encodeHex(SampleFormat.INT64, LE, -1e30)).isEqualTo("0000000000000080");
        assertThat(encodeHex(SampleFormat.UINT64, BE, 1e30)).isEqualTo("ffffffffffffffff");
        assertThat(encodeHex(SampleFormat.UINT64, BE, 0x1p63)).isEqualTo("8000000000000000");
        assertThat(encodeHex(SampleFormat.UINT32, LE, -5)).isEqualTo("00000000");
        assertThat(encodeHex(SampleFormat.IBM_FLOAT32, BE, -118.625)).isEqualTo("c276a000");
        assertThat(encodeHex(SampleFormat.IBM_FLOAT32, LE, 100)).isEqualTo("00006442");
        assertThat(encodeHex(SampleFormat.IEEE_FLOAT32, BE, 1)).isEqualTo("3f800000");
    }

    private static String encodeHex(SampleFormat f, ByteOrder o, double v) {
        byte[] b = new byte[f.bytes()];
        SampleCodec.encode(f, o, new double[] {v}, 0, MemorySegment.ofArray(b), 0, 1);
        return HexFormat.of().formatHex(b);
    }

    /// On random bytes, the float decoder is the double decoder rounded once: equal wherever the
    /// double is exact (every format but 64-bit integers beyond 2^53, which are kept below it here).
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("formatsAndOrders")
    void floatAndDoubleDecodersAgree(SampleFormat f, ByteOrder o) {
        SplittableRandom rnd = new SplittableRandom(31L * f.code() + (o == BE ? 1 : 2));
        int n = 20_000;
        byte[] bytes = new byte[n * f.bytes()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) rnd.nextInt();
        }
        MemorySegment seg = MemorySegment.ofArray(bytes);
        if (f == SampleFormat.INT64 || f == SampleFormat.UINT64) {
            for (int i = 0; i < n; i++) {
                long v = rnd.nextLong(f == SampleFormat.INT64 ? -(1L << 53) : 0, 1L << 53);
                seg.set(Layouts.long_(o), 8L * i, v);
            }
        }
        float[] s = new float[n];
        double[] d = new double[n];
        SampleCodec.decode(f, o, seg, 0, s, 0, n);
        SampleCodec.decode(f, o, seg, 0, d, 0, n);
        for (int i = 0; i < n; i++) {
            if (Float.floatToRawIntBits(s[i]) != Float.floatToRawIntBits((float) d[i])
                    && !(Float.isNaN(s[i]) && Double.isNaN(d[i]))) {
                assertThat(s[i]).as("%s %s sample %d (double %s)", f, o, i, d[i]).isEqualTo((float) d[i]);
            }
            if (f.exactInFloat32() && f != SampleFormat.IBM_FLOAT32 && !Float.isNaN(s[i])) {
                assertThat((double) s[i]).as("%s exact in float32", f).isEqualTo(d[i]);
            }
        }
    }

    @Test
    void aShortSegmentFailsInsteadOfReadingGarbage() {
        MemorySegment seg = MemorySegment.ofArray(new byte[10]);
        float[] dst = new float[3];
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> SampleCodec.decode(SampleFormat.IEEE_FLOAT32, BE, seg, 0, dst, 0, 3))
                .isInstanceOf(IndexOutOfBoundsException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> SampleCodec.decode(SampleFormat.INT24, LE, seg, 2, dst, 0, 3))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }
}

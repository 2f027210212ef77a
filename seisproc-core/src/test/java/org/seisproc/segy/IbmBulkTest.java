package org.seisproc.segy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.seisproc.segy.Ibm;

/// The fast bulk IBM decoder gives bit-for-bit what the exact scalar decoder gives, on random
/// words of every exponent and on the edge cases (zeros, unnormalized, subnormal, overflow).
class IbmBulkTest {
    @Test
    void bulkDecodingEqualsTheExactScalarDecodingBitForBit() {
        int n = 2_000_000;
        int[] words = new SplittableRandom(42).ints(n).toArray();
        int[] edges = {0, 0x8000_0000, 0x4100_0000, 0xC100_0000, 0x0000_0001, 0x0010_0000, 0x00FF_FFFF, 0x7FFF_FFFF,
                0xFFFF_FFFF, 0x4210_0000, 0x4201_0000, 0x2110_0000, 0x2210_0000, 0x6110_0000, 0x6010_0000, 0x60FF_FFFF};
        System.arraycopy(edges, 0, words, 0, edges.length);
        for (int e = 0; e < 128; e++) {       // every exponent with the smallest and largest fractions
            words[100 + 2 * e] = (e << 24) | 0x0000_0001;
            words[101 + 2 * e] = (e << 24) | 0x00FF_FFFF;
        }
        float[] fast = new float[n];
        Ibm.toFloats(words, 0, fast, 0, n);
        for (int i = 0; i < n; i++) {
            float exact = Ibm.toFloat(words[i]);
            if (Float.floatToRawIntBits(fast[i]) != Float.floatToRawIntBits(exact)) {
                assertThat(Float.floatToRawIntBits(fast[i])).as("word %08x", words[i]).isEqualTo(Float.floatToRawIntBits(exact));
            }
        }
    }

    @Test
    void bulkEncodingEqualsTheExactScalarEncodingBitForBit() {
        SplittableRandom random = new SplittableRandom(7);
        int n = 2_000_000;
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = Float.intBitsToFloat(random.nextInt());   // every exponent, NaN and infinity included
        }
        float[] edges = {0f, -0f, 1f, -1f, Float.MIN_VALUE, Float.MIN_NORMAL, Float.MAX_VALUE, -Float.MAX_VALUE,
                Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, 1 + 0x1p-23f, 16 - 0x1p-20f, 0.1f, 1e-30f, 3e38f};
        System.arraycopy(edges, 0, values, 0, edges.length);
        int[] fast = new int[n];
        int inexact = Ibm.fromFloats(values, 0, fast, 0, n);
        int notExact = 0;
        for (int i = 0; i < n; i++) {
            if (Float.floatToRawIntBits(Ibm.toFloat(Ibm.fromFloat(values[i]))) != Float.floatToRawIntBits(values[i])) {
                notExact++;
            }
        }
        assertThat(inexact).as("values counted as not exact").isEqualTo(notExact).isPositive();
        int[] part = new int[n];
        Ibm.fromFloats(values, 5, part, 3, 1000);
        for (int i = 0; i < 1000; i++) {
            assertThat(part[3 + i]).as("offsets: value %d", 5 + i).isEqualTo(Ibm.fromFloat(values[5 + i]));
        }
        for (int i = 0; i < n; i++) {
            int exact = Ibm.fromFloat(values[i]);
            if (fast[i] != exact) {
                assertThat(Integer.toHexString(fast[i])).as("float %s (%08x)", values[i], Float.floatToRawIntBits(values[i]))
                        .isEqualTo(Integer.toHexString(exact));
            }
        }
    }
}

package org.seisproc.segy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/// IBM System/360 hexadecimal floats: value = (-1)^s × (fraction / 2^24) × 16^(exponent − 64),
/// exponent in bits 30..24 (excess 64), fraction in bits 23..0. Expected values are computed by
/// hand in the comments, and checked against a slow BigDecimal decoder on random words.
class IbmTest {

    private static void assertDecodes(int word, float expected) {
        assertThat(Float.floatToRawIntBits(Ibm.toFloat(word)))
                .as("IBM 0x%08X → %s (got %s)", word, expected, Ibm.toFloat(word))
                .isEqualTo(Float.floatToRawIntBits(expected));
    }

    @Test
    void knownWordsDecodeToTheirHandComputedValues() {
        // 0x42 = 66 → 16^2 = 256; fraction 0x640000 / 2^24 = 0x64 / 2^8 = 100/256 → 100.0
        assertDecodes(0x4264_0000, 100.0f);
        // sign 1; 0x42 → 256; 0x76A000 / 2^24 = 0x76A / 2^12 = 1898/4096 → 256 × 1898/4096 = 118.625
        assertDecodes(0xC276_A000, -118.625f);
        // 0x41 = 65 → 16; 0x100000 / 2^24 = 1/16 → 1.0
        assertDecodes(0x4110_0000, 1.0f);
        // 0xC1 → sign 1, 16 × 1/16 → -1.0
        assertDecodes(0xC110_0000, -1.0f);
        // the bits of IEEE 1.0f read as IBM: 0x3F = 63 → 16^-1; 0x800000 / 2^24 = 1/2 → 1/32
        assertDecodes(0x3F80_0000, 0.03125f);
        // 0x40 → 16^0; 0x800000 / 2^24 → 0.5
        assertDecodes(0x4080_0000, 0.5f);
        // 0x41 → 16; 0xFFFFFF / 2^24 → 16 − 2^-20 (24 significant bits, exact in float)
        assertDecodes(0x41FF_FFFF, 16.0f - 0x1p-20f);
        assertDecodes(0x0000_0000, 0.0f);
        assertDecodes(0x8000_0000, -0.0f);
    }

    @Test
    void unnormalizedWordsDecodeExactly() {
        // leading hex digit 0: 0x42 → 256; 0x010000 / 2^24 = 1/256 → 1.0 (same value as 0x41100000)
        assertDecodes(0x4201_0000, 1.0f);
        // 0x43 → 4096; 0x000001 / 2^24 → 2^-12
        assertDecodes(0x4300_0001, 0x1p-12f);
        // 0x40 → 1; 0x000003 / 2^24 → 3 × 2^-24
        assertDecodes(0xC000_0003, -3 * 0x1p-24f);
        // exponent 0: 16^-64 × 2^-24 × 2^10 = 2^-270 (exact in double, far below float)
        assertThat(Ibm.toDouble(0x0000_0400)).isEqualTo(Math.scalb(1.0, -270));
        // fromDouble normalizes: 1.0 is 0x41100000, not the unnormalized 0x42010000
        assertThat(Ibm.fromFloat(Ibm.toFloat(0x4201_0000))).isEqualTo(0x4110_0000);
    }

    @Test
    void valuesBeyondFloatRangeBecomeInfinity() {
        // 0x60 = 96 → 16^32 = 2^128; 0xFFFFFF / 2^24 → 2^128 − 2^104 = Float.MAX_VALUE exactly
        assertDecodes(0x60FF_FFFF, Float.MAX_VALUE);
        // 0x61 = 97 → 16^33; 1/16 → 2^128: just beyond float's range
        assertDecodes(0x6110_0000, Float.POSITIVE_INFINITY);
        assertDecodes(0xE110_0000, Float.NEGATIVE_INFINITY);
        // the largest IBM value, (1 − 2^-24) × 16^63 ≈ 7.2e75
        assertDecodes(0x7FFF_FFFF, Float.POSITIVE_INFINITY);
        assertDecodes(0xFFFF_FFFF, Float.NEGATIVE_INFINITY);
        assertThat(Ibm.toDouble(0x7FFF_FFFF)).isEqualTo((0x1p24 - 1) * Math.scalb(1.0, 4 * 63 - 24));
    }

    @Test
    void tinyValuesRoundToSubnormalsOrZeroTiesToEven() {
        // 0x1B = 27 → 16^-37 = 2^-148; 0x800000 / 2^24 = 1/2 → 2^-149 = Float.MIN_VALUE
        assertDecodes(0x1B80_0000, Float.MIN_VALUE);
        // 0x400000 / 2^24 = 1/4 → 2^-150: half of MIN_VALUE, a tie between 0 and 2^-149 → even: 0
        assertDecodes(0x1B40_0000, 0.0f);
        assertDecodes(0x9B40_0000, -0.0f);
        // a hair above the tie → 2^-149
        assertDecodes(0x1B40_0001, Float.MIN_VALUE);
        // 0xC00000 / 2^24 = 3/4 → 3 × 2^-150 = 1.5 × MIN_VALUE: tie between 1 and 2 ulps → even: 2 ulps
        assertDecodes(0x1BC0_0000, 2 * Float.MIN_VALUE);
        // 0x20 = 32 → 16^-32 = 2^-128; 0x100000 / 2^24 → 2^-132: subnormal, exact
        assertDecodes(0x2010_0000, 0x1p-132f);
        // the smallest normalized IBM value 16^-65 = 2^-260 → 0
        assertDecodes(0x0010_0000, 0.0f);
        assertDecodes(0x8010_0000, -0.0f);
    }

    @Test
    void normalizedInRangeWordsSurviveFloatAndBack() {
        // exponents 34..96: 16^(34−65) = 2^-124 ≥ float's smallest normal, 16^(96−64) = 2^128 the top;
        // a normalized fraction has at most 24 significant bits, so every such word is exact in float.
        SplittableRandom rnd = new SplittableRandom(20240601);
        for (int i = 0; i < 2_000_000; i++) {
            int sign = rnd.nextBoolean() ? 0x8000_0000 : 0;
            int exponent = rnd.nextInt(34, 97);
            int fraction = rnd.nextInt(0x10_0000, 0x100_0000);
            int word = sign | exponent << 24 | fraction;
            int back = Ibm.fromFloat(Ibm.toFloat(word));
            if (back != word) {
                assertThat(back).as("0x%08X → %s → back", word, Ibm.toFloat(word)).isEqualTo(word);
            }
        }
    }

    @Test
    void floatsWithinIbmRangeEncodeToTheNearestIbmValue() {
        // IBM keeps 21..24 significant bits (the leading hex digit may start with up to 3 zero bits),
        // float keeps 24: a float is exact in IBM when its low bits are zero, and otherwise rounds to
        // the nearest IBM value, ties to even. The expectation is computed with BigDecimal.
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < 300_000; i++) {
            float f = Float.intBitsToFloat(rnd.nextInt(0x0080_0000, 0x7F80_0000) | (rnd.nextBoolean() ? 0x8000_0000 : 0));
            int e2 = Math.getExponent(f);
            int lsb = 4 * (Math.floorDiv(e2, 4) + 1) - 24;          // weight of the IBM fraction's last bit
            BigDecimal exact = new BigDecimal(f);
            BigDecimal unit = new BigDecimal(BigInteger.ONE).multiply(pow2(lsb));
            BigDecimal nearest = exact.divide(unit).setScale(0, RoundingMode.HALF_EVEN).multiply(unit);
            float got = Ibm.toFloat(Ibm.fromFloat(f));
            if (nearest.compareTo(new BigDecimal(got)) != 0) {
                assertThat(new BigDecimal(got)).as("float %s (0x%08X)", f, Float.floatToRawIntBits(f)).isEqualByComparingTo(nearest);
            }
            // with the bits IBM cannot hold cleared, the float is exact in IBM and comes back unchanged
            int dropBits = 3 - Math.floorMod(e2, 4);
            float fits = Float.intBitsToFloat(Float.floatToRawIntBits(f) & (-1 << dropBits));
            if (Ibm.toFloat(Ibm.fromFloat(fits)) != fits) {
                assertThat(Ibm.toFloat(Ibm.fromFloat(fits))).as("float %s", fits).isEqualTo(fits);
            }
        }
    }

    @Test
    void fromDoubleRoundsTiesToEven() {
        // at 1.0 (0x41100000) the fraction's last bit weighs 16 × 2^-24 = 2^-20
        assertThat(Ibm.fromDouble(1 + 0x1p-21)).isEqualTo(0x4110_0000);          // tie, 0x100000 even
        assertThat(Ibm.fromDouble(1 + 3 * 0x1p-21)).isEqualTo(0x4110_0002);      // tie, up to even 0x100002
        assertThat(Ibm.fromDouble(1 + 0x1p-21 + 0x1p-40)).isEqualTo(0x4110_0001); // above the tie
        assertThat(Ibm.fromDouble(-(1 + 3 * 0x1p-21))).isEqualTo(0xC110_0002);
        // 16 − 2^-21 is a tie between 0x41FFFFFF and 16.0; even wins and carries into a new hex digit
        assertThat(Ibm.fromDouble(16 - 0x1p-21)).isEqualTo(0x4210_0000);
        assertThat(Ibm.fromDouble(100.0)).isEqualTo(0x4264_0000);
        assertThat(Ibm.fromDouble(-118.625)).isEqualTo(0xC276_A000);
    }

    @Test
    void fromDoubleEdgeCases() {
        assertThat(Ibm.fromDouble(0.0)).isEqualTo(0);
        assertThat(Ibm.fromDouble(-0.0)).isEqualTo(0x8000_0000);
        assertThat(Ibm.fromDouble(Double.NaN)).isEqualTo(0);
        assertThat(Ibm.fromDouble(Double.POSITIVE_INFINITY)).isEqualTo(0x7FFF_FFFF);
        assertThat(Ibm.fromDouble(Double.NEGATIVE_INFINITY)).isEqualTo(0xFFFF_FFFF);
        assertThat(Ibm.fromDouble(1e300)).isEqualTo(0x7FFF_FFFF);
        // below 16^-65 the word is unnormalized with exponent 0: 2^-270 = 2^10 × 2^-280
        assertThat(Ibm.fromDouble(Math.scalb(1.0, -270))).isEqualTo(0x0000_0400);
        assertThat(Ibm.fromDouble(Double.MIN_VALUE)).isEqualTo(0);
        assertThat(Ibm.fromFloat(Float.MAX_VALUE)).isEqualTo(0x60FF_FFFF);
        assertThat(Ibm.fromFloat(Float.MIN_VALUE)).isEqualTo(0x1B80_0000);
    }

    @Test
    void toFloatAgreesWithASlowBigDecimalDecoder() {
        SplittableRandom rnd = new SplittableRandom(42);
        for (int i = 0; i < 100_000; i++) {
            int word = rnd.nextInt();
            float got = Ibm.toFloat(word);
            float want = slowToFloat(word);
            if (Float.floatToRawIntBits(got) != Float.floatToRawIntBits(want)) {
                assertThat(got).as("0x%08X", word).isEqualTo(want);
            }
            assertThat(new BigDecimal(Ibm.toDouble(word)).compareTo(slowExact(word))).as("toDouble 0x%08X exact", word).isZero();
        }
    }

    /// The exact value: fraction × 16^(exponent − 64) / 2^24, in BigDecimal (no floating point).
    private static BigDecimal slowExact(int word) {
        long fraction = word & 0xFF_FFFFL;
        int exponent = (word >>> 24) & 0x7F;
        BigDecimal v = BigDecimal.valueOf(fraction).multiply(pow2(4 * (exponent - 64) - 24));
        return word < 0 ? v.negate() : v;
    }

    /// Round the exact value to float by hand: find the float exponent, scale, round half-even.
    private static float slowToFloat(int word) {
        BigDecimal v = slowExact(word).abs();
        float r;
        if (v.signum() == 0) {
            r = 0f;
        } else {
            // largest e with 2^e ≤ v (v has ≤ 24 bits spread over 2^-280..2^228)
            int e = v.unscaledValue().bitLength() - 1 - (int) Math.ceil(v.scale() * Math.log(10) / Math.log(2)) + 4;
            while (pow2(e).compareTo(v) > 0) {
                e--;
            }
            while (pow2(e + 1).compareTo(v) <= 0) {
                e++;
            }
            int ulp = Math.max(e, -126) - 23;                            // subnormals share 2^-149
            BigInteger m = v.divide(pow2(ulp)).setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact();
            if (m.signum() == 0) {
                r = 0f;
            } else if (ulp + m.bitLength() - 1 > 127) {
                r = Float.POSITIVE_INFINITY;
            } else {
                r = Math.scalb(m.floatValue(), ulp);                     // m < 2^25: exact; scaling exact
            }
        }
        return word < 0 ? -r : r;
    }

    private static BigDecimal pow2(int e) {
        return e >= 0 ? new BigDecimal(BigInteger.ONE.shiftLeft(e)) : BigDecimal.ONE.divide(new BigDecimal(BigInteger.ONE.shiftLeft(-e)));
    }
}

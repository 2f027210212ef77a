package org.seisproc.segy;

import java.lang.foreign.MemorySegment;

/// IBM System/360 single-precision hexadecimal floating point (SEG-Y sample format 1).
///
/// A word is `s eeeeeee mmmmmmmm mmmmmmmm mmmmmmmm`: value = (-1)^s × 0.m × 16^(e−64),
/// with a 24-bit fraction `m`. The decoders below are exact: the value is formed in double
/// precision (always exactly: a 24-bit integer times a power of two between 2^−280 and 2^228)
/// and then rounded once, to nearest-even, to float32. Unnormalized words (leading hex digit 0)
/// decode to their exact value too; values beyond float32's range become ±infinity, values below
/// it the nearest subnormal or zero — the IEEE rules, as a correctly rounding decoder must.
///
/// Reference: IBM System/360 Principles of Operation (GA22-6821), "Floating-Point Arithmetic";
/// SEG-Y rev 2.0, Appendix E.
public final class Ibm {
    /// POW[e] = 2^(4(e−64) − 24): the weight of the fraction's least significant bit for exponent e.
    private static final double[] POW = new double[128];

    static {
        for (int e = 0; e < 128; e++) {
            POW[e] = Math.scalb(1.0, 4 * (e - 64) - 24);
        }
    }

    private Ibm() {
    }

    /// The exact value of an IBM word, rounded once to the nearest float32.
    public static float toFloat(int word) {
        return (float) toDouble(word);
    }

    /// Converts `n` IBM words of `words[from..]` to float32 in `dst[dstOffset..]`, exactly as
    /// [#toFloat] does, but fast: a normalized or unnormalized word whose value is a normal
    /// float32 is converted with integer operations alone (its fraction, shifted to put the
    /// leading one at bit 23, is the float's significand exactly); zeros, subnormal and
    /// out-of-range results take the exact slow path.
    public static void toFloats(int[] words, int from, float[] dst, int dstOffset, int n) {
        for (int i = 0; i < n; i++) {
            int w = words[from + i];
            int mant = w & 0x00FF_FFFF;
            int lz = Integer.numberOfLeadingZeros(mant) - 8;           // 0..23 for mant != 0, 24 for 0
            int biased = 4 * ((w >>> 24) & 0x7F) - 130 - lz;          // IEEE biased exponent of the value
            int bits = (w & 0x8000_0000) | (biased << 23) | ((mant << lz) & 0x007F_FFFF);
            dst[dstOffset + i] = (biased > 0 && biased < 255 && mant != 0) ? Float.intBitsToFloat(bits) : toFloat(w);
        }
    }

    /// The exact value of an IBM word (every IBM single is exactly representable as a double).
    public static double toDouble(int word) {
        double magnitude = (word & 0x00FF_FFFF) * POW[(word >>> 24) & 0x7F];
        return word < 0 ? -magnitude : magnitude;
    }

    /// The IBM word nearest to `value` (ties to even), normalized (leading hex digit non-zero).
    ///
    /// Every float32 whose value an IBM single can hold is encoded exactly; so is every
    /// normalized IBM word decoded by [#toFloat]. Beyond IBM's range (|v| ≥ 16^63) the result
    /// saturates at the largest magnitude, infinities included; NaN has no IBM encoding and
    /// becomes 0. Values below 16^−65 are encoded unnormalized with exponent 0, or as zero.
    /// The sign of zero is kept (−0.0 ↔ 0x80000000).
    public static int fromDouble(double value) {
        if (Double.isNaN(value)) {
            return 0;
        }
        int sign = (Double.doubleToRawLongBits(value) < 0) ? 0x8000_0000 : 0;
        double abs = Math.abs(value);
        if (abs == 0.0) {
            return sign;
        }
        if (Double.isInfinite(abs)) {
            return sign | 0x7FFF_FFFF;
        }
        int e2 = Math.getExponent(abs);            // abs in [2^e2, 2^(e2+1)) for normal doubles
        if (e2 < Double.MIN_EXPONENT) {            // subnormal double: far below IBM's range
            e2 = Double.MIN_EXPONENT;
        }
        int q = Math.floorDiv(e2, 4) + 1;          // abs = m × 16^q with m in [1/16, 1)
        if (q + 64 < 0) {                           // below 16^-65: unnormalized, exponent 0
            long mant = (long) Math.rint(Math.scalb(abs, 24 + 256));
            return sign | (int) mant;               // mant < 2^24 here; may be 0
        }
        long mant = (long) Math.rint(Math.scalb(abs, 24 - 4 * q));
        if (mant >= (1L << 24)) {                   // rounding carried into a new hex digit
            mant >>>= 4;
            q++;
        }
        if (q + 64 > 127) {
            return sign | 0x7FFF_FFFF;
        }
        return sign | ((q + 64) << 24) | (int) mant;
    }

    /// Encodes `n` floats of `src[from..]` into IBM words in `dst[dstOffset..]`, exactly as
    /// [#fromFloat] does, but fast: a normal float's 24-bit significand is shifted right by
    /// 0–3 bits to align it to a hex digit (rounding half to even); zeros, subnormals,
    /// infinities and NaN take the exact slow path.
    /// Returns how many values were not exact (rounded, saturated or NaN).
    public static int fromFloats(float[] src, int from, int[] dst, int dstOffset, int n) {
        java.util.Objects.checkFromIndexSize(from, n, src.length);
        java.util.Objects.checkFromIndexSize(dstOffset, n, dst.length);
        // The floats' bits, copied in bulk (a loop of floatToRawIntBits would not vectorise), are
        // turned into words in place by one branch-free loop the JIT vectorises (every lane as if it
        // held a normal float; no variable shifts); the rare zeros, subnormals, infinities and NaN
        // are then encoded again, exactly, one by one.
        MemorySegment.copy(MemorySegment.ofArray(src), 4L * from, MemorySegment.ofArray(dst), 4L * dstOffset, 4L * n);
        int inexact = 0;
        int special = 0;
        for (int i = dstOffset; i < dstOffset + n; i++) {
            int bits = dst[i];
            int biased = (bits >>> 23) & 0xFF;
            int odd = ((biased - 1) >>> 31) | ((254 - biased) >>> 31);   // 1 for biased 0 or 255
            int e2 = biased - 127;                                    // value = 1.f × 2^e2
            int m = (bits & 0x007F_FFFF) | 0x0080_0000;               // 24-bit significand
            int j = e2 & 3;                                           // bits kept beyond a whole hex digit
            int f = 1 + j + ((j * (j - 1)) >> 1) + ((j * (j - 1) * (j - 2)) >>> 2);   // 2^j, without a variable shift
            int big = m * f;                                          // significand at a hex boundary, 3 extra bits
            int mant = (big + 3 + ((big >>> 3) & 1)) >>> 3;           // rounded half to even
            int carry = mant >>> 24;                                  // rounded up to 16^6
            mant -= carry * 0x00F0_0000;                              // ... which is 16^5 with the exponent one up
            int q = (e2 >> 2) + 1 + carry;                            // floorDiv(e2, 4) + 1: hex exponent
            dst[i] = (bits & 0x8000_0000) | ((q + 64) << 24) | mant;
            inexact += ((-(big & 7)) >>> 31) & (odd ^ 1);
            special += odd;
        }
        for (int i = 0; special > 0 && i < n; i++) {
            float v = src[from + i];
            int biased = (Float.floatToRawIntBits(v) >>> 23) & 0xFF;
            if (biased == 0 || biased == 0xFF) {
                int w = fromFloat(v);
                dst[dstOffset + i] = w;
                if (Float.floatToRawIntBits(toFloat(w)) != Float.floatToRawIntBits(v)) {
                    inexact++;
                }
                special--;
            }
        }
        return inexact;
    }

    /// [#fromDouble] for a float (exact for every float within IBM's range).
    public static int fromFloat(float value) {
        return fromDouble(value);
    }

    /// True when `fromFloat(toFloat(word)) == word`: the word survives a trip through float32.
    /// Normalized words within float32's normal range always do (checked with a few integer
    /// operations); unnormalized words, non-canonical zeros and words beyond float32's range
    /// are checked the slow way.
    public static boolean roundTrips(int word) {
        int mant = word & 0x00FF_FFFF;
        if ((mant & 0x00F0_0000) != 0) {
            int e2 = (31 - Integer.numberOfLeadingZeros(mant)) + 4 * (((word >>> 24) & 0x7F) - 64) - 24;
            if (e2 >= -126 && e2 <= 127) {
                return true;
            }
        }
        return fromFloat(toFloat(word)) == word;
    }

    /// True when every word of `words[from..from+n)` [round-trips][#roundTrips] through float32.
    public static boolean allRoundTrip(int[] words, int from, int n) {
        boolean all = true;
        for (int i = 0; i < n; i++) {
            int w = words[from + i];
            int mant = w & 0x00FF_FFFF;
            int lz = Integer.numberOfLeadingZeros(mant) - 8;
            int biased = 4 * ((w >>> 24) & 0x7F) - 130 - lz;
            all &= (lz <= 3 && biased > 0 && biased < 255) || roundTrips(w);
        }
        return all;
    }
}

package org.seisproc.segy;

import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/// Unaligned value layouts in either byte order, shared so that hot loops use constants.
public final class Layouts {
    public static final ValueLayout.OfShort SHORT_BE = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    public static final ValueLayout.OfShort SHORT_LE = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    public static final ValueLayout.OfInt INT_BE = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    public static final ValueLayout.OfInt INT_LE = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    public static final ValueLayout.OfLong LONG_BE = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    public static final ValueLayout.OfLong LONG_LE = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    public static final ValueLayout.OfFloat FLOAT_BE = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    public static final ValueLayout.OfFloat FLOAT_LE = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    public static final ValueLayout.OfDouble DOUBLE_BE = ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    public static final ValueLayout.OfDouble DOUBLE_LE = ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private Layouts() {
    }

    public static ValueLayout.OfShort short_(ByteOrder order) {
        return order == ByteOrder.BIG_ENDIAN ? SHORT_BE : SHORT_LE;
    }

    public static ValueLayout.OfInt int_(ByteOrder order) {
        return order == ByteOrder.BIG_ENDIAN ? INT_BE : INT_LE;
    }

    public static ValueLayout.OfLong long_(ByteOrder order) {
        return order == ByteOrder.BIG_ENDIAN ? LONG_BE : LONG_LE;
    }

    public static ValueLayout.OfFloat float_(ByteOrder order) {
        return order == ByteOrder.BIG_ENDIAN ? FLOAT_BE : FLOAT_LE;
    }

    public static ValueLayout.OfDouble double_(ByteOrder order) {
        return order == ByteOrder.BIG_ENDIAN ? DOUBLE_BE : DOUBLE_LE;
    }
}

package org.seisproc.cli;

import java.nio.ByteOrder;
import java.util.Locale;

/// Parses `--byte-order` values: big (be, msb) or little (le, lsb).
final class ByteOrders {
    private ByteOrders() {
    }

    /// The byte order named by `value`, null for null; a usage error otherwise.
    static ByteOrder parse(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "big", "be", "msb" -> ByteOrder.BIG_ENDIAN;
            case "little", "le", "lsb" -> ByteOrder.LITTLE_ENDIAN;
            default -> throw new UsageException("--byte-order is '" + value + "': use big or little");
        };
    }

    /// "big" or "little".
    static String name(ByteOrder order) {
        return order == ByteOrder.BIG_ENDIAN ? "big" : "little";
    }
}

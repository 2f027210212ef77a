package org.seisproc.segy;

/// A SEG-Y data sample format code (binary header bytes 3225–3226) and its properties.
///
/// Codes as in SEG-Y rev 2.0, section 5, table "Data sample format code": 1 IBM float,
/// 2 int32, 3 int16, 4 fixed point with gain (obsolete, not supported), 5 IEEE float32,
/// 6 IEEE float64, 7 int24, 8 int8, 9 int64, 10 uint32, 11 uint16, 12 uint64, 15 uint24,
/// 16 uint8. All of them in either byte order.
public enum SampleFormat {
    IBM_FLOAT32(1, 4, "4-byte IBM floating point", true),
    INT32(2, 4, "4-byte two's complement integer", false),
    INT16(3, 2, "2-byte two's complement integer", true),
    IEEE_FLOAT32(5, 4, "4-byte IEEE floating point", true),
    IEEE_FLOAT64(6, 8, "8-byte IEEE floating point", false),
    INT24(7, 3, "3-byte two's complement integer", true),
    INT8(8, 1, "1-byte two's complement integer", true),
    INT64(9, 8, "8-byte two's complement integer", false),
    UINT32(10, 4, "4-byte unsigned integer", false),
    UINT16(11, 2, "2-byte unsigned integer", true),
    UINT64(12, 8, "8-byte unsigned integer", false),
    UINT24(15, 3, "3-byte unsigned integer", true),
    UINT8(16, 1, "1-byte unsigned integer", true);

    private static final SampleFormat[] BY_CODE = new SampleFormat[17];

    static {
        for (SampleFormat f : values()) {
            BY_CODE[f.code] = f;
        }
    }

    private final int code;
    private final int bytes;
    private final String description;
    private final boolean exactInFloat32;

    SampleFormat(int code, int bytes, String description, boolean exactInFloat32) {
        this.code = code;
        this.bytes = bytes;
        this.description = description;
        this.exactInFloat32 = exactInFloat32;
    }

    /// The SEG-Y format code.
    public int code() {
        return code;
    }

    /// Bytes per sample.
    public int bytes() {
        return bytes;
    }

    /// The standard's description.
    public String description() {
        return description;
    }

    /// True when every value of this format converts to float32 without loss (IBM: every value
    /// within float32's range, i.e. all of real data); false for int32, int64, uint32, uint64
    /// and float64, which need a wider type to stay lossless.
    public boolean exactInFloat32() {
        return exactInFloat32;
    }

    /// True for the integer formats.
    public boolean isInteger() {
        return this != IBM_FLOAT32 && this != IEEE_FLOAT32 && this != IEEE_FLOAT64;
    }

    /// The format of a code, or null when the code is not a supported format.
    public static SampleFormat ofCodeOrNull(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /// The format of a code; throws `IllegalArgumentException` with what to do for others.
    public static SampleFormat ofCode(int code) {
        SampleFormat f = ofCodeOrNull(code);
        if (f == null) {
            throw new IllegalArgumentException(unsupportedMessage(code));
        }
        return f;
    }

    /// A user-facing explanation for an unsupported code.
    public static String unsupportedMessage(int code) {
        if (code == 4) {
            return "sample format code 4 (4-byte fixed point with gain) is obsolete since SEG-Y rev 1 and not"
                    + " supported; convert the file with the software that wrote it";
        }
        return "sample format code " + code + " is not a SEG-Y format; supported codes are"
                + " 1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 15, 16";
    }

    @Override
    public String toString() {
        return code + " (" + description + ")";
    }
}

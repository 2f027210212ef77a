package org.seisproc.segy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/// The character encoding of a textual header: EBCDIC (IBM code page 037) or ASCII.
public enum TextEncoding {
    EBCDIC(Charset.forName("IBM037")), ASCII(StandardCharsets.ISO_8859_1);

    private final Charset charset;

    TextEncoding(Charset charset) {
        this.charset = charset;
    }

    public Charset charset() {
        return charset;
    }

    /// Detects the encoding of a 3200-byte textual header block.
    ///
    /// The standard starts every 80-byte card with `C`: 0x43 in ASCII, 0xC3 in EBCDIC; the
    /// majority of card starts decides. Where that is silent (a blank or free-form header),
    /// the more frequent space character decides (0x20 ASCII, 0x40 EBCDIC), then the share of
    /// bytes above 0x7F (EBCDIC letters and digits live there).
    public static TextEncoding detect(byte[] block, int offset, int length) {
        int asciiC = 0;
        int ebcdicC = 0;
        for (int card = 0; card + 80 <= length; card += 80) {
            int b = block[offset + card] & 0xFF;
            if (b == 0x43) {
                asciiC++;
            } else if (b == 0xC3) {
                ebcdicC++;
            }
        }
        if (asciiC != ebcdicC) {
            return ebcdicC > asciiC ? EBCDIC : ASCII;
        }
        int asciiSpace = 0;
        int ebcdicSpace = 0;
        int high = 0;
        for (int i = 0; i < length; i++) {
            int b = block[offset + i] & 0xFF;
            if (b == 0x20) {
                asciiSpace++;
            } else if (b == 0x40) {
                ebcdicSpace++;
            } else if (b > 0x7F) {
                high++;
            }
        }
        if (asciiSpace != ebcdicSpace) {
            return ebcdicSpace > asciiSpace ? EBCDIC : ASCII;
        }
        return high > length / 4 ? EBCDIC : ASCII;
    }
}

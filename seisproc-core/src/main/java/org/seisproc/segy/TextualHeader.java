package org.seisproc.segy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/// A 3200-byte textual header block (the file's first, or an extended stanza), kept verbatim.
///
/// `text()` decodes it for people: 40 cards of 80 characters, control characters shown as
/// spaces, trailing blanks trimmed. The bytes themselves are never changed, so writing the block
/// back gives the same file.
public final class TextualHeader {
    /// Size of a textual header block in bytes.
    public static final int BYTES = 3200;
    /// The stanza that ends a variable number of extended textual headers (rev 2).
    public static final String END_TEXT = "((SEG: EndText))";
    private static final String END_TEXT_SQUEEZED = "((SEG:ENDTEXT))";

    private final byte[] bytes;
    private final TextEncoding encoding;

    /// Wraps a copy of `bytes` (3200 of them); the encoding is detected.
    public TextualHeader(byte[] bytes) {
        this(bytes, null);
    }

    /// Wraps a copy of `bytes` (3200 of them) with a known encoding (null: detect).
    public TextualHeader(byte[] bytes, TextEncoding encoding) {
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("a textual header has 3200 bytes, not " + bytes.length);
        }
        this.bytes = bytes.clone();
        this.encoding = encoding != null ? encoding : TextEncoding.detect(this.bytes, 0, BYTES);
    }

    /// A textual header made of up to 40 lines of text, each padded (or cut) to 80 characters.
    public static TextualHeader fromLines(List<String> lines, TextEncoding encoding) {
        if (lines.size() > 40) {
            throw new IllegalArgumentException("a textual header holds 40 lines of 80 characters, not " + lines.size());
        }
        StringBuilder sb = new StringBuilder(BYTES);
        for (int i = 0; i < 40; i++) {
            String line = i < lines.size() ? lines.get(i) : "";
            if (line.length() > 80) {
                line = line.substring(0, 80);
            }
            sb.append(line).append(" ".repeat(80 - line.length()));
        }
        return new TextualHeader(sb.toString().getBytes(encoding.charset()), encoding);
    }

    /// A copy of the 3200 bytes.
    public byte[] bytes() {
        return bytes.clone();
    }

    public TextEncoding encoding() {
        return encoding;
    }

    /// The header as 40 lines of text (trailing blanks trimmed, control characters as spaces).
    public List<String> lines() {
        String all = decoded();
        List<String> lines = new ArrayList<>(40);
        for (int i = 0; i < BYTES; i += 80) {
            lines.add(all.substring(i, i + 80).stripTrailing());
        }
        return lines;
    }

    /// The header as text, one card per line.
    public String text() {
        return String.join("\n", lines());
    }

    /// True when this block is the rev 2 end stanza `((SEG: EndText))` (ASCII or EBCDIC).
    public boolean isEndText() {
        return containsEndText(bytes, 0);
    }

    /// True when the 3200-byte block at `offset` of `data` holds the end stanza
    /// `((SEG: EndText))`, in ASCII or EBCDIC, matched as the standard's stanza names are:
    /// letter case and blanks do not matter (real writers emit `((  seg: endTEXt  ))`).
    public static boolean containsEndText(byte[] data, int offset) {
        int length = Math.min(BYTES, data.length - offset);
        for (TextEncoding encoding : TextEncoding.values()) {
            String text = new String(data, offset, length, encoding.charset());
            StringBuilder squeezed = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (!Character.isWhitespace(c) && c != 0) {
                    squeezed.append(Character.toUpperCase(c));
                }
            }
            if (squeezed.indexOf(END_TEXT_SQUEEZED) >= 0) {
                return true;
            }
        }
        return false;
    }

    private String decoded() {
        char[] chars = new String(bytes, encoding.charset()).toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (Character.isISOControl(chars[i]) || chars[i] == '\uFFFD') {
                chars[i] = ' ';
            }
        }
        return new String(chars);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TextualHeader t && Arrays.equals(bytes, t.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }
}

package org.seisproc.segy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.seisproc.testdata.Fixtures;

/// Textual headers: encoding detection checked against the raw bytes, 40 cards, NUL bytes, and
/// the extended stanzas (known count, and -1 ended by `((SEG: EndText))`).
class TextualHeaderTest {

    private static byte[] bytes(String rel) throws IOException {
        return Files.readAllBytes(Fixtures.file(rel));
    }

    @Test
    void encodingIsDetectedAsTheBytesShow() throws IOException {
        // delay-scalar.sgy starts "C 1 CLIENT": 0x43 0x20 0x31 in ASCII
        assertThat(Arrays.copyOf(bytes("segyio/delay-scalar.sgy"), 3)).containsExactly(0x43, 0x20, 0x31);
        // small.sgy starts "C 1 DATE": 0xC3 0x40 0xF1 in EBCDIC
        assertThat(Arrays.copyOf(bytes("segyio/small.sgy"), 3)).containsExactly(0xC3, 0x40, 0xF1);
        try (SegyFile ascii = SegyFile.open(Fixtures.file("segyio/delay-scalar.sgy"));
             SegyFile ebcdic = SegyFile.open(Fixtures.file("segyio/small.sgy"))) {
            assertThat(ascii.textualHeader().encoding()).isEqualTo(TextEncoding.ASCII);
            assertThat(ascii.textualHeader().lines().get(0)).startsWith("C 1 CLIENT");
            assertThat(ebcdic.textualHeader().encoding()).isEqualTo(TextEncoding.EBCDIC);
            assertThat(ebcdic.textualHeader().lines().get(0)).startsWith("C 1 DATE");
        }
    }

    @Test
    void textHasFortyCardsOfAtMostEightyCharacters() {
        try (SegyFile f = SegyFile.open(Fixtures.file("segyio/small.sgy"))) {
            TextualHeader h = f.textualHeader();
            assertThat(h.text().split("\n", -1)).hasSize(40);
            assertThat(h.lines()).hasSize(40).allMatch(l -> l.length() <= 80);
            for (int i = 0; i < 40; i++) {
                // cards are numbered C 1 .. C40 in this header
                assertThat(h.lines().get(i)).as("card %d", i + 1).startsWith(String.format("C%2d", i + 1));
            }
            assertThat(h.bytes()).hasSize(3200).isEqualTo(f.fileHeaderBytes().length >= 3200
                    ? Arrays.copyOf(f.fileHeaderBytes(), 3200) : null);
        }
    }

    @Test
    void nulInTheTextIsShownAsABlankAndKeptInTheBytes() throws IOException {
        // text-embed-null.sgy is small.sgy with byte 24 (an EBCDIC blank, 0x40) set to 0x00
        byte[] withNul = bytes("segyio/text-embed-null.sgy");
        byte[] plain = bytes("segyio/small.sgy");
        assertThat(withNul[24]).isZero();
        assertThat(plain[24]).isEqualTo((byte) 0x40);
        try (SegyFile f = SegyFile.open(Fixtures.file("segyio/text-embed-null.sgy"));
             SegyFile g = SegyFile.open(Fixtures.file("segyio/small.sgy"))) {
            TextualHeader h = f.textualHeader();
            assertThat(h.encoding()).isEqualTo(TextEncoding.EBCDIC);
            assertThat(h.text()).doesNotContain("\0");
            assertThat(h.lines()).isEqualTo(g.textualHeader().lines());
            assertThat(h.bytes()[24]).isZero();
        }
    }

    @Test
    void extendedHeadersWithAKnownCount() throws IOException {
        try (SegyFile f = SegyFile.open(Fixtures.file("segyio/multi-text.sgy"))) {
            List<TextualHeader> ext = f.extendedTextualHeaders();
            assertThat(ext).hasSize(4);
            byte[] file = bytes("segyio/multi-text.sgy");
            for (int i = 0; i < 4; i++) {
                assertThat(ext.get(i).bytes()).isEqualTo(Arrays.copyOfRange(file, 3600 + 3200 * i, 6800 + 3200 * i));
                assertThat(ext.get(i).lines().get(0)).startsWith("C 1 DATE 2018-09-10");
            }
            assertThat(f.info().firstTraceOffset()).isEqualTo(3600 + 4 * 3200);
        }
        try (SegyFile f = SegyFile.open(Fixtures.file("segyio/stanzas-known-count.sgy"))) {
            List<TextualHeader> ext = f.extendedTextualHeaders();
            assertThat(ext).hasSize(3);
            // stanza 1 is EBCDIC between two ASCII ones: each block's encoding is detected on its own
            assertThat(ext.get(0).encoding()).isEqualTo(TextEncoding.ASCII);
            assertThat(ext.get(0).text()).startsWith("((SEGYIO:TEST ASCII  DATA");
            assertThat(ext.get(1).encoding()).isEqualTo(TextEncoding.EBCDIC);
            assertThat(ext.get(1).text()).startsWith("((SEGYIO:Test EBCDIC data))");
            assertThat(ext.get(2).encoding()).isEqualTo(TextEncoding.ASCII);
            assertThat(ext.get(2).text()).startsWith("((SEGYIO: test ASCII data))");
            assertThat(ext).noneMatch(TextualHeader::isEndText);
        }
    }

    @Test
    void extendedHeadersEndedByEndText() {
        try (SegyFile f = SegyFile.open(Fixtures.file("segyio/stanzas-unknown-count.sgy"))) {
            assertThat(f.binaryHeader().get(BinaryField.EXTENDED_TEXT_HEADERS)).isEqualTo(-1);
            List<TextualHeader> ext = f.extendedTextualHeaders();
            assertThat(ext).hasSize(3);
            assertThat(ext.get(0).text()).startsWith("((segyio: test ()(test1) ))first part");
            assertThat(ext.get(1).text()).startsWith("second part");
            // written "((  seg: endTEXt  ))": case and blanks do not matter
            assertThat(ext.get(2).text()).startsWith("((  seg: endTEXt  ))");
            assertThat(ext.get(2).isEndText()).isTrue();
            assertThat(ext.get(0).isEndText()).isFalse();
            assertThat(f.info().firstTraceOffset()).isEqualTo(3600 + 3 * 3200);
            assertThat(f.traceCount()).isEqualTo(6);
        }
    }

    @Test
    void fromLinesPadsToFortyCardsInEitherEncoding() {
        for (TextEncoding enc : TextEncoding.values()) {
            TextualHeader h = TextualHeader.fromLines(List.of("C 1 CLIENT SEISPROC", "C 2 LINE 7"), enc);
            assertThat(h.encoding()).isEqualTo(enc);
            assertThat(new TextualHeader(h.bytes()).encoding()).as("detected back").isEqualTo(enc);
            assertThat(h.lines().subList(0, 3)).containsExactly("C 1 CLIENT SEISPROC", "C 2 LINE 7", "");
            assertThat(h.bytes()[3199]).isEqualTo(enc == TextEncoding.ASCII ? (byte) 0x20 : (byte) 0x40);
        }
    }
}

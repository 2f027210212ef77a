package org.seisproc.segy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seisproc.testdata.Fixtures;

/// Trace header layouts: standard names, JSON overrides, errors that name the bad entry, and
/// values read through a custom layout.
class HeaderLayoutTest {
    @TempDir
    Path tmp;

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text.replace('\'', '"'));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void standardFieldsByShortAndLongNameIgnoringCase() {
        HeaderLayout std = HeaderLayout.standard();
        assertThat(std.field("cdp")).isSameAs(std.field("CDP")).isSameAs(std.field("Ensemble_Number"));
        assertThat(std.field("cdp").bytePosition()).isEqualTo(21);
        assertThat(std.field("iline").bytePosition()).isEqualTo(189);
        assertThat(std.field("INLINE")).isSameAs(std.field("iline"));
        assertThat(std.field("xline").bytePosition()).isEqualTo(193);
        assertThat(std.field(" offset ").bytePosition()).isEqualTo(37);
        assertThat(std.field("ns").type()).isEqualTo(HeaderType.UINT16);
        assertThat(std.field("scalco").type()).isEqualTo(HeaderType.INT16);
        assertThat(std.fields()).hasSize(TraceField.values().length);
        assertThat(std.findOrNull("no_such_field")).isNull();
        assertThatThrownBy(() -> std.field("cpd")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'cpd'").hasMessageContaining("cdp");
        // every field sits inside the 240-byte header, none overlaps the next
        int end = 0;
        for (HeaderField f : std.fields()) {
            assertThat(f.bytePosition()).as(f.name()).isGreaterThan(end);
            end = f.lastBytePosition();
        }
        assertThat(end).isEqualTo(240);
    }

    @Test
    void jsonOverridesMoveFieldsAndAddNewOnes() {
        HeaderLayout l = HeaderLayout.fromJson(json(
                "{'fields': [{'name': 'iline', 'byte': 9, 'type': 'int32'},"
                        + " {'name': 'xline', 'byte': 21, 'type': 'i4', 'description': 'crossline'},"
                        + " {'name': 'myx', 'byte': 181, 'type': 'float32'}]}"));
        assertThat(l.field("iline").bytePosition()).isEqualTo(9);
        assertThat(l.field("inline")).as("the long name follows the override").isSameAs(l.field("iline"));
        assertThat(l.field("xline").bytePosition()).isEqualTo(21);
        assertThat(l.field("xline").description()).isEqualTo("crossline");
        assertThat(l.field("MYX").type()).isEqualTo(HeaderType.FLOAT32);
        assertThat(l.field("cdp").bytePosition()).as("untouched standard field").isEqualTo(21);
        assertThat(l.fields()).hasSize(TraceField.values().length + 1);

        HeaderLayout only = HeaderLayout.fromJson(json("{'base': 'none', 'fields': [{'name': 'il', 'byte': 189}]}"));
        assertThat(only.fields()).hasSize(1);
        assertThat(only.field("il").type()).as("default type").isEqualTo(HeaderType.INT32);
        assertThat(only.findOrNull("cdp")).isNull();
    }

    @Test
    void badSpecsNameTheEntry() {
        assertThatThrownBy(() -> HeaderLayout.fromJson(json("{'fields': [{'name': 'a', 'byte': 1}, {'name': 'iline', 'byte': 9, 'type': 'int33'}]}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fields[1]").hasMessageContaining("'iline'").hasMessageContaining("int33")
                .hasMessageContaining("use one of");
        assertThatThrownBy(() -> HeaderLayout.fromJson(json("{'fields': [{'name': 'late', 'byte': 239, 'type': 'int32'}]}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'late'").hasMessageContaining("byte 239").hasMessageContaining("ends at byte 242")
                .hasMessageContaining("240");
        assertThatThrownBy(() -> HeaderLayout.fromJson(json("{'fields': [{'name': 'iline', 'type': 'int32'}]}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fields[0]").hasMessageContaining("'iline'").hasMessageContaining("\"byte\"");
        assertThatThrownBy(() -> HeaderLayout.fromJson(json("{'fields': [{'name': 'x', 'byte': 0}]}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fields[0]").hasMessageContaining("1-based");
        assertThatThrownBy(() -> HeaderLayout.fromJson(json("{'fields': [{'byte': 5}]}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fields[0]").hasMessageContaining("\"name\"");
        assertThatThrownBy(() -> HeaderLayout.fromJson(json("{'base': 'segyio', 'fields': []}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("segyio");
        assertThatThrownBy(() -> HeaderLayout.fromJson(json("[1, 2]"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void duplicateNamesInASpecAreAnError() {
        assertThatThrownBy(() -> HeaderLayout.fromJson(json(
                "{'base': 'none', 'fields': [{'name': 'foo', 'byte': 1}, {'name': 'FOO', 'byte': 5}]}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fields[1]").hasMessageContaining("'FOO'").hasMessageContaining("already used by fields[0]");
        // on the standard base too: two entries of one name are ambiguous, not "the last one wins"
        assertThatThrownBy(() -> HeaderLayout.fromJson(json(
                "{'fields': [{'name': 'iline', 'byte': 9}, {'name': 'iline', 'byte': 17}]}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fields[1]").hasMessageContaining("'iline'");
    }

    @Test
    void specFileErrorsNameTheFile() throws IOException {
        Path spec = Files.writeString(tmp.resolve("layout.json"), "{\"fields\": [{\"name\": \"iline\", \"byte\": 300}]}");
        assertThatThrownBy(() -> HeaderLayout.fromJson(spec)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(spec.toString()).hasMessageContaining("'iline'");
        Path broken = Files.writeString(tmp.resolve("broken.json"), "{\"fields\": [");
        assertThatThrownBy(() -> HeaderLayout.fromJson(broken)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(broken.toString());
    }

    /// small.sgy's inline numbers sit at 189 and also at 9 (fldr): read through a layout that
    /// moves `iline` to byte 9, every trace gives the standard field at byte 9, and the reference's
    /// value for byte 9 (from the independent decoder).
    @Test
    void aCustomLayoutReadsTheStandardFieldAtThatByte() throws IOException {
        Path spec = Files.writeString(tmp.resolve("layout.json"),
                "{\"fields\": [{\"name\": \"iline\", \"byte\": 9}, {\"name\": \"ensx\", \"byte\": 181, \"type\": \"int32\"},"
                        + " {\"name\": \"dt16\", \"byte\": 117, \"type\": \"uint16\"}]}");
        HeaderLayout layout = HeaderLayout.fromJson(spec);
        for (String rel : new String[] {"segyio/small.sgy", "segyio/small-lsb.sgy", "segyio/f3.sgy", "segyio/small.su"}) {
            JsonNode ref = Fixtures.reference().path(rel).path("headers");
            try (SegyFile custom = SegyFile.open(Fixtures.file(rel), ReadOptions.defaults().withLayout(layout));
                 SegyFile std = SegyFile.open(Fixtures.file(rel))) {
                assertThat(custom.traceCount()).isPositive();
                for (long t = 0; t < custom.traceCount(); t++) {
                    assertThat(custom.header(t, "iline")).as("%s trace %d", rel, t).isEqualTo(std.header(t, "fldr"));
                    assertThat(custom.header(t, "ensx")).isEqualTo(std.header(t, "cdpx"));
                    assertThat(custom.header(t, "dt16")).isEqualTo(std.header(t, "dt"));
                }
                assertThat(custom.header(0, "iline")).isEqualTo(ref.path("first").path("9").asLong());
                assertThat(custom.header(custom.traceCount() - 1, "iline")).isEqualTo(ref.path("last").path("9").asLong());
                assertThat(custom.header(0, "ensx")).isEqualTo(ref.path("first").path("181").asLong());
            }
        }
    }
}

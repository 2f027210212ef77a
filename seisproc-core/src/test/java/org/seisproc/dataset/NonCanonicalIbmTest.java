package org.seisproc.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seisproc.segy.BinaryField;
import org.seisproc.segy.BinaryHeader;
import org.seisproc.segy.FileSpec;
import org.seisproc.segy.Layouts;
import org.seisproc.segy.SampleFormat;
import org.seisproc.segy.SegyWriter;
import org.seisproc.segy.TextEncoding;
import org.seisproc.segy.TextualHeader;

/// Real IBM files hold words that no float32 re-encodes to the same bits: unnormalized
/// fractions (leading hex digit 0), zeros with an exponent, values beyond float32's range. The
/// import keeps those traces' bytes, so the export is still byte-identical; once the samples are
/// changed, the new values are encoded instead.
class NonCanonicalIbmTest {
    @TempDir
    Path tmp;

    @Test
    void unnormalizedAndOutOfRangeWordsExportByteForByte() throws Exception {
        int ns = 8;
        int[][] traces = {
            {0x4110_0000, 0x4220_0000, 0xC110_0000, 0, 0x8000_0000, 0x4180_0000, 0x3F10_0000, 0x4040_0000}, // canonical
            {0x4201_0000, 0x4110_0000, 0x4100_0000, 0x4200_0001, 0x4110_0000, 0x4110_0000, 0x4110_0000, 0x4110_0000}, // unnormalized, zero with exponent
            {0x7F10_0000, 0x0110_0000, 0x4110_0000, 0x4110_0000, 0x4110_0000, 0x4110_0000, 0x4110_0000, 0xFFFF_FFFF}, // beyond float32
        };
        Path sgy = tmp.resolve("odd-ibm.sgy");
        BinaryHeader bin = BinaryHeader.empty(ByteOrder.BIG_ENDIAN).set(BinaryField.SAMPLE_INTERVAL, 4000).set(BinaryField.MAJOR_REVISION, 1);
        FileSpec spec = FileSpec.segy(TextualHeader.fromLines(List.of("C 1 ODD IBM WORDS"), TextEncoding.EBCDIC), bin, List.of(),
                SampleFormat.IBM_FLOAT32, ns, 0);
        try (SegyWriter w = SegyWriter.create(sgy, spec)) {
            for (int t = 0; t < traces.length; t++) {
                byte[] raw = new byte[240 + 4 * ns];
                MemorySegment seg = MemorySegment.ofArray(raw);
                seg.set(Layouts.INT_BE, 0, t + 1);
                seg.set(Layouts.SHORT_BE, 114, (short) ns);
                for (int i = 0; i < ns; i++) {
                    seg.set(Layouts.INT_BE, 240 + 4L * i, traces[t][i]);
                }
                w.writeRawTrace(seg);
            }
            w.commit();
        }
        Path ds = tmp.resolve("odd.ds");
        Importer.Report r = Importer.run(List.of(sgy), ds, Importer.Options.defaults());
        assertThat(r.rawExceptionTraces()).isEqualTo(2);
        Path out = tmp.resolve("out.sgy");
        try (Dataset d = Dataset.open(ds)) {
            assertThat(d.manifest().rawSampleExceptions()).extracting(DatasetManifest.RawException::trace).containsExactly(1L, 2L);
            Exporter.run(d, out, Exporter.Options.defaults());
        }
        assertThat(Files.mismatch(sgy, out)).as("byte-identical export").isEqualTo(-1L);

        // The kept bytes cut short (a damaged copy of the dataset): reading them, or an export, is
        // an error that says so, never a trace of zeros.
        Path cut = tmp.resolve("cut.ds");
        copyTree(ds, cut);
        Path kept = cut.resolve(DatasetFiles.RAW_EXCEPTIONS);
        Files.write(kept, java.util.Arrays.copyOf(Files.readAllBytes(kept), (int) Files.size(kept) - 4));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
            try (Dataset d = Dataset.open(cut)) {
                d.rawSourceSamples(2);
            }
        }).isInstanceOf(DatasetException.class).hasMessageContaining(DatasetFiles.RAW_EXCEPTIONS);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
            try (Dataset d = Dataset.open(cut)) {
                Exporter.run(d, tmp.resolve("cut.sgy"), Exporter.Options.defaults());
            }
        }).isInstanceOf(DatasetException.class);

        // A re-ordered copy (as the trace sorter writes) keeps them too: each trace exports the
        // very bytes it was imported from.
        Path reversed = tmp.resolve("reversed.ds");
        try (Dataset d = Dataset.open(ds); DatasetWriter w = DatasetWriter.create(d, reversed, d.traceCount(), false, "reverse", false, false)) {
            long n = d.traceCount();
            w.sourceTraces(t -> n - 1 - t);
            float[] buf = new float[ns];
            for (long t = 0; t < n; t++) {
                d.readTrace(n - 1 - t, buf, 0);
                w.writeTrace(t, buf, 0);
                w.writeHeader(t, d.traceHeader(n - 1 - t), 0);
            }
            w.commit();
        }
        Path outReversed = tmp.resolve("reversed.sgy");
        try (Dataset d = Dataset.open(reversed)) {
            assertThat(d.manifest().rawSampleExceptions()).extracting(DatasetManifest.RawException::trace).containsExactly(0L, 1L);
            Exporter.run(d, outReversed, Exporter.Options.defaults());
        }
        try (var a = org.seisproc.segy.SegyFile.open(sgy); var b = org.seisproc.segy.SegyFile.open(outReversed)) {
            int n = traces.length;
            for (int t = 0; t < n; t++) {
                assertThat(b.rawTrace(t).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE))
                        .as("trace %d of the reversed export", t).containsExactly(a.rawTrace(n - 1 - t).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE));
            }
        }

        // Changed samples are encoded from their new values, never replaced by the old bytes.
        Path scaled = tmp.resolve("scaled.ds");
        try (Dataset d = Dataset.open(ds); DatasetWriter w = DatasetWriter.derive(d, scaled, "x2", false)) {
            float[] buf = new float[ns];
            for (long t = 0; t < d.traceCount(); t++) {
                d.readTrace(t, buf, 0);
                for (int i = 0; i < ns; i++) {
                    buf[i] *= 2;
                }
                w.writeTrace(t, buf, 0);
            }
            w.commit();
        }
        Path out2 = tmp.resolve("out2.sgy");
        try (Dataset d = Dataset.open(scaled)) {
            Exporter.run(d, out2, Exporter.Options.defaults());
        }
        try (var f = org.seisproc.segy.SegyFile.open(out2)) {
            float[] buf = new float[ns];
            f.readTrace(1, buf);
            assertThat(buf[0]).isEqualTo(2 * org.seisproc.segy.Ibm.toFloat(0x4201_0000));
        }
    }

    private static void copyTree(Path from, Path to) throws java.io.IOException {
        try (var files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }
}

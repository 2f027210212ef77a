package org.seisproc.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seisproc.segy.SampleFormat;
import org.seisproc.segy.SegyFile;
import org.seisproc.segy.TraceField;
import org.seisproc.synth.SurveyGeometry;
import org.seisproc.synth.SyntheticSurvey;
import org.seisproc.testdata.Python;

/// A dataset of another shape than its source (a stack, a resampled image): written through
/// [DatasetWriter#create(Dataset, Path, DatasetShape, String, boolean, boolean)], it exports as SEG-Y
/// whose binary and trace headers describe the new shape — checked with segyio, an independent
/// reader, when it is installed (Debian's python3-segyio), and with our own reader always.
class DatasetShapeTest {
    @TempDir
    static Path dir;
    static Path source;

    @BeforeAll
    static void makeSource() {
        SyntheticSurvey survey = new SyntheticSurvey(new SurveyGeometry(4, 1, 24, 25, 200, 25), 400, 4000,
                SampleFormat.IBM_FLOAT32, 3);
        source = survey.writeAndImport(dir.resolve("s.sgy"), dir.resolve("s.ds"), 1);
    }

    /// Writes 7 traces of 150 samples at 8 ms, trace i with cdp 1000 + i, inline 10, crossline 20 + i,
    /// and samples i + j / 1000.
    private static Path writeStack(String name, ByteOrder exportOrder, Integer revision) {
        Path target = dir.resolve(name + ".ds");
        DatasetShape shape = new DatasetShape(7, 150, 8000, SampleType.FLOAT32);
        try (Dataset in = Dataset.open(source);
             DatasetWriter out = DatasetWriter.create(in, target, shape, "a test stack", false, false)) {
            float[] trace = new float[150];
            for (int i = 0; i < 7; i++) {
                for (int j = 0; j < 150; j++) {
                    trace[j] = i + j / 1000f;
                }
                out.writeTrace(i, trace, 0);
                out.setHeader(i, TraceField.ENSEMBLE_NUMBER.field(), 1000 + i);
                out.setHeader(i, TraceField.INLINE.field(), 10);
                out.setHeader(i, TraceField.CROSSLINE.field(), 20 + i);
                out.setHeader(i, TraceField.TRACE_SEQUENCE_LINE.field(), i + 1);
            }
            out.commit();
        }
        Path sgy = dir.resolve(name + ".sgy");
        try (Dataset stack = Dataset.open(target)) {
            assertThat(stack.traceCount()).isEqualTo(7);
            assertThat(stack.samplesPerTrace()).isEqualTo(150);
            assertThat(stack.manifest().sampleIntervalMicros()).isEqualTo(8000);
            assertThat(stack.manifest().processing()).contains("a test stack");
            Exporter.run(stack, sgy, Exporter.Options.defaults().withByteOrder(exportOrder).withRevision(revision));
        }
        return sgy;
    }

    @Test
    void aReshapedDatasetExportsWithItsOwnSampleCountIntervalAndHeaders() {
        Path sgy = writeStack("stack", null, null);
        try (SegyFile f = SegyFile.open(sgy)) {
            assertThat(f.info().traces()).isEqualTo(7);
            assertThat(f.info().samplesPerTrace()).isEqualTo(150);
            assertThat(f.info().sampleIntervalMicros()).isEqualTo(8000);
            assertThat(f.info().warnings()).as("trace headers agree with the binary header").isEmpty();
            float[] t = new float[150];
            f.readTrace(3, t);
            assertThat(t[0]).isEqualTo(3f);
            assertThat(t[149]).isCloseTo(3.149f, org.assertj.core.data.Offset.offset(1e-5f));
        }
    }

    @Test
    void segyioReadsTheExportedStack() throws Exception {
        Assumptions.assumeTrue(Python.has("segyio"), "python3-segyio is not installed");
        for (Object[] variant : new Object[][] {{"be", null, null}, {"le2", ByteOrder.LITTLE_ENDIAN, 2}}) {
            Path sgy = writeStack("stack-" + variant[0], (ByteOrder) variant[1], (Integer) variant[2]);
            String endian = variant[1] == ByteOrder.LITTLE_ENDIAN ? "little" : "big";
            String out = Python.run("""
                    import segyio, sys
                    with segyio.open(sys.argv[1], ignore_geometry=True, endian=sys.argv[2]) as f:
                        print(f.tracecount, len(f.samples), int(segyio.tools.dt(f)), f.bin[segyio.BinField.Samples])
                        print(' '.join(str(h[segyio.TraceField.CDP]) for h in f.header))
                        print(' '.join(str(h[segyio.TraceField.INLINE_3D]) + '/' + str(h[segyio.TraceField.CROSSLINE_3D]) for h in f.header))
                        print('%.4f %.4f' % (f.trace[6][0], f.trace[6][149]))
                    """, sgy.toString(), endian);
            List<String> lines = out.lines().toList();
            assertThat(lines.get(0)).isEqualTo("7 150 8000 150");
            assertThat(lines.get(1)).isEqualTo("1000 1001 1002 1003 1004 1005 1006");
            assertThat(lines.get(2)).isEqualTo("10/20 10/21 10/22 10/23 10/24 10/25 10/26");
            assertThat(lines.get(3)).isEqualTo("6.0000 6.1490");
        }
    }

    @Test
    void aShapeIsChecked() {
        assertThatThrownBy(() -> new DatasetShape(1, 0, 4000, SampleType.FLOAT32)).hasMessageContaining("sample");
        assertThatThrownBy(() -> new DatasetShape(1, 10, 0, SampleType.FLOAT32)).hasMessageContaining("interval");
        assertThatThrownBy(() -> new DatasetShape(-1, 10, 4000, SampleType.FLOAT32)).hasMessageContaining("traces");
    }
}

package org.seisproc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seisproc.dataset.Dataset;
import org.seisproc.dataset.DatasetFiles;
import org.seisproc.io.parquet.ParquetIO;
import org.seisproc.segy.SampleFormat;
import org.seisproc.segy.TraceField;
import org.seisproc.synth.SurveyGeometry;
import org.seisproc.synth.SyntheticSurvey;

/// Issue 16, goal 6: import and export run in a heap that does not grow with the survey. A
/// 320 MB SEG-Y of 500,064 short traces (5× the heap) is imported by `seisproc import` in a child
/// JVM limited to `-Xmx64m`, then exported back by `seisproc export` in the same heap, and the
/// exported file must equal the source byte for byte.
///
/// Many short traces are the hard case: anything kept per trace, or a header table built whole
/// (92 columns × 500,064 rows is ~200 MB decoded), would not fit. Before the header table's
/// batches and row groups were sized to the heap, this import ran out of memory.
class BoundedMemoryTest {
    private static final String HEAP = "-Xmx64m";
    private static final long HEAP_BYTES = 64L << 20;

    @TempDir
    Path tmp;

    @Test
    void importAndExportAFileFiveTimesTheHeap() throws Exception {
        Path sgy = tmp.resolve("big.sgy");
        new SyntheticSurvey(SurveyGeometry.of(5209, 96), 100, 2000, SampleFormat.IBM_FLOAT32, 3)
                .write(sgy, ByteOrder.BIG_ENDIAN, 2, null);
        assertThat(Files.size(sgy)).as("the file is several times the child's heap").isGreaterThan(4 * HEAP_BYTES);
        Path ds = tmp.resolve("big.ds");
        Path out = tmp.resolve("back.sgy");

        Result imported = cli("import", sgy.toString(), ds.toString(), "--workers", "2");
        assertThat(imported.code()).as("import in %s:%n%s", HEAP, imported.output()).isZero();
        assertThat(imported.output()).contains("500,064 traces x 100 samples");
        // the header table, written in the small heap's small row groups, holds every trace's values
        try (Dataset d = Dataset.open(ds)) {
            int[] cdp = ParquetIO.read(ds.resolve(DatasetFiles.HEADERS_PARQUET), List.of("cdp"), null).ints("cdp");
            assertThat(cdp).hasSize(500_064);
            assertThat(cdp).as("cdp column vs the raw headers").isEqualTo(d.intColumn(TraceField.ENSEMBLE_NUMBER.field()));
        }
        Result verified = cli("verify", ds.toString());
        assertThat(verified.code()).as("verify in %s:%n%s", HEAP, verified.output()).isZero();

        Result exported = cli("export", ds.toString(), out.toString(), "--workers", "2");
        assertThat(exported.code()).as("export in %s:%n%s", HEAP, exported.output()).isZero();
        assertThat(Files.mismatch(sgy, out)).as("first differing byte of the export").isEqualTo(-1L);
    }

    private record Result(int code, String output) {
    }

    /// Runs the CLI's main in a child JVM with the small heap; its output (stdout and stderr).
    private Result cli(String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, HEAP, "-XX:+UseParallelGC", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile(tmp, "cli", ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("seisproc " + args[0] + " did not finish in 120 s:\n" + Files.readString(log));
        }
        return new Result(p.exitValue(), Files.readString(log));
    }
}

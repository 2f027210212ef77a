package org.seisproc.ensemble;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seisproc.dataset.Dataset;
import org.seisproc.dataset.DatasetFiles;
import org.seisproc.dataset.Importer;
import org.seisproc.segy.SampleFormat;
import org.seisproc.segy.TraceField;
import org.seisproc.synth.SurveyGeometry;
import org.seisproc.synth.SyntheticSurvey;

/// Header columns come from the header table; when it cannot be read they come from the raw
/// headers — with a warning, never silently.
class HeaderColumnsTest {
    @TempDir
    Path dir;

    @Test
    void aDamagedHeaderTableIsReadFromTheRawHeadersWithAWarning() throws Exception {
        Path sgy = dir.resolve("s.sgy");
        new SyntheticSurvey(new SurveyGeometry(3, 1, 12, 25, 200, 25), 50, 4000, SampleFormat.IEEE_FLOAT32, 1)
                .write(sgy, ByteOrder.BIG_ENDIAN, 1, null);
        Path ds = dir.resolve("s.ds");
        Importer.run(List.of(sgy), ds, Importer.Options.defaults());
        Path table = ds.resolve(DatasetFiles.HEADERS_PARQUET);
        Files.write(table, "not a parquet file at all".getBytes()); // damaged
        List<String> warnings = new ArrayList<>();
        Logger logger = Logger.getLogger("org.seisproc");
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                warnings.add(r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(capture);
        try (Dataset d = Dataset.open(ds)) {
            int[] cdp = HeaderColumns.intColumn(d, "cdp");
            assertThat(cdp).hasSize((int) d.traceCount());
            assertThat(cdp[5]).isEqualTo((int) d.header(5, TraceField.ENSEMBLE_NUMBER.field()));
        } finally {
            logger.removeHandler(capture);
        }
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("headers.parquet", "raw trace headers"));
    }
}

package org.seisproc.qc;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seisproc.dataset.Dataset;
import org.seisproc.dataset.DatasetFiles;
import org.seisproc.dataset.DatasetWriter;
import org.seisproc.ensemble.EnsembleKey;
import org.seisproc.ensemble.HeaderColumns;
import org.seisproc.headers.HeaderTable;
import org.seisproc.io.parquet.DuckDbBackend;

/// The fold map against DuckDB's group-by of the header table; the report is one
/// self-contained page with every picture; a dataset without coordinates gets a note, not a crash.
class QcReportTest {
    @TempDir
    static Path dir;
    static Path ds;

    @BeforeAll
    static void survey() {
        ds = QcSurveys.dataset(dir, "r", QcSurveys.survey(10, 48, 200));
    }

    @Test
    void foldMapEqualsDuckDbGroupByOfTheHeaderTable() {
        try (Dataset d = Dataset.open(ds)) {
            int[] il = HeaderColumns.intColumn(d, "iline");
            int[] xl = HeaderColumns.intColumn(d, "xline");
            FoldMap f = FoldMap.of(il, xl, il.length);
            HeaderTable g = new DuckDbBackend().sql(ds.resolve(DatasetFiles.HEADERS_PARQUET),
                    "SELECT iline, xline, count(*) AS n FROM t GROUP BY iline, xline ORDER BY iline, xline");
            assertThat(g.rows()).as("live bins").isEqualTo(f.liveBins()).isGreaterThan(10);
            long[] n = g.longs("n");
            long total = 0;
            for (int r = 0; r < g.rows(); r++) {
                assertThat(f.fold(g.ints("iline")[r], g.ints("xline")[r])).as("bin %d/%d", g.ints("iline")[r], g.ints("xline")[r])
                        .isEqualTo(n[r]);
                total += n[r];
            }
            assertThat(total).isEqualTo(d.traceCount());
            assertThat(java.util.Arrays.stream(f.counts()).sum()).isEqualTo(d.traceCount());
        }
    }

    @Test
    void reportIsOneSelfContainedPageWithEveryPicture() throws Exception {
        Path attrs = dir.resolve("a.parquet");
        Path stackDir = dir.resolve("stack");
        try (Dataset d = Dataset.open(ds)) {
            TraceAttributes.Result r = TraceAttributes.compute(d, EnsembleKey.parse("fldr"), AttributeOptions.defaults(), 2, null);
            TraceAttributes.write(d, r, TraceAttributes.DEFAULT_HEADERS, attrs);
            QcStack.run(d, stackDir, dir.resolve("stack.fold"), new QcStack.Options("1800+600t", null, null, false, QcStack.Method.MEAN,
                    1, 1.5, false, 2, false), null);
            try (Dataset st = Dataset.open(stackDir)) {
                Path html = dir.resolve("report.html");
                QcReport.Content c = QcReport.write(d, st, attrs, html);
                assertThat(c.pictures()).extracting(QcReport.Picture::name).containsExactly("survey-map", "fold-map", "offset-histogram",
                        "offset-azimuth-rose", "shot-rms-map", "receiver-rms-map", "spectrum", "stack", "gather-1", "gather-2", "gather-3");
                assertThat(c.notes()).isEmpty();
                for (QcReport.Picture p : c.pictures()) {
                    BufferedImage img = ImageIO.read(new ByteArrayInputStream(p.png()));
                    assertThat(img.getWidth()).as(p.name()).isGreaterThanOrEqualTo(600);
                }
                String page = Files.readString(html);
                assertThat(page).doesNotContain("http://").doesNotContain("https://").doesNotContain("<script");
                assertThat(page.split("src=\"data:image/png;base64,", -1)).hasSize(c.pictures().size() + 1);
                assertThat(page).contains("Bad traces").contains("low-correlation");
            }
        }
    }

    @Test
    void datasetWithoutCoordinatesGetsANoteInsteadOfMaps() {
        Path bare = dir.resolve("bare");
        try (Dataset d = Dataset.open(ds)) {
            try (DatasetWriter w = DatasetWriter.derive(d, bare, "zero coordinates", false)) {
                float[] tr = new float[d.samplesPerTrace()];
                for (long t = 0; t < d.traceCount(); t++) {
                    d.readTrace(t, tr, 0);
                    w.writeTrace(t, tr, 0);
                    for (String f : List.of("sx", "sy", "gx", "gy")) {
                        w.setHeader(t, d.headerLayout().field(f), 0);
                    }
                }
                w.commit();
            }
        }
        try (Dataset b = Dataset.open(bare)) {
            QcReport.Content c = QcReport.build(b, null, null);
            assertThat(c.pictures()).extracting(QcReport.Picture::name).doesNotContain("survey-map", "offset-azimuth-rose")
                    .contains("fold-map", "offset-histogram", "spectrum", "gather-1");
            assertThat(c.notes()).anyMatch(n -> n.contains("No source/receiver coordinates"));
            assertThat(QcReport.html(c)).contains("No source/receiver coordinates");
        }
    }
}

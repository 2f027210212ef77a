package org.seisproc.io.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seisproc.headers.Column;
import org.seisproc.headers.HeaderTable;

/// The header cache maps columns built from the Parquet file, reuses them while the file is
/// unchanged, and rebuilds them when it changes.
class HeaderCacheTest {
    @TempDir
    Path dir;

    private static HeaderTable table(int base) {
        int[] cdp = new int[5000];
        long[] t = new long[5000];
        for (int i = 0; i < cdp.length; i++) {
            cdp[i] = base + i / 7;
            t[i] = (long) i << 33;
        }
        Map<String, Column> m = new LinkedHashMap<>();
        m.put("cdp", new Column.Ints(cdp));
        m.put("big", new Column.Longs(t));
        return HeaderTable.of(m);
    }

    @Test
    void buildsReusesAndRebuildsWhenTheParquetFileChanges() throws Exception {
        Path p = dir.resolve("headers.parquet");
        ParquetIO.write(table(1), p, WriteOptions.defaults());
        try (HeaderCache c = HeaderCache.open(p, List.of("cdp"))) {
            assertThat(c.rebuilt()).isTrue();
            assertThat(c.segment("cdp").toArray(ValueLayout.JAVA_INT)).containsExactly(table(1).ints("cdp"));
        }
        try (HeaderCache c = HeaderCache.open(p, List.of("cdp"))) {
            assertThat(c.rebuilt()).as("second open maps the cached file").isFalse();
        }
        try (HeaderCache c = HeaderCache.open(p, List.of("cdp", "big"))) {
            assertThat(c.rebuilt()).as("a new column is added to the cache").isTrue();
            assertThat(c.toTable()).isEqualTo(table(1));
        }
        ParquetIO.write(table(100), p, WriteOptions.defaults());
        Files.setLastModifiedTime(p, FileTime.fromMillis(Files.getLastModifiedTime(p).toMillis() + 5000));
        try (HeaderCache c = HeaderCache.open(p, List.of("cdp"))) {
            assertThat(c.rebuilt()).as("the Parquet file changed").isTrue();
            assertThat(c.segment("cdp").getAtIndex(ValueLayout.JAVA_INT, 0)).isEqualTo(100);
        }
    }

    /// Row selection on the mapped files (block by block, only the filter's columns) gives the
    /// rows and values that evaluating the filter on the whole decoded table gives.
    @Test
    void matchingRowsAndSelectAgreeWithTheWholeTable() {
        int n = 150_001; // more than two blocks of 65,536 rows, the last one partial
        int[] cdp = new int[n];
        long[] big = new long[n];
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            cdp[i] = (i * 7919) % 1000;
            big[i] = ((long) i << 33) - i;
            x[i] = i % 3 == 0 ? Double.NaN : i * 0.5;
        }
        Map<String, Column> m = new LinkedHashMap<>();
        m.put("cdp", new Column.Ints(cdp));
        m.put("big", new Column.Longs(big));
        m.put("x", new Column.Doubles(x));
        HeaderTable whole = HeaderTable.of(m);
        Path p = dir.resolve("rows.parquet");
        ParquetIO.write(whole, p, WriteOptions.defaults());
        List<String> filters = List.of("cdp between 100 and 140", "ensemble_number in (3, 999, 0)",
                "not (cdp < 500) or big >= 1000000000000000", "x > 70000 and cdp != 5", "cdp = 12345",
                // one comparison of the int column: the scan that keeps an int range
                "cdp between 99.5 and 140.2", "cdp between 140 and 100", "cdp > 998.5", "cdp >= 998", "cdp < 1.5", "cdp <= 1",
                "cdp = 7", "cdp = 7.5", "cdp > -5000000000", "cdp < 5000000000", "cdp between -3 and 0");
        try (HeaderCache c = HeaderCache.open(p, List.of("cdp", "big", "x"))) {
            for (String text : filters) {
                Filter f = Filter.parse(text);
                HeaderTable expected = whole.select(f.mask(whole));
                int[] rows = c.matchingRows(f, Long.MAX_VALUE);
                assertThat(rows.length).as(text).isEqualTo(expected.rows());
                assertThat(c.select(List.of("cdp", "big", "x"), rows)).as(text).isEqualTo(expected);
                int[] first = c.matchingRows(f, 7);
                assertThat(first).as(text + ", limit 7").containsExactly(java.util.Arrays.copyOf(rows, Math.min(7, rows.length)));
            }
            assertThat(c.select(List.of("ensemble_number"), new int[] {n - 1, 0}).ints("cdp")).containsExactly(cdp[n - 1], cdp[0]);
        }
    }
}

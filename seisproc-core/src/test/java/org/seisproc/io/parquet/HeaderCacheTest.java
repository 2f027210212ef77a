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
}

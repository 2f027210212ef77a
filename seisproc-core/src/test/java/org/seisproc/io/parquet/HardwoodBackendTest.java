package org.seisproc.io.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seisproc.headers.Column;
import org.seisproc.headers.HeaderTable;

/// Hardwood reading whole columns (no filter) through one open of the file: checked against the
/// written values and DuckDB on a table of every type with several of Hardwood's 524,288-row
/// batches per column and a partial last row group; a null in one of several columns; a file
/// without rows.
class HardwoodBackendTest {
    @TempDir
    static Path dir;
    static Path file;
    static HeaderTable table;
    static final int ROWS = 600_001;   // 3 row groups of 262,144 (the last partial), 2 batches per column

    @BeforeAll
    static void write() {
        SplittableRandom r = new SplittableRandom(16);
        Map<String, Column> cols = new LinkedHashMap<>();
        for (String name : List.of("fldr", "tracf", "cdp", "offset")) {
            int[] v = new int[ROWS];
            for (int i = 0; i < ROWS; i++) {
                v[i] = r.nextInt();
            }
            cols.put(name, new Column.Ints(v));
        }
        long[] l = new long[ROWS];
        float[] f = new float[ROWS];
        double[] d = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            l[i] = r.nextLong();
            f[i] = (float) r.nextGaussian();
            d[i] = r.nextDouble() * 1e6 - 5e5;
        }
        cols.put("big", new Column.Longs(l));
        cols.put("amp", new Column.Floats(f));
        cols.put("x", new Column.Doubles(d));
        table = HeaderTable.of(cols);
        file = dir.resolve("wide.parquet");
        ParquetIO.write(table, file, WriteOptions.defaults());
    }

    @Test
    void everyColumnIsTheWrittenValuesAndWhatDuckDbReads() {
        HeaderTable t = new HardwoodBackend().read(file, List.of(), Filter.ALL);
        assertThat(t.rows()).isEqualTo(ROWS);
        assertThat(t).isEqualTo(table);
        assertThat(t).isEqualTo(new DuckDbBackend().read(file, List.of(), Filter.ALL));
    }

    @Test
    void aProjectionKeepsTheAskedOrderAndLongNames() {
        HeaderTable t = new HardwoodBackend().read(file, List.of("x", "offset", "ensemble_number"), Filter.ALL);
        assertThat(t.names()).containsExactly("x", "offset", "cdp");
        assertThat(t).isEqualTo(table.project(List.of("x", "offset", "cdp")));
        assertThat(t).isEqualTo(new DuckDbBackend().read(file, List.of("x", "offset", "ensemble_number"), Filter.ALL));
    }

    @Test
    void nullsInOneOfSeveralColumnsFailTheReadNamingThatColumn() throws Exception {
        Path gappy = dir.resolve("one-gappy-column.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("COPY (SELECT i::INTEGER AS a, (i * 2)::INTEGER AS b, CASE WHEN i = 70000 THEN NULL ELSE i::INTEGER END AS gappy,"
                    + " i::DOUBLE AS d FROM range(100000) t(i)) TO '" + gappy + "' (FORMAT parquet, ROW_GROUP_SIZE 16384)");
        }
        assertThatThrownBy(() -> new HardwoodBackend().read(gappy, List.of(), Filter.ALL)).isInstanceOf(ParquetException.class)
                .hasMessageContaining("'gappy'").hasMessageContaining("null values").hasMessageContaining(gappy.toString());
        assertThat(new HardwoodBackend().read(gappy, List.of("d", "a"), Filter.ALL).ints("a")[99_999]).isEqualTo(99_999);
    }

    @Test
    void aFileWithoutRowsReadsAsNoRows() throws Exception {
        Path empty = dir.resolve("empty.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("COPY (SELECT i::INTEGER AS a, i::BIGINT AS b FROM range(0) t(i)) TO '" + empty + "' (FORMAT parquet)");
        }
        HeaderTable t = new HardwoodBackend().read(empty, List.of(), Filter.ALL);
        assertThat(t.rows()).isZero();
        assertThat(t).isEqualTo(new DuckDbBackend().read(empty, List.of(), Filter.ALL));
    }

    @Test
    void streamingOpensTheFileOnceAndNamesAnUnknownColumn() {
        java.util.Iterator<HeaderTable> it = new HardwoodBackend().stream(file, List.of("offset", "x"), 250_000);
        java.util.List<HeaderTable> batches = new java.util.ArrayList<>();
        it.forEachRemaining(batches::add);
        assertThat(batches).hasSize(3);
        assertThat(HeaderTable.concat(batches)).isEqualTo(table.project(List.of("offset", "x")));
        assertThatThrownBy(() -> new HardwoodBackend().stream(file, List.of("offset", "nope"), 1000)).isInstanceOf(ParquetException.class)
                .hasMessageContaining("no column 'nope'").hasMessageContaining(file.toString());
    }
}

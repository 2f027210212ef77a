package org.seisproc.io.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.seisproc.headers.Column;
import org.seisproc.headers.HeaderTable;

/// The Parquet layer with both backends: round trips of every type, projection, filters
/// (including at row-group boundaries), empty results, streaming, unknown columns, corrupt and
/// truncated files, files written by DuckDB's own COPY, and Hardwood vs DuckDB giving identical
/// tables.
class ParquetIOTest {
    @TempDir
    static Path dir;
    static Path file;
    static HeaderTable table;
    static final int ROWS = 10_240;

    @BeforeAll
    static void write() {
        SplittableRandom r = new SplittableRandom(5);
        int[] cdp = new int[ROWS];
        int[] offset = new int[ROWS];
        long[] big = new long[ROWS];
        float[] f = new float[ROWS];
        double[] d = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            cdp[i] = i / 10 + 1;
            offset[i] = r.nextInt(-3000, 3000);
            big[i] = r.nextLong();
            f[i] = (float) r.nextGaussian();
            d[i] = r.nextDouble() * 1e9;
        }
        Map<String, Column> cols = new LinkedHashMap<>();
        cols.put("cdp", new Column.Ints(cdp));
        cols.put("offset", new Column.Ints(offset));
        cols.put("big", new Column.Longs(big));
        cols.put("amp", new Column.Floats(f));
        cols.put("x", new Column.Doubles(d));
        table = HeaderTable.of(cols);
        file = dir.resolve("h.parquet");
        ParquetIO.write(table, file, new WriteOptions("zstd", 2048));   // 5 row groups (DuckDB's granularity is 2048 rows)
    }

    @ParameterizedTest
    @ValueSource(strings = {"hardwood", "duckdb"})
    void roundTripOfEveryTypeAndTheSchema(String backend) {
        ParquetBackend b = ParquetIO.backend(backend);
        assertThat(b.read(file, List.of(), Filter.ALL)).isEqualTo(table);
        ParquetSchema s = b.schema(file);
        assertThat(s.rows()).isEqualTo(ROWS);
        assertThat(s.rowGroups()).isEqualTo(5);
        assertThat(s.fields()).extracting(ParquetSchema.Field::type).containsExactly("int32", "int32", "int64", "float", "double");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hardwood", "duckdb"})
    void projectionAndFiltersAtRowGroupBoundaries(String backend) {
        ParquetBackend b = ParquetIO.backend(backend);
        // rows 2040..2059 (cdp 205 and 206) cross the boundary between row groups 0 and 1 at row 2048
        HeaderTable t = b.read(file, List.of("offset", "cdp"), Filter.parse("cdp between 205 and 206"));
        assertThat(t.names()).containsExactly("offset", "cdp");
        assertThat(t.rows()).isEqualTo(20);
        assertThat(t.ints("cdp")).containsOnly(205, 206);
        boolean[] expected = Filter.parse("cdp between 205 and 206").mask(table);
        assertThat(t.ints("offset")).containsExactly(table.select(expected).ints("offset"));
        String complex = "(cdp in (1, 500, 1000) or offset < -2990) and not (x > 9e8)";
        assertThat(b.read(file, List.of(), Filter.parse(complex))).isEqualTo(table.select(Filter.parse(complex).mask(table)));
        assertThat(b.read(file, List.of("cdp"), Filter.parse("cdp > 5000")).rows()).isZero();
        assertThat(b.read(file, List.of("ensemble_number"), Filter.ALL).rows()).as("long name of cdp").isEqualTo(ROWS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"native", "duckdb"})
    void filesOfBothWritersReadBackIdenticallyWithBothReaders(String writer) {
        Path f = dir.resolve("by-" + writer + ".parquet");
        Map<String, String> types = new LinkedHashMap<>();
        table.columns().forEach((k, v) -> types.put(k, v.typeName()));
        try (TableWriter w = ParquetIO.writer(writer, f, types, new WriteOptions("zstd", 4096))) {
            w.append(table.head(3000));
            w.append(table.select(java.util.stream.IntStream.range(3000, ROWS).toArray(), ROWS - 3000));
            w.commit();
        }
        for (ParquetBackend b : List.of(new HardwoodBackend(), new DuckDbBackend())) {
            assertThat(b.read(f, List.of(), Filter.ALL)).as(writer + " read by " + b.name()).isEqualTo(table);
            assertThat(b.read(f, List.of("cdp"), Filter.parse("cdp = 410")).rows()).isEqualTo(10);
            assertThat(b.schema(f).rowGroups()).isEqualTo(3);
        }
        for (String codec : List.of("snappy", "gzip", "uncompressed")) {
            Path g = dir.resolve("codec-" + codec + "-" + writer + ".parquet");
            try (TableWriter w = ParquetIO.writer(writer, g, types, new WriteOptions(codec, 4096))) {
                w.append(table);
                w.commit();
            }
            assertThat(new HardwoodBackend().read(g, List.of(), Filter.ALL)).as(codec).isEqualTo(table);
            assertThat(new DuckDbBackend().read(g, List.of(), Filter.ALL)).as(codec).isEqualTo(table);
        }
    }

    @Test
    void aWriterClosedWithoutCommitLeavesNothing() {
        Path f = dir.resolve("never.parquet");
        try (TableWriter w = ParquetIO.writer(f, Map.of("a", "int32"), WriteOptions.defaults())) {
            w.append(table.project(List.of("cdp")).head(10).project(List.of("cdp")));
        } catch (RuntimeException expected) {
            // column name mismatch is fine: what matters is what is left behind
        }
        assertThat(f).doesNotExist();
        assertThat(dir.resolve(".never.parquet.partial")).doesNotExist();
    }

    @Test
    void backendsReturnIdenticalTables() {
        for (String q : List.of("", "offset >= 0", "cdp = 7 or cdp = 900", "amp < 0 and cdp <= 300")) {
            Filter f = Filter.parse(q);
            assertThat(new HardwoodBackend().read(file, List.of(), f)).as(q).isEqualTo(new DuckDbBackend().read(file, List.of(), f));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"hardwood", "duckdb"})
    void streamingGivesEveryRowInBoundedBatches(String backend) {
        Iterator<HeaderTable> it = ParquetIO.backend(backend).stream(file, List.of("cdp", "x"), 3000);
        List<HeaderTable> batches = new ArrayList<>();
        it.forEachRemaining(batches::add);
        assertThat(batches).allSatisfy(t -> assertThat(t.rows()).isLessThanOrEqualTo(3000));
        assertThat(HeaderTable.concat(batches)).isEqualTo(table.project(List.of("cdp", "x")));
    }

    @Test
    void scanComposesAndRunsOnCollect() {
        HeaderTable t = ParquetIO.scan(file).select("cdp", "offset").filter("cdp >= 10").filter("cdp < 20").limit(25).collect();
        assertThat(t.rows()).isEqualTo(25);
        assertThat(t.ints("cdp")[0]).isEqualTo(10);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hardwood", "duckdb"})
    void clearErrorsForUnknownColumnsAndBadFiles(String backend) throws Exception {
        ParquetBackend b = ParquetIO.backend(backend);
        assertThatThrownBy(() -> b.read(file, List.of("nope"), Filter.ALL)).isInstanceOf(ParquetException.class)
                .hasMessageContaining("no column 'nope'").hasMessageContaining(file.toString());
        Path truncated = dir.resolve("truncated-" + backend + ".parquet");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> b.read(truncated, List.of(), Filter.ALL)).isInstanceOf(ParquetException.class)
                .hasMessageContaining(truncated.toString()).hasMessageContaining("truncated or corrupt");
        Path garbage = Files.writeString(dir.resolve("garbage-" + backend + ".parquet"), "this is not parquet at all");
        assertThatThrownBy(() -> b.schema(garbage)).isInstanceOf(ParquetException.class).hasMessageContaining(garbage.toString());
        assertThatThrownBy(() -> b.schema(dir.resolve("missing.parquet"))).isInstanceOf(ParquetException.class)
                .hasMessageContaining("no such file");
    }

    @Test
    void theNativeWritersColumnStatisticsAreWhatDuckDbReads() throws Exception {
        Map<String, Column> cols = new LinkedHashMap<>();
        cols.put("i", new Column.Ints(new int[] {4, -7, 12}));
        cols.put("l", new Column.Longs(new long[] {-5_000_000_000L, 3, 9}));
        cols.put("f", new Column.Floats(new float[] {0f, 2.25f, 1.5f}));
        cols.put("d", new Column.Doubles(new double[] {-3.5, -0.0, -1}));
        cols.put("nan", new Column.Doubles(new double[] {1, Double.NaN, 2}));
        Path f = dir.resolve("stats.parquet");
        try (TableWriter w = ParquetIO.writer("native", f, Map.of("i", "int32", "l", "int64", "f", "float", "d", "double", "nan", "double"),
                WriteOptions.defaults())) {
            w.append(HeaderTable.of(cols));
            w.commit();
        }
        Map<String, String> stats = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
             java.sql.ResultSet r = st.executeQuery("SELECT path_in_schema, stats_min_value, stats_max_value FROM parquet_metadata('" + f + "')")) {
            while (r.next()) {
                stats.put(r.getString(1), r.getString(2) + " " + r.getString(3));
            }
        }
        // a zero minimum is written as -0 and a zero maximum as +0; a column with NaN has none
        assertThat(stats).containsEntry("i", "-7 12").containsEntry("l", "-5000000000 9").containsEntry("f", "-0.0 2.25")
                .containsEntry("d", "-3.5 0.0").containsEntry("nan", "null null");
    }

    @Test
    void filesWrittenByDuckDbsOwnCopyAreReadByHardwood() throws Exception {
        Path other = dir.resolve("duckdb-copy.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("COPY (SELECT i::INTEGER AS fldr, (i * 3)::BIGINT AS tracr, i / 2.0 AS half FROM range(5000) t(i)) TO '"
                    + other + "' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 1024)");
        }
        HeaderTable t = new HardwoodBackend().read(other, List.of(), Filter.parse("fldr >= 4990"));
        assertThat(t.ints("fldr")).containsExactly(4990, 4991, 4992, 4993, 4994, 4995, 4996, 4997, 4998, 4999);
        assertThat(t.longs("tracr")[0]).isEqualTo(14970L);
        assertThat(t.doubles("half")[9]).isEqualTo(2499.5);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("COPY (SELECT CASE WHEN i % 7 = 0 THEN NULL ELSE i::INTEGER END AS gappy FROM range(100) t(i)) TO '"
                    + dir.resolve("nulls.parquet") + "' (FORMAT parquet)");
        }
        for (ParquetBackend b : List.of(new HardwoodBackend(), new DuckDbBackend())) {
            assertThatThrownBy(() -> b.read(dir.resolve("nulls.parquet"), List.of(), Filter.ALL)).isInstanceOf(ParquetException.class)
                    .hasMessageContaining("null values");
        }
    }

    @Test
    void filterTextErrorsSayWhatIsWrong() {
        assertThatThrownBy(() -> Filter.parse("cdp between 1")).hasMessageContaining("'between' needs 'and'");
        assertThatThrownBy(() -> Filter.parse("cdp ~ 3")).hasMessageContaining("unknown operator");
        assertThatThrownBy(() -> Filter.parse("cdp in (1, x)")).hasMessageContaining("expected a number");
    }
}

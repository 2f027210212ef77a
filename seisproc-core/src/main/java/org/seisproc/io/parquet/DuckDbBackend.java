package org.seisproc.io.parquet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.seisproc.headers.Column;
import org.seisproc.headers.HeaderTable;
import org.seisproc.io.parquet.internal.ColumnBuffer;

/// DuckDB (JDBC, in-process) as the Parquet writer and the fallback reader: writes through its
/// appender and `COPY … TO (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE n)`, reads with
/// `read_parquet` and a SQL `WHERE` made from the [Filter] (DuckDB prunes row groups itself).
public final class DuckDbBackend implements ParquetBackend {
    @Override
    public String name() {
        return "duckdb";
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:duckdb:");
    }

    static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    static String literal(Path file) {
        return "'" + file.toAbsolutePath().toString().replace("'", "''") + "'";
    }

    /// The filter as SQL.
    static String sql(Filter f) {
        return switch (f) {
            case Filter.Compare c -> quote(c.column()) + " " + switch (c.op()) {
                case EQ -> "=";
                case NE -> "<>";
                case LT -> "<";
                case LE -> "<=";
                case GT -> ">";
                case GE -> ">=";
            } + " " + num(c.value());
            case Filter.Between b -> quote(b.column()) + " BETWEEN " + num(b.low()) + " AND " + num(b.high());
            case Filter.In in -> quote(in.column()) + " IN (" + String.join(", ",
                    java.util.Arrays.stream(in.values()).mapToObj(DuckDbBackend::num).toList()) + ")";
            case Filter.And a -> a.parts().isEmpty() ? "TRUE" : "(" + String.join(" AND ", a.parts().stream().map(DuckDbBackend::sql).toList()) + ")";
            case Filter.Or o -> o.parts().isEmpty() ? "FALSE" : "(" + String.join(" OR ", o.parts().stream().map(DuckDbBackend::sql).toList()) + ")";
            case Filter.Not n -> "(NOT " + sql(n.inner()) + ")";
        };
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    @Override
    public ParquetSchema schema(Path file) {
        ParquetIO.requireFile(file);
        try (Connection c = connect(); Statement st = c.createStatement()) {
            List<ParquetSchema.Field> fields = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM read_parquet(" + literal(file) + ")")) {
                while (rs.next()) {
                    fields.add(new ParquetSchema.Field(rs.getString(1), typeName(rs.getString(2)), !"NO".equals(rs.getString(3))));
                }
            }
            long rows;
            int groups;
            try (ResultSet rs = st.executeQuery("SELECT num_rows, num_row_groups FROM parquet_file_metadata(" + literal(file) + ")")) {
                rs.next();
                rows = rs.getLong(1);
                groups = rs.getInt(2);
            }
            return new ParquetSchema(fields, rows, groups);
        } catch (SQLException e) {
            throw ParquetIO.unreadable(file, e);
        }
    }

    private static String typeName(String duck) {
        return switch (duck.toUpperCase(java.util.Locale.ROOT)) {
            case "INTEGER", "SMALLINT", "TINYINT", "USMALLINT", "UTINYINT" -> "int32";
            case "BIGINT", "UINTEGER", "UBIGINT" -> "int64";
            case "FLOAT" -> "float";
            case "DOUBLE" -> "double";
            default -> duck.toLowerCase(java.util.Locale.ROOT);
        };
    }

    @Override
    public HeaderTable read(Path file, List<String> columns, Filter filter) {
        ParquetSchema schema = schema(file);
        List<ParquetSchema.Field> wanted = ParquetIO.resolve(file, schema, columns);
        for (String f : filter.columns()) {
            ParquetIO.resolve(file, schema, List.of(f));
        }
        String select = "SELECT " + String.join(", ", wanted.stream().map(f -> quote(f.name())).toList())
                + " FROM read_parquet(" + literal(file) + ")" + (filter == Filter.ALL ? "" : " WHERE " + sql(filter));
        return query(file, wanted, select, (int) Math.min(Integer.MAX_VALUE - 16, schema.rows()));
    }

    private HeaderTable query(Path file, List<ParquetSchema.Field> wanted, String select, int capacity) {
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(select)) {
            return columns(file, rs, wanted, Math.min(capacity, 1 << 20), true);
        } catch (SQLException e) {
            throw ParquetIO.unreadable(file, e);
        }
    }

    /// The rows of `rs` as numeric columns `fields` (in order), buffers starting at `initial`
    /// values; with `refuseNulls`, a null is an error naming its column (header tables hold
    /// numbers only), otherwise it reads as 0.
    private static HeaderTable columns(Path file, ResultSet rs, List<ParquetSchema.Field> fields, int initial, boolean refuseNulls)
            throws SQLException {
        List<ColumnBuffer> buffers = new ArrayList<>();
        for (ParquetSchema.Field f : fields) {
            buffers.add(new ColumnBuffer(ParquetIO.numeric(file, f), initial));
        }
        while (rs.next()) {
            for (int i = 0; i < buffers.size(); i++) {
                ColumnBuffer b = buffers.get(i);
                switch (b.type()) {
                    case "int32" -> b.add(rs.getInt(i + 1));
                    case "int64" -> b.add(rs.getLong(i + 1));
                    case "float" -> b.add(rs.getFloat(i + 1));
                    default -> b.add(rs.getDouble(i + 1));
                }
                if (refuseNulls && rs.wasNull()) {
                    throw new ParquetException(file, "column '" + fields.get(i).name() + "' holds null values; header tables hold"
                            + " numbers only (fill the nulls, e.g. with COALESCE in DuckDB, and write the file again)");
                }
            }
        }
        Map<String, Column> out = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            out.put(fields.get(i).name(), buffers.get(i).column());
        }
        return HeaderTable.of(out);
    }

    /// Runs a SQL `select` in which the file is the view `t` (e.g. `SELECT iline, xline,
    /// count(*) AS n FROM t GROUP BY ALL ORDER BY ALL`) and returns its numeric result columns
    /// (integers up to 32 bits → int32, other integers → int64, REAL → float, other numbers →
    /// double). For differential tests and ad-hoc QC queries; the table is read by DuckDB.
    public HeaderTable sql(Path file, String select) {
        ParquetIO.requireFile(file);
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("CREATE VIEW t AS SELECT * FROM read_parquet(" + literal(file) + ")");
            try (ResultSet rs = st.executeQuery(select)) {
                java.sql.ResultSetMetaData md = rs.getMetaData();
                List<ParquetSchema.Field> fields = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    fields.add(new ParquetSchema.Field(md.getColumnLabel(i), typeName(md.getColumnTypeName(i)), true));
                }
                return columns(file, rs, fields, 1 << 10, false);
            }
        } catch (SQLException e) {
            throw new ParquetException(file, "SQL query failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Iterator<HeaderTable> stream(Path file, List<String> columns, int batchRows) {
        ParquetSchema schema = schema(file);
        List<ParquetSchema.Field> wanted = ParquetIO.resolve(file, schema, columns);
        String cols = String.join(", ", wanted.stream().map(f -> quote(f.name())).toList());
        return new Iterator<>() {
            long offset;

            @Override
            public boolean hasNext() {
                return offset < schema.rows();
            }

            @Override
            public HeaderTable next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                String q = "SELECT " + cols + " FROM read_parquet(" + literal(file) + ", file_row_number = true) WHERE file_row_number >= "
                        + offset + " AND file_row_number < " + (offset + batchRows) + " ORDER BY file_row_number";
                offset += batchRows;
                return query(file, wanted, q, batchRows);
            }
        };
    }

    /// A Parquet file written in batches: rows are appended to an in-process DuckDB table and
    /// copied to Parquet on [DuckDbTableWriter#commit] (temp file + rename); nothing appears before.
    public static final class DuckDbTableWriter implements TableWriter {
        private final Path file;
        private final WriteOptions options;
        private final Connection connection;
        private final DuckDBAppender appender;
        private boolean done;

        DuckDbTableWriter(Path file, Map<String, String> columns, WriteOptions options) {
            this.file = file;
            this.options = options;
            try {
                connection = connect();
                List<String> defs = new ArrayList<>();
                columns.forEach((name, type) -> defs.add(quote(name) + " " + switch (type) {
                    case "int32" -> "INTEGER";
                    case "int64" -> "BIGINT";
                    case "float" -> "FLOAT";
                    case "double" -> "DOUBLE";
                    default -> throw new IllegalArgumentException("unsupported column type " + type);
                } + " NOT NULL"));
                try (Statement st = connection.createStatement()) {
                    st.execute("CREATE TABLE t (" + String.join(", ", defs) + ")");
                }
                appender = ((DuckDBConnection) connection).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "t");
            } catch (SQLException e) {
                throw new ParquetException(file, "cannot start writing: " + e.getMessage(), e);
            }
        }

        @Override
        public void append(HeaderTable batch) {
            List<Column> cols = new ArrayList<>(batch.columns().values());
            try {
                int rows = batch.rows();
                for (int r = 0; r < rows; r++) {
                    appender.beginRow();
                    for (Column col : cols) {
                        switch (col) {
                            case Column.Ints x -> appender.append(x.values()[r]);
                            case Column.Longs x -> appender.append(x.values()[r]);
                            case Column.Floats x -> appender.append(x.values()[r]);
                            case Column.Doubles x -> appender.append(x.values()[r]);
                        }
                    }
                    appender.endRow();
                }
            } catch (SQLException e) {
                throw new ParquetException(file, "cannot write: " + e.getMessage(), e);
            }
        }

        @Override
        public void commit() {
            Path tmp = file.resolveSibling("." + file.getFileName() + ".partial");
            try (Statement st = connection.createStatement()) {
                appender.close();
                Files.deleteIfExists(tmp);
                st.execute("COPY t TO " + literal(tmp) + " (FORMAT parquet, COMPRESSION " + options.compression()
                        + ", ROW_GROUP_SIZE " + options.rowGroupRows() + ")");
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                done = true;
            } catch (SQLException | IOException e) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // nothing more to clean
                }
                throw new ParquetException(file, "cannot write: " + e.getMessage(), e);
            } finally {
                close();
            }
        }

        @Override
        public void close() {
            try {
                if (!done) {
                    appender.close();
                }
                connection.close();
            } catch (SQLException ignored) {
                // closing an in-memory database
            }
        }
    }

    /// Starts a batched write of a table with these columns (name → int32, int64, float, double).
    public static TableWriter writer(Path file, Map<String, String> columns, WriteOptions options) {
        return new DuckDbTableWriter(file, columns, options);
    }

    @Override
    public void write(HeaderTable table, Path file, WriteOptions options) {
        Map<String, String> types = new LinkedHashMap<>();
        table.columns().forEach((k, v) -> types.put(k, v.typeName()));
        try (TableWriter w = writer(file, types, options)) {
            w.append(table);
            w.commit();
        }
    }
}

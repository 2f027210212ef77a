package org.seisproc.io.parquet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import dev.hardwood.InputFile;
import dev.hardwood.reader.ColumnReader;
import dev.hardwood.reader.ColumnReaders;
import dev.hardwood.reader.FilterPredicate;
import dev.hardwood.reader.ParquetFileReader;
import dev.hardwood.schema.ColumnProjection;
import dev.hardwood.schema.ColumnSchema;
import org.seisproc.headers.Column;
import org.seisproc.headers.HeaderTable;
import org.seisproc.io.parquet.internal.ColumnBuffer;

/// Hardwood (pure Java) as the fast Parquet reader: column projection, batches decoded into
/// primitive arrays, the [Filter] pushed down as a Hardwood predicate where it maps (so row
/// groups and pages are skipped by their statistics) and then applied exactly, row by row.
/// Writing goes to the configured writer ([ParquetIO#write]).
public final class HardwoodBackend implements ParquetBackend {
    @Override
    public String name() {
        return "hardwood";
    }

    @Override
    public ParquetSchema schema(Path file) {
        ParquetIO.requireFile(file);
        try (ParquetFileReader r = ParquetFileReader.open(InputFile.of(file))) {
            return schema(r);
        } catch (IOException | RuntimeException e) {
            throw ParquetIO.unreadable(file, e);
        }
    }

    private static ParquetSchema schema(ParquetFileReader r) {
        List<ParquetSchema.Field> fields = new ArrayList<>();
        for (ColumnSchema c : r.getFileSchema().getColumns()) {
            fields.add(new ParquetSchema.Field(c.name(), typeName(c), c.maxDefinitionLevel() > 0));
        }
        return new ParquetSchema(fields, r.getFileMetaData().numRows(), r.getFileMetaData().rowGroups().size());
    }

    private static String typeName(ColumnSchema c) {
        return switch (c.type()) {
            case INT32 -> "int32";
            case INT64 -> "int64";
            case FLOAT -> "float";
            case DOUBLE -> "double";
            default -> c.type().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    @Override
    public HeaderTable read(Path file, List<String> columns, Filter filter) {
        ParquetIO.requireFile(file);
        ParquetFileReader r;
        try {
            r = ParquetFileReader.open(InputFile.of(file));   // once: the footer is parsed once per read
        } catch (IOException | RuntimeException e) {
            throw ParquetIO.unreadable(file, e);
        }
        try (r) {
            ParquetSchema schema;
            try {
                schema = schema(r);
            } catch (RuntimeException e) {
                throw ParquetIO.unreadable(file, e);
            }
            List<ParquetSchema.Field> wanted = ParquetIO.resolve(file, schema, columns);
            List<ParquetSchema.Field> all = new ArrayList<>(wanted);
            for (String f : filter.columns()) {
                ParquetSchema.Field field = ParquetIO.resolve(file, schema, List.of(f)).getFirst();
                if (all.stream().noneMatch(x -> x.name().equals(field.name()))) {
                    all.add(field);
                }
            }
            FilterPredicate pushed = filter == Filter.ALL ? null : pushDown(filter, schema);
            HeaderTable table = readColumns(file, r, all, pushed, (int) Math.min(Integer.MAX_VALUE - 16, schema.rows()));
            if (filter != Filter.ALL) {
                table = table.select(filter.mask(table));
            }
            return table.project(wanted.stream().map(ParquetSchema.Field::name).toList());
        } catch (IOException e) {
            throw ParquetIO.unreadable(file, e);
        }
    }

    private HeaderTable readColumns(Path file, ParquetFileReader r, List<ParquetSchema.Field> fields, FilterPredicate predicate, int capacity) {
        if (fields.isEmpty()) {
            return HeaderTable.empty(0);
        }
        String[] names = fields.stream().map(ParquetSchema.Field::name).toArray(String[]::new);
        try {
            var builder = r.buildColumnReaders(ColumnProjection.columns(names));
            if (predicate != null) {
                builder = builder.filter(predicate);
            }
            List<ColumnBuffer> buffers = new ArrayList<>();
            for (ParquetSchema.Field f : fields) {
                buffers.add(new ColumnBuffer(ParquetIO.numeric(file, f), capacity));
            }
            try (ColumnReaders readers = builder.build()) {
                while (readers.nextBatch()) {
                    for (int i = 0; i < names.length; i++) {
                        drain(file, readers.getColumnReader(names[i]), buffers.get(i));
                    }
                }
            }
            Map<String, Column> out = new LinkedHashMap<>();
            for (int i = 0; i < names.length; i++) {
                out.put(names[i], buffers.get(i).column());
            }
            return HeaderTable.of(out);
        } catch (RuntimeException e) {
            if (e instanceof ParquetException pe) {
                throw pe;
            }
            throw ParquetIO.unreadable(file, e);
        }
    }

    private static void drain(Path file, ColumnReader c, ColumnBuffer b) {
        int n = c.getRecordCount();
        if (c.getLeafValidity() != null && c.getLeafValidity().hasNulls()) {
            throw new ParquetException(file, "column '" + c.getColumnSchema().name() + "' holds null values; header tables hold"
                    + " numbers only (fill the nulls, e.g. with COALESCE in DuckDB, and write the file again)");
        }
        switch (b.type()) {
            case "int32" -> b.add(c.getInts(), n);
            case "int64" -> b.add(c.getLongs(), n);
            case "float" -> b.add(c.getFloats(), n);
            default -> b.add(c.getDoubles(), n);
        }
    }

    /// The Hardwood predicate for `f`, or null where it does not map exactly (then only our own
    /// row filter applies).
    static FilterPredicate pushDown(Filter f, ParquetSchema schema) {
        return switch (f) {
            case Filter.Compare c -> compare(c.column(), c.op(), c.value(), schema);
            case Filter.Between b -> {
                FilterPredicate lo = compare(b.column(), Filter.Op.GE, b.low(), schema);
                FilterPredicate hi = compare(b.column(), Filter.Op.LE, b.high(), schema);
                yield lo == null || hi == null ? null : FilterPredicate.and(lo, hi);
            }
            case Filter.In in -> {
                ParquetSchema.Field field = schema.field(in.column());
                if (field == null || !field.type().equals("int32")) {
                    yield null;
                }
                int[] v = new int[in.values().length];
                for (int i = 0; i < v.length; i++) {
                    if (in.values()[i] != (int) in.values()[i]) {
                        yield null;
                    }
                    v[i] = (int) in.values()[i];
                }
                yield FilterPredicate.in(field.name(), v);
            }
            case Filter.And a -> {
                List<FilterPredicate> parts = new ArrayList<>();
                for (Filter p : a.parts()) {
                    FilterPredicate q = pushDown(p, schema);
                    if (q != null) {
                        parts.add(q);   // dropping a conjunct only widens: our own filter narrows again
                    }
                }
                yield parts.isEmpty() ? null : parts.size() == 1 ? parts.getFirst() : FilterPredicate.and(parts.toArray(FilterPredicate[]::new));
            }
            case Filter.Or o -> {
                List<FilterPredicate> parts = new ArrayList<>();
                for (Filter p : o.parts()) {
                    FilterPredicate q = pushDown(p, schema);
                    if (q == null) {
                        yield null;    // one unmapped alternative: cannot prune safely
                    }
                    parts.add(q);
                }
                yield parts.isEmpty() ? null : parts.size() == 1 ? parts.getFirst() : FilterPredicate.or(parts.toArray(FilterPredicate[]::new));
            }
            case Filter.Not ignored -> null;
        };
    }

    private static FilterPredicate compare(String column, Filter.Op op, double value, ParquetSchema schema) {
        ParquetSchema.Field field = schema.field(column);
        if (field == null || !field.type().equals("int32") || value != Math.rint(value)
                || value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            return null;
        }
        int v = (int) value;
        String n = field.name();
        return switch (op) {
            case EQ -> FilterPredicate.eq(n, v);
            case NE -> FilterPredicate.notEq(n, v);
            case LT -> FilterPredicate.lt(n, v);
            case LE -> FilterPredicate.ltEq(n, v);
            case GT -> FilterPredicate.gt(n, v);
            case GE -> FilterPredicate.gtEq(n, v);
        };
    }

    @Override
    public Iterator<HeaderTable> stream(Path file, List<String> columns, int batchRows) {
        ParquetIO.requireFile(file);
        ParquetFileReader reader;
        try {
            reader = ParquetFileReader.open(InputFile.of(file));
        } catch (IOException | RuntimeException e) {
            throw ParquetIO.unreadable(file, e);
        }
        List<ParquetSchema.Field> wanted;
        String[] names;
        ColumnReaders readers;
        try {
            wanted = ParquetIO.resolve(file, schema(reader), columns);
            names = wanted.stream().map(ParquetSchema.Field::name).toArray(String[]::new);
            readers = reader.buildColumnReaders(ColumnProjection.columns(names)).batchSize(batchRows).build();
        } catch (RuntimeException e) {
            try {
                reader.close();
            } catch (IOException ignored) {
                // read-only file: nothing to flush
            }
            throw e instanceof ParquetException pe ? pe : ParquetIO.unreadable(file, e);
        }
        return new Iterator<>() {
            Boolean ready;

            @Override
            public boolean hasNext() {
                if (ready == null) {
                    ready = readers.nextBatch();
                    if (!ready) {
                        readers.close();
                        try {
                            reader.close();
                        } catch (IOException ignored) {
                            // read-only file: nothing to flush
                        }
                    }
                }
                return ready;
            }

            @Override
            public HeaderTable next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ready = null;
                Map<String, Column> out = new LinkedHashMap<>();
                for (int i = 0; i < names.length; i++) {
                    ColumnBuffer b = new ColumnBuffer(ParquetIO.numeric(file, wanted.get(i)), readers.getRecordCount());
                    drain(file, readers.getColumnReader(names[i]), b);
                    out.put(names[i], b.column());
                }
                return HeaderTable.of(out);
            }
        };
    }

    @Override
    public void write(HeaderTable table, Path file, WriteOptions options) {
        ParquetIO.write(table, file, options);
    }
}

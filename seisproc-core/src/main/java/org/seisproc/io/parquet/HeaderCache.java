package org.seisproc.io.parquet;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.seisproc.headers.Column;
import org.seisproc.headers.HeaderTable;

/// A derived, rebuildable cache of header columns: one raw file per column, in the machine's byte
/// order (little-endian on x86 and ARM),
/// (`<name>.int32`, `.int64`, `.float`, `.double`) in `.header-cache/` beside the Parquet file,
/// memory-mapped, so that loading columns costs a mapping instead of a decode. The manifest
/// (`cache.json`) records the Parquet file's size and modification time; when they change the
/// cache is rebuilt. Parquet stays the interchange format; deleting the cache loses nothing.
public final class HeaderCache implements AutoCloseable {
    private static final String DIR = ".header-cache";
    private static final String MANIFEST = "cache.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Arena arena = Arena.ofShared();
    private final Map<String, MemorySegment> segments = new LinkedHashMap<>();
    private final Map<String, String> types = new LinkedHashMap<>();
    private final long rows;
    private final boolean rebuilt;

    private HeaderCache(long rows, boolean rebuilt) {
        this.rows = rows;
        this.rebuilt = rebuilt;
    }

    /// Maps `columns` of `parquet` from the cache, building (or rebuilding) the cached files that
    /// are missing or stale from the Parquet file first.
    public static HeaderCache open(Path parquet, List<String> columns) {
        ParquetIO.requireFile(parquet);
        Path dir = parquet.toAbsolutePath().getParent().resolve(DIR);
        try {
            long size = Files.size(parquet);
            long mtime = Files.getLastModifiedTime(parquet).toMillis();
            ObjectNode manifest = readManifest(dir);
            boolean fresh = manifest != null && manifest.path("sourceBytes").asLong() == size
                    && manifest.path("sourceModifiedMillis").asLong() == mtime;
            if (!fresh) {
                manifest = JSON.createObjectNode();
                manifest.put("source", parquet.getFileName().toString());
                manifest.put("sourceBytes", size);
                manifest.put("sourceModifiedMillis", mtime);
                manifest.putObject("columns");
                if (Files.isDirectory(dir)) {
                    try (var old = Files.list(dir)) {
                        for (Path p : (Iterable<Path>) old::iterator) {
                            Files.delete(p);
                        }
                    }
                }
            }
            // A fresh cache that already holds every requested column answers from its own
            // manifest; only otherwise is the Parquet footer read (the common path stays a mapping).
            ParquetSchema schema = fresh ? cachedSchema(manifest, columns) : null;
            if (schema == null) {
                schema = ParquetIO.backend().schema(parquet);
            }
            List<ParquetSchema.Field> wanted = ParquetIO.resolve(parquet, schema, columns);
            List<String> missing = new ArrayList<>();
            for (ParquetSchema.Field f : wanted) {
                if (!manifest.path("columns").has(f.name()) || !Files.isRegularFile(dir.resolve(fileName(f.name(), f.type())))) {
                    missing.add(f.name());
                }
            }
            if (!missing.isEmpty()) {
                Files.createDirectories(dir);
                HeaderTable t = ParquetIO.read(parquet, missing, Filter.ALL);
                for (String name : missing) {
                    Column c = t.column(name);
                    writeColumn(dir.resolve(fileName(name, c.typeName())), c);
                    ((ObjectNode) manifest.path("columns")).put(name, c.typeName());
                }
                manifest.put("rows", schema.rows());
                Path tmp = dir.resolve(MANIFEST + ".tmp");
                JSON.writeValue(tmp.toFile(), manifest);
                Files.move(tmp, dir.resolve(MANIFEST), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            HeaderCache cache = new HeaderCache(schema.rows(), !missing.isEmpty());
            for (ParquetSchema.Field f : wanted) {
                String type = manifest.path("columns").path(f.name()).asText();
                cache.map(dir.resolve(fileName(f.name(), type)), f.name(), type);
            }
            return cache;
        } catch (IOException e) {
            throw new ParquetException(parquet, "cannot use the header cache in " + dir + ": " + e.getMessage()
                    + " (it is safe to delete; or read without the cache)", e);
        }
    }

    /// The cached columns as a schema when every name in `columns` (or its SU/long alias) is
    /// among them and the row count is recorded; otherwise null.
    private static ParquetSchema cachedSchema(ObjectNode manifest, List<String> columns) {
        if (!manifest.has("rows")) {
            return null;
        }
        List<ParquetSchema.Field> fields = new ArrayList<>();
        manifest.path("columns").properties().forEach(e -> fields.add(new ParquetSchema.Field(e.getKey(), e.getValue().asText(), false)));
        ParquetSchema cached = new ParquetSchema(fields, manifest.path("rows").asLong(), -1);
        for (String name : columns) {
            if (org.seisproc.segy.HeaderLayout.aliases(name).stream().noneMatch(n -> cached.field(n) != null)) {
                return null;
            }
        }
        return columns.isEmpty() ? null : cached;
    }

    private static ObjectNode readManifest(Path dir) {
        Path m = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(m)) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(m.toFile());
            return n instanceof ObjectNode o ? o : null;
        } catch (IOException e) {
            return null;   // a damaged manifest is rebuilt
        }
    }

    private static String fileName(String column, String type) {
        return column.replaceAll("[^A-Za-z0-9_.-]", "_") + "." + type;
    }

    private static void writeColumn(Path file, Column c) throws IOException {
        MemorySegment src = switch (c) {
            case Column.Ints x -> MemorySegment.ofArray(x.values());
            case Column.Longs x -> MemorySegment.ofArray(x.values());
            case Column.Floats x -> MemorySegment.ofArray(x.values());
            case Column.Doubles x -> MemorySegment.ofArray(x.values());
        };
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE, StandardOpenOption.READ)) {
            if (src.byteSize() > 0) {
                try (Arena arena = Arena.ofConfined()) {
                    MemorySegment dst = ch.map(FileChannel.MapMode.READ_WRITE, 0, src.byteSize(), arena);
                    MemorySegment.copy(src, 0, dst, 0, src.byteSize());
                }
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private void map(Path file, String name, String type) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            segments.put(name, ch.size() == 0 ? MemorySegment.NULL : ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size(), arena));
            types.put(name, type);
        }
    }

    public long rows() {
        return rows;
    }

    /// True when this open (re)built cached files from the Parquet file.
    public boolean rebuilt() {
        return rebuilt;
    }

    /// The mapped column (little-endian values of its type), zero-copy, read-only.
    public MemorySegment segment(String name) {
        MemorySegment s = segments.get(name);
        if (s == null) {
            for (var e : segments.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue();
                }
            }
            throw new IllegalArgumentException("column '" + name + "' was not opened; opened: " + segments.keySet());
        }
        return s;
    }

    /// The columns copied into a [HeaderTable] (one bulk copy per column).
    public HeaderTable toTable() {
        Map<String, Column> out = new LinkedHashMap<>();
        for (var e : segments.entrySet()) {
            MemorySegment s = e.getValue();
            out.put(e.getKey(), switch (types.get(e.getKey())) {
                case "int32" -> new Column.Ints(s.toArray(ValueLayout.JAVA_INT));
                case "int64" -> new Column.Longs(s.toArray(ValueLayout.JAVA_LONG));
                case "float" -> new Column.Floats(s.toArray(ValueLayout.JAVA_FLOAT));
                default -> new Column.Doubles(s.toArray(ValueLayout.JAVA_DOUBLE));
            });
        }
        return HeaderTable.of(out);
    }

    /// Unmaps the columns.
    @Override
    public void close() {
        arena.close();
    }
}

package org.seisproc.engine;

import org.seisproc.ensemble.Gather;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.seisproc.dataset.Dataset;
import org.seisproc.ensemble.EnsembleIndex;
import org.seisproc.ensemble.EnsembleKey;
import org.seisproc.ensemble.HeaderColumns;

/// What a job's coordinator loads ONCE and every worker reads: the header columns the job
/// needs and the ensemble index, plus the dataset's mapped trace store.
///
/// Columns live in one off-heap arena (int32, native order: [#INT]); workers get read-only
/// views of the same memory ([#column] returns a fresh read-only view each call, never a
/// copy: every view has the same address). Workers read gathers through their own
/// [EnsembleUnit], straight from this dataset's mapped store and in the order of this index —
/// a worker's own memory is the gather it works on. The index is mapped from
/// `index/<name>.idx` (built first when absent or stale).
///
/// One way for workers: the unit copies each trace's raw header with its samples into the
/// gather, so processors read header values there ([Gather#header]); the columns here are
/// for coordinator-side work that needs a header value of every trace (QC maps, the migration's
/// spatial index), loaded once and shared by every thread that asks.
///
/// Across processes (several JVMs, or Spark executors on one host) the mapped files play the
/// role that fork copy-on-write plays in the Python original: each process maps the same
/// trace store and index files, and the operating system keeps one copy of those pages in the
/// page cache for all of them. (Header columns decoded here are per process; the header cache
/// files, once they exist, will be mapped the same way.)
///
/// [#memoryReport] lists what is held and its bytes; [#clear] releases everything (views
/// taken before then fail on access instead of reading freed memory).
public final class SharedData implements AutoCloseable {
    /// Layout of column values (int32, native byte order).
    public static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;

    /// One line of the memory report.
    ///
    /// @param what  the item (`column cdp`, `index cdp (mapped)`, `trace store (mapped)`)
    /// @param bytes its size
    /// @param kind  `off-heap`, `mapped`
    public record Item(String what, long bytes, String kind) {
    }

    private final Dataset dataset;
    private final Arena arena;
    private final Map<String, MemorySegment> columns;
    private final EnsembleIndex index;
    private volatile boolean cleared;

    private SharedData(Dataset dataset, Arena arena, Map<String, MemorySegment> columns, EnsembleIndex index) {
        this.dataset = dataset;
        this.arena = arena;
        this.columns = columns;
        this.index = index;
    }

    /// Loads header columns `fields` (names as in the dataset's schema) and the index of `key`
    /// (null: none) of `dataset`. The dataset stays open and owned by the caller.
    public static SharedData load(Dataset dataset, List<String> fields, EnsembleKey key) {
        Arena arena = Arena.ofShared();
        Map<String, MemorySegment> cols = new LinkedHashMap<>();
        EnsembleIndex index = null;
        try {
            for (String f : fields) {
                String name = f.trim().toLowerCase(Locale.ROOT);
                if (cols.containsKey(name)) {
                    continue;
                }
                int[] values = HeaderColumns.intColumn(dataset, name);
                MemorySegment seg = arena.allocate(INT, values.length);
                MemorySegment.copy(values, 0, seg, INT, 0, values.length);
                cols.put(name, seg);
            }
            index = key != null ? EnsembleIndex.open(dataset, key) : null;
            return new SharedData(dataset, arena, cols, index);
        } catch (RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    public Dataset dataset() {
        check();
        return dataset;
    }

    /// A read-only view of column `name`: `column(name).getAtIndex(SharedData.INT, trace)`.
    /// Zero-copy: every view covers the same memory.
    public MemorySegment column(String name) {
        check();
        MemorySegment s = columns.get(name.trim().toLowerCase(Locale.ROOT));
        if (s == null) {
            throw new IllegalArgumentException("column '" + name + "' was not loaded; loaded: " + String.join(", ", columns.keySet()));
        }
        return s.asReadOnly();
    }

    /// The names of the loaded columns.
    public List<String> columnNames() {
        return List.copyOf(columns.keySet());
    }

    /// The shared ensemble index (immutable); an error when none was loaded.
    public EnsembleIndex index() {
        check();
        if (index == null) {
            throw new IllegalStateException("no ensemble index was loaded");
        }
        return index;
    }

    /// What is held, and its bytes.
    public List<Item> memoryReport() {
        check();
        List<Item> items = new ArrayList<>();
        for (Map.Entry<String, MemorySegment> e : columns.entrySet()) {
            items.add(new Item("column " + e.getKey(), e.getValue().byteSize(), "off-heap"));
        }
        if (index != null) {
            items.add(new Item("index " + index.key(), index.bytes(), index.mapped() ? "mapped" : "heap"));
        }
        items.add(new Item("trace store", dataset.samples().byteSize(), "mapped"));
        return items;
    }

    /// Total bytes of [#memoryReport].
    public long totalBytes() {
        long sum = 0;
        for (Item i : memoryReport()) {
            sum += i.bytes();
        }
        return sum;
    }

    /// Releases the columns and the index; views taken earlier fail on use afterwards.
    public void clear() {
        if (!cleared) {
            cleared = true;
            arena.close();
            if (index != null) {
                index.close();
            }
        }
    }

    /// Same as [#clear].
    @Override
    public void close() {
        clear();
    }

    private void check() {
        if (cleared) {
            throw new IllegalStateException("shared data was cleared");
        }
    }
}

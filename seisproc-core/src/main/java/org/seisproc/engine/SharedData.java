package org.seisproc.engine;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.seisproc.dataset.Dataset;
import org.seisproc.dataset.DatasetFiles;
import org.seisproc.io.parquet.HeaderCache;
import org.seisproc.segy.HeaderLayout;

/// What the coordinator of a job loads once and every worker shares without copying: the
/// dataset (samples and raw headers memory-mapped), the key columns (memory-mapped from the
/// header cache) and the ensemble plan built from them (primitive arrays, immutable once built).
/// Workers hold references; their own memory is the gather they work on.
///
/// Across processes on one host the mapped files play the role that fork's copy-on-write plays
/// in the Python original: every process maps the same page-cache pages.
public final class SharedData implements AutoCloseable {
    /// One shared item: what it is, its size in bytes, and whether it is mapped (page cache,
    /// shared by every process) or on this JVM's heap (shared by every worker thread).
    public record Item(String what, long bytes, boolean mapped) {
    }

    private final Dataset dataset;
    private final HeaderCache cache;
    private final EnsemblePlan plan;
    private final List<Item> report;
    private final double loadSeconds;
    private volatile boolean cleared;

    private SharedData(Dataset dataset, HeaderCache cache, EnsemblePlan plan, List<Item> report, double loadSeconds) {
        this.dataset = dataset;
        this.cache = cache;
        this.plan = plan;
        this.report = report;
        this.loadSeconds = loadSeconds;
    }

    /// Loads what a job over `dataset` grouped by `key` (in-gather order `sortBy`) needs.
    public static SharedData load(Dataset dataset, List<String> key, List<String> sortBy, HeaderLayout layout) {
        long t0 = System.nanoTime();
        List<String> names = new ArrayList<>();
        for (String n : key) {
            names.add(layout.field(n).name());
        }
        for (String n : sortBy) {
            names.add(layout.field(n).name());
        }
        Path table = dataset.dir().resolve(DatasetFiles.HEADERS_PARQUET);
        HeaderCache cache = null;
        int[][] columns = new int[names.size()][];
        List<Item> report = new ArrayList<>();
        report.add(new Item("trace store " + dataset.sampleType().fileName(), dataset.samples().byteSize(), true));
        report.add(new Item("raw trace headers", dataset.traceHeaders().byteSize(), true));
        if (Files.isRegularFile(table)) {
            cache = HeaderCache.open(table, names);
            for (int i = 0; i < names.size(); i++) {
                MemorySegment s = cache.segment(names.get(i));
                columns[i] = s.toArray(ValueLayout.JAVA_INT);
                report.add(new Item("key column " + names.get(i) + " (mapped cache)", s.byteSize(), true));
            }
        } else {
            for (int i = 0; i < names.size(); i++) {
                columns[i] = dataset.intColumn(layout.field(names.get(i)));
            }
        }
        int[][] keys = java.util.Arrays.copyOfRange(columns, 0, key.size());
        int[][] order = java.util.Arrays.copyOfRange(columns, key.size(), columns.length);
        ColumnPlan plan = ColumnPlan.of(key, keys, order);
        report.add(new Item("ensemble plan: permutation + " + plan.ensembles() + " ensemble starts",
                4L * dataset.traceCount() + 4L * (plan.ensembles() + 1), false));
        return new SharedData(dataset, cache, plan, List.copyOf(report), (System.nanoTime() - t0) / 1e9);
    }

    public Dataset dataset() {
        check();
        return dataset;
    }

    public EnsemblePlan plan() {
        check();
        return plan;
    }

    /// What is shared and how big it is.
    public List<Item> memoryReport() {
        return report;
    }

    /// Seconds it took to load.
    public double loadSeconds() {
        return loadSeconds;
    }

    /// Releases the mapped key columns (the dataset belongs to the caller).
    public synchronized void clear() {
        if (!cleared) {
            cleared = true;
            if (cache != null) {
                cache.close();
            }
        }
    }

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

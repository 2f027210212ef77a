package org.seisproc.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.seisproc.dataset.Dataset;
import org.seisproc.dataset.DatasetFiles;
import org.seisproc.ensemble.EnsembleIndex;
import org.seisproc.ensemble.EnsembleKey;
import org.seisproc.ensemble.Gathers;

/// The datasets the server has open for browsing, each with the ensemble indexes and gather
/// caches (LRU + neighbour prefetch, [Gathers]) of the keys asked for. A dataset whose
/// `dataset.json` changed (a job replaced it) is reopened on its next request.
final class OpenDatasets implements AutoCloseable {
    /// Bytes of gathers cached per (dataset, key).
    static final long CACHE_BYTES = 256L << 20;
    /// Neighbours prefetched on each side.
    static final int PREFETCH = 2;

    /// A dataset opened for browsing.
    static final class Entry {
        final Dataset dataset;
        final FileTime stamp;
        final Map<String, Browse> keys = new ConcurrentHashMap<>();

        Entry(Dataset dataset, FileTime stamp) {
            this.dataset = dataset;
            this.stamp = stamp;
        }
    }

    /// One key of one dataset: its index and gather cache.
    record Browse(Dataset dataset, EnsembleKey key, EnsembleIndex index, Gathers gathers) {
    }

    private final RootDir root;
    private final Map<Path, Entry> open = new ConcurrentHashMap<>();

    OpenDatasets(RootDir root) {
        this.root = root;
    }

    /// The dataset at `relative` (request parameter `ds`), opened or reused.
    Dataset dataset(String relative) {
        return entry(relative).dataset;
    }

    Entry entry(String relative) {
        Path dir = root.resolve("ds", relative);
        if (!Files.isDirectory(dir)) {
            throw WebError.notFound("ds", "no dataset '" + relative + "' in the served folder");
        }
        FileTime stamp = stamp(dir);
        Entry e = open.get(dir);
        if (e != null && e.stamp.equals(stamp)) {
            return e;
        }
        synchronized (this) {
            e = open.get(dir);
            if (e != null && e.stamp.equals(stamp)) {
                return e;
            }
            if (e != null) {
                open.remove(dir);
                closeEntry(e);
            }
            if (Files.exists(dir.resolve(DatasetFiles.INCOMPLETE_MARKER))) {
                throw new WebError(409, "ds", "dataset '" + relative + "' is being written (or an import/job was interrupted)");
            }
            Entry fresh = new Entry(Dataset.open(dir), stamp);
            open.put(dir, fresh);
            return fresh;
        }
    }

    /// The index and gather cache of `key` on the dataset `relative` (built and stored on first use).
    Browse browse(String relative, EnsembleKey key) {
        Entry e = entry(relative);
        return e.keys.computeIfAbsent(key.fileName(), k -> {
            EnsembleIndex index = EnsembleIndex.open(e.dataset, key);
            return new Browse(e.dataset, key, index, new Gathers(e.dataset, index, CACHE_BYTES, PREFETCH, 1));
        });
    }

    private static FileTime stamp(Path dir) {
        try {
            return Files.getLastModifiedTime(dir.resolve(DatasetFiles.MANIFEST));
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static void closeEntry(Entry e) {
        for (Browse b : e.keys.values()) {
            b.gathers().close();
            b.index().close();
        }
        // The mapping is released by the GC-independent arena close; a request still reading it
        // fails cleanly (IllegalStateException -> 409 "changed while reading").
        e.dataset.close();
    }

    @Override
    public synchronized void close() {
        List<Entry> all = new ArrayList<>(open.values());
        open.clear();
        all.forEach(OpenDatasets::closeEntry);
    }
}

package org.seisproc.ensemble;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.seisproc.dataset.Dataset;
import org.seisproc.dataset.DatasetException;
import org.seisproc.ensemble.HeaderColumns;
import org.seisproc.ensemble.internal.IndexStore;
import org.seisproc.ensemble.internal.KeySort;

/// The ensembles of a dataset for a key ([EnsembleKey]): for each ensemble its key values, its
/// trace count (fold) and its slice of a sort permutation, so unsorted (e.g. shot-ordered) data
/// is read gather by gather without a physical sort.
///
/// Ensembles are numbered `0 .. ensembleCount()-1` in ascending key order (lexicographic over
/// the key fields); inside an ensemble traces are in ascending secondary-key order, ties (and
/// everything when there is no secondary key) in trace order: the sort is stable.
///
/// Built in memory ([#build]) from the header columns by a packed-key LSD radix sort
/// ([KeySort]); stored as `index/<name>.idx` + `index/<name>.json` ([IndexManifest]) and loaded
/// memory-mapped in O(1) ([#load], [#open]). Immutable and thread-safe; the arrays are exposed
/// only as read-only segments. Close it to unmap a loaded index.
public final class EnsembleIndex implements AutoCloseable {
    private final EnsembleKey key;
    private final long traces;
    private final int ensembles;
    private final MemorySegment permutation;
    private final MemorySegment starts;
    private final MemorySegment keys;
    private final ValueLayout.OfInt layout;
    private final Arena arena;
    private final FoldStats fold;
    private final IndexManifest manifest;

    private EnsembleIndex(EnsembleKey key, long traces, int ensembles, MemorySegment permutation, MemorySegment starts,
                          MemorySegment keys, ValueLayout.OfInt layout, Arena arena, FoldStats fold, IndexManifest manifest) {
        this.key = key;
        this.traces = traces;
        this.ensembles = ensembles;
        this.permutation = permutation.asReadOnly();
        this.starts = starts.asReadOnly();
        this.keys = keys.asReadOnly();
        this.layout = layout;
        this.arena = arena;
        this.fold = fold;
        this.manifest = manifest;
    }

    /// Builds the index of `ds` for `key` in memory (reads the key columns once).
    public static EnsembleIndex build(Dataset ds, EnsembleKey key) {
        long t0 = System.nanoTime();
        int[][] columns = new int[key.size()][];
        for (int k = 0; k < key.size(); k++) {
            columns[k] = HeaderColumns.intColumn(ds, key.fields().get(k));
        }
        int[] secondary = key.secondary() != null ? HeaderColumns.intColumn(ds, key.secondary()) : null;
        EnsembleIndex index = build(key, columns, secondary);
        double seconds = (System.nanoTime() - t0) / 1e9;
        IndexManifest m = index.manifest;
        return index.withManifest(new IndexManifest(m.formatVersion(), m.key(), m.fields(), m.binWidths(), m.secondary(), m.traces(),
                m.ensembles(), m.fold(), m.buildId(), fingerprint(ds), seconds, m.created()));
    }

    /// Builds an index from header columns (one per key field, unbinned; `secondary` may be
    /// null). The columns are not modified.
    public static EnsembleIndex build(EnsembleKey key, int[][] columns, int[] secondary) {
        long t0 = System.nanoTime();
        if (columns.length != key.size()) {
            throw new IllegalArgumentException("key " + key.spec() + " has " + key.size() + " fields, got " + columns.length + " columns");
        }
        int[][] binned = new int[columns.length][];
        for (int k = 0; k < columns.length; k++) {
            if (columns[k].length != columns[0].length || (secondary != null && secondary.length != columns[0].length)) {
                throw new IllegalArgumentException("key columns differ in length");
            }
            int w = key.binWidths().get(k);
            if (w == 1) {
                binned[k] = columns[k];
            } else {
                int[] b = new int[columns[k].length];
                for (int i = 0; i < b.length; i++) {
                    b[i] = Math.floorDiv(columns[k][i], w) * w;
                }
                binned[k] = b;
            }
        }
        KeySort.Result r = KeySort.sort(binned, secondary);
        int e = r.ensembleCount();
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (int i = 0; i < e; i++) {
            int f = r.starts()[i + 1] - r.starts()[i];
            min = Math.min(min, f);
            max = Math.max(max, f);
        }
        long n = r.permutation().length;
        FoldStats fold = new FoldStats(e, e == 0 ? 0 : min, e == 0 ? 0 : (double) n / e, max);
        IndexManifest m = new IndexManifest(IndexManifest.FORMAT_VERSION, key.spec(), key.fields(), key.binWidths(), key.secondary(),
                n, e, fold, UUID.randomUUID().toString(), null, (System.nanoTime() - t0) / 1e9, Instant.now().toString());
        return new EnsembleIndex(key, n, e, MemorySegment.ofArray(r.permutation()), MemorySegment.ofArray(r.starts()),
                MemorySegment.ofArray(r.keys()), ValueLayout.JAVA_INT, null, fold, m);
    }

    private EnsembleIndex withManifest(IndexManifest m) {
        return new EnsembleIndex(key, traces, ensembles, permutation, starts, keys, layout, arena, fold, m);
    }

    /// The stored index of `ds` for `key` if it is fresh, else a new one built and stored (when
    /// the dataset directory is writable; otherwise kept in memory). The result is memory-mapped
    /// whenever it could be stored.
    public static EnsembleIndex open(Dataset ds, EnsembleKey key) {
        if (status(ds, key) == IndexStatus.FRESH) {
            return load(ds, key);
        }
        EnsembleIndex built = build(ds, key);
        try {
            built.save(ds);
        } catch (DatasetException e) {
            return built; // read-only dataset: use it in memory
        }
        EnsembleIndex loaded = load(ds, key);
        return loaded.withManifest(built.manifest);
    }

    /// Whether `ds` has a stored index for `key` built from its current content.
    public static IndexStatus status(Dataset ds, EnsembleKey key) {
        return IndexStore.status(ds.dir(), key.fileName(), fingerprint(ds));
    }

    /// Maps the stored index of `ds` for `key` (O(1): nothing is read but the header and the
    /// small manifest). A [DatasetException] when it is absent, stale or damaged.
    public static EnsembleIndex load(Dataset ds, EnsembleKey key) {
        IndexStore.Mapped mapped = IndexStore.load(ds.dir(), key.fileName(), fingerprint(ds));
        IndexManifest m = mapped.manifest();
        if (m.traces() != ds.traceCount()) {
            mapped.arena().close();
            throw new DatasetException(ds.dir(), "index " + key + " covers " + m.traces() + " traces, the dataset has " + ds.traceCount());
        }
        return new EnsembleIndex(key, m.traces(), m.ensembles(), mapped.permutation(), mapped.starts(), mapped.keys(),
                IndexStore.INT_LE, mapped.arena(), m.fold(), m);
    }

    /// Stores this index in `ds` (`index/<name>.idx` then `index/<name>.json`, each via a
    /// temporary file and an atomic rename).
    public void save(Dataset ds) {
        if (traces != ds.traceCount()) {
            throw new IllegalArgumentException("index covers " + traces + " traces, dataset " + ds.dir() + " has " + ds.traceCount());
        }
        IndexManifest m = manifest.dataset() != null ? manifest
                : new IndexManifest(manifest.formatVersion(), manifest.key(), manifest.fields(), manifest.binWidths(), manifest.secondary(),
                manifest.traces(), manifest.ensembles(), manifest.fold(), manifest.buildId(), fingerprint(ds), manifest.buildSeconds(),
                manifest.created());
        IndexStore.save(ds.dir(), key.fileName(), m, permutation, starts, keys, layout, key.size());
    }

    /// The dataset's content fingerprint, from `dataset.json` (no hashing).
    public static IndexManifest.Fingerprint fingerprint(Dataset ds) {
        var c = ds.manifest().checksums();
        return new IndexManifest.Fingerprint(ds.traceCount(), c == null ? null : c.samplesSha256(),
                c == null ? null : c.traceHeadersSha256(), ds.manifest().created());
    }

    /// The path of the stored index files of `key` in dataset directory `dir` (without suffix).
    public static Path storedPath(Path dir, EnsembleKey key) {
        return IndexStore.base(dir, key.fileName());
    }

    public EnsembleKey key() {
        return key;
    }

    public IndexManifest manifest() {
        return manifest;
    }

    public long traceCount() {
        return traces;
    }

    public int ensembleCount() {
        return ensembles;
    }

    public FoldStats foldStats() {
        return fold;
    }

    /// True when the index is mapped from its files.
    public boolean mapped() {
        return arena != null;
    }

    /// Position in the permutation of ensemble `e`'s first trace.
    public int start(int e) {
        checkEnsemble(e);
        return starts.getAtIndex(layout, e);
    }

    /// Traces in ensemble `e`.
    public int fold(int e) {
        checkEnsemble(e);
        return starts.getAtIndex(layout, e + 1L) - starts.getAtIndex(layout, e);
    }

    /// Trace number of the `j`-th trace of ensemble `e`.
    public int trace(int e, int j) {
        int s = start(e);
        int f = starts.getAtIndex(layout, e + 1L) - s;
        if (j < 0 || j >= f) {
            throw new IndexOutOfBoundsException("ensemble " + e + " has " + f + " traces; no trace " + j);
        }
        return permutation.getAtIndex(layout, (long) s + j);
    }

    /// Trace number at position `p` of the whole permutation (the logical sorted order).
    public int traceAt(long p) {
        return permutation.getAtIndex(layout, p);
    }

    /// The trace numbers of ensemble `e` (a fresh array).
    public int[] traces(int e) {
        int s = start(e);
        int f = fold(e);
        int[] out = new int[f];
        MemorySegment.copy(permutation, layout, (long) s * 4, out, 0, f);
        return out;
    }

    /// Key value `k` of ensemble `e`.
    public int keyValue(int e, int k) {
        checkEnsemble(e);
        return keys.getAtIndex(layout, (long) e * key.size() + k);
    }

    /// The key values of ensemble `e` (a fresh array).
    public int[] keyValues(int e) {
        checkEnsemble(e);
        int[] out = new int[key.size()];
        MemorySegment.copy(keys, layout, (long) e * key.size() * 4, out, 0, out.length);
        return out;
    }

    /// The ensemble with these key values (raw header values; binned fields are binned first),
    /// or `-(insertion point) - 1` when there is none (binary search).
    public int find(int... values) {
        if (values.length != key.size()) {
            throw new IllegalArgumentException("key " + key.spec() + " has " + key.size() + " value(s), got " + values.length);
        }
        int[] v = new int[values.length];
        for (int k = 0; k < v.length; k++) {
            v[k] = key.bin(k, values[k]);
        }
        int lo = 0;
        int hi = ensembles - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = compare(mid, v);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    private int compare(int e, int[] v) {
        long base = (long) e * v.length;
        for (int k = 0; k < v.length; k++) {
            int c = Integer.compare(keys.getAtIndex(layout, base + k), v[k]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /// The permutation (trace numbers in ensemble order), read-only: traces × int32.
    public MemorySegment permutation() {
        return permutation;
    }

    /// Ensemble starts, read-only: (ensembles + 1) × int32.
    public MemorySegment starts() {
        return starts;
    }

    /// Key values, read-only: ensembles × keys × int32.
    public MemorySegment keys() {
        return keys;
    }

    /// Bytes held by the index arrays.
    public long bytes() {
        return permutation.byteSize() + starts.byteSize() + keys.byteSize();
    }

    /// The layout of the int values in the segments (little-endian when mapped, native in memory).
    public ValueLayout.OfInt intLayout() {
        return layout;
    }

    /// Key values as text, `cdp=1234` or `gx=10,gy=20`.
    public String describe(int e) {
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < key.size(); k++) {
            parts.add(key.fields().get(k) + "=" + keyValue(e, k));
        }
        return String.join(",", parts);
    }

    private void checkEnsemble(int e) {
        if (e < 0 || e >= ensembles) {
            throw new IndexOutOfBoundsException("ensemble " + e + " does not exist; index " + key + " has " + ensembles + " ensembles");
        }
    }

    /// Unmaps a loaded index (no-op for one built in memory).
    @Override
    public void close() {
        if (arena != null && arena.scope().isAlive()) {
            arena.close();
        }
    }
}

package org.seisproc.ensemble;

import org.seisproc.dataset.Dataset;

/// Reads gathers of an index from a dataset's mapped trace store into a reusable [Gather]
/// buffer: the traces of ensemble `e` in index order (`permutation[starts[e] ..]`), so
/// unsorted data reads as sorted. Cheap to create; one per thread (not thread-safe: it owns
/// its buffer). The dataset and the index are shared, read-only.
public final class GatherReader {
    private final Dataset dataset;
    private final EnsembleIndex index;
    private final Gather buffer = new Gather();

    public GatherReader(Dataset dataset, EnsembleIndex index) {
        if (index.traceCount() != dataset.traceCount()) {
            throw new IllegalArgumentException("index " + index.key() + " covers " + index.traceCount() + " traces, dataset "
                    + dataset.dir() + " has " + dataset.traceCount());
        }
        this.dataset = dataset;
        this.index = index;
    }

    public EnsembleIndex index() {
        return index;
    }

    public Dataset dataset() {
        return dataset;
    }

    /// Ensemble `e` into this reader's buffer (valid until the next call).
    public Gather read(int e) {
        return read(e, buffer);
    }

    /// The ensemble with these key values (raw header values) into this reader's buffer; a
    /// clear [IllegalArgumentException] when there is none.
    public Gather readKey(int... keyValues) {
        return read(ensembleOf(index, keyValues), buffer);
    }

    /// Ensemble `e` into `into` (grown when needed), returned. Thread-safe for distinct `into`.
    public Gather read(int e, Gather into) {
        int n1 = dataset.samplesPerTrace();
        int n2 = index.fold(e);
        int hb = dataset.traceHeaderBytes();
        into.reshape(e, n1, hb, dataset.headerByteOrder(), n2, index.key().size());
        int start = index.start(e);
        float[] s = into.samples();
        long[] t = into.traces();
        java.lang.foreign.MemorySegment headers = into.headers();
        for (int j = 0; j < n2; j++) {
            int trace = index.traceAt((long) start + j);
            t[j] = trace;
            dataset.readTrace(trace, s, j * n1);
            java.lang.foreign.MemorySegment.copy(dataset.traceHeaders(), (long) trace * hb, headers, (long) j * hb, hb);
        }
        long[] k = into.keyBuffer();
        for (int i = 0; i < k.length; i++) {
            k[i] = index.keyValue(e, i);
        }
        return into;
    }

    /// The ensemble index of these key values; a [NoSuchEnsembleException] naming the key and
    /// the nearest ensembles when there is none.
    static int ensembleOf(EnsembleIndex index, int... keyValues) {
        int e = index.find(keyValues);
        if (e < 0) {
            int at = -e - 1;
            String near = (at > 0 ? index.describe(at - 1) : "") + (at > 0 && at < index.ensembleCount() ? " and " : "")
                    + (at < index.ensembleCount() ? index.describe(at) : "");
            throw new NoSuchEnsembleException("no ensemble " + index.key().spec() + " = " + java.util.Arrays.toString(keyValues)
                    + " (" + index.ensembleCount() + " ensembles" + (near.isEmpty() ? "" : "; nearest: " + near) + ")");
        }
        return e;
    }
}

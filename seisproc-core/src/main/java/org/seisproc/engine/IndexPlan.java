package org.seisproc.engine;

import java.util.List;

import org.seisproc.ensemble.EnsembleIndex;

/// The engine's view of an [EnsembleIndex]: ensembles, their key values and trace numbers in
/// gather order, read straight from the (mapped) index — no copy.
public record IndexPlan(EnsembleIndex index) implements EnsemblePlan {
    @Override
    public int ensembles() {
        return index.ensembleCount();
    }

    @Override
    public long[] key(int e) {
        int[] v = index.keyValues(e);
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }

    @Override
    public void key(int e, long[] into) {
        for (int k = 0; k < into.length; k++) {
            into[k] = index.keyValue(e, k);
        }
    }

    @Override
    public int traceCount(int e) {
        return index.fold(e);
    }

    @Override
    public long trace(int e, int i) {
        return index.trace(e, i);
    }

    @Override
    public long traceTotal() {
        return index.traceCount();
    }

    @Override
    public List<String> keyNames() {
        return index.key().fields();
    }
}

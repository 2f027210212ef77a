package org.seisproc.engine;

import java.util.List;
import java.util.stream.IntStream;

import org.seisproc.headers.StableSort;

/// An ensemble plan computed from primitive key columns: traces sorted stably by the key
/// columns, then by the order columns (all int), grouped where the keys change. The sort is a
/// parallel sort of packed `long`s per key level (a stable index sort, no boxing).
public final class ColumnPlan implements EnsemblePlan {
    private final List<String> keyNames;
    private final int[][] keys;
    private final int[] permutation;
    private final int[] starts;   // ensemble e is permutation[starts[e] .. starts[e+1])

    private ColumnPlan(List<String> keyNames, int[][] keys, int[] permutation, int[] starts) {
        this.keyNames = keyNames;
        this.keys = keys;
        this.permutation = permutation;
        this.starts = starts;
    }

    /// Groups `n` traces by `keys` (one int column per key), ordering each group by `order`.
    public static ColumnPlan of(List<String> keyNames, int[][] keys, int[][] order) {
        int n = keys[0].length;
        int[] perm = IntStream.range(0, n).toArray();
        // LSD: stable sorts from the least significant column to the most significant.
        for (int c = order.length - 1; c >= 0; c--) {
            perm = StableSort.byInts(perm, order[c]);
        }
        for (int c = keys.length - 1; c >= 0; c--) {
            perm = StableSort.byInts(perm, keys[c]);
        }
        int[] starts = new int[n + 1];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || differs(keys, perm[i], perm[i - 1])) {
                starts[count++] = i;
            }
        }
        starts[count] = n;
        return new ColumnPlan(List.copyOf(keyNames), keys, perm, java.util.Arrays.copyOf(starts, count + 1));
    }

    private static boolean differs(int[][] keys, int a, int b) {
        for (int[] k : keys) {
            if (k[a] != k[b]) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int ensembles() {
        return starts.length - 1;
    }

    @Override
    public long[] key(int e) {
        int t = permutation[starts[e]];
        long[] k = new long[keys.length];
        for (int c = 0; c < keys.length; c++) {
            k[c] = keys[c][t];
        }
        return k;
    }

    @Override
    public int traceCount(int e) {
        return starts[e + 1] - starts[e];
    }

    @Override
    public long trace(int e, int i) {
        return permutation[starts[e] + i];
    }

    @Override
    public List<String> keyNames() {
        return keyNames;
    }
}

package org.seisproc.headers;

/// Stable reordering of row numbers by a primitive column, without boxing or comparators.
///
/// int columns: (value, position) packed in a `long` and sorted with a parallel primitive sort,
/// which makes equal values keep their order. Other columns: values mapped to order-preserving
/// `long` keys (IEEE bits with the negative range flipped) and a primitive merge sort of indices.
public final class StableSort {
    private StableSort() {
    }

    /// `perm` reordered stably by `column[perm[i]]` ascending.
    public static int[] by(int[] perm, Column column) {
        if (column instanceof Column.Ints c) {
            return byInts(perm, c.values());
        }
        int n = perm.length;
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = switch (column) {
                case Column.Longs l -> l.values()[perm[i]];
                case Column.Floats f -> orderedBits(f.values()[perm[i]]);
                case Column.Doubles d -> orderedBits(d.values()[perm[i]]);
                case Column.Ints x -> x.values()[perm[i]];
            };
        }
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        mergeSort(idx, new int[n], keys, 0, n);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = perm[idx[i]];
        }
        return out;
    }

    /// `perm` reordered stably by an int column.
    public static int[] byInts(int[] perm, int[] column) {
        int n = perm.length;
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            packed[i] = ((long) column[perm[i]] << 32) | i;
        }
        java.util.Arrays.parallelSort(packed);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = perm[(int) packed[i]];
        }
        return out;
    }

    /// A long whose signed order is the double's numeric order (NaN last).
    static long orderedBits(double v) {
        long bits = Double.doubleToLongBits(v);
        return bits ^ ((bits >> 63) & 0x7FFF_FFFF_FFFF_FFFFL);
    }

    private static void mergeSort(int[] a, int[] tmp, long[] keys, int lo, int hi) {
        if (hi - lo < 2) {
            return;
        }
        int mid = (lo + hi) >>> 1;
        mergeSort(a, tmp, keys, lo, mid);
        mergeSort(a, tmp, keys, mid, hi);
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
            tmp[k++] = keys[a[j]] < keys[a[i]] ? a[j++] : a[i++];
        }
        while (i < mid) {
            tmp[k++] = a[i++];
        }
        while (j < hi) {
            tmp[k++] = a[j++];
        }
        System.arraycopy(tmp, lo, a, lo, hi - lo);
    }
}

package org.seisproc.ensemble.internal;

import java.util.stream.IntStream;

/// A stable sort of trace numbers by a composite int key, with the ensemble boundaries: the
/// engine of the ensemble index. No boxing, no comparator.
///
/// Fast path: every key column is shifted to start at 0 and given just the bits its range
/// needs; the fields and the trace number are packed into one `long` (most significant key
/// first, the trace number in the low bits) and the longs are sorted by an LSD radix sort
/// (11-bit digits, only over the key bits, parallel histogram and scatter). Because the trace
/// number sits below the key and LSD radix sort is stable, equal keys keep trace order. When
/// the key bits plus the trace-number bits exceed 64, a key-by-key LSD counting sort of the
/// permutation is used instead (slower: random access into the columns).
public final class KeySort {
    private static final int DIGIT_BITS = 11;
    private static final int RADIX = 1 << DIGIT_BITS;
    /// Test hook: force the general path.
    public static volatile boolean forceGeneral;

    /// The result: `permutation[starts[e] .. starts[e+1])` are the traces of ensemble `e`;
    /// `keys[e × keyCount + k]` its (column) values, ensembles in ascending key order.
    public record Result(int[] permutation, int[] starts, int[] keys) {
        public int ensembleCount() {
            return starts.length - 1;
        }
    }

    private KeySort() {
    }

    /// Sorts trace numbers `0 .. n-1` by `columns[0]`, then `columns[1]`, ..., then `secondary`
    /// (may be null), stably; ensembles are runs of equal `columns`. Columns are not modified.
    public static Result sort(int[][] columns, int[] secondary) {
        int n = columns[0].length;
        int m = columns.length;
        int[][] all = new int[m + (secondary != null ? 1 : 0)][];
        System.arraycopy(columns, 0, all, 0, m);
        if (secondary != null) {
            all[m] = secondary;
        }
        int[] min = new int[all.length];
        int[] bits = new int[all.length];
        int keyBits = 0;
        for (int c = 0; c < all.length; c++) {
            long[] mm = minMax(all[c]);
            min[c] = (int) mm[0];
            long range = mm[1] - mm[0];
            bits[c] = range == 0 ? 0 : 64 - Long.numberOfLeadingZeros(range);
            keyBits += bits[c];
        }
        int idxBits = n <= 1 ? 1 : 32 - Integer.numberOfLeadingZeros(n - 1);
        if (!forceGeneral && keyBits + idxBits <= 64) {
            return packed(all, m, min, bits, keyBits, idxBits, n);
        }
        return general(all, m, min, n);
    }

    private static Result packed(int[][] all, int m, int[] min, int[] bits, int keyBits, int idxBits, int n) {
        long[] packed = new long[n];
        int threads = threads(n);
        IntStream.range(0, threads).parallel().forEach(t -> {
            int from = (int) ((long) n * t / threads);
            int to = (int) ((long) n * (t + 1) / threads);
            for (int i = from; i < to; i++) {
                long v = 0;
                for (int c = 0; c < all.length; c++) {
                    v = (v << bits[c]) | ((long) all[c][i] - min[c]);
                }
                packed[i] = (v << idxBits) | i;
            }
        });
        long[] a = radixSort(packed, idxBits, keyBits, threads);
        int secBits = all.length > m ? bits[m] : 0;
        int groupShift = idxBits + secBits;
        long idxMask = idxBits == 64 ? -1L : (1L << idxBits) - 1;
        int[] perm = new int[n];
        int ensembles = n == 0 ? 0 : 1;
        for (int i = 0; i < n; i++) {
            perm[i] = (int) (a[i] & idxMask);
            if (i > 0 && (a[i] >>> groupShift) != (a[i - 1] >>> groupShift)) {
                ensembles++;
            }
        }
        int[] starts = new int[ensembles + 1];
        int[] keys = new int[ensembles * m];
        int e = -1;
        for (int i = 0; i < n; i++) {
            if (i == 0 || (a[i] >>> groupShift) != (a[i - 1] >>> groupShift)) {
                e++;
                starts[e] = i;
                int trace = perm[i];
                for (int c = 0; c < m; c++) {
                    keys[e * m + c] = all[c][trace];
                }
            }
        }
        starts[ensembles] = n;
        return new Result(perm, starts, keys);
    }

    /// LSD radix sort of `a` by bits `[lowBit, lowBit + bitCount)`, unsigned, stable.
    static long[] radixSort(long[] a, int lowBit, int bitCount, int threads) {
        int n = a.length;
        long[] b = new long[n];
        int[][] counts = new int[threads][RADIX];
        for (int shift = lowBit; shift < lowBit + bitCount; shift += DIGIT_BITS) {
            final int s = shift;
            final int mask = (1 << Math.min(DIGIT_BITS, lowBit + bitCount - shift)) - 1;
            final long[] src = a;
            final long[] dst = b;
            IntStream.range(0, threads).parallel().forEach(t -> {
                int[] cnt = counts[t];
                java.util.Arrays.fill(cnt, 0);
                int from = (int) ((long) n * t / threads);
                int to = (int) ((long) n * (t + 1) / threads);
                for (int i = from; i < to; i++) {
                    cnt[(int) (src[i] >>> s) & mask]++;
                }
            });
            // exclusive prefix: digit-major, then thread (keeps stability across chunks)
            int sum = 0;
            for (int d = 0; d <= mask; d++) {
                for (int t = 0; t < threads; t++) {
                    int c = counts[t][d];
                    counts[t][d] = sum;
                    sum += c;
                }
            }
            IntStream.range(0, threads).parallel().forEach(t -> {
                int[] pos = counts[t];
                int from = (int) ((long) n * t / threads);
                int to = (int) ((long) n * (t + 1) / threads);
                for (int i = from; i < to; i++) {
                    long v = src[i];
                    dst[pos[(int) (v >>> s) & mask]++] = v;
                }
            });
            a = dst;
            b = src;
        }
        return a;
    }

    private static Result general(int[][] all, int m, int[] min, int n) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        int[] tmp = new int[n];
        int[] count = new int[1 << 16];
        for (int c = all.length - 1; c >= 0; c--) {
            int[] col = all[c];
            int lo = min[c];
            for (int shift = 0; shift < 32; shift += 16) {
                java.util.Arrays.fill(count, 0);
                for (int i = 0; i < n; i++) {
                    count[(int) ((((long) col[perm[i]] - lo) >>> shift) & 0xFFFF)]++;
                }
                if (count[0] == n && shift > 0) {
                    continue; // all high digits zero: nothing to do
                }
                int sum = 0;
                for (int d = 0; d < count.length; d++) {
                    int x = count[d];
                    count[d] = sum;
                    sum += x;
                }
                for (int i = 0; i < n; i++) {
                    int t = perm[i];
                    tmp[count[(int) ((((long) col[t] - lo) >>> shift) & 0xFFFF)]++] = t;
                }
                int[] swap = perm;
                perm = tmp;
                tmp = swap;
            }
        }
        int ensembles = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || differs(all, m, perm[i], perm[i - 1])) {
                ensembles++;
            }
        }
        int[] starts = new int[ensembles + 1];
        int[] keys = new int[ensembles * m];
        int e = -1;
        for (int i = 0; i < n; i++) {
            if (i == 0 || differs(all, m, perm[i], perm[i - 1])) {
                e++;
                starts[e] = i;
                for (int c = 0; c < m; c++) {
                    keys[e * m + c] = all[c][perm[i]];
                }
            }
        }
        starts[ensembles] = n;
        return new Result(perm, starts, keys);
    }

    private static boolean differs(int[][] all, int m, int t1, int t2) {
        for (int c = 0; c < m; c++) {
            if (all[c][t1] != all[c][t2]) {
                return true;
            }
        }
        return false;
    }

    private static long[] minMax(int[] col) {
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        for (int v : col) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return col.length == 0 ? new long[] {0, 0} : new long[] {lo, hi};
    }

    private static int threads(int n) {
        return Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), n / 200_000));
    }
}

package org.seisproc.dsp;

/// CDP stack, fold-normalised: out[i1] = Σ x[i2][i1] / (number of traces whose sample i1 is
/// non-zero), so muted zones do not dim the stack; 0 where no trace is live.
public final class Stack {
    private Stack() {
    }

    /// Stacks the n2 traces of `gather` (trace i2 at `i2·n1`) into `out[0..n1)`; `fold` (n1 ints)
    /// receives the live count per sample.
    public static void stack(float[] gather, int n1, int n2, float[] out, int[] fold) {
        java.util.Arrays.fill(out, 0, n1, 0f);
        java.util.Arrays.fill(fold, 0, n1, 0);
        double[] sum = new double[n1];
        for (int i2 = 0; i2 < n2; i2++) {
            int base = i2 * n1;
            for (int i1 = 0; i1 < n1; i1++) {
                float v = gather[base + i1];
                if (v != 0f) {
                    sum[i1] += v;
                    fold[i1]++;
                }
            }
        }
        for (int i1 = 0; i1 < n1; i1++) {
            out[i1] = fold[i1] > 0 ? (float) (sum[i1] / fold[i1]) : 0f;
        }
    }
}

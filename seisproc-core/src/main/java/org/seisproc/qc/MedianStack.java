package org.seisproc.qc;

import java.util.Arrays;

/// Median stack: out[i1] = the median of the live (non-zero) samples x[i2][i1] of the n2 traces
/// (the mean of the two middle values for an even count), 0 where no trace is live; `fold`
/// gets the live count. Robust to a few noisy traces where the mean stack
/// ([org.seisproc.dsp.Stack]) smears them in.
public final class MedianStack {
    private MedianStack() {
    }

    /// Stacks `gather` (trace i2 at `i2·n1`) into `out[0..n1)`; `scratch` needs n2 floats.
    public static void stack(float[] gather, int n1, int n2, float[] out, int[] fold, float[] scratch) {
        for (int i1 = 0; i1 < n1; i1++) {
            int m = 0;
            for (int i2 = 0; i2 < n2; i2++) {
                float v = gather[i2 * n1 + i1];
                if (v != 0f) {
                    scratch[m++] = v;
                }
            }
            fold[i1] = m;
            if (m == 0) {
                out[i1] = 0f;
                continue;
            }
            Arrays.sort(scratch, 0, m);
            out[i1] = m % 2 == 1 ? scratch[m / 2] : (float) (((double) scratch[m / 2 - 1] + scratch[m / 2]) / 2);
        }
    }
}

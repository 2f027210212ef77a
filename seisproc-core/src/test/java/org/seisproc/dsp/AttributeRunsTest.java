package org.seisproc.dsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/// The run-length attributes (longest clipped run, longest constant run, dead trace) against
/// sample-by-sample definitions, on traces with runs at the start, the end, in the middle,
/// NaNs, all-equal and all-zero traces.
class AttributeRunsTest {
    private static int clippedReference(float[] x, int off, int n, float peak) {
        int best = 0;
        int run = 0;
        for (int i = off; i < off + n; i++) {
            run = peak > 0 && Math.abs(x[i]) == peak ? run + 1 : 0;
            best = Math.max(best, run);
        }
        return best;
    }

    private static int constantReference(float[] x, int off, int n) {
        int best = n > 0 ? 1 : 0;
        int run = 1;
        for (int i = off + 1; i < off + n; i++) {
            run = x[i] == x[i - 1] ? run + 1 : 1;
            best = Math.max(best, run);
        }
        return best;
    }

    @Test
    void runsEqualTheirDefinitions() {
        SplittableRandom r = new SplittableRandom(11);
        for (int trial = 0; trial < 2000; trial++) {
            int n = r.nextInt(0, 40);
            int off = r.nextInt(0, 3);
            float[] x = new float[off + n + 2];
            float peak = 1 + r.nextInt(3);
            int kind = r.nextInt(6);
            for (int i = off; i < off + n; i++) {
                x[i] = switch (kind) {
                    case 0 -> 0f;                                        // dead
                    case 1 -> 2.5f;                                      // constant, not dead
                    case 2 -> r.nextInt(3) == 0 ? Float.NaN : r.nextInt(3) - 1;
                    default -> r.nextInt(4) == 0 ? (r.nextBoolean() ? peak : -peak) : (float) r.nextGaussian() * 0.3f;
                };
            }
            x[off + n] = 0f; // a neighbour beyond the trace must not count
            int constant = Attributes.constantRunOrDead(x, off, n);
            boolean dead = n > 0 && java.util.stream.IntStream.range(off, off + n).allMatch(i -> x[i] == 0f);
            assertThat(Math.abs(constant)).as("trial %d", trial).isEqualTo(constantReference(x, off, n));
            assertThat(constant < 0).as("dead, trial %d", trial).isEqualTo(dead);
            assertThat(Attributes.longestConstantRun(x, off, n)).isEqualTo(constantReference(x, off, n));
            assertThat(Attributes.longestClippedRun(x, off, n, peak)).as("trial %d", trial).isEqualTo(clippedReference(x, off, n, peak));
            assertThat(Attributes.longestClippedRun(x, off, n, 0f)).isZero();
        }
    }
}

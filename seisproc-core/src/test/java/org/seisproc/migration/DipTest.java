package org.seisproc.migration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.seisproc.dsp.Sampling;

/// A dipping plane reflector (30°, constant velocity) recorded at zero offset along a 2D line:
/// unmigrated, its time dip is 2·sin φ / v; migrated, 2·tan φ / v (the reflector moves updip and
/// steepens), which is what the image must show.
class DipTest {
    static final double V = 2000;
    static final double DT = 0.004;
    static final double DIP = Math.toRadians(30);
    static final double Z0 = 400;
    static final int TRACES = 301;
    static final double DX = 10;
    static final int NT = 626;

    /// Zero-offset time at surface position x: twice the normal distance to the plane
    /// z = Z0 + x·tan φ, over v.
    static double zeroOffsetTime(double x) {
        return 2 * (Z0 + x * Math.tan(DIP)) * Math.cos(DIP) / V;
    }

    static float ricker(double tau) {
        double a = Math.PI * Math.PI * 25 * 25 * tau * tau;
        return (float) ((1 - 2 * a) * Math.exp(-a));
    }

    @Test
    void aDippingReflectorMigratesToTheDipTheoryPredicts() {
        float[][] traces = new float[TRACES][NT];
        double[] x = new double[TRACES];
        double[] y = new double[TRACES];
        for (int t = 0; t < TRACES; t++) {
            x[t] = t * DX;
            double t0 = zeroOffsetTime(x[t]);
            for (int i = 0; i < NT; i++) {
                traces[t][i] = ricker(i * DT - t0);
            }
        }
        MigrationInput in = MigrationInput.ofArrays(traces, DT, x, y, x, y);
        OutputGrid grid = new OutputGrid(1, 1, 1, 1, 1, TRACES, new Sampling(NT, DT, 0));
        MigrationParameters p = MigrationParameters.defaults().withAperture(new Aperture(2500, 60, 0.2)).withTiles(1, 64);
        MigrationPlan plan = MigrationPlan.prepare(in, new BinGrid(1, 1, 0, 0, 0, DX, DX, 0), grid, new VelocityModel.Constant(V), p);
        assertThat(plan.threeD()).isFalse();
        float[][] image = new float[TRACES][];
        MigrationPlan.Workspace ws = plan.workspace();
        for (Tile tile : plan.tiles()) {
            TileImage ti = plan.migrate(tile, ws, () -> false);
            for (int b = 0; b < tile.crosslines(); b++) {
                image[tile.crossline0() + b] = java.util.Arrays.copyOfRange(ti.stack(), b * NT, (b + 1) * NT);
            }
        }
        // pick the migrated event on the interior traces (x from 1000 to 1800 m) and fit a line
        double sx = 0;
        double st = 0;
        double sxx = 0;
        double sxt = 0;
        int n = 0;
        for (int o = 100; o <= 180; o++) {
            double expected = 2 * (Z0 + o * DX * Math.tan(DIP)) / V; // migrated time 2 z(x) / v
            int k0 = (int) Math.round(expected / DT);
            int best = -1;
            float peak = 0;
            for (int k = k0 - 15; k <= k0 + 15; k++) {
                if (image[o][k] > peak) {
                    peak = image[o][k];
                    best = k;
                }
            }
            double tPick = best * DT;
            assertThat(Math.abs(tPick - expected)).as("trace %d: picked %.3f s, expected %.3f s", o, tPick, expected)
                    .isLessThanOrEqualTo(2 * DT);
            double xo = o * DX;
            sx += xo;
            st += tPick;
            sxx += xo * xo;
            sxt += xo * tPick;
            n++;
        }
        double slope = (n * sxt - sx * st) / (n * sxx - sx * sx);
        double migrated = 2 * Math.tan(DIP) / V;
        double unmigrated = 2 * Math.sin(DIP) / V;
        assertThat(slope).as("time dip (s/m)").isCloseTo(migrated, org.assertj.core.data.Offset.offset(0.02 * migrated));
        assertThat(Math.abs(slope - unmigrated)).isGreaterThan(0.1 * unmigrated);
    }
}

package org.seisproc.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.seisproc.dsp.Sampling;

/// A single spike on one trace migrates onto the double-square-root surface: the image is
/// non-zero exactly where t = DSR(T, x), to within one input sample, and zero elsewhere.
class ImpulseResponseTest {
    static final double DT = 0.004;
    static final int NT = 300;
    static final double V = 2000;

    /// A 3D grid of 21 x 31 bins of 10 m; under every bin a dead zero-offset trace (fold 1
    /// everywhere), plus the live trace: source at (60, 100), receiver at (240, 140), a spike at
    /// sample 150 (0.6 s).
    static MigrationInput input(int spike) {
        List<double[]> coords = new ArrayList<>();
        for (int il = 0; il < 21; il++) {
            for (int xl = 0; xl < 31; xl++) {
                coords.add(new double[] {xl * 10.0, il * 10.0, xl * 10.0, il * 10.0});
            }
        }
        coords.add(new double[] {60, 100, 240, 140});
        int n = coords.size();
        double[] sx = new double[n];
        double[] sy = new double[n];
        double[] gx = new double[n];
        double[] gy = new double[n];
        float[][] traces = new float[n][NT];
        for (int t = 0; t < n; t++) {
            sx[t] = coords.get(t)[0];
            sy[t] = coords.get(t)[1];
            gx[t] = coords.get(t)[2];
            gy[t] = coords.get(t)[3];
        }
        traces[n - 1][spike] = 1f;
        return MigrationInput.ofArrays(traces, DT, sx, sy, gx, gy);
    }

    static BinGrid bins() {
        return new BinGrid(1, 1, 0, 0, 0, 10, 10, 0);
    }

    static double dsr(double tau, double x, double y) {
        double a = tau * tau / 4;
        double ds2 = (60 - x) * (60 - x) + (100 - y) * (100 - y);
        double dr2 = (240 - x) * (240 - x) + (140 - y) * (140 - y);
        return Math.sqrt(a + ds2 / (V * V)) + Math.sqrt(a + dr2 / (V * V));
    }

    static float[] migrate(MigrationInput in, MigrationParameters p, OutputGrid grid) {
        MigrationPlan plan = MigrationPlan.prepare(in, bins(), grid, new VelocityModel.Constant(V), p);
        float[] image = new float[(int) grid.traces() * grid.time().count()];
        MigrationPlan.Workspace ws = plan.workspace();
        int nk = grid.time().count();
        for (Tile tile : plan.tiles()) {
            TileImage ti = plan.migrate(tile, ws, () -> false);
            for (int bi = 0; bi < tile.inlines(); bi++) {
                for (int bj = 0; bj < tile.crosslines(); bj++) {
                    int o = (tile.inline0() + bi) * grid.crosslines() + tile.crossline0() + bj;
                    System.arraycopy(ti.stack(), (bi * tile.crosslines() + bj) * nk, image, o * nk, nk);
                }
            }
        }
        return image;
    }

    static MigrationParameters plain() {
        return MigrationParameters.defaults().withAperture(new Aperture(100_000, 89.9, 0)).withAntiAlias(AntiAlias.off())
                .withWeights(Weights.none()).withTiles(8, 8);
    }

    @Test
    void aSpikeMigratesOntoTheDoubleSquareRootSurface() {
        int spike = 150;
        OutputGrid grid = new OutputGrid(1, 1, 21, 1, 1, 31, new Sampling(250, DT, 0));
        float[] image = migrate(input(spike), plain(), grid);
        double tSpike = spike * DT;
        int nonZero = 0;
        int expectedHits = 0;
        for (int il = 0; il < 21; il++) {
            for (int xl = 0; xl < 31; xl++) {
                int o = il * 31 + xl;
                for (int k = 0; k < 250; k++) {
                    double miss = Math.abs(dsr(k * DT, xl * 10.0, il * 10.0) - tSpike);
                    float v = image[o * 250 + k];
                    if (v != 0) {
                        nonZero++;
                        assertThat(miss).as("bin (%d, %d) sample %d is non-zero off the DSR surface", il, xl, k).isLessThan(DT);
                    }
                    if (miss < 0.5 * DT) {
                        expectedHits++;
                        assertThat(v).as("bin (%d, %d) sample %d is on the DSR surface", il, xl, k).isNotZero();
                    }
                }
            }
        }
        assertThat(expectedHits).isGreaterThan(21 * 31 / 2);
        assertThat(nonZero).isGreaterThanOrEqualTo(expectedHits);
    }

    @Test
    void theAngleApertureCutsTheShallowFlanks() {
        int spike = 150;
        OutputGrid grid = new OutputGrid(1, 1, 21, 1, 1, 31, new Sampling(250, DT, 0));
        float[] image = migrate(input(spike), plain().withAperture(new Aperture(100_000, 20, 0)), grid);
        double tan = Math.tan(Math.toRadians(20));
        for (int il = 0; il < 21; il++) {
            for (int xl = 0; xl < 31; xl++) {
                double dm = Math.hypot(150 - xl * 10.0, 120 - il * 10.0);
                for (int k = 0; k < 250; k++) {
                    if (image[(il * 31 + xl) * 250 + k] != 0) {
                        assertThat(dm).as("bin (%d, %d) sample %d lies outside 20 degrees", il, xl, k)
                                .isLessThanOrEqualTo(V * k * DT / 2 * tan + 1e-3);
                    }
                }
            }
        }
    }

    @Test
    void nearestInterpolationHitsTheSurfaceToo() {
        OutputGrid grid = new OutputGrid(1, 1, 21, 1, 1, 31, new Sampling(250, DT, 0));
        float[] image = migrate(input(150), plain().withInterpolation("nearest"), grid);
        for (int o = 0; o < 21 * 31; o++) {
            for (int k = 0; k < 250; k++) {
                if (image[o * 250 + k] != 0) {
                    assertThat(Math.abs(dsr(k * DT, (o % 31) * 10.0, (o / 31) * 10.0) - 0.6)).isLessThanOrEqualTo(0.5 * DT + 1e-6);
                }
            }
        }
    }
}

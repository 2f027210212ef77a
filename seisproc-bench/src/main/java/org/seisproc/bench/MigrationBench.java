package org.seisproc.bench;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.seisproc.dsp.Sampling;
import org.seisproc.migration.AntiAlias;
import org.seisproc.migration.Aperture;
import org.seisproc.migration.BinGrid;
import org.seisproc.migration.MigrationInput;
import org.seisproc.migration.MigrationParameters;
import org.seisproc.migration.MigrationPlan;
import org.seisproc.migration.OutputGrid;
import org.seisproc.migration.Tile;
import org.seisproc.migration.TileImage;
import org.seisproc.migration.VelocityModel;
import org.seisproc.migration.Weights;

/// Kirchhoff migration throughput (bench/migration): a deterministic small 3D job held in
/// memory — `traces` random traces of `ns` samples (4 ms) with sources and receivers scattered
/// over a 64 × 64-bin (25 m) area, migrated onto 64 × 64 bins × `nk` samples with v = 2000 m/s,
/// aperture 1000 m / 89° without taper, no weights, no rho filter — timed with N workers.
///
/// Usage: `MigrationBench run TRACES NS NK WORKERS aa|noaa [REPEATS]` prints
/// `contributions seconds contributions/s cpu-seconds contributions/cpu-s` per repeat (the CPU
/// time the worker threads received: the honest figure on a loaded machine); `MigrationBench export TRACES NS FILE`
/// writes the same job's input (little-endian: int32 traces, int32 ns, then per trace float32
/// sx sy gx gy and ns samples) for the numpy peer (`bench/migration/numpy_kirchhoff.py`).
public final class MigrationBench {
    static final int BINS = 64;
    static final double BIN = 25;
    static final double DT = 0.004;

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "run" -> run(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    args[5].equals("aa"), args.length > 6 ? Integer.parseInt(args[6]) : 3, args.length > 7 ? Integer.parseInt(args[7]) : BINS);
            case "export" -> export(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Path.of(args[3]));
            default -> throw new IllegalArgumentException("run | export");
        }
    }

    record Job(float[][] traces, double[] sx, double[] sy, double[] gx, double[] gy) {
    }

    static Job job(int n, int ns) {
        SplittableRandom r = new SplittableRandom(42);
        float[][] traces = new float[n][ns];
        double[] sx = new double[n];
        double[] sy = new double[n];
        double[] gx = new double[n];
        double[] gy = new double[n];
        double span = (BINS - 1) * BIN;
        for (int t = 0; t < n; t++) {
            double mx = r.nextDouble() * span;
            double my = r.nextDouble() * span;
            double h = r.nextDouble() * 500;
            double az = r.nextDouble() * Math.PI;
            sx[t] = mx - h * Math.cos(az);
            sy[t] = my - h * Math.sin(az);
            gx[t] = mx + h * Math.cos(az);
            gy[t] = my + h * Math.sin(az);
            for (int i = 0; i < ns; i++) {
                traces[t][i] = (float) r.nextGaussian();
            }
        }
        return new Job(traces, sx, sy, gx, gy);
    }

    static void run(int n, int ns, int nk, int workers, boolean aa, int repeats, int bins) throws Exception {
        Job j = job(n, ns);
        MigrationInput in = MigrationInput.ofArrays(j.traces(), DT, j.sx(), j.sy(), j.gx(), j.gy());
        BinGrid grid = new BinGrid(1, 1, 0, 0, 0, BIN, BIN, 0);
        OutputGrid out = new OutputGrid(1, 1, bins, 1, 1, bins, new Sampling(nk, DT, 0));
        MigrationParameters p = MigrationParameters.defaults().withAperture(new Aperture(1000, 89, 0))
                .withAntiAlias(aa ? AntiAlias.on() : AntiAlias.off()).withWeights(Weights.none()).withTiles(16, 16);
        MigrationPlan plan = MigrationPlan.prepare(in, grid, out, new VelocityModel.Constant(2000), p);
        System.out.printf("# %d traces x %d samples -> %d x %d bins x %d samples, %d worker(s), %s, vectorised %s%n", n, ns, bins, bins,
                nk, workers, aa ? "triangle anti-aliasing" : "linear, no anti-aliasing", plan.vectorised());
        for (int rep = 0; rep < repeats; rep++) {
            AtomicInteger next = new AtomicInteger();
            AtomicLong contributions = new AtomicLong();
            AtomicLong cpu = new AtomicLong();
            java.util.concurrent.atomic.DoubleAdder energy = new java.util.concurrent.atomic.DoubleAdder();
            List<Thread> threads = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int w = 0; w < workers; w++) {
                threads.add(Thread.ofPlatform().start(() -> {
                    MigrationPlan.Workspace ws = plan.workspace();
                    for (int i = next.getAndIncrement(); i < plan.tiles().size(); i = next.getAndIncrement()) {
                        Tile tile = plan.tiles().get(i);
                        TileImage image = plan.migrate(tile, ws, () -> false);
                        contributions.addAndGet(image.contributions());
                        double e = 0;
                        for (float v : image.stack()) {
                            e += (double) v * v;
                        }
                        energy.add(e);
                    }
                    cpu.addAndGet(java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            double s = (System.nanoTime() - t0) / 1e9;
            double c = cpu.get() / 1e9;
            // the last figure, the stack's energy (sum of squares), tells two builds' images apart
            System.out.printf("%d %.4f %.4e %.4f %.4e %.6e%n", contributions.get(), s, contributions.get() / s, c, contributions.get() / c,
                    energy.sum());
        }
    }

    static void export(int n, int ns, Path file) throws IOException {
        Job j = job(n, ns);
        try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 20))) {
            ByteBuffer b = ByteBuffer.allocate(8 + 16 + 4 * ns).order(ByteOrder.LITTLE_ENDIAN);
            b.putInt(n).putInt(ns);
            out.write(b.array(), 0, 8);
            for (int t = 0; t < n; t++) {
                b.clear();
                b.putFloat((float) j.sx()[t]).putFloat((float) j.sy()[t]).putFloat((float) j.gx()[t]).putFloat((float) j.gy()[t]);
                for (int i = 0; i < ns; i++) {
                    b.putFloat(j.traces()[t][i]);
                }
                out.write(b.array(), 0, b.position());
            }
        }
    }
}

package org.seisproc.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.seisproc.dsp.Sampling;
import org.seisproc.migration.internal.Kernel;
import org.seisproc.migration.internal.Kernels;
import org.seisproc.migration.internal.MidpointIndex;
import org.seisproc.migration.internal.Operator;
import org.seisproc.migration.internal.TracePrep;

/// A migration ready to run, tile by tile: the input geometry reduced to float arrays relative to
/// the grid's first bin, the midpoint index, the offset class of every trace, the kernel's
/// settings and the tiles. Immutable after [#prepare] and shared by every worker; each worker
/// brings its own [Workspace]. [#migrate] is the self-contained unit of work: the same tile
/// gives the same image whichever worker (or process) runs it.
public final class MigrationPlan {
    private final MigrationInput input;
    private final BinGrid bins;
    private final OutputGrid grid;
    private final VelocityModel velocity;
    private final MigrationParameters params;
    private final float[] sx;
    private final float[] sy;
    private final float[] gx;
    private final float[] gy;
    private final float[] mil;
    private final float[] mxl;
    private final byte[] cls;
    private final MidpointIndex index;
    private final Kernel.Settings settings;
    private final Operator shared;
    private final List<Tile> tiles;
    private final double apInline;
    private final double apCrossline;
    private final double x0;
    private final double y0;
    private final boolean threeD;
    private final int lanes;

    private MigrationPlan(MigrationInput input, BinGrid bins, OutputGrid grid, VelocityModel velocity, MigrationParameters params) {
        this.input = input;
        this.bins = bins;
        this.grid = grid;
        this.velocity = velocity;
        this.params = params;
        this.lanes = Kernels.lanes();
        int n = input.traces();
        OffsetClasses classes = params.offsetClasses();
        if (classes.count() > 127) {
            throw new IllegalArgumentException("at most 127 offset classes, not " + classes.count());
        }
        this.x0 = bins.x(grid.firstInline(), grid.firstCrossline());
        this.y0 = bins.y(grid.firstInline(), grid.firstCrossline());
        sx = new float[n];
        sy = new float[n];
        gx = new float[n];
        gy = new float[n];
        mil = new float[n];
        mxl = new float[n];
        cls = new byte[n];
        byte[] use = new byte[n];
        double ilMin = Double.POSITIVE_INFINITY;
        double ilMax = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < n; t++) {
            double mx = (input.sourceX()[t] + input.groupX()[t]) / 2;
            double my = (input.sourceY()[t] + input.groupY()[t]) / 2;
            sx[t] = (float) (input.sourceX()[t] - x0);
            sy[t] = (float) (input.sourceY()[t] - y0);
            gx[t] = (float) (input.groupX()[t] - x0);
            gy[t] = (float) (input.groupY()[t] - y0);
            mil[t] = (float) bins.inline(mx, my);
            mxl[t] = (float) bins.crossline(mx, my);
            int c = classes.classOf(Math.hypot(input.groupX()[t] - input.sourceX()[t], input.groupY()[t] - input.sourceY()[t]));
            cls[t] = (byte) c;
            use[t] = (byte) (c >= 0 ? 1 : 0);
            if (c >= 0) {
                ilMin = Math.min(ilMin, mil[t]);
                ilMax = Math.max(ilMax, mil[t]);
            }
        }
        this.threeD = grid.inlines() > 1 || ilMax - ilMin > 0.5;
        this.index = new MidpointIndex(mil, mxl, use, Math.max(1, Math.min(params.tileInlines(), params.tileCrosslines())));
        double dmax = params.aperture().maxDistanceMeters();
        this.apInline = dmax / bins.inlineSpacing() + 1;
        this.apCrossline = dmax / bins.crosslineSpacing() + 1;
        double binMeters = threeD ? (bins.inlineSpacing() * grid.inlineStep() + bins.crosslineSpacing() * grid.crosslineStep()) / 2
                : bins.crosslineSpacing() * grid.crosslineStep();
        AntiAlias aa = params.antiAlias();
        Weights w = params.weights();
        this.settings = new Kernel.Settings(input.samples(), input.firstTimeSeconds(), input.sampleIntervalSeconds(), aa.enabled(),
                aa.factor() * binMeters / input.sampleIntervalSeconds(), aa.maxHalfLength(), w.obliquity(), w.spreading(), threeD,
                params.interpolation().equals("nearest"));
        this.shared = velocity.laterallyInvariant() ? operator(grid.firstInline(), grid.firstCrossline()) : null;
        List<Tile> list = new ArrayList<>();
        int ti = params.tileInlines();
        int tx = params.tileCrosslines();
        for (int i = 0; i < grid.inlines(); i += ti) {
            for (int j = 0; j < grid.crosslines(); j += tx) {
                list.add(new Tile(list.size(), i, Math.min(ti, grid.inlines() - i), j, Math.min(tx, grid.crosslines() - j)));
            }
        }
        this.tiles = List.copyOf(list);
    }

    /// Prepares a migration of `input` onto `grid` (bins mapped by `bins`) with `velocity` and
    /// `params`.
    public static MigrationPlan prepare(MigrationInput input, BinGrid bins, OutputGrid grid, VelocityModel velocity,
                                        MigrationParameters params) {
        return new MigrationPlan(input, bins, grid, velocity, params);
    }

    private Operator operator(int inline, int crossline) {
        Sampling time = grid.time();
        float[] v = new float[time.count()];
        velocity.at(inline, crossline, time, v);
        return new Operator(time, v, params.aperture().maxAngleDegrees(), params.aperture().taperFraction(), lanes);
    }

    public List<Tile> tiles() {
        return tiles;
    }

    public OutputGrid grid() {
        return grid;
    }

    public BinGrid bins() {
        return bins;
    }

    public MigrationParameters parameters() {
        return params;
    }

    /// True when the survey is 3D (more than one inline of midpoints or output).
    public boolean threeD() {
        return threeD;
    }

    /// True when the vectorised kernel runs (see [Kernels]).
    public boolean vectorised() {
        return Kernels.vectorised();
    }

    /// Input traces taking part (in some offset class).
    public int tracesUsed() {
        return index.size();
    }

    /// Bytes of the shared per-trace arrays and the index.
    public long sharedBytes() {
        return 25L * sx.length + index.bytes();
    }

    /// Bytes of one worker's [Workspace] for a full tile (image sums, operators, buffers).
    public long workspaceBytes() {
        long nkPad = (grid.time().count() + lanes - 1L) / lanes * lanes;
        long bins = (long) params.tileInlines() * params.tileCrosslines();
        long sums = 4L * bins * nkPad * params.offsetClasses().count();
        long out = 4L * bins * grid.time().count() * (params.offsetClasses().count() + 1);
        long ops = shared != null ? 0 : 20L * bins * nkPad;
        return sums + out + ops + 16L * input.samples() + 8L * 65536;
    }

    /// The traces of each offset class a tile reads (its query, without migrating).
    public int[] tileTraces(Tile tile) {
        int[] traces = query(tile);
        int[] perClass = new int[params.offsetClasses().count()];
        for (int t : traces) {
            perClass[cls[t]]++;
        }
        return perClass;
    }

    private int[] query(Tile tile) {
        double ilLo = grid.inline(tile.inline0()) - apInline;
        double ilHi = grid.inline(tile.inline0() + tile.inlines() - 1) + apInline;
        double xlLo = grid.crossline(tile.crossline0()) - apCrossline;
        double xlHi = grid.crossline(tile.crossline0() + tile.crosslines() - 1) + apCrossline;
        return index.query(Math.min(ilLo, ilHi), Math.max(ilLo, ilHi), Math.min(xlLo, xlHi), Math.max(xlLo, xlHi));
    }

    /// A new workspace for one worker (its kernel, trace filter and buffers).
    public Workspace workspace() {
        return new Workspace(this);
    }

    /// One worker's kernel, trace preparation and buffers; reused from tile to tile.
    public static final class Workspace {
        private final Kernel kernel;
        private final TracePrep prep;
        private final float[] raw;
        private final float[] prepared;
        private final int nkPad;
        private float[][] sums = new float[0][];

        private Workspace(MigrationPlan plan) {
            this.kernel = Kernels.create(plan.settings);
            double order = plan.params.weights().rho().order(plan.threeD);
            this.prep = new TracePrep(plan.input.samples(), order, plan.params.antiAlias().enabled());
            this.raw = new float[plan.input.samples()];
            this.prepared = new float[prep.length()];
            this.nkPad = (plan.grid.time().count() + plan.lanes - 1) / plan.lanes * plan.lanes;
        }

        private float[][] sums(int classes, int length) {
            if (sums.length != classes || sums[0].length < length) {
                sums = new float[classes][length];
            } else {
                for (float[] s : sums) {
                    java.util.Arrays.fill(s, 0, length, 0f);
                }
            }
            return sums;
        }
    }

    /// Migrates one tile; null when `stop` said so before the end (checked every 64 traces).
    public TileImage migrate(Tile tile, Workspace ws, BooleanSupplier stop) {
        int nb = tile.traces();
        int nk = grid.time().count();
        int nkPad = ws.nkPad;
        int classes = params.offsetClasses().count();
        float[][] sums = ws.sums(classes, nb * nkPad);
        int[][] fold = new int[classes][nb];
        float[] ox = new float[nb];
        float[] oy = new float[nb];
        Operator[] ops = shared != null ? null : new Operator[nb];
        for (int bi = 0; bi < tile.inlines(); bi++) {
            for (int bj = 0; bj < tile.crosslines(); bj++) {
                int b = bi * tile.crosslines() + bj;
                int il = grid.inline(tile.inline0() + bi);
                int xl = grid.crossline(tile.crossline0() + bj);
                ox[b] = (float) (bins.x(il, xl) - x0);
                oy[b] = (float) (bins.y(il, xl) - y0);
                if (ops != null) {
                    ops[b] = operator(il, xl);
                }
            }
        }
        int[] traces = query(tile);
        long contributions = 0;
        int read = 0;
        for (int n = 0; n < traces.length; n++) {
            if ((n & 63) == 0 && stop.getAsBoolean()) {
                return null;
            }
            int t = traces[n];
            int c = cls[t];
            int i0 = Math.max(tile.inline0(), (int) Math.ceil((mil[t] - apInline - grid.firstInline()) / grid.inlineStep()));
            int i1 = Math.min(tile.inline0() + tile.inlines() - 1, (int) Math.floor((mil[t] + apInline - grid.firstInline()) / grid.inlineStep()));
            int j0 = Math.max(tile.crossline0(), (int) Math.ceil((mxl[t] - apCrossline - grid.firstCrossline()) / grid.crosslineStep()));
            int j1 = Math.min(tile.crossline0() + tile.crosslines() - 1,
                    (int) Math.floor((mxl[t] + apCrossline - grid.firstCrossline()) / grid.crosslineStep()));
            int fi = Math.round((mil[t] - grid.firstInline()) / grid.inlineStep()) - tile.inline0();
            int fj = Math.round((mxl[t] - grid.firstCrossline()) / grid.crosslineStep()) - tile.crossline0();
            if (fi >= 0 && fi < tile.inlines() && fj >= 0 && fj < tile.crosslines()) {
                fold[c][fi * tile.crosslines() + fj]++;
            }
            if (i0 > i1 || j0 > j1) {
                continue;
            }
            input.reader().read(t, ws.raw);
            read++;
            if (dead(ws.raw)) {
                continue; // a dead (all-zero) trace adds nothing but its fold
            }
            ws.prep.prepare(ws.raw, ws.prepared);
            contributions += addTrace(t, tile, i0, i1, j0, j1, ox, oy, ops, sums[c], nkPad, ws);
        }
        return normalise(tile, sums, fold, nk, nkPad, read, contributions);
    }

    /// One input trace's contributions to the output traces of `tile` within its aperture (its
    /// own method, so that it is compiled after a few thousand traces rather than by on-stack
    /// replacement of a tile loop that runs a handful of times); returns the contributions.
    private long addTrace(int t, Tile tile, int i0, int i1, int j0, int j1, float[] ox, float[] oy, Operator[] ops, float[] sum,
                          int nkPad, Workspace ws) {
        int nk = grid.time().count();
        Aperture ap = params.aperture();
        float dmax = (float) ap.maxDistanceMeters();
        float mx = (sx[t] + gx[t]) * 0.5f;
        float my = (sy[t] + gy[t]) * 0.5f;
        long contributions = 0;
        for (int i = i0; i <= i1; i++) {
            int row = (i - tile.inline0()) * tile.crosslines() - tile.crossline0();
            for (int j = j0; j <= j1; j++) {
                int b = row + j;
                float dx = mx - ox[b];
                float dy = my - oy[b];
                float dm = (float) Math.sqrt(dx * dx + dy * dy);
                if (dm > dmax) {
                    continue;
                }
                Operator op = ops == null ? shared : ops[b];
                int kMin = op.firstSample(dm);
                if (kMin >= nk) {
                    continue;
                }
                int kFull = op.firstFullSample(dm);
                float w = (float) ap.distanceWeight(dm);
                ws.kernel.add(ws.prepared, op, sx[t] - ox[b], sy[t] - oy[b], gx[t] - ox[b], gy[t] - oy[b], dm, w, kMin, kFull, sum,
                        b * nkPad);
                contributions += nk - kMin;
            }
        }
        return contributions;
    }

    private static boolean dead(float[] trace) {
        for (float v : trace) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }

    private TileImage normalise(Tile tile, float[][] sums, int[][] fold, int nk, int nkPad, long read, long contributions) {
        int nb = tile.traces();
        int classes = fold.length;
        double cell = (double) grid.inlineStep() * grid.crosslineStep();
        float[][] gathers = new float[classes][nb * nk];
        float[] stack = new float[nb * nk];
        for (int b = 0; b < nb; b++) {
            int total = 0;
            for (int c = 0; c < classes; c++) {
                total += fold[c][b];
                if (fold[c][b] > 0) {
                    float scale = (float) (cell / fold[c][b]);
                    for (int k = 0; k < nk; k++) {
                        gathers[c][b * nk + k] = sums[c][b * nkPad + k] * scale;
                    }
                }
            }
            if (total > 0) {
                float scale = (float) (cell / total);
                for (int c = 0; c < classes; c++) {
                    for (int k = 0; k < nk; k++) {
                        stack[b * nk + k] += sums[c][b * nkPad + k];
                    }
                }
                for (int k = 0; k < nk; k++) {
                    stack[b * nk + k] *= scale;
                }
            }
        }
        return new TileImage(tile, nk, gathers, stack, fold, read, contributions);
    }

    /// Pair and contribution counts of up to `maxTiles` tiles spread over the grid, without
    /// migrating (for [Estimate]): `{traces read, contributions}` summed over the tiles sampled,
    /// and the number of tiles sampled.
    public long[] sampleWork(int maxTiles) {
        int step = Math.max(1, tiles.size() / Math.max(1, maxTiles));
        long reads = 0;
        long contributions = 0;
        int sampled = 0;
        int nk = grid.time().count();
        for (int ti = step / 2; ti < tiles.size(); ti += step) {
            Tile tile = tiles.get(ti);
            sampled++;
            Operator op = shared != null ? shared : operator(grid.inline(tile.inline0()), grid.crossline(tile.crossline0()));
            for (int t : query(tile)) {
                boolean any = false;
                float mx = (sx[t] + gx[t]) * 0.5f;
                float my = (sy[t] + gy[t]) * 0.5f;
                for (int bi = 0; bi < tile.inlines(); bi++) {
                    for (int bj = 0; bj < tile.crosslines(); bj++) {
                        int il = grid.inline(tile.inline0() + bi);
                        int xl = grid.crossline(tile.crossline0() + bj);
                        float dx = mx - (float) (bins.x(il, xl) - x0);
                        float dy = my - (float) (bins.y(il, xl) - y0);
                        float dm = (float) Math.sqrt(dx * dx + dy * dy);
                        if (dm <= params.aperture().maxDistanceMeters()) {
                            int kMin = op.firstSample(dm);
                            if (kMin < nk) {
                                contributions += nk - kMin;
                                any = true;
                            }
                        }
                    }
                }
                if (any) {
                    reads++;
                }
            }
        }
        return new long[] {reads, contributions, sampled};
    }
}

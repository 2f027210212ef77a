package org.seisproc.migration;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.seisproc.dataset.Dataset;
import org.seisproc.dsp.Sampling;
import org.seisproc.dsp.Taper;

/// rms velocity v(T, bin) for the straight-ray traveltimes, m/s, T the output (vertical two-way)
/// time in s. Four kinds, as in a job file's `velocity`:
///
/// - `{"kind": "constant", "v": 2000}`
/// - `{"kind": "linear", "v0": 1800, "k": 600}`: v = v0 + k·T
/// - `{"kind": "table", "functions": [{"cdp": 120, "times": [0, 2], "velocities": [1800, 3000]},
///   {"inline": 3, "crossline": 40, ...}]}`: time–velocity pairs at control bins (a CDP stands for
///   the bin its traces fall in), linear in time; between control bins weighted by inverse squared
///   distance (one control bin: the same everywhere)
/// - `{"kind": "dataset", "path": "vrms.ds"}`: a velocity dataset with a trace per bin (inline and
///   crossline headers), samples in m/s on its own time axis
///
/// Implementations are immutable and thread-safe.
public sealed interface VelocityModel {
    /// The velocities at bin (`inline`, `crossline`) for every sample of `time` into `out`.
    void at(int inline, int crossline, Sampling time, float[] out);

    /// True when v does not depend on the bin (one function serves every output trace).
    boolean laterallyInvariant();

    /// Every reason this model does not cover `grid` (empty when it does).
    List<String> coverageProblems(OutputGrid grid);

    /// v(T) = v.
    record Constant(double v) implements VelocityModel {
        public Constant {
            if (!(v > 0)) {
                throw new IllegalArgumentException("velocity must be positive (m/s), not " + v);
            }
        }

        @Override
        public void at(int inline, int crossline, Sampling time, float[] out) {
            java.util.Arrays.fill(out, 0, time.count(), (float) v);
        }

        @Override
        public boolean laterallyInvariant() {
            return true;
        }

        @Override
        public List<String> coverageProblems(OutputGrid grid) {
            return List.of();
        }
    }

    /// v(T) = v0 + k·T.
    record Linear(double v0, double k) implements VelocityModel {
        @Override
        public void at(int inline, int crossline, Sampling time, float[] out) {
            for (int i = 0; i < time.count(); i++) {
                out[i] = (float) (v0 + k * time.value(i));
            }
        }

        @Override
        public boolean laterallyInvariant() {
            return true;
        }

        @Override
        public List<String> coverageProblems(OutputGrid grid) {
            double lo = Math.min(v0 + k * grid.time().first(), v0 + k * grid.time().last());
            return lo > 0 ? List.of() : List.of("velocity v0 + k*T = " + v0 + " + " + k + "*T is not positive over the output times "
                    + grid.time().first() + ".." + grid.time().last() + " s");
        }
    }

    /// One control function at a bin.
    ///
    /// @param inline    the control bin's inline
    /// @param crossline the control bin's crossline
    /// @param function  v(T), linear between knots
    record ControlPoint(int inline, int crossline, Taper function) {
    }

    /// Control functions at bins, inverse-distance-squared between them; `inlineSpacing` and
    /// `crosslineSpacing` (m) make the distance isotropic.
    record Table(List<ControlPoint> points, double inlineSpacing, double crosslineSpacing) implements VelocityModel {
        public Table {
            if (points.isEmpty()) {
                throw new IllegalArgumentException("a velocity table needs at least one function");
            }
            points = List.copyOf(points);
        }

        @Override
        public void at(int inline, int crossline, Sampling time, float[] out) {
            double[] w = new double[points.size()];
            double sum = 0;
            for (int p = 0; p < w.length; p++) {
                ControlPoint c = points.get(p);
                double di = (inline - c.inline()) * inlineSpacing;
                double dx = (crossline - c.crossline()) * crosslineSpacing;
                double d2 = di * di + dx * dx;
                if (d2 == 0) {
                    java.util.Arrays.fill(w, 0);
                    w[p] = 1;
                    sum = 1;
                    break;
                }
                w[p] = 1 / d2;
                sum += w[p];
            }
            for (int i = 0; i < time.count(); i++) {
                double t = time.value(i);
                double v = 0;
                for (int p = 0; p < w.length; p++) {
                    if (w[p] != 0) {
                        v += w[p] * points.get(p).function().at(t);
                    }
                }
                out[i] = (float) (v / sum);
            }
        }

        @Override
        public boolean laterallyInvariant() {
            return points.size() == 1;
        }

        @Override
        public List<String> coverageProblems(OutputGrid grid) {
            List<String> problems = new ArrayList<>();
            int ilMin = Integer.MAX_VALUE;
            int ilMax = Integer.MIN_VALUE;
            int xlMin = Integer.MAX_VALUE;
            int xlMax = Integer.MIN_VALUE;
            for (ControlPoint c : points) {
                ilMin = Math.min(ilMin, c.inline());
                ilMax = Math.max(ilMax, c.inline());
                xlMin = Math.min(xlMin, c.crossline());
                xlMax = Math.max(xlMax, c.crossline());
                double[] t = c.function().x();
                if (t[0] > grid.time().first() + 1e-9 || t[t.length - 1] < grid.time().last() - 1e-9) {
                    problems.add("the velocity function at inline " + c.inline() + ", crossline " + c.crossline() + " covers "
                            + t[0] + ".." + t[t.length - 1] + " s, the output needs " + grid.time().first() + ".." + grid.time().last() + " s");
                }
            }
            if (ilMin != ilMax && (grid.firstInline() < ilMin || grid.lastInline() > ilMax)) {
                problems.add("the velocity functions cover inlines " + ilMin + ".." + ilMax + ", the output grid needs "
                        + grid.firstInline() + ".." + grid.lastInline());
            }
            if (xlMin != xlMax && (grid.firstCrossline() < xlMin || grid.lastCrossline() > xlMax)) {
                problems.add("the velocity functions cover crosslines " + xlMin + ".." + xlMax + ", the output grid needs "
                        + grid.firstCrossline() + ".." + grid.lastCrossline());
            }
            return problems;
        }
    }

    /// A velocity dataset: one trace per bin (its `iline`/`xline` headers), samples in m/s every
    /// `sampleIntervalMicros` from T = 0. Holds the dataset open (close it with [#close]).
    final class Volume implements VelocityModel, AutoCloseable {
        private final Dataset dataset;
        private final java.util.Map<Long, Integer> traceOfBin = new java.util.HashMap<>();
        private final double dt;

        /// Opens the velocity dataset at `path`.
        public Volume(Path path) {
            this.dataset = Dataset.open(path);
            this.dt = dataset.manifest().sampleIntervalMicros() * 1e-6;
            int[] il = org.seisproc.ensemble.HeaderColumns.intColumn(dataset, "iline");
            int[] xl = org.seisproc.ensemble.HeaderColumns.intColumn(dataset, "xline");
            for (int t = 0; t < il.length; t++) {
                traceOfBin.putIfAbsent(key(il[t], xl[t]), t);
            }
        }

        private static long key(int inline, int crossline) {
            return ((long) inline << 32) ^ (crossline & 0xffffffffL);
        }

        @Override
        public void at(int inline, int crossline, Sampling time, float[] out) {
            Integer t = traceOfBin.get(key(inline, crossline));
            if (t == null) {
                throw new IllegalArgumentException(dataset.dir() + " has no velocity trace at inline " + inline + ", crossline " + crossline);
            }
            int ns = dataset.samplesPerTrace();
            float[] v = new float[ns];
            dataset.readTrace(t, v, 0);
            for (int i = 0; i < time.count(); i++) {
                double s = time.value(i) / dt;
                int i0 = (int) Math.max(0, Math.min(ns - 1, Math.floor(s)));
                int i1 = Math.min(ns - 1, i0 + 1);
                double f = Math.max(0, Math.min(1, s - i0));
                out[i] = (float) (v[i0] + f * (v[i1] - v[i0]));
            }
        }

        @Override
        public boolean laterallyInvariant() {
            return false;
        }

        @Override
        public List<String> coverageProblems(OutputGrid grid) {
            List<String> problems = new ArrayList<>();
            double last = (dataset.samplesPerTrace() - 1) * dt;
            if (last < grid.time().last() - 1e-9) {
                problems.add(dataset.dir() + " covers 0.." + last + " s, the output needs up to " + grid.time().last() + " s");
            }
            int missing = 0;
            String first = null;
            for (int i = 0; i < grid.inlines(); i++) {
                for (int j = 0; j < grid.crosslines(); j++) {
                    if (!traceOfBin.containsKey(key(grid.inline(i), grid.crossline(j)))) {
                        if (missing++ == 0) {
                            first = "inline " + grid.inline(i) + ", crossline " + grid.crossline(j);
                        }
                    }
                }
            }
            if (missing > 0) {
                problems.add(dataset.dir() + " has no velocity trace for " + missing + " output bin(s), the first at " + first);
            } else {
                float[] v = new float[dataset.samplesPerTrace()];
                for (int t : traceOfBin.values()) {
                    dataset.readTrace(t, v, 0);
                    for (float x : v) {
                        if (!(x > 0)) {
                            problems.add(dataset.dir() + ": trace " + t + " has a velocity " + x + " m/s (must be positive)");
                            return problems;
                        }
                    }
                }
            }
            return problems;
        }

        @Override
        public void close() {
            dataset.close();
        }
    }
}

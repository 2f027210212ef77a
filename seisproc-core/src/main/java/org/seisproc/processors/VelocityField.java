package org.seisproc.processors;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.seisproc.dsp.Sampling;
import org.seisproc.dsp.Taper;

/// rms velocity as a function of time, per CDP: time–velocity pairs at control CDPs, linear in
/// time within a function and linear between the two nearest control CDPs (constant beyond the
/// first and last). Job-file form: `[{"cdp": 100, "times": [0, 1, 2], "velocities": [1800, 2400, 3000]}, …]`.
public final class VelocityField {
    private final long[] cdps;
    private final float[][] sampled;

    private VelocityField(long[] cdps, float[][] sampled) {
        this.cdps = cdps;
        this.sampled = sampled;
    }

    /// One time–velocity function; clear errors, naming `times` or `velocities`, for mismatched
    /// lengths, non-increasing times or velocities that are not positive.
    public static Taper function(double[] times, double[] velocities) {
        if (times.length != velocities.length || times.length == 0) {
            throw new IllegalArgumentException("a velocity function needs as many times as velocities (at least one), not "
                    + times.length + " and " + velocities.length);
        }
        for (double v : velocities) {
            if (!(v > 0)) {
                throw new IllegalArgumentException("velocities must be positive (m/s), not " + v);
            }
        }
        for (int i = 1; i < times.length; i++) {
            if (!(times[i] > times[i - 1])) {
                throw new IllegalArgumentException("times must increase strictly (s), not " + times[i - 1] + " then " + times[i]);
            }
        }
        return new Taper(times, velocities);
    }

    /// Parses the job-file form and samples every function on `time`.
    public static VelocityField parse(JsonNode table, Sampling time) {
        if (table == null || !table.isArray() || table.isEmpty()) {
            throw new IllegalArgumentException("velocities must be a list of {cdp, times (s), velocities (m/s)}");
        }
        List<long[]> order = new ArrayList<>();
        List<float[]> functions = new ArrayList<>();
        long previous = Long.MIN_VALUE;
        for (JsonNode f : table) {
            if (!f.path("cdp").isIntegralNumber()) {
                throw new IllegalArgumentException("each velocity function needs a whole-number 'cdp', not " + f);
            }
            long cdp = f.path("cdp").asLong();
            if (cdp <= previous) {
                throw new IllegalArgumentException("velocity functions must be in increasing cdp order (" + cdp + " after " + previous + ")");
            }
            previous = cdp;
            double[] t = doubles(f.path("times"), "times");
            double[] v = doubles(f.path("velocities"), "velocities");
            order.add(new long[] {cdp});
            functions.add(function(t, v).sample(time));
        }
        long[] cdps = new long[order.size()];
        for (int i = 0; i < cdps.length; i++) {
            cdps[i] = order.get(i)[0];
        }
        return new VelocityField(cdps, functions.toArray(new float[0][]));
    }

    private static double[] doubles(JsonNode array, String what) {
        if (!array.isArray()) {
            throw new IllegalArgumentException("'" + what + "' must be a list of numbers");
        }
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            if (!array.get(i).isNumber()) {
                throw new IllegalArgumentException("'" + what + "' must be a list of numbers, not " + array);
            }
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    /// The velocities at `cdp` into `out` (n1 samples).
    public void at(long cdp, float[] out) {
        int n = cdps.length;
        if (cdp <= cdps[0] || n == 1) {
            System.arraycopy(sampled[0], 0, out, 0, out.length);
            return;
        }
        if (cdp >= cdps[n - 1]) {
            System.arraycopy(sampled[n - 1], 0, out, 0, out.length);
            return;
        }
        int hi = 1;
        while (cdps[hi] < cdp) {
            hi++;
        }
        double w = (double) (cdp - cdps[hi - 1]) / (cdps[hi] - cdps[hi - 1]);
        float[] a = sampled[hi - 1];
        float[] b = sampled[hi];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) ((1 - w) * a[i] + w * b[i]);
        }
    }
}

package org.seisproc.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.seisproc.dsp.Sampling;
import org.seisproc.migration.internal.Kernel;
import org.seisproc.migration.internal.Operator;
import org.seisproc.migration.internal.ScalarKernel;
import org.seisproc.migration.internal.TracePrep;
import org.seisproc.migration.internal.VectorKernel;

/// The vector kernel against the scalar one (the plain loop that reads like the formula), on
/// random traces and geometries, for every combination of interpolation, anti-aliasing and
/// weights; and the triangle filter from the integrated trace against a direct triangle sum.
class KernelTest {
    @ParameterizedTest
    @CsvSource({"false,false,false,false,1", "false,true,false,false,1", "true,false,false,false,1", "true,true,true,true,1",
            "false,true,true,false,1", "false,false,false,true,1", "true,false,false,false,3", "true,true,true,false,3",
            "false,false,false,false,3"})
    void vectorAndScalarKernelsAgree(boolean antiAlias, boolean obliquity, boolean spreading, boolean nearest, int step) {
        // step 3: output samples three input samples apart, so that a vector's reads often spread
        // wider than the two-vector window and the vector kernel's fallbacks (gathers, or the scalar
        // loop with anti-aliasing) run
        int nt = 401;
        double dt = 0.004;
        Kernel.Settings s = new Kernel.Settings(nt, 0, dt, antiAlias, 12.5 / dt, 8, obliquity, spreading, true, nearest);
        VectorKernel vector = new VectorKernel(s);
        ScalarKernel scalar = new ScalarKernel(s);
        SplittableRandom random = new SplittableRandom(7);
        Sampling time = new Sampling(333 / step, dt * step, 0);
        float[] v = new float[time.count()];
        for (int k = 0; k < v.length; k++) {
            v[k] = (float) (1800 + 600 * time.value(k));
        }
        Operator op = new Operator(time, v, 60, 0.2, vector.lanes());
        TracePrep prep = new TracePrep(nt, 0.5, antiAlias);
        float[] raw = new float[nt];
        float[] p = new float[prep.length()];
        for (int trial = 0; trial < 50; trial++) {
            for (int i = 0; i < nt; i++) {
                raw[i] = (float) random.nextGaussian();
            }
            prep.prepare(raw, p);
            float sxr = (float) (random.nextDouble() * 2000 - 1000);
            float syr = (float) (random.nextDouble() * 400 - 200);
            float gxr = (float) (random.nextDouble() * 2000 - 1000);
            float gyr = (float) (random.nextDouble() * 400 - 200);
            float dm = (float) Math.hypot((sxr + gxr) / 2, (syr + gyr) / 2);
            int kMin = op.firstSample(dm);
            int kFull = op.firstFullSample(dm);
            float[] a = new float[op.nkPad];
            float[] b = new float[op.nkPad];
            vector.add(p, op, sxr, syr, gxr, gyr, dm, 0.75f, kMin, kFull, a, 0);
            scalar.add(p, op, sxr, syr, gxr, gyr, dm, 0.75f, kMin, kFull, b, 0);
            double scale = 0;
            for (float x : b) {
                scale = Math.max(scale, Math.abs(x));
            }
            for (int k = 0; k < op.nk; k++) {
                assertThat((double) a[k]).as("trial %d sample %d (kMin %d)", trial, k, kMin).isCloseTo(b[k], org.assertj.core.data.Offset.offset(1e-4 * scale + 1e-6));
                if (k < kMin) {
                    assertThat(a[k]).isZero();
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"0", "1", "3", "7"})
    void theIntegratedTraceGivesTheTriangleFilter(int half) {
        int nt = 64;
        float[] raw = new float[nt];
        SplittableRandom random = new SplittableRandom(half);
        for (int i = 0; i < nt; i++) {
            raw[i] = (float) random.nextGaussian();
        }
        TracePrep prep = new TracePrep(nt, 0, true);
        float[] p = new float[prep.length()];
        prep.prepare(raw, p);
        int a = half + 1;
        for (int j = a; j < nt - a; j++) {
            double direct = 0;
            for (int d = -half; d <= half; d++) {
                direct += (a - Math.abs(d)) * raw[j + d];
            }
            direct /= (double) a * a;
            double fromIntegral = (2.0 * p[j + 1] - p[j + 1 - a] - p[j + 1 + a]) / ((double) a * a);
            assertThat(fromIntegral).as("sample %d", j).isCloseTo(direct, org.assertj.core.data.Offset.offset(1e-4));
        }
    }

    @org.junit.jupiter.api.Test
    void theRhoFilterOfOrderOneIsMinusTheTimeDerivative() {
        int nt = 512;
        float[] raw = new float[nt];
        double w = 2 * Math.PI * 20 / nt; // radians per sample, a whole number of periods
        for (int i = 0; i < nt; i++) {
            raw[i] = (float) (Math.sin(w * i) * Math.exp(-Math.pow((i - 256) / 60.0, 2)));
        }
        TracePrep prep = new TracePrep(nt, 1.0, false);
        float[] p = new float[prep.length()];
        prep.prepare(raw, p);
        for (int i = 200; i < 312; i++) {
            double g = Math.exp(-Math.pow((i - 256) / 60.0, 2));
            double derivative = -w * Math.cos(w * i) * g - Math.sin(w * i) * g * (-2 * (i - 256) / 3600.0);
            assertThat((double) p[i + 1]).as("sample %d", i).isCloseTo(derivative, org.assertj.core.data.Offset.offset(0.01 * w));
        }
    }
}

package org.seisproc.migration.internal;

/// The kernel one sample at a time: the reference the vector kernel is tested against, and the
/// fallback when the JVM runs without the `jdk.incubator.vector` module.
public final class ScalarKernel implements Kernel {
    private final Settings s;
    private final float offset;
    private final float invDt;

    public ScalarKernel(Settings settings) {
        this.s = settings;
        this.invDt = (float) (1 / settings.dt());
        this.offset = (float) (1 - settings.t0() / settings.dt());
    }

    @Override
    public int lanes() {
        return 1;
    }

    @Override
    public void add(float[] p, Operator op, float sxr, float syr, float gxr, float gyr, float dm, float weight, int kMin, int kFull,
                    float[] image, int imageOffset) {
        addSamples(p, op, sxr, syr, gxr, gyr, dm, weight, kMin, kFull, op.nk, image, imageOffset);
    }

    /// [#add] for the output samples `from ≤ k < min(to, nk)` only (the vector kernel's fallback
    /// for the vectors it cannot do whole).
    void addSamples(float[] p, Operator op, float sxr, float syr, float gxr, float gyr, float dm, float weight, int from, int kFull,
                    int to, float[] image, int imageOffset) {
        float ds2 = sxr * sxr + syr * syr;
        float dr2 = gxr * gxr + gyr * gyr;
        int nt = s.nt();
        float hi = nt + 1;
        for (int k = from, end = Math.min(to, op.nk); k < end; k++) {
            float w = weight;
            if (k < kFull) {
                w *= Math.max(0f, Math.min(1f, (op.r[k] - dm) * op.iw[k]));
            }
            float ts = (float) Math.sqrt(Math.fma(op.q[k], ds2, op.a[k]));
            float tr = (float) Math.sqrt(Math.fma(op.q[k], dr2, op.a[k]));
            float j = Math.fma(ts + tr, invDt, offset);
            float value;
            if (s.antiAlias()) {
                float its = 1f / Math.max(ts, 1e-6f);
                float itr = 1f / Math.max(tr, 1e-6f);
                float gx = sxr * its + gxr * itr;
                float gy = syr * its + gyr * itr;
                float len = Math.min((float) Math.sqrt(gx * gx + gy * gy) * op.q[k] * (float) s.aaScale(), s.aaMaxHalf()) + 1f;
                float lo = j - len;
                float up = j + len;
                if (!(lo >= 1f && up <= nt)) {
                    continue;
                }
                value = (2 * lerp(p, j) - lerp(p, lo) - lerp(p, up)) / (len * len);
            } else if (s.nearest()) {
                value = p[(int) Math.max(0f, Math.min(hi, j + 0.5f))];
            } else {
                value = lerp(p, Math.max(0f, Math.min(hi, j)));
            }
            if (s.obliquity() || s.spreading()) {
                float cs = op.h[k] / Math.max(ts, 1e-6f);
                float cr = op.h[k] / Math.max(tr, 1e-6f);
                float amp = 1f;
                if (s.obliquity()) {
                    amp *= 0.5f * (cs + cr);
                }
                if (s.spreading()) {
                    amp *= s.threeD() ? cs * cr : (float) Math.sqrt(cs * cr);
                }
                value *= amp;
            }
            image[imageOffset + k] = Math.fma(value, w, image[imageOffset + k]);
        }
    }

    private static float lerp(float[] p, float j) {
        int i = (int) j;
        float f = j - i;
        return Math.fma(f, p[i + 1] - p[i], p[i]);
    }
}

package org.seisproc.migration.internal;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/// The kernel vectorised over output samples with the Java Vector API (the machine's preferred
/// width: 16 floats with AVX-512): traveltimes, weights and the interpolation weights are
/// computed a vector at a time and the input samples fetched with gathers. Same arithmetic as
/// [ScalarKernel] (fused multiply-adds in the same places), so the two agree to rounding.
///
/// Not thread-safe (scratch index buffer): one per worker.
public final class VectorKernel implements Kernel {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int L = F.length();

    private final Settings s;
    private final float offset;
    private final float invDt;
    private final int[] idx = new int[L];
    private final int[] idxLo = new int[L];
    private final int[] idxHi = new int[L];

    public VectorKernel(Settings settings) {
        this.s = settings;
        this.invDt = (float) (1 / settings.dt());
        this.offset = (float) (1 - settings.t0() / settings.dt());
    }

    @Override
    public int lanes() {
        return L;
    }

    @Override
    public void add(float[] p, Operator op, float sxr, float syr, float gxr, float gyr, float dm, float weight, int kMin, int kFull,
                    float[] image, int imageOffset) {
        float ds2 = sxr * sxr + syr * syr;
        float dr2 = gxr * gxr + gyr * gyr;
        FloatVector ds2v = FloatVector.broadcast(F, ds2);
        FloatVector dr2v = FloatVector.broadcast(F, dr2);
        int start = kMin - kMin % L;
        int end = op.nkPad;
        if (start >= op.nk) {
            return;
        }
        int tapered = Math.min(end, Math.max(kFull, start + 1));
        int k = start;
        for (; k < tapered; k += L) {
            FloatVector w = FloatVector.fromArray(F, op.r, k).sub(dm).mul(FloatVector.fromArray(F, op.iw, k))
                    .max(0f).min(1f).mul(weight);
            step(p, op, k, ds2v, dr2v, sxr, syr, gxr, gyr, w, image, imageOffset);
        }
        FloatVector w = FloatVector.broadcast(F, weight);
        for (; k < end; k += L) {
            step(p, op, k, ds2v, dr2v, sxr, syr, gxr, gyr, w, image, imageOffset);
        }
    }

    private void step(float[] p, Operator op, int k, FloatVector ds2, FloatVector dr2, float sxr, float syr, float gxr, float gyr, FloatVector w,
                      float[] image, int imageOffset) {
        FloatVector a = FloatVector.fromArray(F, op.a, k);
        FloatVector q = FloatVector.fromArray(F, op.q, k);
        FloatVector ts = q.fma(ds2, a).sqrt();
        FloatVector tr = q.fma(dr2, a).sqrt();
        FloatVector j = ts.add(tr).fma(invDt, offset);
        FloatVector value;
        if (s.antiAlias()) {
            FloatVector one = FloatVector.broadcast(F, 1f);
            FloatVector its = one.div(ts.max(1e-6f));
            FloatVector itr = one.div(tr.max(1e-6f));
            FloatVector gx = its.mul(sxr).add(itr.mul(gxr));
            FloatVector gy = its.mul(syr).add(itr.mul(gyr));
            FloatVector len = gx.mul(gx).add(gy.mul(gy)).sqrt().mul(q).mul((float) s.aaScale()).min((float) s.aaMaxHalf()).add(1f);
            FloatVector lo = j.sub(len);
            FloatVector up = j.add(len);
            VectorMask<Float> ok = lo.compare(VectorOperators.GE, 1f).and(up.compare(VectorOperators.LE, (float) s.nt()));
            if (!ok.anyTrue()) {
                return;
            }
            float hi = s.nt() + 1;
            FloatVector vj = lerp(p, j.max(0f).min(hi), idx);
            FloatVector vlo = lerp(p, lo.max(0f).min(hi), idxLo);
            FloatVector vup = lerp(p, up.max(0f).min(hi), idxHi);
            value = vj.add(vj).sub(vlo).sub(vup).div(len.mul(len));
            value = FloatVector.zero(F).blend(value, ok);
        } else if (s.nearest()) {
            FloatVector jc = j.add(0.5f).max(0f).min((float) (s.nt() + 1));
            IntVector i = (IntVector) jc.convert(VectorOperators.F2I, 0);
            i.intoArray(idx, 0);
            value = FloatVector.fromArray(F, p, 0, idx, 0);
        } else {
            value = lerp(p, j.max(0f).min((float) (s.nt() + 1)), idx);
        }
        if (s.obliquity() || s.spreading()) {
            FloatVector h = FloatVector.fromArray(F, op.h, k);
            FloatVector cs = h.div(ts.max(1e-6f));
            FloatVector cr = h.div(tr.max(1e-6f));
            FloatVector amp = FloatVector.broadcast(F, 1f);
            if (s.obliquity()) {
                amp = cs.add(cr).mul(0.5f);
            }
            if (s.spreading()) {
                FloatVector c2 = cs.mul(cr);
                amp = amp.mul(s.threeD() ? c2 : c2.sqrt());
            }
            value = value.mul(amp);
        }
        FloatVector img = FloatVector.fromArray(F, image, imageOffset + k);
        value.fma(w, img).intoArray(image, imageOffset + k);
    }

    /// Linear interpolation of `p` at the (clamped, non-negative) fractional indices `j`.
    private static FloatVector lerp(float[] p, FloatVector j, int[] scratch) {
        IntVector i = (IntVector) j.convert(VectorOperators.F2I, 0);
        FloatVector f = j.sub((FloatVector) i.convert(VectorOperators.I2F, 0));
        i.intoArray(scratch, 0);
        FloatVector s0 = FloatVector.fromArray(F, p, 0, scratch, 0);
        FloatVector s1 = FloatVector.fromArray(F, p, 1, scratch, 0);
        return f.fma(s1.sub(s0), s0);
    }
}

package org.seisproc.migration.internal;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/// The kernel vectorised over output samples with the Java Vector API (the machine's preferred
/// width: 16 floats with AVX-512): traveltimes, weights and interpolation weights a vector at a
/// time. Same arithmetic as [ScalarKernel] (fused multiply-adds in the same places), so the two
/// agree to rounding.
///
/// Fetching input samples: the indices a vector of consecutive output samples needs usually lie
/// within 2 × lanes consecutive input samples (the DSR time grows no faster than T), so two
/// contiguous loads and in-register permutes (`selectFrom` over a two-vector table) serve them,
/// ~3× faster than gathers on AVX-512; where they do not (steep or coarsely sampled parts), a
/// gather. Each loop is written out whole in one method: C2 must compile it as one piece, or
/// the vectors would be boxed between calls (measured: 5× slower).
///
/// Not thread-safe (scratch index buffer): one per worker.
public final class VectorKernel implements Kernel {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int L = F.length();
    private static final float SPAN = 2 * L - 2;

    private final Settings s;
    private final float offset;
    private final float invDt;
    private final float hi;
    private final int[] idx = new int[L];
    private final float[] xs = new float[3 * L];
    private final float[] ys = new float[3 * L];

    public VectorKernel(Settings settings) {
        this.s = settings;
        this.invDt = (float) (1 / settings.dt());
        this.offset = (float) (1 - settings.t0() / settings.dt());
        this.hi = settings.nt() + 1;
    }

    @Override
    public int lanes() {
        return L;
    }

    @Override
    public void add(float[] p, Operator op, float sxr, float syr, float gxr, float gyr, float dm, float weight, int kMin, int kFull,
                    float[] image, int imageOffset) {
        int start = kMin - kMin % L;
        if (start >= op.nk) {
            return;
        }
        int tapered = Math.min(op.nkPad, Math.max(kFull, start + 1));
        float ds2 = sxr * sxr + syr * syr;
        float dr2 = gxr * gxr + gyr * gyr;
        boolean amp = s.obliquity() || s.spreading();
        if (s.antiAlias()) {
            antiAliased(p, op, start, tapered, ds2, dr2, sxr, syr, gxr, gyr, dm, weight, amp, image, imageOffset);
        } else if (s.nearest()) {
            nearest(p, op, start, tapered, ds2, dr2, dm, weight, amp, image, imageOffset);
        } else {
            linear(p, op, start, tapered, ds2, dr2, dm, weight, amp, image, imageOffset);
        }
    }

    private void linear(float[] p, Operator op, int start, int tapered, float ds2, float dr2, float dm, float weight, boolean amp,
                        float[] image, int imageOffset) {
        FloatVector d2s = FloatVector.broadcast(F, ds2);
        FloatVector d2r = FloatVector.broadcast(F, dr2);
        FloatVector wConst = FloatVector.broadcast(F, weight);
        for (int k = start; k < op.nkPad; k += L) {
            FloatVector w = k < tapered
                    ? FloatVector.fromArray(F, op.r, k).sub(dm).mul(FloatVector.fromArray(F, op.iw, k)).max(0f).min(1f).mul(weight)
                    : wConst;
            FloatVector a = FloatVector.fromArray(F, op.a, k);
            FloatVector q = FloatVector.fromArray(F, op.q, k);
            FloatVector ts = q.fma(d2s, a).sqrt();
            FloatVector tr = q.fma(d2r, a).sqrt();
            FloatVector j = ts.add(tr).fma(invDt, offset).max(0f).min(hi);
            IntVector i = (IntVector) j.convert(VectorOperators.F2I, 0);
            FloatVector fi = (FloatVector) i.convert(VectorOperators.I2F, 0);
            FloatVector f = j.sub(fi);
            int base = i.lane(0);
            FloatVector rel = fi.sub((float) base);
            FloatVector s0;
            FloatVector s1;
            if (!rel.compare(VectorOperators.LT, 0f).or(rel.compare(VectorOperators.GT, SPAN)).anyTrue()) {
                FloatVector w0 = FloatVector.fromArray(F, p, base);
                FloatVector w1 = FloatVector.fromArray(F, p, base + L);
                s0 = rel.selectFrom(w0, w1);
                s1 = rel.add(1f).selectFrom(w0, w1);
            } else {
                i.intoArray(idx, 0);
                s0 = FloatVector.fromArray(F, p, 0, idx, 0);
                s1 = FloatVector.fromArray(F, p, 1, idx, 0);
            }
            FloatVector value = f.fma(s1.sub(s0), s0);
            if (amp) {
                // obliquity ½(cₛ + cᵣ), spreading cₛ·cᵣ (3D) or √(cₛ·cᵣ) (2D), cₛ = (T/2)/tₛ; written
                // out here, as a call would box the vectors
                FloatVector h = FloatVector.fromArray(F, op.h, k);
                FloatVector cs = h.div(ts.max(1e-6f));
                FloatVector cr = h.div(tr.max(1e-6f));
                if (s.obliquity()) {
                    value = value.mul(cs.add(cr).mul(0.5f));
                }
                if (s.spreading()) {
                    FloatVector c2 = cs.mul(cr);
                    value = value.mul(s.threeD() ? c2 : c2.sqrt());
                }
            }
            value.fma(w, FloatVector.fromArray(F, image, imageOffset + k)).intoArray(image, imageOffset + k);
        }
    }

    private void nearest(float[] p, Operator op, int start, int tapered, float ds2, float dr2, float dm, float weight, boolean amp,
                         float[] image, int imageOffset) {
        FloatVector d2s = FloatVector.broadcast(F, ds2);
        FloatVector d2r = FloatVector.broadcast(F, dr2);
        FloatVector wConst = FloatVector.broadcast(F, weight);
        for (int k = start; k < op.nkPad; k += L) {
            FloatVector w = k < tapered
                    ? FloatVector.fromArray(F, op.r, k).sub(dm).mul(FloatVector.fromArray(F, op.iw, k)).max(0f).min(1f).mul(weight)
                    : wConst;
            FloatVector a = FloatVector.fromArray(F, op.a, k);
            FloatVector q = FloatVector.fromArray(F, op.q, k);
            FloatVector ts = q.fma(d2s, a).sqrt();
            FloatVector tr = q.fma(d2r, a).sqrt();
            FloatVector j = ts.add(tr).fma(invDt, offset).add(0.5f).max(0f).min(hi);
            IntVector i = (IntVector) j.convert(VectorOperators.F2I, 0);
            int base = i.lane(0);
            FloatVector rel = ((FloatVector) i.convert(VectorOperators.I2F, 0)).sub((float) base);
            FloatVector value;
            if (!rel.compare(VectorOperators.LT, 0f).or(rel.compare(VectorOperators.GT, SPAN)).anyTrue()) {
                value = rel.selectFrom(FloatVector.fromArray(F, p, base), FloatVector.fromArray(F, p, base + L));
            } else {
                i.intoArray(idx, 0);
                value = FloatVector.fromArray(F, p, 0, idx, 0);
            }
            if (amp) {
                // obliquity ½(cₛ + cᵣ), spreading cₛ·cᵣ (3D) or √(cₛ·cᵣ) (2D), cₛ = (T/2)/tₛ; written
                // out here, as a call would box the vectors
                FloatVector h = FloatVector.fromArray(F, op.h, k);
                FloatVector cs = h.div(ts.max(1e-6f));
                FloatVector cr = h.div(tr.max(1e-6f));
                if (s.obliquity()) {
                    value = value.mul(cs.add(cr).mul(0.5f));
                }
                if (s.spreading()) {
                    FloatVector c2 = cs.mul(cr);
                    value = value.mul(s.threeD() ? c2 : c2.sqrt());
                }
            }
            value.fma(w, FloatVector.fromArray(F, image, imageOffset + k)).intoArray(image, imageOffset + k);
        }
    }

    private void antiAliased(float[] p, Operator op, int start, int tapered, float ds2, float dr2, float sxr, float syr, float gxr,
                             float gyr, float dm, float weight, boolean amp, float[] image, int imageOffset) {
        FloatVector d2s = FloatVector.broadcast(F, ds2);
        FloatVector d2r = FloatVector.broadcast(F, dr2);
        FloatVector wConst = FloatVector.broadcast(F, weight);
        FloatVector one = FloatVector.broadcast(F, 1f);
        float nt = s.nt();
        float scale = (float) s.aaScale();
        float maxHalf = s.aaMaxHalf();
        for (int k = start; k < op.nkPad; k += L) {
            FloatVector a = FloatVector.fromArray(F, op.a, k);
            FloatVector q = FloatVector.fromArray(F, op.q, k);
            FloatVector ts = q.fma(d2s, a).sqrt();
            FloatVector tr = q.fma(d2r, a).sqrt();
            FloatVector j = ts.add(tr).fma(invDt, offset);
            FloatVector tsc = ts.max(1e-6f);
            FloatVector trc = tr.max(1e-6f);
            FloatVector inv = one.div(tsc.mul(trc)); // one division for both reciprocals
            FloatVector its = trc.mul(inv);
            FloatVector itr = tsc.mul(inv);
            FloatVector gx = its.mul(sxr).add(itr.mul(gxr));
            FloatVector gy = its.mul(syr).add(itr.mul(gyr));
            FloatVector len = gx.fma(gx, gy.mul(gy)).sqrt().mul(q).mul(scale).min(maxHalf).add(1f);
            FloatVector lo = j.sub(len);
            FloatVector up = j.add(len);
            VectorMask<Float> ok = lo.compare(VectorOperators.GE, 1f).and(up.compare(VectorOperators.LE, nt));
            if (!ok.anyTrue()) {
                continue;
            }
            FloatVector w = k < tapered
                    ? FloatVector.fromArray(F, op.r, k).sub(dm).mul(FloatVector.fromArray(F, op.iw, k)).max(0f).min(1f).mul(weight)
                    : wConst;
            // three linear interpolations of the doubly integrated trace, at j, j - len and j + len,
            // written out (a loop over the three was not unrolled by C2 and boxed its vectors)
            FloatVector xc = j.max(0f).min(hi);
            IntVector ic = (IntVector) xc.convert(VectorOperators.F2I, 0);
            FloatVector fic = (FloatVector) ic.convert(VectorOperators.I2F, 0);
            int bc = ic.lane(0);
            FloatVector rc = fic.sub((float) bc);
            FloatVector xl = lo.max(0f).min(hi);
            IntVector il = (IntVector) xl.convert(VectorOperators.F2I, 0);
            FloatVector fil = (FloatVector) il.convert(VectorOperators.I2F, 0);
            int bl = il.lane(0);
            FloatVector rl = fil.sub((float) bl);
            FloatVector xu = up.max(0f).min(hi);
            IntVector iu = (IntVector) xu.convert(VectorOperators.F2I, 0);
            FloatVector fiu = (FloatVector) iu.convert(VectorOperators.I2F, 0);
            int bu = iu.lane(0);
            FloatVector ru = fiu.sub((float) bu);
            FloatVector vc;
            FloatVector vl;
            FloatVector vu;
            if (!rc.compare(VectorOperators.LT, 0f).or(rc.compare(VectorOperators.GT, SPAN))
                    .or(rl.compare(VectorOperators.LT, 0f)).or(rl.compare(VectorOperators.GT, SPAN))
                    .or(ru.compare(VectorOperators.LT, 0f)).or(ru.compare(VectorOperators.GT, SPAN)).anyTrue()) {
                FloatVector w0 = FloatVector.fromArray(F, p, bc);
                FloatVector w1 = FloatVector.fromArray(F, p, bc + L);
                FloatVector c0 = rc.selectFrom(w0, w1);
                FloatVector c1 = rc.add(1f).selectFrom(w0, w1);
                w0 = FloatVector.fromArray(F, p, bl);
                w1 = FloatVector.fromArray(F, p, bl + L);
                FloatVector l0 = rl.selectFrom(w0, w1);
                FloatVector l1 = rl.add(1f).selectFrom(w0, w1);
                w0 = FloatVector.fromArray(F, p, bu);
                w1 = FloatVector.fromArray(F, p, bu + L);
                FloatVector u0 = ru.selectFrom(w0, w1);
                FloatVector u1 = ru.add(1f).selectFrom(w0, w1);
                vc = xc.sub(fic).fma(c1.sub(c0), c0);
                vl = xl.sub(fil).fma(l1.sub(l0), l0);
                vu = xu.sub(fiu).fma(u1.sub(u0), u0);
            } else {
                // the few vectors whose reads spread wider than two vectors (~3 % in bench/migration):
                // scalar, the same arithmetic (fused multiply-add as the vector path); six vector
                // gathers here cost the whole loop ~9 %
                xc.intoArray(xs, 0);
                xl.intoArray(xs, L);
                xu.intoArray(xs, 2 * L);
                for (int m = 0; m < 3 * L; m++) {
                    float x = xs[m];
                    int i = (int) x;
                    ys[m] = Math.fma(x - i, p[i + 1] - p[i], p[i]);
                }
                vc = FloatVector.fromArray(F, ys, 0);
                vl = FloatVector.fromArray(F, ys, L);
                vu = FloatVector.fromArray(F, ys, 2 * L);
            }
            FloatVector sum = vc.add(vc).sub(vl).sub(vu);
            FloatVector value = FloatVector.zero(F).blend(sum.div(len.mul(len)), ok);
            if (amp) {
                // obliquity ½(cₛ + cᵣ), spreading cₛ·cᵣ (3D) or √(cₛ·cᵣ) (2D), cₛ = (T/2)/tₛ; written
                // out here, as a call would box the vectors
                FloatVector h = FloatVector.fromArray(F, op.h, k);
                FloatVector cs = h.div(ts.max(1e-6f));
                FloatVector cr = h.div(tr.max(1e-6f));
                if (s.obliquity()) {
                    value = value.mul(cs.add(cr).mul(0.5f));
                }
                if (s.spreading()) {
                    FloatVector c2 = cs.mul(cr);
                    value = value.mul(s.threeD() ? c2 : c2.sqrt());
                }
            }
            value.fma(w, FloatVector.fromArray(F, image, imageOffset + k)).intoArray(image, imageOffset + k);
        }
    }
}

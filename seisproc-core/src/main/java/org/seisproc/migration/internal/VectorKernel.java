package org.seisproc.migration.internal;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/// The kernel vectorised over output samples with the Java Vector API (the machine's preferred
/// width: 16 floats with AVX-512): traveltimes, weights and interpolation weights a vector at a
/// time. Same formulas as [ScalarKernel], the plain loop it is tested against, so the two agree
/// to rounding; the anti-aliased loop rearranges them to need one division instead of two.
///
/// Fetching input samples: the indices a vector of consecutive output samples needs usually lie
/// within 2 × lanes consecutive input samples (the DSR time grows no faster than T), so two
/// contiguous loads and in-register permutes (`selectFrom` over a two-vector table, indexed by
/// integers: the float samples' bits are picked) serve them, ~3× faster than gathers on AVX-512;
/// where they do not (steep or coarsely sampled parts), a gather (linear, nearest) or, with
/// anti-aliasing, the scalar kernel for that vector after the vector loop. Each loop is written out whole in one method: C2 must compile it as one piece,
/// or the vectors would be boxed between calls (measured: 5× slower).
///
/// Not thread-safe (scratch buffers): one per worker.
public final class VectorKernel implements Kernel {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> I = F.withLanes(int.class);
    private static final int L = F.length();
    private static final int SPAN = 2 * L - 2;

    private final Settings s;
    private final float offset;
    private final float invDt;
    private final float hi;
    private final int[] idx = new int[L];
    private final ScalarKernel scalar;
    private int[] redo = new int[0];

    public VectorKernel(Settings settings) {
        this.s = settings;
        this.invDt = (float) (1 / settings.dt());
        this.offset = (float) (1 - settings.t0() / settings.dt());
        this.hi = settings.nt() + 1;
        this.scalar = new ScalarKernel(settings);
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
            int redone = antiAliased(p, op, start, tapered, ds2, dr2, sxr, syr, gxr, gyr, dm, weight, amp, image, imageOffset);
            // the vectors the vector loop left (reads too wide for its window), sample by sample;
            // here, not in that loop's method, which C2 must compile whole and small
            for (int r = 0; r < redone; r++) {
                int k = redo[r];
                scalar.addSamples(p, op, sxr, syr, gxr, gyr, dm, weight, Math.max(k, kMin), kFull, k + L, image, imageOffset);
            }
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
            FloatVector f = j.sub((FloatVector) i.convert(VectorOperators.I2F, 0));
            int base = i.lane(0);
            IntVector rel = i.sub(base);
            FloatVector s0;
            FloatVector s1;
            if (!rel.compare(VectorOperators.UGT, SPAN).anyTrue()) {
                IntVector w0 = FloatVector.fromArray(F, p, base).reinterpretAsInts();
                IntVector w1 = FloatVector.fromArray(F, p, base + L).reinterpretAsInts();
                s0 = rel.selectFrom(w0, w1).reinterpretAsFloats();
                s1 = rel.add(1).selectFrom(w0, w1).reinterpretAsFloats();
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
            IntVector rel = i.sub(base);
            FloatVector value;
            if (!rel.compare(VectorOperators.UGT, SPAN).anyTrue()) {
                value = rel.selectFrom(FloatVector.fromArray(F, p, base).reinterpretAsInts(),
                        FloatVector.fromArray(F, p, base + L).reinterpretAsInts()).reinterpretAsFloats();
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

    /// The anti-aliased vector loop; returns how many vectors it left in `redo` for the scalar loop.
    private int antiAliased(float[] p, Operator op, int start, int tapered, float ds2, float dr2, float sxr,
                             float syr, float gxr, float gyr, float dm, float weight, boolean amp, float[] image, int imageOffset) {
        FloatVector d2s = FloatVector.broadcast(F, ds2);
        FloatVector d2r = FloatVector.broadcast(F, dr2);
        FloatVector wConst = FloatVector.broadcast(F, weight);
        FloatVector one = FloatVector.broadcast(F, 1f);
        float nt = s.nt();
        float scale = (float) s.aaScale();
        float maxHalf = s.aaMaxHalf();
        int limit = (int) hi; // the last index a window may start at, as the clamp of the other loops
        if (redo.length < op.nkPad / L) {
            redo = new int[op.nkPad / L];
        }
        int redone = 0;
        for (int k = start; k < op.nkPad; k += L) {
            FloatVector a = FloatVector.fromArray(F, op.a, k);
            FloatVector q = FloatVector.fromArray(F, op.q, k);
            FloatVector ts = q.fma(d2s, a).sqrt();
            FloatVector tr = q.fma(d2r, a).sqrt();
            FloatVector j = ts.add(tr).fma(invDt, offset);
            FloatVector tsc = ts.max(1e-6f);
            FloatVector trc = tr.max(1e-6f);
            // the half-length len = min(|∇t|·q·scale, maxHalf) + 1 and 1/len with one division: with
            // D = tₛ·tᵣ and N = |∇t|·q·scale·D (∇t·D needs no division), unclamped len = (N + D)/D
            // and 1/len = D/(N + D), both from 1/(D·(N + D))
            FloatVector d = tsc.mul(trc);
            FloatVector gx = trc.mul(sxr).add(tsc.mul(gxr));
            FloatVector gy = trc.mul(syr).add(tsc.mul(gyr));
            FloatVector n = gx.fma(gx, gy.mul(gy)).sqrt().mul(q).mul(scale);
            FloatVector nd = n.add(d);
            FloatVector inv = one.div(d.mul(nd));
            VectorMask<Float> clamped = n.compare(VectorOperators.GT, d.mul(maxHalf));
            FloatVector len = nd.mul(nd).mul(inv).blend(maxHalf + 1f, clamped);
            FloatVector rlen = d.mul(d).mul(inv).blend(1f / (maxHalf + 1f), clamped);
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
            // no clamping: a lane that is not ok may hold any index (even NaN's), as its value is
            // blended away; the window's first sample comes from lane 0, clamped into the trace
            IntVector ic = (IntVector) j.convert(VectorOperators.F2I, 0);
            int bc = Math.max(0, Math.min(ic.lane(0), limit));
            IntVector rc = ic.sub(bc);
            IntVector il = (IntVector) lo.convert(VectorOperators.F2I, 0);
            int bl = Math.max(0, Math.min(il.lane(0), limit));
            IntVector rl = il.sub(bl);
            IntVector iu = (IntVector) up.convert(VectorOperators.F2I, 0);
            int bu = Math.max(0, Math.min(iu.lane(0), limit));
            IntVector ru = iu.sub(bu);
            // an ok lane outside its window [0, SPAN]: one unsigned compare also catches a negative index
            if (rc.compare(VectorOperators.UGT, SPAN).or(rl.compare(VectorOperators.UGT, SPAN))
                    .or(ru.compare(VectorOperators.UGT, SPAN)).and(ok.cast(I)).anyTrue()) {
                // the few vectors whose reads spread wider than two vectors (~3 % in bench/migration)
                // are done one sample at a time after this loop: a scalar path inside it costs the
                // whole loop ~30 % (C2 keeps fewer vectors in registers), six gathers ~9 %
                redo[redone++] = k;
                continue;
            }
            // the samples picked from the two-vector window by integer index (the bits of the
            // floats; an index vector of floats would be converted at each pick)
            IntVector w0 = FloatVector.fromArray(F, p, bc).reinterpretAsInts();
            IntVector w1 = FloatVector.fromArray(F, p, bc + L).reinterpretAsInts();
            FloatVector c0 = rc.selectFrom(w0, w1).reinterpretAsFloats();
            FloatVector c1 = rc.add(1).selectFrom(w0, w1).reinterpretAsFloats();
            w0 = FloatVector.fromArray(F, p, bl).reinterpretAsInts();
            w1 = FloatVector.fromArray(F, p, bl + L).reinterpretAsInts();
            FloatVector l0 = rl.selectFrom(w0, w1).reinterpretAsFloats();
            FloatVector l1 = rl.add(1).selectFrom(w0, w1).reinterpretAsFloats();
            w0 = FloatVector.fromArray(F, p, bu).reinterpretAsInts();
            w1 = FloatVector.fromArray(F, p, bu + L).reinterpretAsInts();
            FloatVector u0 = ru.selectFrom(w0, w1).reinterpretAsFloats();
            FloatVector u1 = ru.add(1).selectFrom(w0, w1).reinterpretAsFloats();
            FloatVector vc = j.sub((FloatVector) ic.convert(VectorOperators.I2F, 0)).fma(c1.sub(c0), c0);
            FloatVector vl = lo.sub((FloatVector) il.convert(VectorOperators.I2F, 0)).fma(l1.sub(l0), l0);
            FloatVector vu = up.sub((FloatVector) iu.convert(VectorOperators.I2F, 0)).fma(u1.sub(u0), u0);
            FloatVector sum = vc.add(vc).sub(vl).sub(vu);
            FloatVector value = FloatVector.zero(F).blend(sum.mul(rlen.mul(rlen)), ok);
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
        return redone;
    }
}

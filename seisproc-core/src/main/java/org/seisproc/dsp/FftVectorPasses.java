package org.seisproc.dsp;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/// [FftPasses] with the Java Vector API, for 16-lane float vectors (AVX-512): the radix-2 and
/// radix-4 passes with q ≥ 16 a vector of 16 consecutive j at a time, and the last four radix-2
/// levels (blocks of 16 points) inside registers, one block per vector: a level of half-size h
/// pairs lane i with lane i ^ h (a permute), forms x_partner ± x and multiplies the upper lanes
/// by their twiddle (1 in the lower lanes). Also the even/odd split of the real input and its
/// inverse. Used by [RealFft] only when the JVM has `jdk.incubator.vector` and 16 lanes.
final class FftVectorPasses {
    static final VectorSpecies<Float> F = FloatVector.SPECIES_512;
    static final int L = 16;
    private static final VectorShuffle<Float> SWAP1 = VectorShuffle.fromOp(F, i -> i ^ 1);
    private static final VectorShuffle<Float> SWAP2 = VectorShuffle.fromOp(F, i -> i ^ 2);
    private static final VectorShuffle<Float> SWAP4 = VectorShuffle.fromOp(F, i -> i ^ 4);
    private static final VectorShuffle<Float> SWAP8 = VectorShuffle.fromOp(F, i -> i ^ 8);
    /// Per level h = 8, 4, 2, 1 (in that order, 16 floats each): sign (+1 lower lanes, −1 upper),
    /// Re and Im of the twiddle (1 in lower lanes, e^{−2πi(i mod h)/(2h)} in upper lanes).
    private static final float[] SIGN = new float[4 * L];
    private static final float[] WRE = new float[4 * L];
    private static final float[] WIM = new float[4 * L];
    /// Lane indices into a two-vector table: evens 0, 2, … 30; odds 1, 3, … 31; interleaves 0, 16, 1, 17, …
    private static final FloatVector EVEN = FloatVector.fromArray(F, ramp(0, 2), 0);
    private static final FloatVector ODD = FloatVector.fromArray(F, ramp(1, 2), 0);
    private static final FloatVector LO = FloatVector.fromArray(F, zip(0), 0);
    private static final FloatVector HI = FloatVector.fromArray(F, zip(L / 2), 0);
    private static final VectorShuffle<Float> REVERSE = VectorShuffle.fromOp(F, i -> L - 1 - i);

    static {
        int s = 0;
        for (int h = 8; h >= 1; h /= 2, s++) {
            for (int i = 0; i < L; i++) {
                boolean upper = (i & h) != 0;
                double a = upper ? -2 * Math.PI * (i % h) / (2 * h) : 0;
                SIGN[s * L + i] = upper ? -1 : 1;
                WRE[s * L + i] = (float) Math.cos(a);
                WIM[s * L + i] = (float) Math.sin(a);
            }
        }
    }

    private FftVectorPasses() {
    }

    private static float[] ramp(int first, int step) {
        float[] r = new float[L];
        for (int i = 0; i < L; i++) {
            r[i] = first + step * i;
        }
        return r;
    }

    private static float[] zip(int from) {
        float[] r = new float[L];
        for (int i = 0; i < L; i++) {
            r[i] = (i % 2 == 0 ? 0 : L) + from + i / 2;
        }
        return r;
    }

    /// re[j] = a[2j], im[j] = a[2j+1] for j < m (m a multiple of 16).
    static void split(float[] a, float[] re, float[] im, int m) {
        for (int j = 0; j < m; j += L) {
            FloatVector v0 = FloatVector.fromArray(F, a, 2 * j);
            FloatVector v1 = FloatVector.fromArray(F, a, 2 * j + L);
            EVEN.selectFrom(v0, v1).intoArray(re, j);
            ODD.selectFrom(v0, v1).intoArray(im, j);
        }
    }

    /// a[2j] = re[j], a[2j+1] = im[j] for j < m (m a multiple of 16).
    static void merge(float[] re, float[] im, float[] a, int m) {
        for (int j = 0; j < m; j += L) {
            FloatVector r = FloatVector.fromArray(F, re, j);
            FloatVector i = FloatVector.fromArray(F, im, j);
            LO.selectFrom(r, i).intoArray(a, 2 * j);
            HI.selectFrom(r, i).intoArray(a, 2 * j + L);
        }
    }

    /// As [#split] from `x[offset ..)`, as many whole vectors as lie within `count` samples;
    /// returns the number of complex points done (a multiple of 16).
    static int splitFrom(float[] x, int offset, int count, float[] re, float[] im) {
        int j = 0;
        for (; 2 * j + 2 * L <= count; j += L) {
            FloatVector v0 = FloatVector.fromArray(F, x, offset + 2 * j);
            FloatVector v1 = FloatVector.fromArray(F, x, offset + 2 * j + L);
            EVEN.selectFrom(v0, v1).intoArray(re, j);
            ODD.selectFrom(v0, v1).intoArray(im, j);
        }
        return j;
    }

    /// As [#merge] into `x[offset ..)`, as many whole vectors as lie within `count` samples;
    /// returns the number of complex points done.
    static int mergeInto(float[] re, float[] im, float[] x, int offset, int count) {
        int j = 0;
        for (; 2 * j + 2 * L <= count; j += L) {
            FloatVector r = FloatVector.fromArray(F, re, j);
            FloatVector i = FloatVector.fromArray(F, im, j);
            LO.selectFrom(r, i).intoArray(x, offset + 2 * j);
            HI.selectFrom(r, i).intoArray(x, offset + 2 * j + L);
        }
        return j;
    }

    /// [#forward2] over the whole array (one block, h = m/2) when only the first `nz` ≤ h points
    /// can be non-zero (the rest zero already): the sums are the points themselves, the
    /// differences the points times the twiddles.
    static void forward2Pruned(float[] re, float[] im, int h, int nz, float[] tw, int t) {
        for (int j = 0; j < nz; j += L) {
            FloatVector ar = FloatVector.fromArray(F, re, j);
            FloatVector ai = FloatVector.fromArray(F, im, j);
            FloatVector wr = FloatVector.fromArray(F, tw, t + j);
            FloatVector wi = FloatVector.fromArray(F, tw, t + h + j);
            ar.mul(wr).sub(ai.mul(wi)).intoArray(re, h + j);
            ar.fma(wi, ai.mul(wr)).intoArray(im, h + j);
        }
    }

    /// [#inverse2] over the whole array (h = m/2) computing only the points j < `nz` ≤ h.
    static void inverse2Pruned(float[] re, float[] im, int h, int nz, float[] tw, int t) {
        for (int j = 0; j < nz; j += L) {
            FloatVector ar = FloatVector.fromArray(F, re, j);
            FloatVector ai = FloatVector.fromArray(F, im, j);
            FloatVector br = FloatVector.fromArray(F, re, h + j);
            FloatVector bi = FloatVector.fromArray(F, im, h + j);
            FloatVector wr = FloatVector.fromArray(F, tw, t + j);
            FloatVector wi = FloatVector.fromArray(F, tw, t + h + j);
            ar.add(br.fma(wr, bi.mul(wi))).intoArray(re, j);
            ai.add(bi.mul(wr).sub(br.mul(wi))).intoArray(im, j);
        }
    }

    /// The zero-phase filter of [RealFft#filter] on the bit-reversed spectrum Z, blocks 1 … m/16 − 1
    /// (block 0 is done by the caller): block c pairs with block `partner[c]` read backwards
    /// (see [RealFft.Response]); `hs`, `hd`, `cr`, `ci` are in storage order.
    static void filterBlocks(float[] re, float[] im, int m, int[] partner, float[] hs, float[] hd, float[] cr, float[] ci) {
        for (int c = 1; c < m / L; c++) {
            int d = partner[c];
            if (d < c) {
                continue;
            }
            int at = c * L;
            int to = d * L;
            FloatVector zr = FloatVector.fromArray(F, re, at);
            FloatVector zi = FloatVector.fromArray(F, im, at);
            FloatVector yr = FloatVector.fromArray(F, re, to).rearrange(REVERSE);
            FloatVector yi = FloatVector.fromArray(F, im, to).rearrange(REVERSE);
            FloatVector s = FloatVector.fromArray(F, hs, at);
            FloatVector t = FloatVector.fromArray(F, hd, at);
            FloatVector wr = FloatVector.fromArray(F, cr, at);
            FloatVector wi = FloatVector.fromArray(F, ci, at);
            // 2E and 2O, the halves are in hs and hd
            FloatVector er = zr.add(yr);
            FloatVector ei = zi.sub(yi);
            FloatVector or = zi.add(yi);
            FloatVector oi = yr.sub(zr);
            FloatVector pr = wr.mul(or).sub(wi.mul(oi));   // W·O
            FloatVector pi = wr.fma(oi, wi.mul(or));
            FloatVector qr = wr.fma(er, wi.mul(ei));       // conj(W)·E
            FloatVector qi = wr.mul(ei).sub(wi.mul(er));
            FloatVector fr = s.fma(er, t.mul(pr));         // E' = hs·E + hd·W·O
            FloatVector fi = s.fma(ei, t.mul(pi));
            FloatVector gr = t.fma(qr, s.mul(or));         // O' = hd·conj(W)·E + hs·O
            FloatVector gi = t.fma(qi, s.mul(oi));
            fr.sub(gi).intoArray(re, at);                  // Z'_k = E' + i·O'
            fi.add(gr).intoArray(im, at);
            if (d != c) {
                fr.add(gi).rearrange(REVERSE).intoArray(re, to);   // Z'_{m−k} = conj E' + i·conj O'
                gr.sub(fi).rearrange(REVERSE).intoArray(im, to);
            }
        }
    }

    static void forward2(float[] re, float[] im, int m, int h, float[] tw, int t) {
        for (int b = 0; b < m; b += 2 * h) {
            for (int j = 0; j < h; j += L) {
                int i0 = b + j;
                int i1 = i0 + h;
                FloatVector ar = FloatVector.fromArray(F, re, i0);
                FloatVector ai = FloatVector.fromArray(F, im, i0);
                FloatVector br = FloatVector.fromArray(F, re, i1);
                FloatVector bi = FloatVector.fromArray(F, im, i1);
                FloatVector wr = FloatVector.fromArray(F, tw, t + j);
                FloatVector wi = FloatVector.fromArray(F, tw, t + h + j);
                FloatVector dr = ar.sub(br);
                FloatVector di = ai.sub(bi);
                ar.add(br).intoArray(re, i0);
                ai.add(bi).intoArray(im, i0);
                dr.mul(wr).sub(di.mul(wi)).intoArray(re, i1);
                dr.fma(wi, di.mul(wr)).intoArray(im, i1);
            }
        }
    }

    static void inverse2(float[] re, float[] im, int m, int h, float[] tw, int t) {
        for (int b = 0; b < m; b += 2 * h) {
            for (int j = 0; j < h; j += L) {
                int i0 = b + j;
                int i1 = i0 + h;
                FloatVector ar = FloatVector.fromArray(F, re, i0);
                FloatVector ai = FloatVector.fromArray(F, im, i0);
                FloatVector br = FloatVector.fromArray(F, re, i1);
                FloatVector bi = FloatVector.fromArray(F, im, i1);
                FloatVector wr = FloatVector.fromArray(F, tw, t + j);
                FloatVector wi = FloatVector.fromArray(F, tw, t + h + j);
                FloatVector xr = br.fma(wr, bi.mul(wi));
                FloatVector xi = bi.mul(wr).sub(br.mul(wi));
                ar.add(xr).intoArray(re, i0);
                ai.add(xi).intoArray(im, i0);
                ar.sub(xr).intoArray(re, i1);
                ai.sub(xi).intoArray(im, i1);
            }
        }
    }

    static void forward4(float[] re, float[] im, int m, int q, float[] tw, int t) {
        for (int b = 0; b < m; b += 4 * q) {
            for (int j = 0; j < q; j += L) {
                int i0 = b + j;
                int i1 = i0 + q;
                int i2 = i1 + q;
                int i3 = i2 + q;
                FloatVector a0r = FloatVector.fromArray(F, re, i0);
                FloatVector a0i = FloatVector.fromArray(F, im, i0);
                FloatVector a1r = FloatVector.fromArray(F, re, i1);
                FloatVector a1i = FloatVector.fromArray(F, im, i1);
                FloatVector a2r = FloatVector.fromArray(F, re, i2);
                FloatVector a2i = FloatVector.fromArray(F, im, i2);
                FloatVector a3r = FloatVector.fromArray(F, re, i3);
                FloatVector a3i = FloatVector.fromArray(F, im, i3);
                FloatVector t0r = a0r.add(a2r);
                FloatVector t0i = a0i.add(a2i);
                FloatVector t1r = a1r.add(a3r);
                FloatVector t1i = a1i.add(a3i);
                FloatVector t2r = a0r.sub(a2r);
                FloatVector t2i = a0i.sub(a2i);
                FloatVector t3r = a1r.sub(a3r);
                FloatVector t3i = a1i.sub(a3i);
                t0r.add(t1r).intoArray(re, i0);
                t0i.add(t1i).intoArray(im, i0);
                FloatVector ur = t0r.sub(t1r);
                FloatVector ui = t0i.sub(t1i);
                FloatVector vr = t2r.add(t3i);
                FloatVector vi = t2i.sub(t3r);
                FloatVector xr = t2r.sub(t3i);
                FloatVector xi = t2i.add(t3r);
                FloatVector w1r = FloatVector.fromArray(F, tw, t + j);
                FloatVector w1i = FloatVector.fromArray(F, tw, t + q + j);
                FloatVector w2r = FloatVector.fromArray(F, tw, t + 2 * q + j);
                FloatVector w2i = FloatVector.fromArray(F, tw, t + 3 * q + j);
                FloatVector w3r = FloatVector.fromArray(F, tw, t + 4 * q + j);
                FloatVector w3i = FloatVector.fromArray(F, tw, t + 5 * q + j);
                ur.mul(w2r).sub(ui.mul(w2i)).intoArray(re, i1);
                ur.fma(w2i, ui.mul(w2r)).intoArray(im, i1);
                vr.mul(w1r).sub(vi.mul(w1i)).intoArray(re, i2);
                vr.fma(w1i, vi.mul(w1r)).intoArray(im, i2);
                xr.mul(w3r).sub(xi.mul(w3i)).intoArray(re, i3);
                xr.fma(w3i, xi.mul(w3r)).intoArray(im, i3);
            }
        }
    }

    static void inverse4(float[] re, float[] im, int m, int q, float[] tw, int t) {
        for (int b = 0; b < m; b += 4 * q) {
            for (int j = 0; j < q; j += L) {
                int i0 = b + j;
                int i1 = i0 + q;
                int i2 = i1 + q;
                int i3 = i2 + q;
                FloatVector w1r = FloatVector.fromArray(F, tw, t + j);
                FloatVector w1i = FloatVector.fromArray(F, tw, t + q + j);
                FloatVector w2r = FloatVector.fromArray(F, tw, t + 2 * q + j);
                FloatVector w2i = FloatVector.fromArray(F, tw, t + 3 * q + j);
                FloatVector w3r = FloatVector.fromArray(F, tw, t + 4 * q + j);
                FloatVector w3i = FloatVector.fromArray(F, tw, t + 5 * q + j);
                FloatVector d0r = FloatVector.fromArray(F, re, i0);
                FloatVector d0i = FloatVector.fromArray(F, im, i0);
                FloatVector c1r = FloatVector.fromArray(F, re, i1);
                FloatVector c1i = FloatVector.fromArray(F, im, i1);
                FloatVector c2r = FloatVector.fromArray(F, re, i2);
                FloatVector c2i = FloatVector.fromArray(F, im, i2);
                FloatVector c3r = FloatVector.fromArray(F, re, i3);
                FloatVector c3i = FloatVector.fromArray(F, im, i3);
                FloatVector d1r = c1r.fma(w2r, c1i.mul(w2i));
                FloatVector d1i = c1i.mul(w2r).sub(c1r.mul(w2i));
                FloatVector d2r = c2r.fma(w1r, c2i.mul(w1i));
                FloatVector d2i = c2i.mul(w1r).sub(c2r.mul(w1i));
                FloatVector d3r = c3r.fma(w3r, c3i.mul(w3i));
                FloatVector d3i = c3i.mul(w3r).sub(c3r.mul(w3i));
                FloatVector u0r = d0r.add(d1r);
                FloatVector u0i = d0i.add(d1i);
                FloatVector u1r = d0r.sub(d1r);
                FloatVector u1i = d0i.sub(d1i);
                FloatVector u2r = d2r.add(d3r);
                FloatVector u2i = d2i.add(d3i);
                FloatVector u3r = d3i.sub(d2i);
                FloatVector u3i = d2r.sub(d3r);
                u0r.add(u2r).intoArray(re, i0);
                u0i.add(u2i).intoArray(im, i0);
                u0r.sub(u2r).intoArray(re, i2);
                u0i.sub(u2i).intoArray(im, i2);
                u1r.add(u3r).intoArray(re, i1);
                u1i.add(u3i).intoArray(im, i1);
                u1r.sub(u3r).intoArray(re, i3);
                u1i.sub(u3i).intoArray(im, i3);
            }
        }
    }

    /// The last four forward levels (h = 8, 4, 2, 1) on each block of 16 points, in registers.
    static void forward16(float[] re, float[] im, int m) {
        FloatVector s8 = FloatVector.fromArray(F, SIGN, 0);
        FloatVector s4 = FloatVector.fromArray(F, SIGN, L);
        FloatVector s2 = FloatVector.fromArray(F, SIGN, 2 * L);
        FloatVector s1 = FloatVector.fromArray(F, SIGN, 3 * L);
        FloatVector c8 = FloatVector.fromArray(F, WRE, 0);
        FloatVector d8 = FloatVector.fromArray(F, WIM, 0);
        FloatVector c4 = FloatVector.fromArray(F, WRE, L);
        FloatVector d4 = FloatVector.fromArray(F, WIM, L);
        FloatVector c2 = FloatVector.fromArray(F, WRE, 2 * L);
        FloatVector d2 = FloatVector.fromArray(F, WIM, 2 * L);
        for (int b = 0; b < m; b += L) {
            FloatVector xr = FloatVector.fromArray(F, re, b);
            FloatVector xi = FloatVector.fromArray(F, im, b);
            // level h: s = sign·x + x[i ^ h]; x = s·w
            FloatVector sr = xr.fma(s8, xr.rearrange(SWAP8));
            FloatVector si = xi.fma(s8, xi.rearrange(SWAP8));
            xr = sr.mul(c8).sub(si.mul(d8));
            xi = sr.fma(d8, si.mul(c8));
            sr = xr.fma(s4, xr.rearrange(SWAP4));
            si = xi.fma(s4, xi.rearrange(SWAP4));
            xr = sr.mul(c4).sub(si.mul(d4));
            xi = sr.fma(d4, si.mul(c4));
            sr = xr.fma(s2, xr.rearrange(SWAP2));
            si = xi.fma(s2, xi.rearrange(SWAP2));
            xr = sr.mul(c2).sub(si.mul(d2));
            xi = sr.fma(d2, si.mul(c2));
            xr.fma(s1, xr.rearrange(SWAP1)).intoArray(re, b);   // h = 1: all twiddles 1
            xi.fma(s1, xi.rearrange(SWAP1)).intoArray(im, b);
        }
    }

    /// The transpose of [#forward16] with conjugate twiddles (levels h = 1, 2, 4, 8):
    /// u = x·conj(w), x = sign·u + u[i ^ h].
    static void inverse16(float[] re, float[] im, int m) {
        FloatVector s8 = FloatVector.fromArray(F, SIGN, 0);
        FloatVector s4 = FloatVector.fromArray(F, SIGN, L);
        FloatVector s2 = FloatVector.fromArray(F, SIGN, 2 * L);
        FloatVector s1 = FloatVector.fromArray(F, SIGN, 3 * L);
        FloatVector c8 = FloatVector.fromArray(F, WRE, 0);
        FloatVector d8 = FloatVector.fromArray(F, WIM, 0);
        FloatVector c4 = FloatVector.fromArray(F, WRE, L);
        FloatVector d4 = FloatVector.fromArray(F, WIM, L);
        FloatVector c2 = FloatVector.fromArray(F, WRE, 2 * L);
        FloatVector d2 = FloatVector.fromArray(F, WIM, 2 * L);
        for (int b = 0; b < m; b += L) {
            FloatVector xr = FloatVector.fromArray(F, re, b);
            FloatVector xi = FloatVector.fromArray(F, im, b);
            FloatVector ur = xr.fma(s1, xr.rearrange(SWAP1));
            FloatVector ui = xi.fma(s1, xi.rearrange(SWAP1));
            xr = ur.fma(c2, ui.mul(d2));
            xi = ui.mul(c2).sub(ur.mul(d2));
            ur = xr.fma(s2, xr.rearrange(SWAP2));
            ui = xi.fma(s2, xi.rearrange(SWAP2));
            xr = ur.fma(c4, ui.mul(d4));
            xi = ui.mul(c4).sub(ur.mul(d4));
            ur = xr.fma(s4, xr.rearrange(SWAP4));
            ui = xi.fma(s4, xi.rearrange(SWAP4));
            xr = ur.fma(c8, ui.mul(d8));
            xi = ui.mul(c8).sub(ur.mul(d8));
            xr.fma(s8, xr.rearrange(SWAP8)).intoArray(re, b);
            xi.fma(s8, xi.rearrange(SWAP8)).intoArray(im, b);
        }
    }
}

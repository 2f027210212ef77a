package org.seisproc.dsp;

/// The butterfly passes of [RealFft]'s complex FFT, scalar, on split arrays (`re`, `im`) of
/// m = 2^p points. Forward passes are decimation in frequency (natural order in, bit-reversed
/// out); inverse passes are their transposes, decimation in time (bit-reversed in, natural out),
/// unscaled. A radix-4 pass over blocks of 4q points uses the twiddle table `tw[t .. t + 6q)`:
/// Re W^j, Im W^j, Re W^2j, Im W^2j, Re W^3j, Im W^3j for j < q, W = e^{−2πi/(4q)}; a radix-2
/// pass over blocks of 2h points uses Re, Im of e^{−2πij/(2h)} at `tw[t .. t + 2h)`.
///
/// Radix-4 decimation in frequency, with t0 = a0 + a2, t1 = a1 + a3, t2 = a0 − a2,
/// t3 = a1 − a3 (a_r the point at j + rq of a block):
/// c0 = t0 + t1, c1 = (t0 − t1)·W^2j, c2 = (t2 − i·t3)·W^j, c3 = (t2 + i·t3)·W^3j, stored at
/// j, j + q, j + 2q, j + 3q: the same result as two radix-2 passes, so the order stays
/// bit-reversed (Van Loan 1992, "Computational Frameworks for the Fast Fourier Transform", §1.9, §2.3).
final class FftPasses {
    /// Radix-4 passes with q below this run j outer, blocks inner (twiddles hoisted).
    private static final int SHORT = 32;

    private FftPasses() {
    }

    static void forward2(float[] re, float[] im, int m, int h, float[] tw, int t) {
        for (int b = 0; b < m; b += 2 * h) {
            for (int j = 0; j < h; j++) {
                int i0 = b + j;
                int i1 = i0 + h;
                float ar = re[i0];
                float ai = im[i0];
                float br = re[i1];
                float bi = im[i1];
                float dr = ar - br;
                float di = ai - bi;
                float wr = tw[t + j];
                float wi = tw[t + h + j];
                re[i0] = ar + br;
                im[i0] = ai + bi;
                re[i1] = dr * wr - di * wi;
                im[i1] = dr * wi + di * wr;
            }
        }
    }

    /// [#forward2] over the whole array (h = m/2) when only the first `nz` ≤ h points can be
    /// non-zero (the rest zero already): sums are the points, differences the points × twiddles.
    static void forward2Pruned(float[] re, float[] im, int h, int nz, float[] tw, int t) {
        for (int j = 0; j < nz; j++) {
            float ar = re[j];
            float ai = im[j];
            float wr = tw[t + j];
            float wi = tw[t + h + j];
            re[h + j] = ar * wr - ai * wi;
            im[h + j] = ar * wi + ai * wr;
        }
    }

    /// [#inverse2] over the whole array (h = m/2) computing only the points j < `nz` ≤ h.
    static void inverse2Pruned(float[] re, float[] im, int h, int nz, float[] tw, int t) {
        for (int j = 0; j < nz; j++) {
            float br = re[h + j];
            float bi = im[h + j];
            float wr = tw[t + j];
            float wi = tw[t + h + j];
            re[j] += br * wr + bi * wi;
            im[j] += bi * wr - br * wi;
        }
    }

    static void inverse2(float[] re, float[] im, int m, int h, float[] tw, int t) {
        for (int b = 0; b < m; b += 2 * h) {
            for (int j = 0; j < h; j++) {
                int i0 = b + j;
                int i1 = i0 + h;
                float ar = re[i0];
                float ai = im[i0];
                float br = re[i1];
                float bi = im[i1];
                float wr = tw[t + j];
                float wi = tw[t + h + j];
                float xr = br * wr + bi * wi;   // b · conj(w)
                float xi = bi * wr - br * wi;
                re[i0] = ar + xr;
                im[i0] = ai + xi;
                re[i1] = ar - xr;
                im[i1] = ai - xi;
            }
        }
    }

    static void forward4(float[] re, float[] im, int m, int q, float[] tw, int t) {
        if (q == 1) {
            forward4Last(re, im, m);
            return;
        }
        if (q < SHORT) {
            forward4Short(re, im, m, q, tw, t);
            return;
        }
        for (int b = 0; b < m; b += 4 * q) {
            for (int j = 0; j < q; j++) {
                int i0 = b + j;
                int i1 = i0 + q;
                int i2 = i1 + q;
                int i3 = i2 + q;
                float a0r = re[i0];
                float a0i = im[i0];
                float a1r = re[i1];
                float a1i = im[i1];
                float a2r = re[i2];
                float a2i = im[i2];
                float a3r = re[i3];
                float a3i = im[i3];
                float t0r = a0r + a2r;
                float t0i = a0i + a2i;
                float t1r = a1r + a3r;
                float t1i = a1i + a3i;
                float t2r = a0r - a2r;
                float t2i = a0i - a2i;
                float t3r = a1r - a3r;
                float t3i = a1i - a3i;
                re[i0] = t0r + t1r;
                im[i0] = t0i + t1i;
                float ur = t0r - t1r;
                float ui = t0i - t1i;
                float vr = t2r + t3i;   // t2 − i·t3
                float vi = t2i - t3r;
                float xr = t2r - t3i;   // t2 + i·t3
                float xi = t2i + t3r;
                float w1r = tw[t + j];
                float w1i = tw[t + q + j];
                float w2r = tw[t + 2 * q + j];
                float w2i = tw[t + 3 * q + j];
                float w3r = tw[t + 4 * q + j];
                float w3i = tw[t + 5 * q + j];
                re[i1] = ur * w2r - ui * w2i;
                im[i1] = ur * w2i + ui * w2r;
                re[i2] = vr * w1r - vi * w1i;
                im[i2] = vr * w1i + vi * w1r;
                re[i3] = xr * w3r - xi * w3i;
                im[i3] = xr * w3i + xi * w3r;
            }
        }
    }

    /// [#forward4] for short blocks: j outer, so each twiddle is loaded once for all blocks.
    private static void forward4Short(float[] re, float[] im, int m, int q, float[] tw, int t) {
        for (int j = 0; j < q; j++) {
            float w1r = tw[t + j];
            float w1i = tw[t + q + j];
            float w2r = tw[t + 2 * q + j];
            float w2i = tw[t + 3 * q + j];
            float w3r = tw[t + 4 * q + j];
            float w3i = tw[t + 5 * q + j];
            for (int i0 = j; i0 < m; i0 += 4 * q) {
                int i1 = i0 + q;
                int i2 = i1 + q;
                int i3 = i2 + q;
                float a0r = re[i0];
                float a0i = im[i0];
                float a1r = re[i1];
                float a1i = im[i1];
                float a2r = re[i2];
                float a2i = im[i2];
                float a3r = re[i3];
                float a3i = im[i3];
                float t0r = a0r + a2r;
                float t0i = a0i + a2i;
                float t1r = a1r + a3r;
                float t1i = a1i + a3i;
                float t2r = a0r - a2r;
                float t2i = a0i - a2i;
                float t3r = a1r - a3r;
                float t3i = a1i - a3i;
                re[i0] = t0r + t1r;
                im[i0] = t0i + t1i;
                float ur = t0r - t1r;
                float ui = t0i - t1i;
                float vr = t2r + t3i;
                float vi = t2i - t3r;
                float xr = t2r - t3i;
                float xi = t2i + t3r;
                re[i1] = ur * w2r - ui * w2i;
                im[i1] = ur * w2i + ui * w2r;
                re[i2] = vr * w1r - vi * w1i;
                im[i2] = vr * w1i + vi * w1r;
                re[i3] = xr * w3r - xi * w3i;
                im[i3] = xr * w3i + xi * w3r;
            }
        }
    }

    /// The last radix-4 pass (q = 1): 4-point DFTs, no twiddles.
    private static void forward4Last(float[] re, float[] im, int m) {
        for (int b = 0; b < m; b += 4) {
            float a0r = re[b];
            float a0i = im[b];
            float a1r = re[b + 1];
            float a1i = im[b + 1];
            float a2r = re[b + 2];
            float a2i = im[b + 2];
            float a3r = re[b + 3];
            float a3i = im[b + 3];
            float t0r = a0r + a2r;
            float t0i = a0i + a2i;
            float t1r = a1r + a3r;
            float t1i = a1i + a3i;
            float t2r = a0r - a2r;
            float t2i = a0i - a2i;
            float t3r = a1r - a3r;
            float t3i = a1i - a3i;
            re[b] = t0r + t1r;
            im[b] = t0i + t1i;
            re[b + 1] = t0r - t1r;
            im[b + 1] = t0i - t1i;
            re[b + 2] = t2r + t3i;
            im[b + 2] = t2i - t3r;
            re[b + 3] = t2r - t3i;
            im[b + 3] = t2i + t3r;
        }
    }

    /// The transpose of [#forward4] with conjugate twiddles: d_r = c_r·conj(W^…),
    /// u0 = d0 + d1, u1 = d0 − d1, u2 = d2 + d3, u3 = i·(d2 − d3); a0 = u0 + u2, a2 = u0 − u2,
    /// a1 = u1 + u3, a3 = u1 − u3 (4× the inverse of the forward pass).
    static void inverse4(float[] re, float[] im, int m, int q, float[] tw, int t) {
        if (q == 1) {
            inverse4First(re, im, m);
            return;
        }
        if (q < SHORT) {
            inverse4Short(re, im, m, q, tw, t);
            return;
        }
        for (int b = 0; b < m; b += 4 * q) {
            for (int j = 0; j < q; j++) {
                int i0 = b + j;
                int i1 = i0 + q;
                int i2 = i1 + q;
                int i3 = i2 + q;
                float w1r = tw[t + j];
                float w1i = tw[t + q + j];
                float w2r = tw[t + 2 * q + j];
                float w2i = tw[t + 3 * q + j];
                float w3r = tw[t + 4 * q + j];
                float w3i = tw[t + 5 * q + j];
                float d0r = re[i0];
                float d0i = im[i0];
                float c1r = re[i1];
                float c1i = im[i1];
                float c2r = re[i2];
                float c2i = im[i2];
                float c3r = re[i3];
                float c3i = im[i3];
                float d1r = c1r * w2r + c1i * w2i;
                float d1i = c1i * w2r - c1r * w2i;
                float d2r = c2r * w1r + c2i * w1i;
                float d2i = c2i * w1r - c2r * w1i;
                float d3r = c3r * w3r + c3i * w3i;
                float d3i = c3i * w3r - c3r * w3i;
                float u0r = d0r + d1r;
                float u0i = d0i + d1i;
                float u1r = d0r - d1r;
                float u1i = d0i - d1i;
                float u2r = d2r + d3r;
                float u2i = d2i + d3i;
                float u3r = d3i - d2i;   // i·(d2 − d3)
                float u3i = d2r - d3r;
                re[i0] = u0r + u2r;
                im[i0] = u0i + u2i;
                re[i2] = u0r - u2r;
                im[i2] = u0i - u2i;
                re[i1] = u1r + u3r;
                im[i1] = u1i + u3i;
                re[i3] = u1r - u3r;
                im[i3] = u1i - u3i;
            }
        }
    }

    /// [#inverse4] for short blocks, j outer.
    private static void inverse4Short(float[] re, float[] im, int m, int q, float[] tw, int t) {
        for (int j = 0; j < q; j++) {
            float w1r = tw[t + j];
            float w1i = tw[t + q + j];
            float w2r = tw[t + 2 * q + j];
            float w2i = tw[t + 3 * q + j];
            float w3r = tw[t + 4 * q + j];
            float w3i = tw[t + 5 * q + j];
            for (int i0 = j; i0 < m; i0 += 4 * q) {
                int i1 = i0 + q;
                int i2 = i1 + q;
                int i3 = i2 + q;
                float d0r = re[i0];
                float d0i = im[i0];
                float c1r = re[i1];
                float c1i = im[i1];
                float c2r = re[i2];
                float c2i = im[i2];
                float c3r = re[i3];
                float c3i = im[i3];
                float d1r = c1r * w2r + c1i * w2i;
                float d1i = c1i * w2r - c1r * w2i;
                float d2r = c2r * w1r + c2i * w1i;
                float d2i = c2i * w1r - c2r * w1i;
                float d3r = c3r * w3r + c3i * w3i;
                float d3i = c3i * w3r - c3r * w3i;
                float u0r = d0r + d1r;
                float u0i = d0i + d1i;
                float u1r = d0r - d1r;
                float u1i = d0i - d1i;
                float u2r = d2r + d3r;
                float u2i = d2i + d3i;
                float u3r = d3i - d2i;
                float u3i = d2r - d3r;
                re[i0] = u0r + u2r;
                im[i0] = u0i + u2i;
                re[i2] = u0r - u2r;
                im[i2] = u0i - u2i;
                re[i1] = u1r + u3r;
                im[i1] = u1i + u3i;
                re[i3] = u1r - u3r;
                im[i3] = u1i - u3i;
            }
        }
    }

    private static void inverse4First(float[] re, float[] im, int m) {
        for (int b = 0; b < m; b += 4) {
            float d0r = re[b];
            float d0i = im[b];
            float d1r = re[b + 1];
            float d1i = im[b + 1];
            float d2r = re[b + 2];
            float d2i = im[b + 2];
            float d3r = re[b + 3];
            float d3i = im[b + 3];
            float u0r = d0r + d1r;
            float u0i = d0i + d1i;
            float u1r = d0r - d1r;
            float u1i = d0i - d1i;
            float u2r = d2r + d3r;
            float u2i = d2i + d3i;
            float u3r = d3i - d2i;
            float u3i = d2r - d3r;
            re[b] = u0r + u2r;
            im[b] = u0i + u2i;
            re[b + 2] = u0r - u2r;
            im[b + 2] = u0i - u2i;
            re[b + 1] = u1r + u3r;
            im[b + 1] = u1i + u3i;
            re[b + 3] = u1r - u3r;
            im[b + 3] = u1i - u3i;
        }
    }
}

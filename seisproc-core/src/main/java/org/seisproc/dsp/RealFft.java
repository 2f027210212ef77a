package org.seisproc.dsp;

/// A real FFT of a power-of-two length n ≥ 2, X_k = Σ_j x_j e^{−2πijk/n}, in JTransforms'
/// packed layout so it replaces `FloatFFT_1D.realForward` / `realInverse` one for one:
/// a[0] = X_0, a[1] = X_{n/2} (both real), a[2k] = Re X_k, a[2k+1] = Im X_k for 0 < k < n/2.
///
/// Method: the n real samples are read as m = n/2 complex points z_j = x_{2j} + i·x_{2j+1} held in
/// split arrays (real and imaginary parts apart, so the butterflies run on unit-stride vectors),
/// transformed by a complex radix-4 FFT (one radix-2 pass first when log2 m is odd), decimation
/// in frequency so no bit-reversal pass is needed, then split into the real spectrum:
/// X_k = E_k + W^k·O_k with E_k = (Z_k + conj Z_{m−k})/2, O_k = (Z_k − conj Z_{m−k})/(2i),
/// W = e^{−2πi/n}, reading Z in bit-reversed order. The inverse runs the same steps backwards
/// (decimation in time: bit-reversed in, natural out). Twiddles are computed in double
/// precision once per instance (Press et al. 2007, "Numerical Recipes", 3rd ed., §12.3.2 for
/// the real split; Van Loan 1992 for the radix-4 passes).
///
/// The butterfly passes use the Java Vector API when the JVM has `jdk.incubator.vector`, else
/// plain loops ([FftPasses]); both give the same values to float rounding, not bit for bit (a
/// relative ~1e-7), so outputs are bit-identical only between JVMs that made the same choice
/// (`-Dseisproc.fft.scalar=true` forces the scalar passes).
///
/// An instance holds its twiddles and scratch for one length: not thread-safe, one per worker.
public final class RealFft {
    private final int n;
    private final int m;
    /// Pass sizes in forward order: h of a radix-2 pass (only the first may be one), else q.
    private final int[] size;
    private final boolean[] radix2;
    private final int[] twAt;
    private final float[] tw;
    private final int[] rev;
    /// cos(2πk/n) and −sin(2πk/n) for k ≤ m/2.
    private final float[] wr;
    private final float[] wi;
    private final float[] re;
    private final float[] im;

    /// Whether the JVM can run the vector passes: the `jdk.incubator.vector` module is present
    /// (checked without loading a Vector API class), it has 16 float lanes (AVX-512), and
    /// `-Dseisproc.fft.scalar=true` is not set.
    private static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !Boolean.getBoolean("seisproc.fft.scalar") && Lanes.SIXTEEN;

    private final boolean vector;

    /// A transform of length `n`, a power of two ≥ 2.
    public RealFft(int n) {
        this(n, VECTOR);
    }

    /// As [#RealFft(int)], choosing the passes: `vector` needs [#vectorised()] (tests compare both).
    RealFft(int n, boolean vector) {
        if (n < 2 || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("real FFT length must be a power of two >= 2, not " + n);
        }
        if (vector && !VECTOR) {
            throw new IllegalStateException("the vector FFT passes need the jdk.incubator.vector module and 16 float lanes");
        }
        this.n = n;
        this.m = n / 2;
        int p = Integer.numberOfTrailingZeros(m);
        // with vectors, the last four radix-2 levels (blocks of 16) run in registers
        this.vector = vector && m >= FFT_BLOCK;
        int levels = this.vector ? p - 4 : p;
        int passes = (levels + 1) / 2;
        size = new int[passes];
        radix2 = new boolean[passes];
        twAt = new int[passes];
        int len = 0;
        int block = m;
        for (int s = 0; s < passes; s++) {
            boolean two = s == 0 && levels % 2 == 1;
            radix2[s] = two;
            size[s] = two ? block / 2 : block / 4;
            twAt[s] = len;
            len += two ? block : 6 * (block / 4);
            block = two ? block / 2 : block / 4;
        }
        tw = new float[len];
        block = m;
        for (int s = 0; s < passes; s++) {
            int t = twAt[s];
            int q = size[s];
            if (radix2[s]) {
                for (int j = 0; j < q; j++) {
                    double a = -2 * Math.PI * j / block;
                    tw[t + j] = (float) Math.cos(a);
                    tw[t + q + j] = (float) Math.sin(a);
                }
            } else {
                for (int j = 0; j < q; j++) {
                    for (int r = 1; r <= 3; r++) {
                        double a = -2 * Math.PI * r * j / block;
                        tw[t + 2 * (r - 1) * q + j] = (float) Math.cos(a);
                        tw[t + (2 * r - 1) * q + j] = (float) Math.sin(a);
                    }
                }
            }
            block = radix2[s] ? block / 2 : block / 4;
        }
        rev = new int[m];
        for (int k = 0; k < m; k++) {
            rev[k] = p == 0 ? 0 : Integer.reverse(k) >>> (32 - p);
        }
        wr = new float[m / 2 + 1];
        wi = new float[m / 2 + 1];
        for (int k = 0; k <= m / 2; k++) {
            double a = 2 * Math.PI * k / n;
            wr[k] = (float) Math.cos(a);
            wi[k] = (float) -Math.sin(a);
        }
        re = new float[m];
        im = new float[m];
    }

    /// True when new instances use the Vector API passes.
    public static boolean vectorised() {
        return VECTOR;
    }

    /// The transform length n.
    public int length() {
        return n;
    }

    /// Forward transform of `a[0 .. n)` in place, into the packed layout above.
    public void realForward(float[] a) {
        checkLength(a);
        if (vector) {
            FftVectorPasses.split(a, re, im, m);
        } else {
            for (int j = 0; j < m; j++) {
                re[j] = a[2 * j];
                im[j] = a[2 * j + 1];
            }
        }
        forwardPasses();
        // the real split, k and m − k together
        a[0] = re[0] + im[0];
        a[1] = re[0] - im[0];
        for (int k = 1; k <= m / 2; k++) {
            int ik = rev[k];
            int jk = rev[m - k];
            float zr = re[ik];
            float zi = im[ik];
            float yr = re[jk];
            float yi = im[jk];
            float er = 0.5f * (zr + yr);
            float ei = 0.5f * (zi - yi);
            float or = 0.5f * (zi + yi);    // O = (Z_k − conj Z_{m−k}) / (2i)
            float oi = -0.5f * (zr - yr);
            float cr = wr[k];
            float ci = wi[k];
            float pr = cr * or - ci * oi;   // W^k · O
            float pi = cr * oi + ci * or;
            a[2 * k] = er + pr;
            a[2 * k + 1] = ei + pi;
            a[2 * (m - k)] = er - pr;       // X_{m−k} = conj(E − W^k·O)
            a[2 * (m - k) + 1] = pi - ei;
        }
    }

    /// Inverse of [#realForward] in place: x_j = s·(X_0 + (−1)^j X_{n/2} + 2 Re Σ_{0<k<n/2} X_k e^{2πijk/n}),
    /// s = 1/n when `scale`, else s = 1/2 (n/2 times the scaled result, as JTransforms).
    public void realInverse(float[] a, boolean scale) {
        checkLength(a);
        float s = scale ? 1f / m : 1f;
        // Z_k = E_k + i·O_k, E_k = (X_k + conj X_{m−k})/2, O_k = (X_k − conj X_{m−k})·conj(W^k)/2
        float h = 0.5f * s;
        re[0] = h * (a[0] + a[1]);
        im[0] = h * (a[0] - a[1]);
        for (int k = 1; k <= m / 2; k++) {
            float xr = a[2 * k];
            float xi = a[2 * k + 1];
            float yr = a[2 * (m - k)];
            float yi = a[2 * (m - k) + 1];
            float er = h * (xr + yr);
            float ei = h * (xi - yi);
            float dr = h * (xr - yr);
            float di = h * (xi + yi);
            float cr = wr[k];
            float ci = wi[k];
            float or = dr * cr + di * ci;   // D · conj(W^k)
            float oi = di * cr - dr * ci;
            re[rev[k]] = er - oi;
            im[rev[k]] = ei + or;
            re[rev[m - k]] = er + oi;
            im[rev[m - k]] = or - ei;
        }
        inversePasses();
        if (vector) {
            FftVectorPasses.merge(re, im, a, m);
        } else {
            for (int j = 0; j < m; j++) {
                a[2 * j] = re[j];
                a[2 * j + 1] = im[j];
            }
        }
    }

    /// A real response H_k, k = 0 … n/2, prepared for [#filter]: the
    /// half sums and differences (H_k ± H_{m−k})/(4m) and the twiddles W^k in the order the
    /// bit-reversed spectrum is stored, so the filter runs on contiguous vectors. In that order,
    /// block c of 16 (c ≥ 1) holds k = A + B·m/16 with A = rev(c), B = rev(lane) (p − 4 and 4 bit
    /// reversals); its partners m − k sit in block c' = rev(m/16 − A), lanes reversed.
    public static final class Response {
        private final int n;
        private final float[] h;
        private final float[] hs;
        private final float[] hd;

        private Response(int n, float[] h, float[] hs, float[] hd) {
            this.n = n;
            this.h = h;
            this.hs = hs;
            this.hd = hd;
        }
    }

    /// Prepares the response `h` (n/2 + 1 values, H_k at frequency k/n cycles per sample) for [#filter].
    public Response prepare(float[] h) {
        if (h.length != m + 1) {
            throw new IllegalArgumentException("a response for FFT length " + n + " needs " + (m + 1) + " values, not " + h.length);
        }
        float[] hs = null;
        float[] hd = null;
        if (vector) {
            storageTwiddles();
            hs = new float[m];
            hd = new float[m];
            for (int r = 0; r < m; r++) {
                int k = rev[r];
                double a = h[k];
                double b = k == 0 ? h[m] : h[m - k];
                hs[r] = (float) ((a + b) / (4.0 * m));
                hd[r] = (float) ((a - b) / (4.0 * m));
            }
        }
        return new Response(n, h.clone(), hs, hd);
    }

    /// Zero-phase filtering by circular convolution: `x[offset .. offset+count)`, zero-padded to n,
    /// is transformed, each X_k multiplied by H_k, transformed back (scaled), and the first
    /// `count` samples written back in place. Same result as [#realForward], multiplying
    /// a[0] by H_0, a[1] by H_{n/2} and a[2k], a[2k+1] by H_k, then [#realInverse] with scaling,
    /// but without the packed spectrum: the response is applied to the complex half-length
    /// spectrum directly, and the passes skip the known zeros (input beyond `count`) and the
    /// samples not returned. `count` ≤ n/2 (pad to at least twice the trace so nothing wraps).
    public void filter(Response response, float[] x, int offset, int count) {
        if (count < 1 || count > m) {
            throw new IllegalArgumentException("filter needs 1 to " + m + " samples (half the FFT length " + n + "), not " + count);
        }
        java.util.Objects.checkFromIndexSize(offset, count, x.length);
        if (response.n != n || (vector && response.hs == null)) {
            throw new IllegalArgumentException("the response was prepared for another FFT (length " + response.n + "); use this one's prepare");
        }
        if (vector) {
            storageTwiddles();
        }
        int nz = (count + 1) / 2;   // complex points that may be non-zero
        int j = vector ? FftVectorPasses.splitFrom(x, offset, count, re, im) : 0;
        for (; j < nz; j++) {
            re[j] = x[offset + 2 * j];
            im[j] = 2 * j + 1 < count ? x[offset + 2 * j + 1] : 0f;
        }
        java.util.Arrays.fill(re, nz, m, 0f);
        java.util.Arrays.fill(im, nz, m, 0f);
        // the first pass is radix-2 over the whole array: its upper half is known zero
        boolean pruned = size.length > 0 && radix2[0];
        int nv = vector ? roundUp(nz) : nz;
        if (pruned && vector) {
            FftVectorPasses.forward2Pruned(re, im, m / 2, nv, tw, twAt[0]);
            for (int s = 1; s < size.length; s++) {
                FftVectorPasses.forward4(re, im, m, size[s], tw, twAt[s]);
            }
            FftVectorPasses.forward16(re, im, m);
        } else if (pruned) {
            FftPasses.forward2Pruned(re, im, m / 2, nv, tw, twAt[0]);
            for (int s = 1; s < size.length; s++) {
                FftPasses.forward4(re, im, m, size[s], tw, twAt[s]);
            }
        } else {
            forwardPasses();
        }
        float[] h = response.h;
        float sc = 0.5f / m;
        float x0 = h[0] * (re[0] + im[0]);
        float xm = h[m] * (re[0] - im[0]);
        re[0] = sc * (x0 + xm);
        im[0] = sc * (x0 - xm);
        if (vector) {
            // block 0 holds k = B·m/16: pairs (k, m − k) within it, done one by one
            for (int b = 1; b <= FFT_BLOCK / 2; b++) {
                filterPair(h, b * (m / FFT_BLOCK));
            }
            FftVectorPasses.filterBlocks(re, im, m, partner, response.hs, response.hd, twr, twi);
        } else {
            for (int k = 1; k <= m / 2; k++) {
                filterPair(h, k);
            }
        }
        if (pruned && vector) {
            FftVectorPasses.inverse16(re, im, m);
            for (int s = size.length - 1; s >= 1; s--) {
                FftVectorPasses.inverse4(re, im, m, size[s], tw, twAt[s]);
            }
            FftVectorPasses.inverse2Pruned(re, im, m / 2, nv, tw, twAt[0]);
        } else if (pruned) {
            for (int s = size.length - 1; s >= 1; s--) {
                FftPasses.inverse4(re, im, m, size[s], tw, twAt[s]);
            }
            FftPasses.inverse2Pruned(re, im, m / 2, nv, tw, twAt[0]);
        } else {
            inversePasses();
        }
        j = vector ? FftVectorPasses.mergeInto(re, im, x, offset, count) : 0;
        for (; j < nz; j++) {
            x[offset + 2 * j] = re[j];
            if (2 * j + 1 < count) {
                x[offset + 2 * j + 1] = im[j];
            }
        }
    }

    /// Z'_k and Z'_{m−k} (stored bit-reversed) of the filtered spectrum, 0 < k ≤ m/2, scaled by 1/m:
    /// E' = hs·E + hd·W^k·O, O' = hd·conj(W^k)·E + hs·O, hs, hd = (H_k ± H_{m−k})/2.
    private void filterPair(float[] h, int k) {
        int ik = rev[k];
        int jk = rev[m - k];
        float zr = re[ik];
        float zi = im[ik];
        float yr = re[jk];
        float yi = im[jk];
        float er = zr + yr;          // 2E
        float ei = zi - yi;
        float or = zi + yi;          // 2O
        float oi = yr - zr;
        float cr = wr[k];
        float ci = wi[k];
        float pr = cr * or - ci * oi;
        float pi = cr * oi + ci * or;
        float qr = cr * er + ci * ei;
        float qi = cr * ei - ci * er;
        float s = (h[k] + h[m - k]) * (0.25f / m);
        float t = (h[k] - h[m - k]) * (0.25f / m);
        float fr = s * er + t * pr;
        float fi = s * ei + t * pi;
        float gr = t * qr + s * or;
        float gi = t * qi + s * oi;
        re[ik] = fr - gi;
        im[ik] = fi + gr;
        re[jk] = fr + gi;
        im[jk] = gr - fi;
    }

    /// W^k for k = rev(r) at r (storage order), and the partner block of each block of 16.
    private float[] twr;
    private float[] twi;
    private int[] partner;

    private void storageTwiddles() {
        if (twr != null) {
            return;
        }
        twr = new float[m];
        twi = new float[m];
        for (int r = 0; r < m; r++) {
            double a = 2 * Math.PI * rev[r] / n;
            twr[r] = (float) Math.cos(a);
            twi[r] = (float) -Math.sin(a);
        }
        int blocks = m / FFT_BLOCK;
        int bits = Integer.numberOfTrailingZeros(blocks);
        partner = new int[blocks];
        for (int c = 1; c < blocks; c++) {
            int a = Integer.reverse(c) >>> (32 - bits);
            partner[c] = Integer.reverse(blocks - a) >>> (32 - bits);
        }
    }

    private static int roundUp(int j) {
        return (j + FFT_BLOCK - 1) / FFT_BLOCK * FFT_BLOCK;
    }

    private void forwardPasses() {
        if (vector) {
            for (int s = 0; s < size.length; s++) {
                if (radix2[s]) {
                    FftVectorPasses.forward2(re, im, m, size[s], tw, twAt[s]);
                } else {
                    FftVectorPasses.forward4(re, im, m, size[s], tw, twAt[s]);
                }
            }
            FftVectorPasses.forward16(re, im, m);
            return;
        }
        for (int s = 0; s < size.length; s++) {
            if (radix2[s]) {
                FftPasses.forward2(re, im, m, size[s], tw, twAt[s]);
            } else {
                FftPasses.forward4(re, im, m, size[s], tw, twAt[s]);
            }
        }
    }

    private void inversePasses() {
        if (vector) {
            FftVectorPasses.inverse16(re, im, m);
            for (int s = size.length - 1; s >= 0; s--) {
                if (radix2[s]) {
                    FftVectorPasses.inverse2(re, im, m, size[s], tw, twAt[s]);
                } else {
                    FftVectorPasses.inverse4(re, im, m, size[s], tw, twAt[s]);
                }
            }
            return;
        }
        for (int s = size.length - 1; s >= 0; s--) {
            if (radix2[s]) {
                FftPasses.inverse2(re, im, m, size[s], tw, twAt[s]);
            } else {
                FftPasses.inverse4(re, im, m, size[s], tw, twAt[s]);
            }
        }
    }

    private static final int FFT_BLOCK = 16;

    /// Holder: loads a Vector API class only when the module is present.
    private static final class Lanes {
        static final boolean SIXTEEN = jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.length() == FFT_BLOCK;
    }

    private void checkLength(float[] a) {
        if (a.length < n) {
            throw new IllegalArgumentException("array of " + a.length + " floats is shorter than the FFT length " + n);
        }
    }
}

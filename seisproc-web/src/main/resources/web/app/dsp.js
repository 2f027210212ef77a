// Display-only signal work on Float32Array gathers (n1 samples per trace, trace after trace):
// gain, clip percentiles, amplitude spectra. Nothing here changes the data on the server.

/**
 * Display gain: t^n (t in s) then AGC with a window of `agcMs` (RMS over the window, centred),
 * into a new array. `tpow` 0 and `agcMs` 0 return the input itself.
 */
export function gain(samples, n1, n2, dtSeconds, { tpow = 0, agcMs = 0 } = {}) {
  if (!tpow && !agcMs) return samples;
  const out = new Float32Array(n1 * n2);
  out.set(samples.subarray(0, n1 * n2));
  if (tpow) {
    const w = new Float32Array(n1);
    for (let i = 0; i < n1; i++) w[i] = Math.pow(i * dtSeconds, tpow);
    for (let j = 0; j < n2; j++) {
      const o = j * n1;
      for (let i = 0; i < n1; i++) out[o + i] *= w[i];
    }
  }
  if (agcMs > 0) {
    const half = Math.max(1, Math.round(agcMs / 1000 / dtSeconds / 2));
    const sq = new Float64Array(n1 + 1);
    for (let j = 0; j < n2; j++) {
      const o = j * n1;
      for (let i = 0; i < n1; i++) sq[i + 1] = sq[i] + out[o + i] * out[o + i];
      for (let i = 0; i < n1; i++) {
        const a = Math.max(0, i - half), b = Math.min(n1, i + half + 1);
        const rms = Math.sqrt((sq[b] - sq[a]) / (b - a));
        out[o + i] = rms > 0 ? out[o + i] / rms : 0;
      }
    }
  }
  return out;
}

/** The p-th percentile (0..100) of |samples|, from at most ~40k evenly spaced samples. */
export function percentile(samples, count, p) {
  const step = Math.max(1, Math.floor(count / 40000));
  const m = Math.floor(count / step);
  const a = new Float32Array(m);
  for (let k = 0; k < m; k++) a[k] = Math.abs(samples[k * step]);
  a.sort();
  if (m === 0) return 1;
  const v = a[Math.min(m - 1, Math.max(0, Math.round(p / 100 * (m - 1))))];
  return v > 0 ? v : (a[m - 1] > 0 ? a[m - 1] : 1);
}

/** In-place radix-2 FFT of (re, im), length a power of two. */
function fft(re, im) {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) { [re[i], re[j]] = [re[j], re[i]]; [im[i], im[j]] = [im[j], im[i]]; }
  }
  for (let len = 2; len <= n; len <<= 1) {
    const ang = -2 * Math.PI / len;
    const wr = Math.cos(ang), wi = Math.sin(ang);
    for (let i = 0; i < n; i += len) {
      let cr = 1, ci = 0;
      for (let k = 0; k < len / 2; k++) {
        const ar = re[i + k + len / 2] * cr - im[i + k + len / 2] * ci;
        const ai = re[i + k + len / 2] * ci + im[i + k + len / 2] * cr;
        re[i + k + len / 2] = re[i + k] - ar; im[i + k + len / 2] = im[i + k] - ai;
        re[i + k] += ar; im[i + k] += ai;
        const t = cr * wr - ci * wi; ci = cr * wi + ci * wr; cr = t;
      }
    }
  }
}

/**
 * Mean amplitude spectrum of traces j0..j1-1 (at most `maxTraces` of them, evenly spaced),
 * samples i0..i1-1 (Hann taper, zero-padded to a power of two): { freqs (Hz), amps } over 0..Nyquist.
 */
export function spectrum(samples, n1, j0, j1, i0, i1, dtSeconds, maxTraces = 64) {
  const len = Math.max(2, i1 - i0);
  let nfft = 1;
  while (nfft < len) nfft <<= 1;
  const amps = new Float64Array(nfft / 2 + 1);
  const re = new Float64Array(nfft), im = new Float64Array(nfft);
  const stride = Math.max(1, Math.ceil((j1 - j0) / maxTraces));
  let used = 0;
  for (let j = j0; j < j1; j += stride) {
    used++;
    re.fill(0); im.fill(0);
    for (let i = 0; i < len; i++) {
      const w = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / Math.max(1, len - 1));
      re[i] = samples[j * n1 + i0 + i] * w;
    }
    fft(re, im);
    for (let k = 0; k <= nfft / 2; k++) amps[k] += Math.sqrt(re[k] * re[k] + im[k] * im[k]);
  }
  const traces = Math.max(1, used);
  const freqs = new Float64Array(nfft / 2 + 1);
  for (let k = 0; k <= nfft / 2; k++) { freqs[k] = k / (nfft * dtSeconds); amps[k] /= traces; }
  return { freqs, amps };
}

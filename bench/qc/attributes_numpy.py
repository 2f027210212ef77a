#!/usr/bin/python3
"""The peer of `seisproc qc attributes`: the same per-trace attributes, vectorised with numpy over
each gather (a block of consecutive traces; the benchmark survey is in shot order, `channels`
traces per shot), reading the dataset's float32 sample store through np.memmap.

Definitions as in org.seisproc.dsp.Attributes / Spectrum (and seisproc-core/src/test/python/
make_qc_reference.py): whole-trace signal window, noise window = last 20 % of the record,
rms, mean |a|, max |a|, dominant frequency and rms bandwidth of the zero-padded (next power of
two) demeaned window, S/N in dB, dead, longest clipped and constant runs, spikes (|x| > 4 rms and
> 3 x the larger neighbour), zero-lag correlation with the gather's neighbouring traces, and the
bad-trace flags. One process (numpy's own threads as it pleases).

Usage: attributes_numpy.py DATASET CHANNELS   -> prints "numpy attributes: N traces in S s = R MB/s"
"""
import json
import os
import sys
import time

import numpy as np


def longest_runs(mask):
    """Longest run of True per row of a 2-D boolean array (vectorised)."""
    n1 = mask.shape[1]
    idx = np.arange(n1)
    last_false = np.maximum.accumulate(np.where(~mask, idx, -1), axis=1)
    return ((idx - last_false) * mask).max(axis=1)


def gather_attributes(g, dt, noise_from):
    x = g.astype(np.float64)
    n2, n1 = x.shape
    energy = (x * x).sum(axis=1)
    rms = np.sqrt(energy / n1)
    mean_abs = np.abs(x).mean(axis=1)
    max_abs = np.abs(x).max(axis=1)
    noise = np.sqrt((x[:, noise_from:] ** 2).mean(axis=1))
    with np.errstate(divide='ignore', invalid='ignore'):
        snr = 20 * np.log10(rms / noise)
    nfft = 1 << int(np.ceil(np.log2(n1)))
    p = np.abs(np.fft.rfft(x - x.mean(axis=1, keepdims=True), nfft, axis=1)) ** 2
    f = np.arange(nfft // 2 + 1) / (nfft * dt)
    dominant = f[1 + np.argmax(p[:, 1:], axis=1)]
    tot = p.sum(axis=1)
    with np.errstate(divide='ignore', invalid='ignore'):
        fc = (p * f).sum(axis=1) / tot
        bw = np.sqrt(np.maximum((p * f * f).sum(axis=1) / tot - fc * fc, 0))
    dead = ~np.any(g != 0, axis=1)
    clipped = np.where(max_abs > 0, longest_runs(np.abs(g) == max_abs[:, None].astype(np.float32)), 0)
    constant = longest_runs(np.diff(g, axis=1) == 0) + 1
    ax = np.abs(x)
    centre = ax[:, 1:-1]
    spikes = ((centre > 4.0 * rms[:, None]) & (centre > 3.0 * np.maximum(ax[:, :-2], ax[:, 2:]))).sum(axis=1)
    dots = (x[:-1] * x[1:]).sum(axis=1)
    den = energy[:-1] * energy[1:]
    with np.errstate(divide='ignore', invalid='ignore'):
        pair = np.where(den > 0, dots / np.sqrt(den), 0.0)
    corr = np.full(n2, np.nan)
    if n2 > 1:
        s = np.zeros(n2)
        c = np.zeros(n2)
        s[1:] += pair
        c[1:] += 1
        s[:-1] += pair
        c[:-1] += 1
        corr = s / c
    live = ~dead
    median = np.median(rms[live]) if live.any() else 0.0
    flags = (dead * 1 | (live & (clipped >= 3)) * 2 | (live & (constant >= 25)) * 4 | (live & (spikes >= 1)) * 8
             | (live & (corr < 0.1)) * 16 | (live & (rms > 5 * median)) * 32 | (live & (rms < median / 5)) * 64)
    return rms, mean_abs, max_abs, dominant, bw, snr, dead, clipped, constant, spikes, corr, flags


def main():
    ds, channels = sys.argv[1], int(sys.argv[2])
    m = json.load(open(os.path.join(ds, 'dataset.json')))
    n, n1, dt = m['traces'], m['samplesPerTrace'], m['sampleIntervalMicros'] * 1e-6
    store = np.memmap(os.path.join(ds, 'traces.f32'), dtype='<f4', mode='r', shape=(n, n1))
    noise_from = int(np.floor(0.8 * n1))
    t0 = time.perf_counter()
    bad = 0
    for start in range(0, n, channels):
        out = gather_attributes(np.asarray(store[start:start + channels]), dt, noise_from)
        bad += int((out[-1] != 0).sum())
    s = time.perf_counter() - t0
    print('numpy attributes: %d traces in %.3f s = %.0f MB/s of samples; bad %d' % (n, s, n * n1 * 4 / 1e6 / s, bad))


if __name__ == '__main__':
    main()

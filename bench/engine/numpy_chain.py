#!/usr/bin/python3
"""Peer for the engine benchmark: the same chain as bench/engine/job.json (AGC 500 ms, Ormsby
band-pass 5-10-50-70 Hz, NMO with v = 1800 + 600 t, 50 % stretch mute) on the same CDP gathers,
in numpy/scipy, reading the dataset's memory-mapped store like our workers do. Single process.

Usage: /usr/bin/python3 numpy_chain.py DATASET [MAX_GATHERS]
Prints: 'traces seconds traces/s second-half-traces/s checksum=...'.
"""
import json
import os
import sys
import time

import numpy as np

ds = sys.argv[1]
limit = int(sys.argv[2]) if len(sys.argv) > 2 else None
m = json.load(open(os.path.join(ds, 'dataset.json')))
n, ns, dt = m['traces'], m['samplesPerTrace'], m['sampleIntervalMicros'] * 1e-6
order = '>' if m['source']['byteOrder'] == 'big' else '<'
hb = m['traceHeaderBytes']
headers = np.memmap(os.path.join(ds, 'trace-headers.bin'), dtype=np.uint8, mode='r').reshape(n, hb)
cdp = headers[:, 20:24].copy().view(order + 'i4').ravel()
offset = headers[:, 36:40].copy().view(order + 'i4').ravel()
store = np.memmap(os.path.join(ds, 'traces.f32'), dtype='<f4', mode='r').reshape(n, ns)

t = np.arange(ns) * dt
half = int(round(0.5 / 2 / dt))
nfft = 1
while nfft < 2 * ns:
    nfft *= 2
f = np.fft.rfftfreq(nfft, dt)
H = np.interp(f, [5, 10, 50, 70], [0, 1, 1, 0], left=0, right=0)
v = 1800 + 600 * t

t0 = time.perf_counter()
perm = np.lexsort((offset, cdp))
bounds = np.flatnonzero(np.diff(cdp[perm])) + 1
groups = np.split(perm, bounds)
if limit:
    groups = groups[:limit]
done = 0
checksum = 0.0
total = sum(len(g) for g in groups)
midway = None  # (time, traces done) once half the traces are done: the second half's rate is printed too
lo = np.maximum(0, np.arange(ns) - half)
hi = np.minimum(ns - 1, np.arange(ns) + half)
for g in groups:
    x = np.asarray(store[g], dtype=np.float64)                 # gather (traces x samples)
    sq = np.concatenate([np.zeros((len(g), 1)), np.cumsum(x * x, axis=1)], axis=1)
    mean = (sq[:, hi + 1] - sq[:, lo]) / (hi - lo + 1)
    x = np.where(mean > 0, x / np.sqrt(np.where(mean > 0, mean, 1)), 0)
    x = np.fft.irfft(np.fft.rfft(x, nfft, axis=1) * H, nfft, axis=1)[:, :ns]
    out = np.empty_like(x)
    for i, tr in enumerate(g):
        off = float(offset[tr])
        tx = np.sqrt(t * t + (off / v) ** 2)
        with np.errstate(divide='ignore', invalid='ignore'):
            stretch = np.where(t > 0, (tx - t) / np.where(t > 0, t, 1), np.inf if off != 0 else 0)
        out[i] = np.where(stretch > 0.5, 0, np.interp(tx, t, x[i], left=0, right=0))
    checksum += float(out.sum())
    done += len(g)
    if midway is None and done >= total / 2:
        midway = (time.perf_counter(), done)
seconds = time.perf_counter() - t0
second_half = (done - midway[1]) / (time.perf_counter() - midway[0]) if midway and done > midway[1] else done / seconds
print(f"{done} {seconds:.3f} {done / seconds:.0f} {second_half:.0f} checksum={checksum:.6g}")

#!/usr/bin/python3
"""Independent reference values for the QC trace attributes (org.seisproc.dsp.Attributes,
org.seisproc.dsp.Spectrum, org.seisproc.qc.GatherAttributes), computed with numpy.

Writes ../resources/qc-reference.json: a gather of 8 traces with planted defects (a dead trace,
a clipped one, a constant run, spikes, a loud trace) and a gather of one trace, each trace's
samples as base64 of little-endian float32 (what the Java test feeds in), the windows in samples,
and for every trace the expected attributes. Each attribute is the definition stated in the
javadoc of org.seisproc.dsp.Attributes / Spectrum, written here with numpy primitives
(np.fft.rfft, np.diff, np.median, vectorised comparisons), not by porting the Java loops.

Usage: /usr/bin/python3 make_qc_reference.py      (Debian: python3-numpy)
"""
import base64
import json
import os

import numpy as np

rng = np.random.default_rng(20261201)
N1, DT = 600, 0.002
SIGNAL = (50, 501)     # 100 ms .. 1000 ms inclusive
NOISE = (500, 600)     # 1000 ms .. end
FLAGS = dict(clipped_run=3, constant_run=25, spikes=1, correlation=0.1, rms_ratio=5.0)
SPIKE_FACTOR, SPIKE_RATIO = 4.0, 3.0


def enc(a):
    return base64.b64encode(np.asarray(a, dtype='<f4').tobytes()).decode()


def ricker(t, f):
    a = (np.pi * f * t) ** 2
    return (1 - 2 * a) * np.exp(-a)


def event_trace(shift):
    t = np.arange(N1) * DT
    x = np.zeros(N1)
    for t0, amp, f in ((0.3, 1.0, 25), (0.55, -0.7, 30), (0.8, 0.5, 20)):
        x += amp * ricker(t - t0 - shift, f)
    x += 0.03 * rng.standard_normal(N1)
    return x.astype(np.float32)


def runs(mask):
    """Length of the longest run of True in a boolean array."""
    if not mask.any():
        return 0
    padded = np.concatenate([[False], mask, [False]]).astype(np.int8)
    d = np.diff(padded)
    return int((np.flatnonzero(d == -1) - np.flatnonzero(d == 1)).max())


def attributes(g):
    n2 = g.shape[0]
    x = g.astype(np.float64)
    a, b = SIGNAL
    w = x[:, a:b]
    rms = np.sqrt(np.mean(w ** 2, axis=1))
    noise = np.sqrt(np.mean(x[:, NOISE[0]:NOISE[1]] ** 2, axis=1))
    with np.errstate(divide='ignore', invalid='ignore'):
        snr = 20 * np.log10(rms / noise)
    m = b - a
    nfft = 1 << int(np.ceil(np.log2(m)))
    p = np.abs(np.fft.rfft(w - w.mean(axis=1, keepdims=True), nfft, axis=1)) ** 2
    f = np.arange(nfft // 2 + 1) / (nfft * DT)
    dominant = np.where(p[:, 1:].max(axis=1) > 0, f[1 + np.argmax(p[:, 1:], axis=1)], 0.0)
    tot = p.sum(axis=1)
    with np.errstate(divide='ignore', invalid='ignore'):
        fc = (p * f).sum(axis=1) / tot
        bw = np.sqrt((p * (f[None, :] - fc[:, None]) ** 2).sum(axis=1) / tot)
    bw = np.where(tot > 0, bw, 0.0)
    dead = np.all(g == 0, axis=1)
    peak = np.abs(g).max(axis=1)
    clipped = np.array([runs(np.abs(g[i]) == peak[i]) if peak[i] > 0 else 0 for i in range(n2)])
    constant = np.array([runs(np.diff(g[i]) == 0) + 1 for i in range(n2)])
    whole_rms = np.sqrt(np.mean(x ** 2, axis=1))
    ax = np.abs(x)
    neighbour = np.maximum(ax[:, :-2], ax[:, 2:])
    centre = ax[:, 1:-1]
    spikes = ((centre > SPIKE_FACTOR * whole_rms[:, None]) & (centre > SPIKE_RATIO * neighbour)).sum(axis=1)
    energy = (w ** 2).sum(axis=1)
    dots = (w[:-1] * w[1:]).sum(axis=1)
    pair = np.where(energy[:-1] * energy[1:] > 0, dots / np.sqrt(energy[:-1] * energy[1:]), 0.0)
    corr = np.full(n2, np.nan)
    for i in range(n2):
        c = ([pair[i - 1]] if i > 0 else []) + ([pair[i]] if i + 1 < n2 else [])
        if c:
            corr[i] = np.mean(c)
    live = ~dead
    median = np.median(rms[live]) if live.any() else 0.0
    flags = np.zeros(n2, dtype=int)
    flags |= np.where(dead, 1, 0)
    flags |= np.where(live & (clipped >= FLAGS['clipped_run']), 2, 0)
    flags |= np.where(live & (constant >= FLAGS['constant_run']), 4, 0)
    flags |= np.where(live & (spikes >= FLAGS['spikes']), 8, 0)
    flags |= np.where(live & (corr < FLAGS['correlation']), 16, 0)
    flags |= np.where(live & (median > 0) & (rms > FLAGS['rms_ratio'] * median), 32, 0)
    flags |= np.where(live & (median > 0) & (rms < median / FLAGS['rms_ratio']), 64, 0)
    out = []
    for i in range(n2):
        out.append(dict(rms=rms[i], mean_abs=np.mean(np.abs(w[i])), max_abs=np.abs(w[i]).max(),
                        dominant_hz=dominant[i], bandwidth_hz=bw[i],
                        snr_db=None if np.isnan(snr[i]) else (1e300 if np.isinf(snr[i]) else snr[i]),
                        dead=bool(dead[i]), clipped_run=int(clipped[i]), constant_run=int(constant[i]),
                        spikes=int(spikes[i]), neighbour_corr=None if np.isnan(corr[i]) else corr[i], flags=int(flags[i])))
    return [{k: (float(v) if isinstance(v, (np.floating, float)) else v) for k, v in d.items()} for d in out]


g = np.stack([event_trace(0.004 * i) for i in range(8)])
g[2] = 0                                            # dead
g[3] = np.clip(g[3] * 4, -1.5, 1.5)                 # clipped at the rails
g[4, 200:260] = np.float32(0.3)                     # a constant run of 60 samples
g[5, [120, 333, 470]] += np.float32([25.0, -30.0, 22.0])   # spikes
g[6] *= np.float32(10)                              # loud
g = g.astype(np.float32)
single = event_trace(0.0)[None, :]

cases = dict(
    gather=dict(n1=N1, n2=8, dt=DT, samples=enc(g), expected=attributes(g)),
    single=dict(n1=N1, n2=1, dt=DT, samples=enc(single), expected=attributes(single)),
)
doc = dict(generator='make_qc_reference.py (numpy %s)' % np.__version__, signal_window=list(SIGNAL),
           noise_window=list(NOISE), flags=FLAGS, spike_factor=SPIKE_FACTOR, spike_ratio=SPIKE_RATIO, cases=cases)
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, '..', 'resources', 'qc-reference.json'), 'w') as fh:
    json.dump(doc, fh, indent=1)
print('wrote qc-reference.json')

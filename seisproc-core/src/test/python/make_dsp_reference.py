#!/usr/bin/python3
"""Independent reference values for the DSP kernels (org.seisproc.dsp), computed with numpy/scipy.

Writes ../resources/dsp-reference.json: for each case its parameters, its input and the expected
output, arrays as base64 of little-endian float32 (inputs are exactly what the Java test feeds in).
Each case implements the definition stated in the kernel's javadoc with numpy/scipy primitives
(np.fft, np.interp, scipy.linalg.solve_toeplitz, np.convolve), not by porting the Java code.

Usage: /usr/bin/python3 make_dsp_reference.py      (Debian: python3-numpy python3-scipy)
"""
import base64
import json
import os

import numpy as np
from scipy.linalg import solve_toeplitz

rng = np.random.default_rng(20261125)


def enc(a):
    return base64.b64encode(np.asarray(a, dtype='<f4').tobytes()).decode()


def trace(n, dt, seed_shift=0.0):
    t = np.arange(n) * dt
    x = (np.sin(2 * np.pi * 12 * t + seed_shift) * np.exp(-1.5 * t) + 0.5 * np.sin(2 * np.pi * 45 * t)
         + 0.3 * rng.standard_normal(n))
    return x.astype(np.float32)


def ricker(t, f):
    a = (np.pi * f * t) ** 2
    return (1 - 2 * a) * np.exp(-a)


def gather(n1, n2, dt, offsets, vfun, t0s=(0.4, 0.9, 1.4)):
    t = np.arange(n1) * dt
    g = np.zeros((n2, n1))
    for i2, x in enumerate(offsets):
        for t0 in t0s:
            v = vfun(t0)
            tx = np.sqrt(t0 ** 2 + (x / v) ** 2)
            g[i2] += ricker(t - tx, 25) / max(tx, 0.1)
    g += 0.01 * rng.standard_normal(g.shape)
    return g.astype(np.float32)


def nfft(n):
    m = 1
    while m < 2 * n:
        m *= 2
    return m


cases = {}
n, dt = 500, 0.004
t = np.arange(n) * dt

x = trace(n, dt)
half = 25
x64 = x.astype(np.float64)
sq = np.concatenate([[0.0], np.cumsum(x64 ** 2)])
lo = np.maximum(0, np.arange(n) - half)
hi = np.minimum(n - 1, np.arange(n) + half)
mean = (sq[hi + 1] - sq[lo]) / (hi - lo + 1)
cases['agc'] = dict(n1=n, dt=dt, half=half, input=enc(x), output=enc(np.where(mean > 0, x64 / np.sqrt(mean), 0)))

x = trace(n, dt, 0.3)
cases['tpow'] = dict(n1=n, dt=dt, power=2.0, input=enc(x), output=enc(np.where(t > 0, x.astype(np.float64) * t ** 2.0, 0)))

x = trace(n, dt, 0.7)
v = (1800 + 600 * t).astype(np.float32)
vref = v[int(round(1.0 / dt))]
cases['spherical'] = dict(n1=n, dt=dt, vrms=enc(v), input=enc(x),
                          output=enc(x.astype(np.float64) * t * v.astype(np.float64) ** 2 / float(vref) ** 2))

x = trace(n, dt, 1.1)
rms = np.sqrt(np.mean(x.astype(np.float64) ** 2))
cases['balance'] = dict(n1=n, input=enc(x), output=enc(x / rms))


def fft_filter(x, h_of_f):
    m = nfft(len(x))
    spec = np.fft.rfft(x.astype(np.float64), m)
    f = np.fft.rfftfreq(m, dt)
    return np.fft.irfft(spec * h_of_f(f), m)[:len(x)]


x = trace(n, dt, 1.9)
f1, f2, f3, f4 = 5.0, 10.0, 40.0, 60.0
orm = lambda f: np.interp(f, [f1, f2, f3, f4], [0, 1, 1, 0], left=0, right=0)
cases['ormsby'] = dict(n1=n, dt=dt, corners=[f1, f2, f3, f4], input=enc(x), output=enc(fft_filter(x, orm)))

x = trace(n, dt, 2.3)
fl, fh, order = 8.0, 50.0, 4
def butter(f):
    with np.errstate(divide='ignore'):
        hp = np.where(f > 0, 1 / (1 + (fl / np.where(f > 0, f, 1)) ** (2 * order)), 0)
    return hp / (1 + (f / fh) ** (2 * order))
cases['butterworth'] = dict(n1=n, dt=dt, low=fl, high=fh, order=order, input=enc(x), output=enc(fft_filter(x, butter)))

x = trace(n, dt, 2.9)
tm, tl, tb, tbl = 0.3, 0.1, 1.6, 0.2
wtop = np.where(t < tm, 0, np.where(t < tm + tl, 0.5 * (1 - np.cos(np.pi * (t - tm) / tl)), 1))
wbot = np.where(t > tb, 0, np.where(t > tb - tbl, 0.5 * (1 - np.cos(np.pi * (tb - t) / tbl)), 1))
wtop32 = wtop.astype(np.float32)
wbot32 = wbot.astype(np.float32)
cases['mute'] = dict(n1=n, dt=dt, top=[tm, tl], bottom=[tb, tbl], input=enc(x),
                     output=enc((x * wtop32).astype(np.float32) * wbot32))

# NMO and inverse NMO on a hyperbolic gather
n1, n2 = 500, 12
offsets = np.linspace(0, 1650, n2)
vfun = lambda t0: 1800 + 600 * t0
g = gather(n1, n2, dt, offsets, vfun)
vr = (1800 + 600 * t).astype(np.float32)
max_stretch = 0.5
nmo = np.zeros((n2, n1))
for i2, off in enumerate(offsets):
    tx = np.sqrt(t ** 2 + (off / vr.astype(np.float64)) ** 2)
    with np.errstate(divide='ignore', invalid='ignore'):
        stretch = np.where(t > 0, (tx - t) / np.where(t > 0, t, 1), np.inf if off > 0 else 0)
    out = np.interp(tx, t, g[i2].astype(np.float64), left=0, right=0)
    nmo[i2] = np.where(stretch > max_stretch, 0, out)
nmo32 = nmo.astype(np.float32)
inv = np.zeros((n2, n1))
for i2, off in enumerate(offsets):
    tx = np.sqrt(t ** 2 + (off / vr.astype(np.float64)) ** 2)
    t0 = np.interp(t, tx, t, left=np.nan, right=np.nan)
    val = np.interp(np.nan_to_num(t0, nan=-1), t, nmo32[i2].astype(np.float64), left=0, right=0)
    inv[i2] = np.where(np.isnan(t0), 0, val)
cases['nmo'] = dict(n1=n1, n2=n2, dt=dt, offsets=offsets.tolist(), vrms=enc(vr), maxStretch=max_stretch,
                    input=enc(g), output=enc(nmo), inverse=enc(inv))

# Wiener deconvolution, spiking and predictive
x = trace(n, dt, 3.7)
def pef(x, nop, gap, pw):
    xx = x.astype(np.float64)
    r = np.array([np.dot(xx[lag:], xx[:len(xx) - lag]) for lag in range(gap + nop)])
    col = r[:nop].copy()
    col[0] *= 1 + pw
    a = solve_toeplitz(col, r[gap:gap + nop])
    f = np.zeros(gap + nop)
    f[0] = 1
    f[gap:] = -a
    return f
for name, gap in (('spiking', 1), ('predictive', 10)):
    f = pef(x, 40, gap, 0.01)
    y = np.convolve(x.astype(np.float64), f.astype(np.float32).astype(np.float64))[:n]
    cases['decon_' + name] = dict(n1=n, operator=40, gap=gap, prewhitening=0.01, input=enc(x), filter=enc(f), output=enc(y))

# fold-normalised stack of a partly muted gather
g2 = nmo32.copy()
live = (g2 != 0).sum(axis=0)
st = np.where(live > 0, g2.astype(np.float64).sum(axis=0) / np.maximum(live, 1), 0)
cases['stack'] = dict(n1=n1, n2=n2, input=enc(g2), output=enc(st), fold=live.tolist())

# F-K velocity filter
n1f, n2f, dx = 256, 24, 25.0
tf = np.arange(n1f) * dt
gf = np.zeros((n2f, n1f))
for i2 in range(n2f):
    gf[i2] += ricker(tf - 0.3 - i2 * dx / 400.0, 12)        # slow linear event (ground roll, 400 m/s)
    gf[i2] += ricker(tf - 0.6 - i2 * dx / 4000.0, 30)       # fast event (4000 m/s)
gf = gf.astype(np.float32)
vrej, vpass = 800.0, 1200.0
mf, mk = nfft(n1f), nfft(n2f)
pad = np.zeros((mk, mf))
pad[:n2f, :n1f] = gf
spec = np.fft.fft2(pad)
f = np.abs(np.fft.fftfreq(mf, dt))[None, :]
k = np.abs(np.fft.fftfreq(mk, dx))[:, None]
with np.errstate(divide='ignore', invalid='ignore'):
    vapp = np.where(k > 0, f / np.where(k > 0, k, 1), np.inf)
w = np.clip((vapp - vrej) / (vpass - vrej), 0, 1)
w = np.where(k == 0, 1, w).astype(np.float32)
out = np.real(np.fft.ifft2(spec * w))[:n2f, :n1f]
cases['fk'] = dict(n1=n1f, n2=n2f, dt=dt, dx=dx, vReject=vrej, vPass=vpass, input=enc(gf), output=enc(out))

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, '..', 'resources', 'dsp-reference.json'), 'w') as fh:
    json.dump({'generator': 'src/test/python/make_dsp_reference.py', 'numpy': np.__version__,
               'scipy': __import__('scipy').__version__, 'cases': cases}, fh, indent=1)
print('wrote', len(cases), 'cases')

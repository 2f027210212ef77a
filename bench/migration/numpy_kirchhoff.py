#!/usr/bin/python3
"""The numpy peer of SeisProc's Kirchhoff kernel (bench/migration): the same small job
(MigrationBench export writes it), the same kernel -- straight-ray DSR traveltime at constant
v = 2000 m/s, linear interpolation, angle limit 89 deg, 1000 m distance aperture, no taper, no
anti-aliasing, no weights, no rho filter -- vectorised over output samples and output traces:
for each input trace one array expression over (output traces in aperture) x (samples).

Usage: numpy_kirchhoff.py JOB.bin NK BINS  ->  prints "contributions seconds contributions/s cpu-s contributions/cpu-s"
"""
import struct
import sys
import time

import numpy as np

BIN = 25.0
DT = 0.004
V = 2000.0
APERTURE = 1000.0
TAN = np.tan(np.radians(89.0))


def main():
    path, nk, bins = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    with open(path, "rb") as f:
        n, ns = struct.unpack("<ii", f.read(8))
        rec = np.frombuffer(f.read(), dtype="<f4").reshape(n, 4 + ns)
    coords = rec[:, :4].astype(np.float32)
    traces = np.zeros((n, ns + 2), dtype=np.float32)  # sample i at i + 1, zeros around
    traces[:, 1:ns + 1] = rec[:, 4:]
    ix, iy = np.meshgrid(np.arange(bins) * BIN, np.arange(bins) * BIN)
    ox = ix.ravel().astype(np.float32)
    oy = iy.ravel().astype(np.float32)
    tau = (np.arange(nk) * DT).astype(np.float32)
    a = (tau / 2) ** 2
    q = np.float32(1 / V ** 2)
    r = np.maximum.accumulate(V * tau / 2 * TAN).astype(np.float32)
    image = np.zeros((bins * bins, nk), dtype=np.float32)
    contributions = 0
    t0 = time.perf_counter()
    c0 = time.process_time()
    for t in range(n):
        sx, sy, gx, gy = coords[t]
        mx, my = (sx + gx) / 2, (sy + gy) / 2
        dm = np.hypot(ox - mx, oy - my)
        sel = np.nonzero(dm <= APERTURE)[0]
        if sel.size == 0:
            continue
        d = dm[sel]
        kmin = np.searchsorted(r, d, side="left")
        contributions += int(np.sum(nk - kmin))
        ds2 = ((ox[sel] - sx) ** 2 + (oy[sel] - sy) ** 2)[:, None]
        dr2 = ((ox[sel] - gx) ** 2 + (oy[sel] - gy) ** 2)[:, None]
        j = (np.sqrt(a + ds2 * q) + np.sqrt(a + dr2 * q)) / DT + 1
        np.clip(j, 0, ns + 0.999, out=j)
        i = j.astype(np.int32)
        f = j - i
        p = traces[t]
        v = p[i] + f * (p[i + 1] - p[i])
        v *= r[None, :] >= d[:, None]
        image[sel] += v
    s = time.perf_counter() - t0
    c = time.process_time() - c0
    print(f"{contributions} {s:.4f} {contributions / s:.4e} {c:.4f} {contributions / c:.4e}")


if __name__ == "__main__":
    main()

"""Read every trace of a SEG-Y file with segyio (Debian's python3-segyio) into numpy and sum.

Prints one line of key=value pairs like ReadAll: `seconds` is in-process (after imports), from
before segyio.open to after the sum; `mbps` the file's bytes per second over it.
"""
import os
import sys
import time

import numpy as np
import segyio

path = sys.argv[1]
start = time.perf_counter()
with segyio.open(path, ignore_geometry=True) as f:
    data = f.trace.raw[:]                  # (traces, samples) float32, IBM converted by segyio
    total = float(data.sum(dtype=np.float64))
    traces = data.shape[0]
seconds = time.perf_counter() - start
size = os.path.getsize(path)
print(f"traces={traces} bytes={size} seconds={seconds:.4f} mbps={size / seconds / 1e6:.1f} sum={total:.6e}")

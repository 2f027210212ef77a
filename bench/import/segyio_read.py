#!/usr/bin/python3
"""Peer for the import benchmark: segyio reads every trace of FILE into one numpy array, and
4 trace header fields (cdp, offset, source x, group x) into numpy arrays.

Prints 'seconds MB/s' for the read (after opening); the sum keeps the work honest.
Usage: /usr/bin/python3 segyio_read.py FILE
"""
import os
import sys
import time

import numpy as np
import segyio

path = sys.argv[1]
t0 = time.perf_counter()
with segyio.open(path, ignore_geometry=True) as f:
    data = f.trace.raw[:]
    keys = [f.attributes(k)[:] for k in (segyio.TraceField.CDP, segyio.TraceField.offset,
                                         segyio.TraceField.SourceX, segyio.TraceField.GroupX)]
    total = float(np.sum(data, dtype=np.float64))
seconds = time.perf_counter() - t0
mb = os.path.getsize(path) / 1e6
print(f"{seconds:.3f} {mb / seconds:.0f} sum={total:.6g} shape={data.shape} cdp[-1]={keys[0][-1]}")

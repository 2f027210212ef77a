#!/usr/bin/python3
"""Peer for the export benchmark: segyio writes a SEG-Y file from numpy (issue 16, goal 2).

Untimed: FILE's samples are read into one numpy array and its file headers kept. Timed: creating
OUT with FILE's layout (segyio.tools.metadata), its textual and binary headers, every trace header
copied from FILE (segyio's own header copy), every trace from the array, and closing the file
(segyio flushes; no fsync — ours includes one). Prints 'seconds MB/s'.
Usage: /usr/bin/python3 segyio_write.py FILE OUT
"""
import os
import sys
import time

import segyio

src_path, out_path = sys.argv[1], sys.argv[2]
with segyio.open(src_path, ignore_geometry=True) as src:
    data = src.trace.raw[:]
    spec = segyio.tools.metadata(src)
    t0 = time.perf_counter()
    with segyio.create(out_path, spec) as dst:
        dst.text[0] = src.text[0]
        dst.bin = src.bin
        dst.header = src.header
        dst.trace = data
    seconds = time.perf_counter() - t0
mb = os.path.getsize(out_path) / 1e6
print(f"{seconds:.3f} {mb / seconds:.0f} traces={data.shape[0]}")

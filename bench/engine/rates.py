#!/usr/bin/python3
"""Passes a `seisproc run` output through and times its progress lines as they arrive, then
prints the processing rate over the second half of the traces: the rate once the JIT has
compiled the kernels (their warm-up falls in the first quarter), which is what a survey of
millions of traces sees for almost all of its length.

Usage: seisproc run ... 2>&1 | /usr/bin/python3 rates.py
Prints, last: 'second half: N traces/s'.
"""
import re
import sys
import time

points = []
line = []
progress = re.compile(r'run: ([\d,]+) / ([\d,]+) traces')
while True:
    c = sys.stdin.read(1)
    if not c:
        break
    sys.stdout.write(c)
    if c in '\r\n':
        m = progress.search(''.join(line))
        if m:
            points.append((time.perf_counter(), int(m.group(1).replace(',', '')), int(m.group(2).replace(',', ''))))
        line = []
    else:
        line.append(c)
if points and points[-1][1] == points[-1][2]:
    total = points[-1][2]
    half = next(p for p in points if p[1] >= total / 2)
    end = points[-1]
    # progress is said a few times a second: a second half shorter than a second, or seen in
    # fewer than 5 updates, gives no rate worth printing
    if end[0] - half[0] >= 1.0 and sum(1 for p in points if p[0] >= half[0]) >= 5:
        print(f"\nsecond half: {(end[1] - half[1]) / (end[0] - half[0]):.0f} traces/s")
    else:
        print("\nsecond half: too short to time")

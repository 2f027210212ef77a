#!/usr/bin/python3
"""Where a command's processor time goes, by thread: runs COMMAND (the JVM that `./seisproc`
execs keeps its process id), samples /proc/PID/task/*/stat every 50 ms, and prints per thread
name (numbers dropped: `seisproc-worker-0` and `-1` are one row) the user and system CPU seconds
at the end, and how often its threads were seen running (R), waiting on the disk (D) or asleep
(S); then the cores busy second by second. Linux only; the sampling costs a few percent of a core.

Usage: /usr/bin/python3 bench/threadcpu.py COMMAND [ARGS...]
"""
import collections
import os
import re
import subprocess
import sys
import time

proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
tick = os.sysconf('SC_CLK_TCK')
last = {}                                   # thread id -> (name, user ticks, system ticks)
states = collections.defaultdict(collections.Counter)
busy = []                                   # (time, total ticks of the process so far)
start = time.perf_counter()
while proc.poll() is None:
    try:
        tids = os.listdir(f'/proc/{proc.pid}/task')
    except OSError:
        break
    for tid in tids:
        try:
            with open(f'/proc/{proc.pid}/task/{tid}/stat') as f:
                stat = f.read()
        except OSError:
            continue
        name = re.sub(r'[-#]?\d+$', '', stat[stat.index('(') + 1:stat.rindex(')')])
        fields = stat[stat.rindex(')') + 2:].split()
        last[tid] = (name, int(fields[11]), int(fields[12]))
        states[name][fields[0]] += 1
    busy.append((time.perf_counter() - start, sum(u + k for _, u, k in last.values())))   # ended threads count too
    time.sleep(0.05)
wall = time.perf_counter() - start

cpu = collections.defaultdict(lambda: [0, 0])
for name, user, system in last.values():
    cpu[name][0] += user
    cpu[name][1] += system
print(f"{' '.join(sys.argv[1:])[:100]}\nwall {wall:.2f} s, exit {proc.returncode}")
print(f"{'thread':24s} {'user s':>8s} {'sys s':>8s}   samples R / D / S")
for name, (user, system) in sorted(cpu.items(), key=lambda kv: -sum(kv[1])):
    if user + system == 0:
        continue
    s = states[name]
    print(f"{name:24s} {user / tick:8.2f} {system / tick:8.2f}   {s['R']:4d} / {s['D']:4d} / {s['S']:4d}")
seen = [f"{(b[1] - a[1]) / tick / (b[0] - a[0]):.2f}" for a, b in zip(busy[::20], busy[20::20]) if b[0] > a[0]]
print("cores busy, second by second:", ' '.join(seen))

#!/usr/bin/env bash
# Kirchhoff migration benchmark (issue 14), in one run, alternating the peers:
#  1. SeisProc's kernel on a small in-memory 3D job (MigrationBench: TRACES random traces of 1000
#     samples with sources/receivers over 64 x 64 bins of 25 m, migrated onto BINS x BINS bins x 500
#     samples, v = 2000 m/s, aperture 1000 m / 89 deg, no taper/weights/rho), linear interpolation
#     without anti-aliasing and with triangle anti-aliasing, 1 and 2 workers;
#  2. the same kernel in numpy (numpy_kirchhoff.py, Debian python3-numpy) on the same job.
# Figures: contributions/s by wall clock and per CPU-second the workers received (the honest one
# on a shared machine; the load average is printed with each run). Not part of the test run.
#
# Usage: bench/migration/run.sh [TRACES] [BINS] [RUNS]   (default 1000 traces, 32 x 32 bins, 3 runs)
set -euo pipefail
# The numpy peer runs with OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE unset for its command alone: this
# machine sets them for old OpenBLAS builds, and they slow a current numpy (best honest method).
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
bench_init migration
traces="${1:-1000}"
bins="${2:-32}"
runs="${3:-3}"
need_python numpy python3-numpy
bench_jar
java=("$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector -XX:+UseParallelGC -cp "$jar" org.seisproc.bench.MigrationBench)
"${java[@]}" export "$traces" 1000 "$work/job.bin" 2>/dev/null
echo "job: $traces traces x 1000 samples -> $bins x $bins bins x 500 samples; $(nproc) cores; $(date -u +%Y-%m-%dT%H:%MZ)"
for r in $(seq 1 "$runs"); do
  echo "--- run $r, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  for w in 1 2; do
    for mode in noaa aa; do
      # 4 repeats in one JVM; the last is the warm figure (the first includes the JIT warm-up)
      line=$("${java[@]}" run "$traces" 1000 500 "$w" "$mode" 4 "$bins" 2>/dev/null | tail -1)
      echo "seisproc $mode workers=$w: contributions seconds contrib/s cpu-s contrib/cpu-s stack-energy = $line"
    done
  done
  echo "numpy (1 core): contributions seconds contrib/s cpu-s contrib/cpu-s = $(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 "$here/numpy_kirchhoff.py" "$work/job.bin" 500 "$bins")"
done

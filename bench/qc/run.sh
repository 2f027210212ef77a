#!/usr/bin/env bash
# QC benchmark (issue 13), in one run, warm page cache, not part of the test run:
#  1. trace attributes on the 2 GB survey (320 shots x 1000 channels x 1500 samples, 320,000 traces,
#     float32): `seisproc qc attributes` (2 workers) against the same attributes vectorised in numpy
#     (attributes_numpy.py, gather by gather over the dataset's memory-mapped store), alternated,
#     RUNS times each: MB/s of samples and the ratio;
#  2. the QC stack against the engine's NMO + stack job on the same CDP gathers (`seisproc run`
#     with nmo + stack, same velocity): traces/s;
#  3. the report on the 22.3 M-trace survey of bench/engine (BIG, 16 samples per trace; skipped when
#     absent): wall time of `seisproc qc report` (pictures from header columns; samples read only for
#     three gathers and 1,000 spectrum traces).
# The machine is shared: the script prints the load average before and after; figures taken under
# load say so.
#
# Usage: bench/qc/run.sh [RUNS]      (default 3)
#        BENCH_DIR=dir (default target/bench-qc), BIG=dir of the 22.3 M-trace dataset
#        (default target/bench-engine-22m/s22m.dataset), SKIP_ATTR=1, SKIP_STACK=1, SKIP_REPORT=1,
#        SEISPROC="java -jar FILE.jar" to run a fixed build instead of ./seisproc
set -euo pipefail
# The numpy peer runs with OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE unset for its command alone: this
# machine sets them for old OpenBLAS builds, and they slow a current numpy (best honest method).
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
bench_init qc
runs="${1:-3}"
big="${BIG:-$repo/target/bench-engine-22m/s22m.dataset}"
sp="${SEISPROC:-$repo/seisproc}"   # SEISPROC="java -jar some.jar" runs a fixed build
need_python "numpy, scipy" python3-numpy python3-scipy
$sp --version >/dev/null
if [ ! -d "$work/survey.dataset" ]; then
  $sp synth "$work/survey.sgy" --shots 320 --channels 1000 --samples 1500 --dt 2000 --format 5 | tail -1
  $sp import "$work/survey.sgy" "$work/survey.dataset" --overwrite | tail -1
  rm -f "$work/survey.sgy"
fi
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ)"
med() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END{print (NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2}'; }
least() { printf '%s\n' "$@" | sort -g | head -1; }

if [ "${SKIP_ATTR:-0}" != 1 ]; then
  cat "$work/survey.dataset/traces.f32" > /dev/null
  java_s=(); numpy_s=()
  for r in $(seq 1 "$runs"); do
    out=$($sp qc attributes "$work/survey.dataset" "$work/attributes.parquet" --workers 2 | grep 'MB/s')
    java_s+=("$(echo "$out" | sed -nE 's/.* in ([0-9.]+) s = .*/\1/p')")
    out=$(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 "$here/attributes_numpy.py" "$work/survey.dataset" 1000)
    numpy_s+=("$(echo "$out" | sed -nE 's/.* in ([0-9.]+) s = .*/\1/p')")
    echo "  run $r: seisproc ${java_s[-1]} s, numpy ${numpy_s[-1]} s"
  done
  mb=$(/usr/bin/python3 -c "import json;m=json.load(open('$work/survey.dataset/dataset.json'));print(m['traces']*m['samplesPerTrace']*4/1e6)")
  jm=$(least "${java_s[@]}"); jmed=$(med "${java_s[@]}"); nm=$(least "${numpy_s[@]}"); nmed=$(med "${numpy_s[@]}")
  printf "%-40s %10s %10s %12s\n" "trace attributes, $runs runs" "min s" "median s" "MB/s (min)"
  printf "%-40s %10s %10s %12.0f\n" "seisproc qc attributes, 2 workers" "$jm" "$jmed" "$(echo "$mb / $jm" | bc -l)"
  printf "%-40s %10s %10s %12.0f\n" "numpy (vectorised per gather)" "$nm" "$nmed" "$(echo "$mb / $nm" | bc -l)"
  printf "ratio numpy/seisproc: %.2fx (min), %.2fx (median)\n" "$(echo "$nm / $jm" | bc -l)" "$(echo "$nmed / $jmed" | bc -l)"
fi

if [ "${SKIP_STACK:-0}" != 1 ]; then
  cat > "$work/stack-job.json" <<JOB
{ "input": "survey.dataset", "output": "engine-stack.dataset", "key": ["cdp"],
  "processors": [ { "name": "nmo", "velocities": [ { "cdp": 0, "times": [0, 3], "velocities": [1800, 3600] } ], "maxStretchPercent": 50 },
                  { "name": "stack" } ] }
JOB
  $sp index "$work/survey.dataset" --key cdp >/dev/null
  qs=(); es=()
  for r in $(seq 1 "$runs"); do
    out=$($sp qc stack "$work/survey.dataset" "$work/qc-stack.dataset" --velocity "1800+600t" --workers 2 --overwrite | grep 'traces/s')
    qs+=("$(echo "$out" | sed -nE 's/.* = ([0-9,]+) traces\/s.*/\1/p' | tr -d ,)")
    out=$($sp run "$work/stack-job.json" --workers 2 --overwrite --no-resume | grep -E 'wrote .* traces/s' | head -1)
    es+=("$(echo "$out" | sed -nE 's/.*\(([0-9,]+) traces\/s\).*/\1/p' | tr -d ,)")
    echo "  run $r: qc stack ${qs[-1]} traces/s, engine nmo+stack ${es[-1]} traces/s"
  done
  echo "QC stack median $(med "${qs[@]}") traces/s; engine NMO + stack median $(med "${es[@]}") traces/s"
fi

if [ "${SKIP_REPORT:-0}" != 1 ]; then
  /usr/bin/time -f "  report on the 320,000-trace survey: %e s wall, peak RSS %M KB" $sp qc report "$work/survey.dataset" "$work/report.html" \
    --attributes "$work/attributes.parquet" | tail -1
  if [ -d "$big" ]; then
    for r in $(seq 1 "$runs"); do
      /usr/bin/time -f "  run $r: report %e s wall, peak RSS %M KB" $sp qc report "$big" "$work/big-report.html" | tail -1
    done
  else
    echo "report on 22.3 M traces: skipped ($big absent; run bench/engine/run.sh first, or set BIG)"
  fi
fi
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"

#!/usr/bin/env bash
# Engine benchmark (issue 7): on a synthetic survey, the chain AGC + Ormsby band-pass + NMO on CDP
# gathers with 1, 2 and 4 workers (traces/s, start-up, peak resident memory, memory per extra
# worker) against the same chain in numpy/scipy on the same gathers (bench/engine/numpy_chain.py).
# Warm page cache. Not part of the test run.
#
# Usage: bench/engine/run.sh [SHOTS] [RUNS]     (default 200 shots x 240 channels x 1500 samples, 3 runs)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
shots="${1:-200}"
runs="${2:-3}"
work="${BENCH_DIR:-$repo/target/bench-engine}"
mkdir -p "$work"
if ! /usr/bin/python3 -c 'import numpy, scipy' 2>/dev/null; then
  (apt-get update -qq && apt-get install -y -qq python3-numpy python3-scipy) >/dev/null
fi
"$repo/seisproc" --version >/dev/null
if [ ! -d "$work/bench.dataset" ]; then
  "$repo/seisproc" synth "$work/survey.sgy" --shots "$shots" --channels 240 --samples 1500 --dt 2000 --format 5 | tail -1
  "$repo/seisproc" import "$work/survey.sgy" "$work/bench.dataset" --overwrite | tail -1
  rm -f "$work/survey.sgy"
fi
cp "$here/job.json" "$work/job.json"
traces=$(python3 -c "import json;print(json.load(open('$work/bench.dataset/dataset.json'))['traces'])")
echo "dataset: $traces traces x 1500 samples, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
cat "$work/bench.dataset/traces.f32" > /dev/null

declare -A rate start rss
peer=()
for r in $(seq 1 "$runs"); do
  for w in 1 2 4; do
    out=$( { /usr/bin/time -f "RSS %M" "$repo/seisproc" run "$work/job.json" --workers "$w" --overwrite --no-resume; } 2>&1 )
    rate[$w]+="$(echo "$out" | sed -nE 's/.*traces in [0-9.]+ s \(([0-9,]+) traces\/s\).*/\1/p' | tr -d ,) "
    start[$w]+="$(echo "$out" | sed -nE 's/.*start-up ([0-9.]+) s.*/\1/p') "
    rss[$w]+="$(echo "$out" | sed -nE 's/^RSS ([0-9]+)$/\1/p') "
  done
  peer+=("$(/usr/bin/python3 "$here/numpy_chain.py" "$work/bench.dataset" | cut -d' ' -f3)")
done
best() { printf '%s\n' $@ | sort -g | tail -1; }
least() { printf '%s\n' $@ | sort -g | head -1; }
med() { printf '%s\n' $@ | sort -g | awk '{a[NR]=$1} END{print (NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2}'; }
echo
printf "%-34s %12s %12s %14s %14s\n" "warm, $runs runs" "best tr/s" "median tr/s" "start-up s" "peak RSS MB"
for w in 1 2 4; do
  printf "%-34s %12s %12s %14s %14s\n" "seisproc run, $w worker(s)" "$(best ${rate[$w]})" "$(med ${rate[$w]})" "$(least ${start[$w]})" \
    "$(awk -v k="$(least ${rss[$w]})" 'BEGIN{printf "%.0f", k/1024}')"
done
printf "%-34s %12s %12s\n" "numpy/scipy, 1 process" "$(best ${peer[@]})" "$(med ${peer[@]})"
echo
r1=$(least ${rss[1]}); r2=$(least ${rss[2]}); r4=$(least ${rss[4]})
echo "extra resident memory per worker: 1->2: $(( (r2 - r1) / 1024 )) MB, 2->4: $(( (r4 - r2) / 2048 )) MB per worker (one gather buffer: ~$(( 240 * 1500 * 4 / 1024 )) KB of samples per 240-trace gather)"
echo "ratio ours (2 workers) / numpy: $(awk -v a="$(best ${rate[2]})" -v b="$(best ${peer[@]})" 'BEGIN{printf "%.1f", a/b}')x"
[ "${KEEP:-0}" = 1 ] || rm -rf "$work"

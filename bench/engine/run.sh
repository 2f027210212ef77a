#!/usr/bin/env bash
# Engine benchmark (issue 7), in one run:
#  1. on a synthetic survey, the chain AGC + Ormsby band-pass + NMO on CDP gathers with 1, 2 and 4
#     workers (traces/s, peak resident memory, memory per extra worker, bytes each worker copied and
#     allocated) against the same chain in numpy/scipy on the same gathers (numpy_chain.py), one
#     process (against 1 worker) and two processes at once (against 2 workers);
#  2. job start-up (job file read -> first gather dispatched) on a 22,324,560-trace header table: a
#     synthetic survey of that many traces with 16 samples each (the samples do not matter to the
#     start-up; ~20 GB of disk, built once into $BIG and kept), its cdp index stored; each run is
#     stopped with SIGTERM once it is under way (which also exercises the clean cancel).
# Warm page cache. Not part of the test run.
#
# Usage: bench/engine/run.sh [SHOTS] [RUNS]     (default 200 shots x 240 channels x 1500 samples, 3 runs)
#        BIG=/path/to/dir  where the 22.3 M-trace dataset lives (default target/bench-engine-22m); SKIP_BIG=1 skips part 2, SKIP_SMALL=1 part 1
set -euo pipefail
# The numpy peer runs with OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE unset for its command alone: this
# machine sets them for old OpenBLAS builds, and they slow a current numpy (best honest method).
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
bench_init engine
shots="${1:-200}"
runs="${2:-3}"
need_python "numpy, scipy" python3-numpy python3-scipy
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

best() { printf '%s\n' $@ | sort -g | tail -1; }
least() { printf '%s\n' $@ | sort -g | head -1; }
med() { printf '%s\n' $@ | sort -g | awk '{a[NR]=$1} END{print (NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2}'; }
if [ "${SKIP_SMALL:-0}" != 1 ]; then
declare -A rate start rss proc half
peer=()
peer2=()
peerhalf=()
peer2half=()
for r in $(seq 1 "$runs"); do
  for w in 1 2 4; do
    out=$( { /usr/bin/time -f "RSS %M" "$repo/seisproc" run "$work/job.json" --workers "$w" --overwrite --no-resume; } 2>&1 | /usr/bin/python3 "$here/rates.py" )
    [ "$r" = 1 ] && [ "$w" = 2 ] && workers_report="$(echo "$out" | grep -E '^run:   worker ')"
    rate[$w]+="$(echo "$out" | sed -nE 's/.*traces in [0-9.]+ s \(([0-9,]+) traces\/s\).*/\1/p' | tr -d ,) "
    # the rate when the last gather was processed, before the commit (sync, header table): numpy writes nothing
    proc[$w]+="$(echo "$out" | sed -nE 's/.*\(100%\), ([0-9,]+) traces\/s, done.*/\1/p' | tail -1 | tr -d ,) "
    start[$w]+="$(echo "$out" | sed -nE 's/.*start-up ([0-9.]+) s.*/\1/p') "
    rss[$w]+="$(echo "$out" | sed -nE 's/^RSS ([0-9]+)$/\1/p') "
    half[$w]+="$(echo "$out" | sed -nE 's/^second half: ([0-9]+) traces\/s$/\1/p') "
  done
  one=$(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 "$here/numpy_chain.py" "$work/bench.dataset")
  peer+=("$(echo "$one" | cut -d' ' -f3)"); peerhalf+=("$(echo "$one" | cut -d' ' -f4)")
  # two numpy processes at once, each over every gather: their rates added (the peer of 2 workers)
  two=$( { env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 "$here/numpy_chain.py" "$work/bench.dataset" &
           env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 "$here/numpy_chain.py" "$work/bench.dataset" &
           wait; } )
  peer2+=("$(echo "$two" | cut -d' ' -f3 | awk '{s += $1} END {print s}')"); peer2half+=("$(echo "$two" | cut -d' ' -f4 | awk '{s += $1} END {print s}')")
done
echo
printf "%-34s %12s %12s %14s %14s %22s %18s\n" "warm, $runs runs" "best tr/s" "median tr/s" "start-up s" "peak RSS MB" "processing best/med" "2nd half best/med"
for w in 1 2 4; do
  printf "%-34s %12s %12s %14s %14s %22s %18s\n" "seisproc run, $w worker(s)" "$(best ${rate[$w]})" "$(med ${rate[$w]})" "$(least ${start[$w]})" \
    "$(awk -v k="$(least ${rss[$w]})" 'BEGIN{printf "%.0f", k/1024}')" "$(best ${proc[$w]}) / $(med ${proc[$w]})" "$(best ${half[$w]}) / $(med ${half[$w]})"
done
echo "(tr/s: the whole job, its output written and synced; processing: until the last gather was done, before that commit;"
echo " 2nd half: the processing rate over the second half of the traces, once the JIT has compiled the kernels)"
printf "%-34s %12s %12s %14s %14s %22s %18s\n" "numpy/scipy, 1 process" "$(best ${peer[@]})" "$(med ${peer[@]})" "" "" "" "$(best ${peerhalf[@]}) / $(med ${peerhalf[@]})"
printf "%-34s %12s %12s %14s %14s %22s %18s\n" "numpy/scipy, 2 processes at once" "$(best ${peer2[@]})" "$(med ${peer2[@]})" "" "" "" "$(best ${peer2half[@]}) / $(med ${peer2half[@]})"
echo
r1=$(least ${rss[1]}); r2=$(least ${rss[2]}); r4=$(least ${rss[4]})
echo "extra resident memory per worker: 1->2: $(( (r2 - r1) / 1024 )) MB, 2->4: $(( (r4 - r2) / 2048 )) MB per worker (one gather buffer: ~$(( 240 * 1500 * 4 / 1024 )) KB of samples per 240-trace gather)"
echo "ratio ours (2 workers) / numpy (2 processes), best/best: whole job $(awk -v a="$(best ${rate[2]})" -v b="$(best ${peer2[@]})" 'BEGIN{printf "%.2f", a/b}')x, processing $(awk -v a="$(best ${proc[2]})" -v b="$(best ${peer2[@]})" 'BEGIN{printf "%.2f", a/b}')x"
echo "ratio ours (1 worker) / numpy (1 process), best/best: whole job $(awk -v a="$(best ${rate[1]})" -v b="$(best ${peer[@]})" 'BEGIN{printf "%.2f", a/b}')x, processing $(awk -v a="$(best ${proc[1]})" -v b="$(best ${peer[@]})" 'BEGIN{printf "%.2f", a/b}')x"
echo "ratio in the second half of the traces, best/best: 1 worker $(awk -v a="$(best ${half[1]})" -v b="$(best ${peerhalf[@]})" 'BEGIN{printf "%.2f", a/b}')x, 2 workers $(awk -v a="$(best ${half[2]})" -v b="$(best ${peer2half[@]})" 'BEGIN{printf "%.2f", a/b}')x"
echo "what each of 2 workers copied and allocated (first run; measured by the engine, HotSpot per-thread allocation counter):"
echo "$workers_report"
fi
[ "${KEEP:-0}" = 1 ] || rm -rf "$work"

[ "${SKIP_BIG:-0}" = 1 ] && exit 0
big="${BIG:-$repo/target/bench-engine-22m}"
mkdir -p "$big"
if [ ! -f "$big/s22m.dataset/dataset.json" ]; then
  echo
  echo "building the 22.3 M-trace dataset in $big (once; ~3 min)"
  "$repo/seisproc" synth "$big/s22m.sgy" --traces 22324543 --channels 240 --samples 16 --dt 4000 --format 5 | tail -1
  "$repo/seisproc" import "$big/s22m.sgy" "$big/s22m.dataset" --overwrite | tail -2
  rm -f "$big/s22m.sgy"
fi
"$repo/seisproc" index "$big/s22m.dataset" --key cdp --key2 offset | sed -n '1,3p'
cat > "$big/job.json" <<'JOB'
{ "input": "s22m.dataset", "output": "s22m-out.dataset", "key": ["cdp"], "sortBy": ["offset"],
  "processors": [ { "name": "agc", "windowMs": 40 }, { "name": "scale", "factor": 2 } ] }
JOB
cat "$big/s22m.dataset/trace-headers.bin" "$big/s22m.dataset/index/"*.idx > /dev/null
startup_run() {  # workers -> "start-up since-JVM" of one run, stopped with SIGTERM once under way
  local log="$big/run.log"
  "$repo/seisproc" run "$big/job.json" --workers "$1" --overwrite --no-resume > "$log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 100); do grep -q '%)' "$log" && break; sleep 0.1; done
  sleep 1
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  sed -nE 's/.*start-up ([0-9.]+) s .*; ([0-9.]+) s since the JVM started.*/\1 \2/p' "$log"
}
startup_run 2 > /dev/null   # warm-up: the class-data archive and the page cache
declare -A su jvm
for r in $(seq 1 "$runs"); do
  for w in 1 2 4; do
    read -r a b < <(startup_run "$w")
    su[$w]+="$a "; jvm[$w]+="$b "
  done
done
echo
echo "job start-up on $(python3 -c "import json;print(format(json.load(open('$big/s22m.dataset/dataset.json'))['traces'],','))") traces (cdp index stored, $runs runs; target < 0.3 s):"
printf "%-34s %14s %14s %22s\n" "" "best s" "median s" "since JVM start, med s"
for w in 1 2 4; do
  printf "%-34s %14s %14s %22s\n" "seisproc run, $w worker(s)" "$(least ${su[$w]})" "$(med ${su[$w]})" "$(med ${jvm[$w]})"
done
grep -E 'ready in' "$big/run.log"
rm -rf "$big/s22m-out.dataset"

#!/usr/bin/env bash
# `seisproc headers DATASET --where "cdp between 100 and 140"` in a fresh process (issue 16, goal 4:
# <= 0.3 s wall on 22.3 M traces). Builds a dataset of TRACES short traces (synth, 4 samples, so the
# build is quick; the header table is what matters), warms the header cache once, then times
# RUNS fresh processes, and for scale the same launcher printing its version (JVM start-up, the
# start-up cache, picocli) and the query with a --limit of 1.
#
# Usage: bench/headers/where.sh [TRACES] [RUNS]     (default 22324543 traces, 5 runs; 5000000 takes ~1 min to build)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
traces="${1:-22324543}"
runs="${2:-5}"
work="${BENCH_DIR:-$repo/target/bench-where}"
mkdir -p "$work"
ds="$work/ds-$traces"
"$repo/seisproc" --version >/dev/null
if [ ! -f "$ds/dataset.json" ]; then
  "$repo/seisproc" synth "$work/s.sgy" --traces "$traces" --samples 4 --channels 96 >/dev/null
  "$repo/seisproc" import "$work/s.sgy" "$ds" --overwrite | tail -2
  rm -f "$work/s.sgy" "$work/s.sgy.model.json"
fi
q=(headers "$ds" --where "cdp between 100 and 140")
"$repo/seisproc" "${q[@]}" >/dev/null   # builds the header cache's columns once
echo "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ); rows printed: $(( $("$repo/seisproc" "${q[@]}" | wc -l) - 1 ))"
time_it() {  # prints wall and CPU (user+sys) seconds of one run
  /usr/bin/time -f "%e %U %S" "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%.3f %.3f\n", $1, $2+$3}'
}
row() {
  local name="$1"; shift
  local walls=() cpus=()
  for _ in $(seq 1 "$runs"); do read -r w c < <(time_it "$@"); walls+=("$w"); cpus+=("$c"); done
  printf "%-44s %8s %8s %8s\n" "$name" "$(printf '%s\n' "${walls[@]}" | sort -g | head -1)" \
    "$(printf '%s\n' "${walls[@]}" | sort -g | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')" "$(printf '%s\n' "${cpus[@]}" | sort -g | head -1)"
}
printf "%-44s %8s %8s %8s\n" "fresh process, $runs runs" "min s" "median s" "CPU min s"
row "seisproc --version (start-up only)" "$repo/seisproc" --version
row "headers --where (cdp between 100 and 140)" "$repo/seisproc" "${q[@]}"
row "headers --where ... --limit 1" "$repo/seisproc" "${q[@]}" --limit 1
[ "${KEEP:-1}" = 1 ] || rm -rf "$work"

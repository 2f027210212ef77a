#!/usr/bin/env bash
# Whole-file SEG-Y read: SeisProc (SegyFile, decode to float32, sum) vs segyio (Debian python3-segyio,
# f.trace.raw[:] into numpy, sum), warm page cache, alternating, ROUNDS times each; `cat` as the I/O
# ceiling. Prints min and median per tool and the ratio ours/segyio (of throughput: > 1 = we are faster).
#
# Usage: bench/segy-read/run.sh [ROUNDS=5]     env: BIG=/tmp/seisproc-bench-big.sgy TRACES=200000 SAMPLES=1500 KEEP=0
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
bench_init segy-read
root="$repo"
rounds="${1:-5}"
big="${BIG:-/tmp/seisproc-bench-big.sgy}"
traces="${TRACES:-200000}"
samples="${SAMPLES:-1500}"
py=/usr/bin/python3

case "$(realpath -m "$big")" in "$root"/*) [[ "$(realpath -m "$big")" == "$root"/*/target/* ]] || { echo "BIG must not be inside the repository (except target/)"; exit 2; } ;; esac

bench_jar
java=(java --enable-native-access=ALL-UNNAMED -Xshare:auto -cp "$jar")

need_python "segyio, numpy" python3-segyio python3-numpy

cleanup() { [[ "${KEEP:-0}" == 1 ]] || rm -f "$big"; }
trap cleanup EXIT

echo "== $(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== java: $(java -version 2>&1 | head -1); segyio $("$py" -c 'import segyio; print(segyio.__version__)'), numpy $("$py" -c 'import numpy; print(numpy.__version__)')"
if [[ ! -f "$big" ]]; then
  "${java[@]}" org.seisproc.bench.MakeBigSegy "$big" "$traces" "$samples"
fi
size=$(stat -c %s "$big")
echo "== file: $big, $size bytes ($(awk -v b="$size" 'BEGIN{printf "%.2f", b/1e9}') GB), IBM float big-endian"

now() { date +%s.%N; }
warm() { if command -v vmtouch >/dev/null; then vmtouch -tq "$big"; else cat "$big" > /dev/null; fi; }
declare -a cat_s ours_wall ours_in arr_wall arr_in py_wall py_in
jvm_s=()

# JVM start-up alone, for reference: `java -version`
for i in 1 2 3; do t0=$(now); java -Xshare:auto -version >/dev/null 2>&1; t1=$(now); jvm_s+=("$(echo "$t1 - $t0" | bc -l)"); done

for r in $(seq 1 "$rounds"); do
  warm
  t0=$(now); cat "$big" > /dev/null; t1=$(now); cat_s+=("$(echo "$t1 - $t0" | bc -l)")
  warm
  t0=$(now); out=$("${java[@]}" org.seisproc.bench.ReadAll "$big"); t1=$(now)
  ours_wall+=("$(echo "$t1 - $t0" | bc -l)"); ours_in+=("$(sed -E 's/.*seconds=([0-9.]+).*/\1/' <<<"$out")")
  echo "round $r ours:   wall $(printf %.3f "${ours_wall[-1]}") s  | $out"
  warm
  # THP is "madvise" here: without this flag the JVM faults the 1.2 GB array in 4 KB pages, ~4x slower
  t0=$(now); out=$("${java[@]}" -Xmx3g -XX:+UseTransparentHugePages org.seisproc.bench.ReadAll --into-array "$big"); t1=$(now)
  arr_wall+=("$(echo "$t1 - $t0" | bc -l)"); arr_in+=("$(sed -E 's/.*seconds=([0-9.]+).*/\1/' <<<"$out")")
  echo "round $r ours:   wall $(printf %.3f "${arr_wall[-1]}") s  | $out"
  warm
  t0=$(now); out=$("$py" "$here/segyio_read.py" "$big"); t1=$(now)
  py_wall+=("$(echo "$t1 - $t0" | bc -l)"); py_in+=("$(sed -E 's/.*seconds=([0-9.]+).*/\1/' <<<"$out")")
  echo "round $r segyio: wall $(printf %.3f "${py_wall[-1]}") s  | $out"
done

stats() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END{m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.3f %.3f", a[1], m}'; }
row() { # name, seconds...
  local name="$1"; shift; read -r mn md <<<"$(stats "$@")"
  printf "%-34s %8.3f %8.3f %9.0f %9.0f\n" "$name" "$mn" "$md" "$(echo "$size/$mn/1000000" | bc -l)" "$(echo "$size/$md/1000000" | bc -l)"
}
echo
echo "== $rounds rounds, warm page cache, alternating; MB/s = 10^6 file bytes per second"
printf "%-34s %8s %8s %9s %9s\n" "" "min s" "median s" "MB/s max" "MB/s med"
row "cat > /dev/null (I/O ceiling)" "${cat_s[@]}"
row "seisproc ReadAll, in-process" "${ours_in[@]}"
row "seisproc ReadAll, wall incl. JVM" "${ours_wall[@]}"
row "seisproc into float[] (THP), in-proc" "${arr_in[@]}"
row "seisproc into float[] (THP), wall" "${arr_wall[@]}"
row "segyio, in-process" "${py_in[@]}"
row "segyio, wall incl. python start" "${py_wall[@]}"
row "JVM start-up alone (java -version)" "${jvm_s[@]}"
read -r oin_min oin_med <<<"$(stats "${ours_in[@]}")"; read -r pin_min pin_med <<<"$(stats "${py_in[@]}")"
read -r ow_min ow_med <<<"$(stats "${ours_wall[@]}")"; read -r pw_min pw_med <<<"$(stats "${py_wall[@]}")"
read -r ain_min ain_med <<<"$(stats "${arr_in[@]}")"
echo
printf "ratio ours/segyio (throughput = segyio time / our time): in-process min %.2fx, median %.2fx; wall min %.2fx, median %.2fx\n" \
  "$(echo "$pin_min/$oin_min" | bc -l)" "$(echo "$pin_med/$oin_med" | bc -l)" "$(echo "$pw_min/$ow_min" | bc -l)" "$(echo "$pw_med/$ow_med" | bc -l)"
printf "ratio ours/segyio, both filling one array of all samples (in-process): min %.2fx, median %.2fx\n" \
  "$(echo "$pin_min/$ain_min" | bc -l)" "$(echo "$pin_med/$ain_med" | bc -l)"

#!/usr/bin/env bash
# Import/export benchmark (issue 4): on a synthetic survey of >= 2 GB, in ONE run and alternating,
# several times each: `cat FILE > /dev/null` (the I/O ceiling), our import with 1 and 2 workers,
# python3-segyio reading the file into numpy, and our export. Warm page cache throughout
# (the file is read once before; this VM drops pages idle for ~60 s, so each run re-touches it).
#
# Usage: bench/import/run.sh [TRACES] [RUNS]     (default 500000 traces x 1000 samples = 2.1 GB, 3 runs)
# Needs: python3-segyio python3-numpy (Debian; installed if missing), vmtouch (optional).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
bench_init import
traces="${1:-500000}"
runs="${2:-3}"
sgy="$work/survey.sgy"

need_python "segyio, numpy" python3-segyio python3-numpy

"$repo/seisproc" --version >/dev/null   # builds the CLI first if needed
if [ ! -f "$sgy" ]; then
  "$repo/seisproc" synth "$sgy" --traces "$traces" --channels 96 --samples 1000 --dt 2000 --format 1 | tail -1
fi
bytes=$(stat -c %s "$sgy")
mb=$(awk -v b="$bytes" 'BEGIN{printf "%.0f", b/1e6}')
echo "file: $sgy, $mb MB, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"

warm() { cat "$1" > /dev/null; }
now() { date +%s.%N; }
declare -a cat_s imp1 imp2 imp2c seg exp_s

for r in $(seq 1 "$runs"); do
  warm "$sgy"
  t0=$(now); cat "$sgy" > /dev/null; t1=$(now); cat_s+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", b-a}')")

  warm "$sgy"
  out=$("$repo/seisproc" import "$sgy" "$work/ds1" --workers 1 --overwrite --no-checksum | grep "copy")
  imp1+=("$(echo "$out" | sed -E 's/.* in ([0-9.]+) s; copy ([0-9.]+) s.*/\2/')")

  warm "$sgy"
  out=$("$repo/seisproc" import "$sgy" "$work/ds2" --workers 2 --overwrite --no-checksum | grep "copy")
  imp2+=("$(echo "$out" | sed -E 's/.* in ([0-9.]+) s; copy ([0-9.]+) s.*/\2/')")

  warm "$sgy"
  out=$("$repo/seisproc" import "$sgy" "$work/ds2" --workers 2 --overwrite | grep "copy")
  imp2c+=("$(echo "$out" | sed -E 's/.* in ([0-9.]+) s; copy.*/\1/')")

  warm "$sgy"
  seg+=("$(/usr/bin/python3 "$here/segyio_read.py" "$sgy" | cut -d' ' -f1)")

  rm -f "$work/export.sgy"
  out=$("$repo/seisproc" export "$work/ds2" "$work/export.sgy" --workers 2 | grep "^export: $work")
  exp_s+=("$(echo "$out" | sed -E 's/.* bytes in ([0-9.]+) s.*/\1/')")
done
cmp -s "$sgy" "$work/export.sgy" && same="byte-identical" || same="DIFFERENT"

stats() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END{m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.3f %.3f\n", a[1], m}'; }
row() {
  local name="$1"; shift
  read -r mn md < <(stats "$@")
  printf "%-44s %8.3f %8.3f %9.0f\n" "$name" "$mn" "$md" "$(awk -v a="$mb" -v b="$mn" 'BEGIN{printf "%.0f", a/b}')"
}
echo
printf "%-44s %8s %8s %9s\n" "warm cache, $runs runs each" "min s" "median s" "MB/s(min)"
row "cat FILE > /dev/null (I/O ceiling)" "${cat_s[@]}"
row "seisproc import, 1 worker (copy phase)" "${imp1[@]}"
row "seisproc import, 2 workers (copy phase)" "${imp2[@]}"
row "seisproc import, 2 workers, all incl. sha256" "${imp2c[@]}"
row "segyio (python3-segyio) into numpy" "${seg[@]}"
row "seisproc export, 2 workers (incl. fsync)" "${exp_s[@]}"
read -r s_min _ < <(stats "${seg[@]}")
read -r i2_min _ < <(stats "${imp2[@]}")
read -r i2c_min _ < <(stats "${imp2c[@]}")
echo
echo "ratio segyio / import (2 workers, copy): $(awk -v a="$s_min" -v b="$i2_min" 'BEGIN{printf "%.2f", a/b}')x faster than segyio"
echo "ratio segyio / import (2 workers, with checksums): $(awk -v a="$s_min" -v b="$i2c_min" 'BEGIN{printf "%.2f", a/b}')x"
echo "exported file vs source: $same"
[ "${KEEP:-0}" = 1 ] || rm -rf "$work"

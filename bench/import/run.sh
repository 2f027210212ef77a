#!/usr/bin/env bash
# Import/export benchmark (issues 4 and 16): on a synthetic IBM survey (default 320,000 traces x
# 1,500 samples = 2.0 GB), in ONE run and alternating, several times each:
#   - `cat FILE > /dev/null` (the read ceiling) and `dd` writing as many bytes around the page
#     cache with an fsync (the disk's durable-write ceiling: an import makes its store durable);
#   - our import, whole (copy with chunk codes, header table, sync; 2 workers) and its copy phase,
#     and the same with --checksum (SHA-256 of the store as well);
#   - python3-segyio reading every trace into numpy plus 4 header fields (segyio_read.py);
#   - our export, byte-identical (IBM, as the source) and converting (IEEE float, format 5), both
#     with their fsync;
#   - python3-segyio writing the same file from numpy (segyio_write.py; its file is byte-identical
#     to the source too; no fsync);
# then the ratios against segyio, the exported file checked byte for byte, and the peak anonymous
# memory of one import (bench/import/peak_anon.sh; mapped file pages excluded).
# Warm page cache throughout (each tool's input is read once before it runs).
#
# Usage: bench/import/run.sh [TRACES] [RUNS] [SAMPLES]   (default 320000 traces, 3 runs, 1500 samples)
# Needs: python3-segyio python3-numpy (Debian; installed if missing).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
bench_init import
traces="${1:-320000}"
runs="${2:-3}"
samples="${3:-1500}"
sgy="$work/survey-$traces-$samples.sgy"

need_python "segyio, numpy" python3-segyio python3-numpy

"$repo/seisproc" --version >/dev/null   # builds the CLI first if needed
if [ ! -f "$sgy" ]; then
  "$repo/seisproc" synth "$sgy" --traces "$traces" --channels 96 --samples "$samples" --dt 2000 --format 1 | tail -1
fi
bytes=$(stat -L -c %s "$sgy")
mb=$(awk -v b="$bytes" 'BEGIN{printf "%.0f", b/1e6}')
echo "file: $sgy, $mb MB, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ)"

# the page cache warm for the next step, and what the steps before deleted really gone: this file
# system is mounted with `discard`, and a 2 GB file deleted just before a step is trimmed (by the
# journal commit) while that step writes, which took an export from 1.6 to 3.5 s in one pass
warm() { sync; sleep 2; cat "$@" > /dev/null; }
now() { date +%s.%N; }
declare -a cat_s dd_s imp_copy imp_all imp_sha seg exp_same exp_conv segw

for r in $(seq 1 "$runs"); do
  warm "$sgy"
  t0=$(now); cat "$sgy" > /dev/null; t1=$(now); cat_s+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", b-a}')")

  # the disk's own ceiling for what an import must make durable: the file's size written with
  # dd, around the page cache and synced (an import writes about as much: the float32 store and
  # the raw headers)
  warm "$sgy"
  t0=$(now); dd if=/dev/zero of="$work/dd.bin" bs=8M count=$(( bytes / 8388608 )) oflag=direct conv=fsync status=none; t1=$(now)
  dd_s+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", b-a}')")
  rm -f "$work/dd.bin"

  rm -rf "$work/ds"   # gone before the import starts, not deleted (and trimmed) while it runs
  warm "$sgy"
  out=$("$repo/seisproc" import "$sgy" "$work/ds" --workers 2 --overwrite | grep "copy")
  imp_all+=("$(echo "$out" | sed -E 's/.* in ([0-9.]+) s; copy.*/\1/')")
  imp_copy+=("$(echo "$out" | sed -E 's/.* in ([0-9.]+) s; copy ([0-9.]+) s.*/\2/')")

  warm "$sgy"
  out=$("$repo/seisproc" import "$sgy" "$work/ds-sha" --workers 2 --overwrite --checksum | grep "copy")
  imp_sha+=("$(echo "$out" | sed -E 's/.* in ([0-9.]+) s; copy.*/\1/')")
  rm -rf "$work/ds-sha"

  warm "$sgy"
  seg+=("$(/usr/bin/python3 "$here/segyio_read.py" "$sgy" | cut -d' ' -f1)")

  warm "$work/ds/traces.f32" "$work/ds/trace-headers.bin"
  rm -f "$work/export.sgy"
  out=$("$repo/seisproc" export "$work/ds" "$work/export.sgy" --workers 2 | grep "^export: $work")
  exp_same+=("$(echo "$out" | sed -E 's/.* bytes in ([0-9.]+) s.*/\1/')")
  cmp -s "$sgy" "$work/export.sgy" && same="byte-identical" || same="DIFFERENT"
  rm -f "$work/export.sgy"

  warm "$work/ds/traces.f32" "$work/ds/trace-headers.bin"
  rm -f "$work/export5.sgy"
  out=$("$repo/seisproc" export "$work/ds" "$work/export5.sgy" --workers 2 --format 5 | grep "^export: $work")
  exp_conv+=("$(echo "$out" | sed -E 's/.* bytes in ([0-9.]+) s.*/\1/')")
  rm -f "$work/export5.sgy"

  warm "$sgy"
  rm -f "$work/segyio.sgy"
  segw+=("$(/usr/bin/python3 "$here/segyio_write.py" "$sgy" "$work/segyio.sgy" | cut -d' ' -f1)")
  rm -f "$work/segyio.sgy"
done

stats() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END{m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.3f %.3f\n", a[1], m}'; }
row() {
  local name="$1"; shift
  read -r mn md < <(stats "$@")
  printf "%-52s %8.3f %8.3f %9.0f\n" "$name" "$mn" "$md" "$(awk -v a="$mb" -v b="$mn" 'BEGIN{printf "%.0f", a/b}')"
}
ratio() { read -r a _ < <(stats $1); read -r b _ < <(stats $2); awk -v a="$a" -v b="$b" 'BEGIN{printf "%.2f", a/b}'; }
echo
printf "%-52s %8s %8s %9s\n" "warm cache, $runs runs each" "min s" "median s" "MB/s(min)"
row "cat FILE > /dev/null (I/O ceiling)" "${cat_s[@]}"
row "dd the same bytes to disk, direct + fsync (ceiling)" "${dd_s[@]}"
row "seisproc import, 2 workers, whole" "${imp_all[@]}"
row "  of which the copy phase" "${imp_copy[@]}"
row "seisproc import --checksum (+ SHA-256), whole" "${imp_sha[@]}"
row "segyio: all samples + 4 header fields into numpy" "${seg[@]}"
row "seisproc export, byte-identical (incl. fsync)" "${exp_same[@]}"
row "seisproc export, converting to IEEE (incl. fsync)" "${exp_conv[@]}"
row "segyio: write the same file from numpy (no fsync)" "${segw[@]}"
echo
echo "import whole:      $(ratio "${seg[*]}" "${imp_all[*]}")x segyio reading (min/min); $(ratio "${dd_s[*]}" "${imp_all[*]}")x the disk's durable-write ceiling (dd)"
echo "export identical:  $(ratio "${segw[*]}" "${exp_same[*]}")x segyio writing"
echo "export converting: $(ratio "${segw[*]}" "${exp_conv[*]}")x segyio writing"
echo "exported file vs source: $same"
warm "$sgy"
"$here/peak_anon.sh" "$repo/seisproc" import "$sgy" "$work/ds" --workers 2 --overwrite 2>&1 >/dev/null | grep "^peak"
[ "${KEEP:-0}" = 1 ] || rm -rf "$work"

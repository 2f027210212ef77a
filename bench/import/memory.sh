#!/usr/bin/env bash
# Peak anonymous memory of `seisproc import` at several survey sizes (issue 16, goal 6: <= 1 GB at
# any size). Each survey comes from `seisproc synth` (IBM floats); the import runs with the
# launcher's defaults (JVM heap: a quarter of the RAM, Parallel GC) under bench/import/peak_anon.sh,
# which samples RssAnon (mapped file pages excluded) every 20 ms.
#
# Usage: bench/import/memory.sh [TRACESxSAMPLES ...]   (default: 320000x1500 2000000x16 8000000x16)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="${BENCH_DIR:-$repo/target/bench-memory}"
mkdir -p "$work"
specs=("$@"); [ ${#specs[@]} -gt 0 ] || specs=(320000x1500 2000000x16 8000000x16)
"$repo/seisproc" --version >/dev/null
echo "$(nproc) cores, $(free -g | awk '/^Mem:/{print $2}') GB RAM, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ)"
printf "%-22s %9s %9s %16s %20s\n" "survey (IBM)" "file MB" "import s" "peak anon MB" "peak RSS MB (+maps)"
for spec in "${specs[@]}"; do
  traces="${spec%x*}"; samples="${spec#*x}"
  sgy="$work/s-$spec.sgy"
  [ -f "$sgy" ] || "$repo/seisproc" synth "$sgy" --traces "$traces" --samples "$samples" --channels 96 --format 1 >/dev/null
  cat "$sgy" > /dev/null
  log="$work/import-$spec.log"
  "$here/peak_anon.sh" "$repo/seisproc" import "$sgy" "$work/ds-$spec" --overwrite >"$log" 2>&1
  line=$(grep -E "^import: .* traces x" "$log" | tail -1)
  secs=$(echo "$line" | sed -E 's/.* in ([0-9.]+) s;.*/\1/')
  anon=$(sed -nE 's/^peak anonymous memory: ([0-9]+) MB.*/\1/p' "$log")
  rss=$(sed -nE 's/.*peak RSS incl. mapped files: ([0-9]+) MB/\1/p' "$log")
  printf "%-22s %9.0f %9s %16s %20s\n" "$(printf "%'d" "$traces") x $samples" "$(( $(stat -c %s "$sgy") / 1000000 ))" "$secs" "$anon" "$rss"
  rm -rf "$work/ds-$spec"
  [ "${KEEP:-0}" = 1 ] || rm -f "$sgy" "$sgy.model.json"
done
[ "${KEEP:-0}" = 1 ] || rm -rf "$work"

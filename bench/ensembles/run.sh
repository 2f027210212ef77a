#!/usr/bin/env bash
# Ensemble benchmark (issue 6), in ONE run:
#  1. index build on 22,324,543 shot-ordered cdp/offset keys (raw LE int32 files, generated once):
#     our packed-key radix sort (cdp by offset) vs Polars arg_sort_by(cdp, offset) + group_by(cdp)
#     (nodejs-polars 0.26.1, pinned by package-lock.json), alternating fresh processes, RUNS each;
#     every process does 3 builds in a row (run 0 = cold JIT / first touch, runs 1-2 = warm).
#  2. gather fetch latency on a synthetic survey dataset of ~400 MB (page cache warm; and cold
#     for the reader when vmtouch is present).
#  3. the physical sort by cdp,offset of that dataset, MB/s, next to `cp` of its trace store.
# Usage: bench/ensembles/run.sh [RUNS]      Needs: node + npm, JDK 25 (./mvnw).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
bench_init ensembles
runs="${1:-3}"
java="$JAVA_HOME/bin/java"
bench_jar
(cd "$here" && npm ci --no-audit --no-fund >/dev/null)
jrun() { "$java" --enable-native-access=ALL-UNNAMED -Xms4g -Xmx6g -cp "$jar" org.seisproc.bench.EnsembleBench "$@"; }

echo "# $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $("$java" -version 2>&1 | head -1), node $(node --version), nodejs-polars $(node -p "require('$here/node_modules/nodejs-polars/package.json').version")"
keys="$work/keys"
[ -f "$keys/offset.i32" ] || jrun keys "$keys" 22324543
echo "## index build, 22,324,543 rows (cdp, offset)"
for r in $(seq 1 "$runs"); do
  cat "$keys"/*.i32 > /dev/null
  jrun index "$keys" 3
  cat "$keys"/*.i32 > /dev/null
  node "$here/polars-index.mjs" "$keys" 3
done

echo "## gathers"
sgy="$work/survey.sgy"
ds="$work/survey"
if [ ! -f "$ds/dataset.json" ]; then
  "$repo/seisproc" synth "$sgy" --traces 100000 --channels 240 --samples 1000 --dt 2000 --format 5 | tail -1
  "$repo/seisproc" import "$sgy" "$ds" --overwrite | tail -1
  rm -f "$sgy"
fi
cat "$ds/traces.f32" > /dev/null
jrun gathers "$ds"
if command -v vmtouch >/dev/null; then
  vmtouch -e "$ds/traces.f32" >/dev/null
  echo "(cold: traces.f32 evicted with vmtouch -e before this run; the first, warm-up pass reads it from disk)"
  jrun gathers "$ds" | grep -E "^dataset|sequential \(store"
else
  echo "(vmtouch not installed: no cold-cache figures)"
fi

echo "## sort by cdp,offset"
for r in $(seq 1 "$runs"); do
  cat "$ds/traces.f32" > /dev/null
  t0=$(date +%s.%N); cp "$ds/traces.f32" "$work/copy.f32"; sync "$work/copy.f32"; t1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" -v s="$(stat -c %s "$ds/traces.f32")" 'BEGIN{printf "cp+sync of traces.f32: %.0f MB in %.2f s = %.0f MB/s\n", s/1e6, b-a, s/1e6/(b-a)}'
  rm -f "$work/copy.f32"
  jrun sort "$ds" "$work/sorted"
done

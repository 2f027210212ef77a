#!/usr/bin/env bash
# Spark benchmark (issue 15): the bench/engine job (AGC + Ormsby band-pass + NMO on CDP gathers) on
# the 2 GB survey (`seisproc synth --shots 320 --channels 1000 --samples 1500`, 320,000 traces),
# run by the local engine (2 workers) and by Spark `local[2]` (`seisproc run --engine spark`),
# alternating, ROUNDS rounds; min and median of each. The processing time is each run's own
# `run: wrote ... in X s`; Spark's start-up (session and executors) is its own line and is
# reported apart, as is each whole process's wall time. Checksums of both outputs must agree.
# Warm page cache (the input is read before each round). Not part of the test run.
#
# Usage: bench/spark/run.sh [ROUNDS]      (default 3)   BENCH_DIR=... where the data goes
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
bench_init spark
rounds="${1:-3}"
"$repo/seisproc" --version >/dev/null
if [ ! -f "$repo/seisproc-spark/target/seisproc-spark.jar" ] || \
   [ -n "$(find "$repo/seisproc-spark/src/main" "$repo/seisproc-core/src/main" -newer "$repo/seisproc-spark/target/seisproc-spark.jar" -type f -print -quit)" ]; then
  echo "building seisproc-spark..."
  "$repo/mvnw" -q -pl seisproc-core,seisproc-cli,seisproc-spark package -DskipTests >/dev/null
fi
if [ ! -f "$work/bench.dataset/dataset.json" ]; then
  "$repo/seisproc" synth "$work/survey.sgy" --shots 320 --channels 1000 --samples 1500 | tail -1
  "$repo/seisproc" import "$work/survey.sgy" "$work/bench.dataset" --overwrite | tail -1
  rm -f "$work/survey.sgy"
fi
sed 's/bench-out.dataset/out-local.dataset/' "$repo/bench/engine/job.json" > "$work/local.json"
sed 's/bench-out.dataset/out-spark.dataset/' "$repo/bench/engine/job.json" > "$work/spark.json"
"$repo/seisproc" index "$work/bench.dataset" --key cdp --key2 offset | sed -n '1,2p'
echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ)"

# the same collector as ./seisproc uses for the local engine
export SEISPROC_SPARK_JAVA_OPTS="${SEISPROC_SPARK_JAVA_OPTS:--XX:+UseParallelGC}"
least() { printf '%s\n' $@ | sort -g | head -1; }
med() { printf '%s\n' $@ | sort -g | awk '{a[NR]=$1} END{print (NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2}'; }
now() { date +%s.%N; }
local_s=(); spark_s=(); spark_up=(); local_wall=(); spark_wall=()
for r in $(seq 1 "$rounds"); do
  cat "$work/bench.dataset/traces."* > /dev/null
  t0=$(now); out=$("$repo/seisproc" run "$work/local.json" --workers 2 --overwrite --no-resume 2>&1); t1=$(now)
  local_s+=("$(echo "$out" | sed -nE 's/^run: wrote .* traces in ([0-9.]+) s .*/\1/p')")
  local_wall+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", b-a}')")
  cat "$work/bench.dataset/traces."* > /dev/null
  t0=$(now); out=$("$repo/seisproc" run "$work/spark.json" --engine spark --master 'local[2]' --overwrite --no-resume 2>&1); t1=$(now)
  spark_s+=("$(echo "$out" | sed -nE 's/^run: wrote .* traces in ([0-9.]+) s .*/\1/p')")
  spark_up+=("$(echo "$out" | sed -nE 's/^run:   Spark start-up ([0-9.]+) s.*/\1/p')")
  spark_wall+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", b-a}')")
  echo "round $r: local ${local_s[-1]} s (process ${local_wall[-1]} s); spark local[2] ${spark_s[-1]} s + start-up ${spark_up[-1]} s (process ${spark_wall[-1]} s)"
done
echo
printf "%-44s %10s %10s\n" "$rounds rounds, warm" "min s" "median s"
printf "%-44s %10s %10s\n" "local engine, 2 workers: the run" "$(least ${local_s[@]})" "$(med ${local_s[@]})"
printf "%-44s %10s %10s\n" "Spark local[2]: the run" "$(least ${spark_s[@]})" "$(med ${spark_s[@]})"
printf "%-44s %10s %10s\n" "Spark local[2]: start-up (session, executors)" "$(least ${spark_up[@]})" "$(med ${spark_up[@]})"
printf "%-44s %10s %10s\n" "local engine: whole process" "$(least ${local_wall[@]})" "$(med ${local_wall[@]})"
printf "%-44s %10s %10s\n" "Spark: whole process" "$(least ${spark_wall[@]})" "$(med ${spark_wall[@]})"
echo "ratio Spark local[2] / local engine (the run, min over min): $(awk -v a="$(least ${spark_s[@]})" -v b="$(least ${local_s[@]})" 'BEGIN{printf "%.2f", a/b}') (target <= 1.3)"
a=$("$repo/seisproc" checksum "$work/out-local.dataset" | tail -1)
b=$("$repo/seisproc" checksum "$work/out-spark.dataset" | tail -1)
echo "checksums: local $a, spark $b: $([ "$a" = "$b" ] && echo equal || echo DIFFERENT)"
[ "${KEEP:-0}" = 1 ] || rm -rf "$work/out-local.dataset" "$work/out-spark.dataset"

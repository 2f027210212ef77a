#!/usr/bin/env bash
# Web application benchmark (issue 12): server figures (a 240 x 1,500 gather from a warm store,
# cached and not, against a plain copy of the same traces), 20 concurrent clients browsing on
# loopback, and browser timings from the page's performance marks in Debian's Chromium (key
# press -> painted, prefetched or not; display change -> repainted; page load -> first gather).
# With BIG=/path/to/s22m.dataset also the 22.3 M-trace figures (build it as bench/engine does).
# Not part of the test run; writes target/bench-web/results.txt.
#
# Usage: bench/web/run.sh [SECONDS]     (concurrency duration, default 60)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$repo"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
big="${BIG:-}"
[ -n "$big" ] && big="$(cd "$big" && pwd)"
# The server runs in the test JVM with the collector `seisproc serve` runs with (./seisproc adds
# -XX:+UseParallelGC); under G1, the surefire default, the uncached gather's p50 was 2-13 ms from
# run to run (young collections of the 1.4 MB gather buffers), 3.7 ms with Parallel GC.
./mvnw -o -q -pl seisproc-web -am test -Dtest=WebBench -Dsurefire.failIfNoSpecifiedTests=false \
  "-Dseisproc.jvmArgs=--enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector -XX:+UseParallelGC" \
  -Dseisproc.bench.web=true -Dbench.seconds="${1:-60}" -Dbench.big="$big" \
  -Dbench.dir="$repo/target/bench-web" -DtrimStackTrace=false 2>&1 | grep -v '^\[INFO\]' || true
echo "results: $repo/target/bench-web/results.txt"

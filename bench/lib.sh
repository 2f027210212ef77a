# Sourced by bench/*/run.sh (after `set -euo pipefail`): what every benchmark sets up the same way.
#   bench_init NAME          here (the script's folder), repo, work (BENCH_DIR, else target/bench-NAME,
#                            created), JAVA_HOME/PATH to a JDK 25 (bin/jdk25.sh)
#   need_python "MODULES" PACKAGE...
#                            installs the Debian packages when /usr/bin/python3 cannot import MODULES
#                            (the peers: python3-segyio, python3-numpy, python3-scipy)
#   bench_jar                jar = seisproc-bench.jar, (re)built when older than the sources (a stale
#                            jar would measure old code)
bench_init() {
  here="$(cd "$(dirname "${BASH_SOURCE[1]}")" && pwd)"
  repo="$(cd "$here/../.." && pwd)"
  work="${BENCH_DIR:-$repo/target/bench-$1}"
  mkdir -p "$work"
  source "$repo/bin/jdk25.sh"
}

need_python() {
  local modules="$1"; shift
  if ! /usr/bin/python3 -c "import $modules" 2>/dev/null; then
    echo "installing $* (Debian)..." >&2
    (apt-get update -qq && apt-get install -y -qq "$@") >/dev/null
  fi
}

bench_jar() {
  jar="$repo/seisproc-bench/target/seisproc-bench.jar"
  if [ ! -f "$jar" ] || [ -n "$(find "$repo"/pom.xml "$repo"/seisproc-*/pom.xml "$repo"/seisproc-core/src/main "$repo"/seisproc-bench/src/main -newer "$jar" -type f -print -quit)" ]; then
    (cd "$repo" && ./mvnw -q -pl seisproc-bench -am package -DskipTests) >/dev/null
  fi
}

# Sourced by ./mvnw and ./seisproc: points JAVA_HOME at a JDK 25, or says how to get one.
# The JDK's major version from its `release` file (instant); asking `java` itself costs a JVM
# start (~0.25 s) on every command, so only when there is no such file.
seisproc_java_major() {
  local v=""
  [ -f "$1/release" ] && v="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release")"
  [ -n "$v" ] || v="$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
  echo "$v"
}
if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ] || [ "$(seisproc_java_major "$JAVA_HOME")" != "25" ]; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/java-25-openjdk-amd64 /usr/lib/jvm/*25*; do
    if [ -x "$candidate/bin/java" ] && [ "$(seisproc_java_major "$candidate")" = "25" ]; then
      export JAVA_HOME="$candidate"; break
    fi
  done
fi
if [ -z "${JAVA_HOME:-}" ] || [ "$(seisproc_java_major "$JAVA_HOME")" != "25" ]; then
  echo "seisproc: JDK 25 not found. Install it (e.g. Temurin 25) and set JAVA_HOME to it." >&2
  exit 2
fi
export PATH="$JAVA_HOME/bin:$PATH"

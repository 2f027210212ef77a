# Sourced by ./mvnw and ./seisproc: points JAVA_HOME at a JDK 25, or says how to get one.
# Sets `java_major` to the major version of the JDK in $1: from its `release` file, read by the
# shell itself (no process: each one started costs ~5-10 ms here, and ./seisproc's own overhead
# counts in every command's time); asking `java` costs a JVM start (~0.25 s), so only when there
# is no such file.
seisproc_java_major() {
  java_major=""
  if [ -f "$1/release" ]; then
    local line
    while IFS= read -r line; do
      if [[ $line =~ ^JAVA_VERSION=\"([0-9]+) ]]; then java_major="${BASH_REMATCH[1]}"; break; fi
    done < "$1/release"
  fi
  if [ -z "$java_major" ] && [ -x "$1/bin/java" ]; then
    java_major="$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
  fi
}
java_major=""
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then seisproc_java_major "$JAVA_HOME"; fi
if [ "$java_major" != "25" ]; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/java-25-openjdk-amd64 /usr/lib/jvm/*25*; do
    if [ -x "$candidate/bin/java" ]; then
      seisproc_java_major "$candidate"
      if [ "$java_major" = "25" ]; then export JAVA_HOME="$candidate"; break; fi
    fi
  done
fi
if [ "$java_major" != "25" ]; then
  echo "seisproc: JDK 25 not found. Install it (e.g. Temurin 25) and set JAVA_HOME to it." >&2
  exit 2
fi
export PATH="$JAVA_HOME/bin:$PATH"

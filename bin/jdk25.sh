# Sourced by ./mvnw and ./seisproc: points JAVA_HOME at a JDK 25, or says how to get one.
seisproc_java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
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

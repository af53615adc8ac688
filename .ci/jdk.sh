# Sourced by .ci/run and the benchmarks: exports JAVA_HOME (and PATH) for a JDK 21 or newer. The machine's
# default java may be 17; a JAVA_HOME that already names 21+ is kept, else /usr/lib/jvm is searched, else
# Debian's openjdk-21 is installed.
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}'; }

if [[ -z "${JAVA_HOME:-}" || ! -x "${JAVA_HOME}/bin/java" || "$(java_major "$JAVA_HOME")" -lt 21 ]]; then
  JAVA_HOME=""
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    if [[ -x "$candidate/bin/java" && "$(java_major "$candidate")" -ge 21 ]]; then
      JAVA_HOME="$candidate"
      break
    fi
  done
  if [[ -z "$JAVA_HOME" ]]; then
    echo "no JDK 21 or newer under /usr/lib/jvm; installing Debian's openjdk-21" >&2
    apt-get update -q && apt-get install -y -q openjdk-21-jdk-headless
    JAVA_HOME=/usr/lib/jvm/java-21-openjdk-amd64
  fi
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"

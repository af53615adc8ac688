# Sourced by the benchmarks that run a main from the api-app test classes: picks a JDK 21 or newer (the machine's
# default java may be 17), compiles the tests into api-app/$BUILD_DIR and sets TEST_CLASSPATH.
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}'; }
if [[ -z "${JAVA_HOME:-}" || ! -x "${JAVA_HOME}/bin/java" || "$(java_major "$JAVA_HOME")" -lt 21 ]]; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    if [[ -x "$candidate/bin/java" && "$(java_major "$candidate")" -ge 21 ]]; then JAVA_HOME="$candidate"; break; fi
  done
fi
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"

classpath_file="api-app/$BUILD_DIR/test-classpath.txt"
echo "compiling the api-app tests into api-app/$BUILD_DIR" >&2
./mvnw -B -ntp -q -Dbuild.dir.name="$BUILD_DIR" -pl api-app test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$classpath_file"
TEST_CLASSPATH="api-app/$BUILD_DIR/test-classes:api-app/$BUILD_DIR/classes:$(cat "$classpath_file")"

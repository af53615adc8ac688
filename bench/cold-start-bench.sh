#!/usr/bin/env bash
# Cold start of the API: `java -jar api-app/target/app/api-app-...-app.jar serve` against a running, migrated
# PostgreSQL and Redis (started by the bench, as the tests start theirs), from process start to the first 200 of
# /health/ready; plain JVM and with the JDK's AOT cache (io.aicodecraft.api.ColdStartBench on the test classpath).
#
#   bench/cold-start-bench.sh             # 5 runs of each
#   RUNS=10 bench/cold-start-bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS="${RUNS:-5}"
BUILD_DIR="${BUILD_DIR:-target}"
JAR="api-app/$BUILD_DIR/app/api-app-0.1.0-SNAPSHOT-app.jar"

source bench/test-classpath.sh
if [[ ! -f "$JAR" ]]; then
  ./mvnw -B -ntp -q -Dbuild.dir.name="$BUILD_DIR" -pl api-app -am package -DskipTests
fi

exec java -Djava.util.logging.config.file=api-app/src/test/resources/logging.properties \
  -Djar="$JAR" -Druns="$RUNS" -cp "$TEST_CLASSPATH" io.aicodecraft.api.ColdStartBench

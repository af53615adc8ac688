#!/usr/bin/env bash
# The operator benchmark: N stacks on the fabric8 mock API server, the benchmark playing the kubelet.
# Prints, per size, the seconds until every stack is Ready, reconciles per second, requests the
# operator sent per stack, and the heap after a full GC (operator, mock server and kubelet share
# the JVM). Usage: bench/operator-bench.sh [sizes...]   (default: 100 500)
# Environment: HEAP (the JVM's -Xmx, default 512m), BUILD_DIR (default target-bench).
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/jdk.sh
build_dir="${BUILD_DIR:-target-bench}"
sizes="${*:-100 500}"
# the operator's tests depend on api-app (the real API for the probe test), so both are built
./mvnw -B -q -ntp -Dbuild.dir.name="$build_dir" -N install
./mvnw -B -q -ntp -Dbuild.dir.name="$build_dir" -pl api-app install -DskipTests
./mvnw -B -q -ntp -Dbuild.dir.name="$build_dir" -pl operator test-compile exec:exec \
  -Dexec.executable="${JAVA_HOME:+$JAVA_HOME/bin/}java" -Dexec.classpathScope=test \
  -Dexec.args="-Xmx${HEAP:-512m} -cp %classpath io.aicodecraft.operator.bench.OperatorBench $sizes"

#!/usr/bin/env bash
# The operator benchmark on the cluster tier: N stacks in 10 namespaces on a real API server with its
# controllers, scheduler and kwok's fake nodes (testcluster/build.sh builds them), the operator configured
# and authorised as the chart installs it. Prints, per size, the seconds until every stack is Ready,
# stacks per second, the operator JVM's heap after a full GC and RSS, the operator's writes per stack
# from the audit log, and each process's CPU seconds.
# Usage: bench/operator-bench.sh [sizes...]   (default: 100 500)
# Environment: HEAP (the JVM's -Xmx, default 256m), BUILD_DIR (default target-bench).
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/jdk.sh
build_dir="${BUILD_DIR:-target-bench}"
sizes="${*:-100 500}"
testcluster/build.sh >/dev/null
# built above: the exec arguments below would also reach the build's own run of build.sh
# the operator's tests depend on api-app (the real API for the probe test), so both are built
./mvnw -B -q -ntp -Dbuild.dir.name="$build_dir" -N install
./mvnw -B -q -ntp -Dbuild.dir.name="$build_dir" -pl api-app install -DskipTests
./mvnw -B -q -ntp -Dbuild.dir.name="$build_dir" -pl operator -Dtestcluster.skip=true test-compile exec:exec \
  -Dexec.executable="${JAVA_HOME:+$JAVA_HOME/bin/}java" -Dexec.classpathScope=test \
  -Dexec.args="-Xmx${HEAP:-256m} -cp %classpath io.aicodecraft.operator.bench.OperatorBench $sizes"

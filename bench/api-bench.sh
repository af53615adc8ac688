#!/usr/bin/env bash
# Benchmark of the AICodeCraft API in dev mode (embedded PostgreSQL and Redis, template model) on this machine.
# Reports requests/s, p50 and p99 for GET /health/live (the web server's floor), a cached POST /v1/generations
# and an uncached one (every request a new prompt), all in one run; then offers the cached POST at half its
# saturation rate and reports the latency there. The cached POST runs twice: as dev mode's X-User-Id caller (no
# key, no limit) and with an API key (key checked in PostgreSQL, budget spent in Redis on every request; the
# budget, RATE_LIMIT per minute, is set high enough that nothing is refused, so the figures are the limiter's cost).
#
#   bench/api-bench.sh                    # defaults: 15 s per run, 32 connections, 2 wrk threads
#   DURATION=30 CONNECTIONS=64 bench/api-bench.sh
#   BUILD_DIR=target-api bench/api-bench.sh   # use (and build into) another Maven build directory
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION="${DURATION:-15}"
WARMUP="${WARMUP:-10}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
BUILD_DIR="${BUILD_DIR:-target}"
USER_ID="00000000-0000-0000-0000-00000000b0b0"
RATE_LIMIT="${RATE_LIMIT:-1000000000}"
ADMIN_KEY="bench-admin-$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')"

for tool in wrk hey; do
  if ! command -v "$tool" >/dev/null; then
    echo "installing $tool (Debian package)" >&2
    apt-get update -q >/dev/null && apt-get install -y -q "$tool" >/dev/null
  fi
done

export AICC_ADMIN_KEY="$ADMIN_KEY" AICC_RATE_LIMIT_PER_MINUTE="$RATE_LIMIT"
source bench/dev-api.sh
API_KEY=$(curl -fsS "$BASE/v1/keys" -H "Authorization: Bearer $ADMIN_KEY" -H 'Content-Type: application/json' \
  -d '{"name":"benchmark"}' | sed -n 's/.*"key":"\([^"]*\)".*/\1/p')
if [[ -z "$API_KEY" ]]; then echo "could not create an API key" >&2; exit 1; fi

CACHED_BODY='{"prompt":"benchmark: reverse the words of a sentence","language":"java"}'
cached_script() { # header name, value: the cached POST as a wrk script, its caller named by that header
  printf 'wrk.method = "POST"\nwrk.body = %s\nwrk.headers["Content-Type"] = "application/json"\nwrk.headers["%s"] = "%s"\n' \
    "'$CACHED_BODY'" "$1" "$2"
}
cached_script X-User-Id "$USER_ID" >"$WORK/cached.lua"
cached_script Authorization "Bearer $API_KEY" >"$WORK/keyed.lua"
cat >"$WORK/uncached.lua" <<LUA
-- a prompt no earlier request used: thread id, a per-run nonce and a counter
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
function init(args)
  nonce = tostring(os.time()) .. "-" .. tostring(math.random(1, 1000000000))
  counter = 0
end
request = function()
  counter = counter + 1
  local body = '{"prompt":"uncached ' .. nonce .. ' ' .. tid .. ' ' .. counter .. '","language":"python"}'
  return wrk.format("POST", "/v1/generations",
    {["Content-Type"] = "application/json", ["X-User-Id"] = "$USER_ID"}, body)
end
LUA

run_wrk() { # name, path, [lua script]
  local name="$1" path="$2" script="${3:-}" out
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency ${script:+-s "$script"} "$BASE$path")
  local rps p50 p99 errors
  rps=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' <<<"$out")
  p50=$(to_ms "$(awk '$1 == "50%" {print $2}' <<<"$out")")
  p99=$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")
  errors=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out" | tr '\n' ' ')
  printf '%-34s %10s %10s %10s  %s\n' "$name" "$rps" "$p50" "$p99" "$errors"
  LAST_RPS=$rps
}

echo "warming up (${WARMUP}s per endpoint) ..." >&2
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "$BASE/health/live" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s "$WORK/cached.lua" "$BASE/v1/generations" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s "$WORK/uncached.lua" "$BASE/v1/generations" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s "$WORK/keyed.lua" "$BASE/v1/generations" >/dev/null

echo
echo "AICodeCraft API benchmark: $(nproc) cores, wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s, $(java -version 2>&1 | head -1)"
printf '%-34s %10s %10s %10s\n' "endpoint" "req/s" "p50 ms" "p99 ms"
run_wrk "GET /health/live" "/health/live"
LIVE=$LAST_RPS
run_wrk "POST /v1/generations cached" "/v1/generations" "$WORK/cached.lua"
CACHED=$LAST_RPS
run_wrk "POST /v1/generations uncached" "/v1/generations" "$WORK/uncached.lua"
run_wrk "POST /v1/generations cached + key" "/v1/generations" "$WORK/keyed.lua"
KEYED=$LAST_RPS
run_hey() { # name, saturation req/s, header: offers half that rate of the cached POST and reports the latency
  local name="$1" rate=$(( $2 / 2 )) header="$3" workers per_worker out
  workers=$(( CONNECTIONS < rate ? CONNECTIONS : 1 ))
  per_worker=$(awk -v r="$rate" -v w="$workers" 'BEGIN { printf "%.2f", r / w }')
  out=$(hey -z "${DURATION}s" -c "$workers" -q "$per_worker" -m POST -T application/json -H "$header" \
    -d "$CACHED_BODY" "$BASE/v1/generations")
  LAST_P99=$(awk '/99% in/ {printf "%.2f", $3 * 1000}' <<<"$out")
  printf '%-34s %10s %10s %10s  offered %s req/s (hey -c %s -q %s); %s\n' "$name" \
    "$(awk '/Requests\/sec:/ {printf "%.0f", $2}' <<<"$out")" "$(awk '/50% in/ {printf "%.2f", $3 * 1000}' <<<"$out")" \
    "$LAST_P99" "$rate" "$workers" "$per_worker" \
    "$(awk '/Status code distribution/ {f=1; next} f && NF {print} /^$/ {f=0}' <<<"$out" | tr -s ' ' | tr '\n' ' ')"
}
run_hey "cached POST at half saturation" "$CACHED" "X-User-Id: $USER_ID"
hey_p99=$LAST_P99
run_hey "cached + key at half saturation" "$KEYED" "Authorization: Bearer $API_KEY"

echo
awk -v c="$CACHED" -v l="$LIVE" 'BEGIN { printf "cached generation throughput = %.0f%% of health/live (target >= 50%%)\n", 100 * c / l }'
awk -v p="$hey_p99" 'BEGIN { printf "p99 at half saturation = %.2f ms (target <= 5 ms)\n", p }'
awk -v k="$KEYED" -v c="$CACHED" -v r="$RATE_LIMIT" 'BEGIN { printf "cached generation with an API key (budget %s/min) = %.0f%% of the X-User-Id (dev) throughput\n", r, 100 * k / c }'

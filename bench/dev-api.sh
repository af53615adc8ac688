# Sourced by the benchmarks that run the API's jar in dev mode (embedded PostgreSQL and Redis, template model):
# builds the jar into api-app/$BUILD_DIR when it is missing, starts `dev` on a free port with the environment the
# caller exported, waits until it is ready and stops it at exit. Sets JAR, PORT, BASE, WORK (a temporary folder)
# and API_PID; to_ms turns wrk's latency figures into milliseconds.
source .ci/jdk.sh

JAR="api-app/$BUILD_DIR/app/api-app-0.1.0-SNAPSHOT-app.jar"
if [[ ! -f "$JAR" ]]; then
  echo "building $JAR" >&2
  ./mvnw -B -ntp -q -Dbuild.dir.name="$BUILD_DIR" -pl api-app -am package -DskipTests
fi

free_port() {
  local port
  for _ in $(seq 50); do
    port=$(( (RANDOM % 20000) + 20000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "no free port found" >&2; exit 1
}

PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d)
java -jar "$JAR" dev --port "$PORT" >"$WORK/api.log" 2>&1 &
API_PID=$!
# the server dies of the TERM, so wait reports 143; under set -e that would end the trap before rm and exit 143
cleanup() { kill "$API_PID" 2>/dev/null && wait "$API_PID" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

for _ in $(seq 120); do
  if curl -fsS "$BASE/health/ready" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$API_PID" 2>/dev/null; then echo "the API did not start:" >&2; cat "$WORK/api.log" >&2; exit 1; fi
  sleep 0.5
done
curl -fsS "$BASE/health/ready" >/dev/null

# wrk prints latency as 812.00us / 1.20ms / 2.00s; report milliseconds
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'; }

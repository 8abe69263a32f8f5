#!/usr/bin/env bash
# Map benchmark of issue #15 (docs/benchmarks.md, "The map, repeated"): starts the service on the shipped geodata/
# with a throwaway PostGIS cluster on a loopback port, waits for readiness, and runs src/test/e2e/bench-map.mjs in
# Debian's headless chromium: first load, 20 switches between views already shown, 16 months nobody viewed (8 while
# the slider's months are precomputed after the start, 8 after). Not a test: nothing is asserted.
#   scripts/bench-map.sh [port]            (default 8097; needs chromium and `npm ci` in src/test/e2e)
#   BENCH_LOG=/tmp/map.log scripts/bench-map.sh   keeps the service's log
#   BENCH_JAR=/tmp/a.jar BENCH_DATA=/tmp/pgdata scripts/bench-map.sh   another jar, and a restart: a copy of a data
#     directory a service already ran on (its database, region unions included) instead of a first start
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${1:-8097}
scripts/ensure-system-deps.sh postgis chromium
[ -d src/test/e2e/node_modules ] || (cd src/test/e2e && npm ci --silent)
JAR=${BENCH_JAR:-target/qamrov.jar}
[ -n "${BENCH_JAR:-}" ] || mvn -q -B -o -DskipTests package 2>/dev/null || mvn -q -B -DskipTests package
DATA=$(mktemp -d /tmp/qamrov-bench-map-XXXXXX)
chmod 755 "$DATA" # the cluster runs as postgres when we are root: it must enter the directory
[ -z "${BENCH_DATA:-}" ] || cp -a "$BENCH_DATA" "$DATA/pgdata"
LOG="$DATA/service.log"
java ${JAVA_OPTS:--Xmx3g} -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 \
  --qamrov.embedded-db.data-dir="$DATA/pgdata" > "$LOG" 2>&1 &
PID=$!
# BENCH_LOG=file keeps the service's log (its run timings) after the benchmark
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null || true; [ -z "${BENCH_LOG:-}" ] || cp "$LOG" "$BENCH_LOG"; rm -rf "$DATA"' EXIT
start=$(date +%s)
until curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1; do
  kill -0 $PID 2>/dev/null || { echo "the service stopped; its log:" >&2; tail -40 "$LOG" >&2; exit 1; }
  sleep 1
done
echo "ready after $(( $(date +%s) - start )) s; load average $(cut -d' ' -f1-3 /proc/loadavg)"
node src/test/e2e/bench-map.mjs "http://127.0.0.1:$PORT" "$PID"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"

#!/usr/bin/env bash
# Region switches of two builds side by side (docs/benchmarks.md): starts each jar on the shipped geodata/ with its
# own throwaway PostGIS cluster, waits until both are ready and their CPU is quiet (the slider's months precomputed),
# then runs src/test/e2e/bench-switch-ab.mjs, which alternates between them. Not a test: nothing is asserted.
#   scripts/bench-switch-ab.sh <jar A> <jar B> [rounds]     e.g. a jar built at an older commit and target/qamrov.jar
#   ARGS_A="--some.property=x" ARGS_B=...   extra arguments of service A or B (one jar, two settings)
#   THROTTLE_KBPS=10000 THROTTLE_LATENCY_MS=40   a slower link emulated in the browser (bench-switch-ab.mjs)
#   SETTLE_A=0 or SETTLE_B=0   that first load timed right after the browser's launch (bench-switch-ab.mjs)
#   BENCH_DATA=/tmp/pgdata   each service starts on its own copy of a data directory a service already ran on (e.g.
#     with the OSM railways uploaded) instead of a first start; the benchmark waits until both are quiet
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { echo "usage: $0 <jar A> <jar B> [rounds]" >&2; exit 2; }
JARS=("$(realpath "$1")" "$(realpath "$2")")
ROUNDS=${3:-3}
scripts/ensure-system-deps.sh postgis chromium
[ -d src/test/e2e/node_modules ] || (cd src/test/e2e && npm ci --silent)
PIDS=()
DIRS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "${DIRS[@]}"
}
trap cleanup EXIT
for i in 0 1; do
  d=$(mktemp -d /tmp/qamrov-bench-ab-XXXXXX)
  chmod 755 "$d" # the cluster runs as postgres when we are root: it must enter the directory
  DIRS+=("$d")
  [ -z "${BENCH_DATA:-}" ] || cp -a "$BENCH_DATA" "$d/pgdata"
  extra=${ARGS_A:-}; [ "$i" = 1 ] && extra=${ARGS_B:-}
  # shellcheck disable=SC2086 # the extra arguments are words
  java ${JAVA_OPTS:--Xmx3g} -jar "${JARS[$i]}" --server.port=$((8195 + i)) --server.address=127.0.0.1 \
    --qamrov.embedded-db.data-dir="$d/pgdata" $extra > "$d/service.log" 2>&1 &
  PIDS+=($!)
done
for i in 0 1; do
  until curl -fs "http://127.0.0.1:$((8195 + i))/actuator/health/readiness" >/dev/null 2>&1; do
    kill -0 "${PIDS[$i]}" 2>/dev/null || { echo "service $i stopped; its log:" >&2; tail -40 "${DIRS[$i]}/service.log" >&2; exit 1; }
    sleep 2
  done
done
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; } # utime + stime, clock ticks (100 Hz)
quiet=0
while [ $quiet -lt 10 ]; do
  a0=$(cpu "${PIDS[0]}"); b0=$(cpu "${PIDS[1]}"); sleep 2
  if [ $(( $(cpu "${PIDS[0]}") - a0 + $(cpu "${PIDS[1]}") - b0 )) -lt 40 ]; then quiet=$((quiet + 2)); else quiet=0; fi
done
echo "A = ${JARS[0]} ${ARGS_A:-}, B = ${JARS[1]} ${ARGS_B:-}; both quiet; load average $(cut -d' ' -f1-3 /proc/loadavg)"
node src/test/e2e/bench-switch-ab.mjs http://127.0.0.1:8195 http://127.0.0.1:8196 "$ROUNDS"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"

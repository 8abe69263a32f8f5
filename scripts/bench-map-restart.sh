#!/usr/bin/env bash
# The map right after a restart (issues #10, #15; docs/benchmarks.md, "A restart on the same build and data keeps
# every stored run"). Starts A.jar on a fresh throwaway data directory (it loads geodata/) and runs it until it is
# quiet (today's polygons stored, then 60 s with no run stored); copies that directory and runs B.jar on the copy
# until quiet too (B's upgrade start). Then restarts each jar on its own directory under scripts/bench-map.sh
# (headless chromium: first load, switches, months nobody viewed). Then FIRST_LOADS rounds (default 3) of: restart A,
# time one first load 20 s after readiness; the same for B (src/test/e2e/probe-timings.mjs). Not a test: nothing is
# asserted.
#   scripts/bench-map-restart.sh A.jar B.jar       (run from the checkout: it reads geodata/; ports 8197 and 8198)
#   FIRST_LOADS=0 scripts/bench-map-restart.sh A.jar B.jar   without the rounds of first loads
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 2 ] || { echo "usage: $0 A.jar B.jar" >&2; exit 2; }
WORK=$(mktemp -d /tmp/qamrov-bench-map-restart-XXXXXX)
chmod 755 "$WORK" # the cluster runs as postgres when we are root: it must enter the directory
TODAY=$(TZ=Asia/Tashkent date +%F)
PID=
trap '[ -z "$PID" ] || kill $PID 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$WORK"' EXIT

until_quiet() { # jar datadir log
  : > "$3"
  java ${JAVA_OPTS:--Xmx3g} -jar "$1" --server.port=8197 --server.address=127.0.0.1 \
    --qamrov.embedded-db.data-dir="$2" >> "$3" 2>&1 &
  PID=$!
  local t0=$SECONDS last age
  while [ $((SECONDS - t0)) -lt 1200 ]; do
    sleep 5
    kill -0 $PID 2>/dev/null || { echo "the service stopped; its log:" >&2; tail -40 "$3" >&2; exit 1; }
    grep -qE "dissolved polygons for run [0-9]+ \($TODAY\)" "$3" || continue
    last=$(grep -E "stored in [0-9]+ ms|dissolved polygons" "$3" | tail -1 | cut -c1-19)
    age=$(( $(date -u +%s) - $(date -ud "$last" +%s) ))
    [ "$age" -lt 60 ] || break
  done
  echo "$1 on $(basename "$2"): quiet after $((SECONDS - t0)) s, $(grep -cE 'as of .* stored in' "$3") runs stored"
  kill $PID; wait $PID || true; PID=
  for _ in $(seq 1 60); do pgrep -f "postgres.*$2" >/dev/null || break; sleep 1; done
}

first_load() { # jar datadir log: restart, readiness, 20 s, one first load in a settled browser
  local t0=$SECONDS
  java ${JAVA_OPTS:--Xmx3g} -jar "$1" --server.port=8197 --server.address=127.0.0.1 \
    --qamrov.embedded-db.data-dir="$2" >> "$3" 2>&1 &
  PID=$!
  until curl -fs http://127.0.0.1:8197/actuator/health/readiness >/dev/null 2>&1; do
    kill -0 $PID 2>/dev/null || { echo "the service stopped; its log:" >&2; tail -40 "$3" >&2; exit 1; }
    sleep 0.5
  done
  local ready=$((SECONDS - t0))
  sleep 20
  echo "$(basename "$1"): ready after $ready s; $(node src/test/e2e/probe-timings.mjs http://127.0.0.1:8197 | grep '^== first load')"
  kill $PID; wait $PID || true; PID=
  for _ in $(seq 1 60); do pgrep -f "postgres.*$2" >/dev/null || break; sleep 1; done
}

until_quiet "$1" "$WORK/a" "$WORK/a.log"
cp -a "$WORK/a" "$WORK/b"
until_quiet "$2" "$WORK/b" "$WORK/b.log"
echo "=== $1, restart"
BENCH_JAR="$1" BENCH_DATA="$WORK/a" scripts/bench-map.sh 8198
echo "=== $2, restart"
BENCH_JAR="$2" BENCH_DATA="$WORK/b" scripts/bench-map.sh 8198
for round in $(seq 1 "${FIRST_LOADS:-3}"); do
  echo "=== first load after a restart, round $round"
  first_load "$1" "$WORK/a" "$WORK/a.log"
  first_load "$2" "$WORK/b" "$WORK/b.log"
done

#!/usr/bin/env bash
# The web page's first load shortly after an upload that changes past dates (docs/benchmarks.md, "The first load after
# an upload"): each jar in turn starts on the shipped geodata/ with its own throwaway PostGIS cluster and waits until
# it is ready and its CPU is quiet; then each round uploads 200 new 3-sector sites on air since 2021-06-01, each near
# a settlement (a new file each round, so each is a new generation whose answers differ from 2021 on), waits WAIT_S
# seconds (default 10: a planner opening the map after an operator's upload) and loads the page once in headless
# Chromium (src/test/e2e/probe-profile.mjs): the time to every layer drawn and how long /api/v1/targets took.
# Not a test: nothing is asserted. Loopback only.
#   scripts/bench-after-upload.sh <jar A> <jar B> [rounds]    e.g. a jar built at an older commit and target/qamrov.jar
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { echo "usage: $0 <jar A> <jar B> [rounds]" >&2; exit 2; }
JARS=("$(realpath "$1")" "$(realpath "$2")")
ROUNDS=${3:-3}
WAIT_S=${WAIT_S:-10}
PORT=8197
scripts/ensure-system-deps.sh postgis chromium
[ -d src/test/e2e/node_modules ] || (cd src/test/e2e && npm ci --silent)
PID=
DIR=
cleanup() {
  [ -z "$PID" ] || { kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; }
  [ -z "$DIR" ] || rm -rf "$DIR"
}
trap cleanup EXIT
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; } # utime + stime, clock ticks (100 Hz)
sites() { # 200 sites x 3 sectors of round $1 of jar $2, each 1-2 km from a settlement of the shipped dataset
  zcat geodata/settlements.csv.gz | awk -F, -v r="$1" -v j="$2" 'NR > 1 { lon[n] = $(NF - 1); lat[n] = $NF; n++ } END {
    srand(1000 * j + r); print "operator,site_id,cell_id,lon,lat,tower_height_m,status,commissioned_on,decommissioned_on,technology,band_mhz,azimuth_deg,beamwidth_deg,tilt_deg,antenna_height_m,eirp_dbm,range_m";
    for (s = 0; s < 200; s++) { k = int(n * rand()); x = lon[k] + 0.01 + 0.01 * rand(); y = lat[k] + 0.01 * rand();
      for (c = 0; c < 3; c++) printf "ucell,bench-%d-%d-%d,%d,%.5f,%.5f,30,active,2021-06-01,,4G,800,%d,65,4,28,58,\n", j, r, s, c + 1, x, y, 120 * c }
  }'
}
for i in 0 1; do
  DIR=$(mktemp -d /tmp/qamrov-bench-upload-XXXXXX)
  chmod 755 "$DIR" # the cluster runs as postgres when we are root: it must enter the directory
  java ${JAVA_OPTS:--Xmx3g} -jar "${JARS[$i]}" --server.port=$PORT --server.address=127.0.0.1 \
    --qamrov.embedded-db.data-dir="$DIR/pgdata" --qamrov.access.admin-token=bench-token > "$DIR/service.log" 2>&1 &
  PID=$!
  until curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1; do
    kill -0 "$PID" 2>/dev/null || { echo "service stopped; its log:" >&2; tail -40 "$DIR/service.log" >&2; exit 1; }
    sleep 2
  done
  quiet=0
  while [ $quiet -lt 10 ]; do
    a0=$(cpu "$PID"); sleep 2
    if [ $(( $(cpu "$PID") - a0 )) -lt 20 ]; then quiet=$((quiet + 2)); else quiet=0; fi
  done
  echo "== ${JARS[$i]}: ready and quiet; load average $(cut -d' ' -f1-3 /proc/loadavg)"
  for r in $(seq 1 "$ROUNDS"); do
    sites "$r" "$i" > "$DIR/sites-$r.csv"
    t0=$(date +%s%N)
    job=$(curl -fs -H "Authorization: Bearer bench-token" -F "file=@$DIR/sites-$r.csv" \
      "http://127.0.0.1:$PORT/api/v1/uploads/base-stations" | sed -E 's/.*"id":"([^"]+)".*/\1/')
    until status=$(curl -fs "http://127.0.0.1:$PORT/api/v1/jobs/$job" | grep -Eo '"status":"(succeeded|failed|rejected)"'); do
      sleep 0.2
    done
    t1=$(date +%s%N)
    [ "$status" = '"status":"succeeded"' ] || { echo "round $r: upload $status (job $job)" >&2; exit 1; }
    sleep "$WAIT_S"
    out=$(BY_START=1 node src/test/e2e/probe-profile.mjs "http://127.0.0.1:$PORT")
    targets=$(echo "$out" | awk -F, '/^\["\/api\/v1\/targets/ { print $3 - $2; exit }')
    echo "round $r: upload of 600 cells $(( (t1 - t0) / 1000000 )) ms; ${WAIT_S} s later: $(echo "$out" | head -1), /api/v1/targets ${targets} ms"
  done
  grep -E "dashboard: today's targets (computed|refreshed)" "$DIR/service.log" | sed -E 's/.*dashboard: /  log: /' | tail -$((ROUNDS + 1))
  cleanup
  PID=
  DIR=
done

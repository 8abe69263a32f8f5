#!/usr/bin/env bash
# Restart benchmark of issues #10/#15 (docs/benchmarks.md, "Region unions kept across restarts"): what the first
# minutes after a restart of the national service are spent on. Loads the shipped geodata/ once (first start of the
# first jar, in a fresh throwaway PostGIS cluster), copies that data directory once per jar, then restarts each jar on
# its own copy, alternating, ROUNDS times. Each start runs until a reader gets today's coverage polygons (a GeoJSON
# export of UZ-SI: HTTP 200, or 900 s) and at least HOLD_S seconds (0 by default), then stops. Prints, per start,
# seconds after the first log line: model built, today's run and polygons computed (when they are), the export
# answered, and how many runs the start computed (and when the last one was stored). Not a test: nothing is asserted.
#   scripts/bench-restart.sh A.jar [B.jar ...]      (ROUNDS=2, HOLD_S=0 by default; run from the checkout: it reads geodata/)
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { echo "usage: $0 A.jar [B.jar ...]" >&2; exit 2; }
ROUNDS=${ROUNDS:-2}
HOLD_S=${HOLD_S:-0}
PORT=${PORT:-8196}
WORK=$(mktemp -d /tmp/qamrov-bench-restart-XXXXXX)
chmod 755 "$WORK" # the cluster runs as postgres when we are root: it must enter the directory
TODAY=$(TZ=Asia/Tashkent date +%F)
PID=
trap '[ -z "$PID" ] || kill $PID 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$WORK"' EXIT

start() { # jar datadir log
  : > "$3" # appended to: the service's writes must not overwrite the lines this script adds
  java ${JAVA_OPTS:--Xmx3g} -jar "$1" --server.port="$PORT" --server.address=127.0.0.1 \
    --qamrov.embedded-db.data-dir="$2" >> "$3" 2>&1 &
  PID=$!
  local t0=$SECONDS
  for _ in $(seq 1 900); do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 200 \
      "http://127.0.0.1:$PORT/api/v1/coverage.geojson?region=UZ-SI&technology=4G" || true)
    [ "$code" = 200 ] && { echo "$(date -u +%FT%T.%3N) bench: today's polygons served" >> "$3"; break; }
    kill -0 $PID 2>/dev/null || { echo "the service stopped; its log:" >&2; tail -40 "$3" >&2; exit 1; }
    sleep 1
  done
  while [ $((SECONDS - t0)) -lt "$HOLD_S" ]; do sleep 1; done
  kill $PID; wait $PID || true; PID=
  for _ in $(seq 1 60); do pgrep -f "postgres.*$2" >/dev/null || break; sleep 1; done
}

timeline() { # log
  python3 - "$1" "$TODAY" <<'PY'
import datetime, re, sys
lines = [l for l in open(sys.argv[1], encoding="utf-8", errors="replace") if re.match(r"\d{4}-\d\d-\d\dT", l)]
at = lambda l: datetime.datetime.fromisoformat(l[:23])
t0, out, runs, last = at(lines[0]), [], 0, None
for l in lines:
    t = (at(l) - t0).total_seconds()
    m = re.search(r"model built in (\d+) ms", l)
    if m: out.append("model built (%s ms) @%.1f s" % (m.group(1), t))
    m = re.search(r"run \d+ as of " + sys.argv[2] + r" \(generation \d+\) stored in (\d+) ms", l)
    if m: out.append("today's run (%s ms) @%.1f s" % (m.group(1), t))
    m = re.search(r"([1-9]\d*) dissolved polygons for run \d+ \(" + sys.argv[2] + r"\) in (\d+) ms \((.*)\)", l)
    if m: out.append("today's %s polygons (%s ms; %s) @%.1f s" % (m.group(1), m.group(2), m.group(3), t))
    if "bench: today's polygons served" in l: out.append("UZ-SI's polygons served @%.1f s" % t)
    if re.search(r"run \d+ as of \S+ \(generation \d+\) stored in \d+ ms", l): runs, last = runs + 1, t
print("; ".join(out) + "; %d runs computed%s" % (runs, "" if last is None else ", the last @%.1f s" % last))
PY
}

echo "loading geodata/ with $1 ..."
start "$1" "$WORK/first" "$WORK/first.log"
i=0
for jar in "$@"; do i=$((i + 1)); cp -a "$WORK/first" "$WORK/data$i"; done
for round in $(seq 1 "$ROUNDS"); do
  i=0
  for jar in "$@"; do
    i=$((i + 1))
    start "$jar" "$WORK/data$i" "$WORK/run$i-$round.log"
    echo "$jar, restart $round: $(timeline "$WORK/run$i-$round.log")"
  done
done

#!/usr/bin/env bash
# Coverage benchmark: full and incremental recompute on a national dataset vs the same indicators in plain PostGIS SQL.
#   scripts/bench-coverage.sh                      # the shipped geodata/ (x1)
#   scripts/bench-coverage.sh --scale 10           # generates a x10 dataset into target/geodata-x10 first
# Extra arguments: --runs N, --rounds N, --settle (each incremental round on a quiet machine), --no-baseline, --as-of yyyy-MM-dd
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-system-deps.sh postgis
args=("$@")
geodata=geodata
if [ "${1:-}" = "--scale" ]; then
  scale=$2; args=("${@:3}")
  geodata=target/geodata-x$scale
  [ -f "$geodata/manifest.json" ] || scripts/geodata/generate.sh --scale "$scale" --out "$geodata"
fi
export MAVEN_OPTS="${MAVEN_OPTS:--Xmx12g}"  # the x10 model needs several GB
mvn -q -B test-compile
mvn -q -B exec:java -Dexec.classpathScope=test -Dexec.mainClass=uz.qamrov.bench.CoverageBenchmark \
  -Dexec.args="--geodata $geodata ${args[*]:-}" -Dexec.cleanupDaemonThreads=false

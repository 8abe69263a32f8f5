#!/usr/bin/env bash
# National "every settlement with mobile internet" at minimum cost on the shipped geodata/ (no database): candidates
# by class, phases, greedy, the plan's what-if, and the exact programme on one region (GeodataPlanningBenchmark).
#   scripts/bench-planning-geodata.sh [--as-of 2026-12-02] [--populated-grid-km 2] [--populated-radius-km 3]
#   [--site-spacing-km 5] [--grid-km 10] [--runs 2] [--region UZ-SU] [--exact-limit-s 120] [--exact-heap-mb 2048]
#   [--dem geodata/dem/uz_srtm30plus_1min.asc.gz]  (one more plan with high ground sought on that DEM)
set -euo pipefail
cd "$(dirname "$0")/.."
export MAVEN_OPTS="${MAVEN_OPTS:--Xmx4g}"
mvn -q -B ${MVN_FLAGS:-} test-compile
mvn -q -B ${MVN_FLAGS:-} exec:java -Dexec.classpathScope=test -Dexec.mainClass=uz.qamrov.bench.GeodataPlanningBenchmark \
  -Dexec.args="$*" -Dexec.cleanupDaemonThreads=false

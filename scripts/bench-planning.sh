#!/usr/bin/env bash
# Planning benchmark: national minimum-cost plan (>= 100k candidates), the exact programme on one region, and a
# 1,000-site scenario what-if, on the shipped geodata/.
#   scripts/bench-planning.sh [--site-spacing-km 1] [--grid-km 2] [--region UZ-SI] [--exact-limit-s 120]
#   [--exact-max-variables 20000] [--exact-max-constraints 10000] [--exact-heap-mb 2048]
#   [--populated-grid-km 0] [--populated-radius-km 3]   (the dense new-site grid; 0 = off)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-system-deps.sh postgis
export MAVEN_OPTS="${MAVEN_OPTS:--Xmx4g}"
mvn -q -B test-compile
mvn -q -B exec:java -Dexec.classpathScope=test -Dexec.mainClass=uz.qamrov.bench.PlanningBenchmark \
  -Dexec.args="$*" -Dexec.cleanupDaemonThreads=false

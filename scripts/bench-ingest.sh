#!/usr/bin/env bash
# Ingest benchmark: 100,000 sites + 300,000 cells through the import write path and into coverage, vs plain COPY;
# rows/s of each reader.
#   scripts/bench-ingest.sh                    # national geodata loaded first (the coverage model is real)
#   scripts/bench-ingest.sh --no-geodata       # empty database: write path and readers only
# Extra arguments: --sites N
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-system-deps.sh postgis
export MAVEN_OPTS="${MAVEN_OPTS:--Xmx6g}"
mvn -q -B test-compile
mvn -q -B exec:java -Dexec.classpathScope=test -Dexec.mainClass=uz.qamrov.planner.ingest.IngestBenchmark \
  -Dexec.args="${*:-}" -Dexec.cleanupDaemonThreads=false

#!/usr/bin/env bash
# Row-validation benchmark (no database): N base-station rows validated now vs with the old quadratic closure.
#   scripts/bench-validation.sh                  # 10k, 20k, 40k (with baseline), 100k, 500k
#   scripts/bench-validation.sh 100000           # chosen sizes
set -euo pipefail
cd "$(dirname "$0")/.."
export MAVEN_OPTS="${MAVEN_OPTS:--Xmx4g}"
mvn -q -B test-compile
mvn -q -B exec:java -Dexec.classpathScope=test -Dexec.mainClass=uz.qamrov.bench.ValidationBenchmark \
  -Dexec.args="$*" -Dexec.cleanupDaemonThreads=false

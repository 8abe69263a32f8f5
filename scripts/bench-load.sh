#!/usr/bin/env bash
# Load benchmark of issue #10 (docs/benchmarks.md, "Coverage consistency and load"): starts a throwaway PostGIS and the
# service on the shipped national dataset on a random loopback port, then measures gap lists for new dates, 8
# concurrent new dates, a new date during a 1,000-site import, and bounded mixed load (default 10 minutes).
# Loopback only; every phase is bounded in time and rate. Options: JAVA_OPTS="-Dbench.minutes=3 -Dbench.exportEveryS=20".
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-system-deps.sh postgis
mvn -q -o test-compile 2>/dev/null || mvn -q test-compile
scripts/bench/test-classpath.sh target/bench.classpath -Dmdep.includeScope=test
exec java -Xmx3g ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" uz.qamrov.bench.LoadBenchmark

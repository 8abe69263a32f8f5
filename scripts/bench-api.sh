#!/usr/bin/env bash
# Benchmark of the API and exports (docs/benchmarks.md, section "API and exports"): starts a throwaway PostGIS,
# the service on a random loopback port and synthetic national data, then measures the streamed coverage.geojson
# export against building it in memory, and gap endpoints under load with `hey` against their raw SQL.
# Options as system properties, e.g. JAVA_OPTS="-Dbench.loadSeconds=5 -Dbench.concurrency=4".
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-system-deps.sh postgis
command -v hey >/dev/null || apt-get install -y hey
mvn -q -o test-compile 2>/dev/null || mvn -q test-compile
scripts/bench/test-classpath.sh target/bench.classpath -Dmdep.includeScope=test
exec java -Xmx1g ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" uz.qamrov.bench.ApiBenchmark

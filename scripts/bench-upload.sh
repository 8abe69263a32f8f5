#!/usr/bin/env bash
# Upload benchmark of issue #14 (docs/benchmarks.md, "National upload through the service"): starts a throwaway
# PostGIS and the service on the shipped national dataset on a random loopback port, uploads 100,000 sites +
# 300,000 cells (generated inside Uzbekistan's outline, Qamrov CSV) and times the job until done (coverage update
# included) by its phases, with the heap; loads the same file with plain COPY by hand and row by row (one INSERT per
# row) into a scratch table in the same run (the ratios);
# then rows/s of each format (CSV, GeoJSON, GeoPackage, zipped Shapefile) on 10,000-site dry runs.
# Not a test: nothing is asserted. Loopback only. On a shared machine run it as `nice -n 19 scripts/bench-upload.sh`
# and quote the load average it prints. Options: --sites N (default 100000), --format-sites N (default 10000),
# --formats-only (the formats table alone, with each format's retained heap after its 202);
# --settlements N (an admin layer: N settlements as a dry run against one upsert per row, same run);
# --roads N (N Geofabrik-style road ways, one in five in numbered roads of 20 ways, as a dry run with profile=geofabrik-roads);
# JAVA_OPTS="-Xmx4g" to change the heap (default -Xmx3g); JAVA_OPTS="-Dbench.maxUploadMb=200" to raise the upload limit.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-system-deps.sh postgis gdal
mvn -q -o test-compile 2>/dev/null || mvn -q test-compile
scripts/bench/test-classpath.sh target/bench.classpath -Dmdep.includeScope=test
exec java -Xmx3g ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" uz.qamrov.bench.UploadBenchmark "$@"

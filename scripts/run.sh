#!/usr/bin/env bash
# Runs Qamrov on http://localhost:8080 with its own PostGIS cluster (kept in .qamrov/pgdata) and the shipped
# geodata/ loaded on first start. Extra arguments go to the service, e.g. --server.port=9090.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-system-deps.sh postgis
mvn -q -B -DskipTests package
exec java -jar target/qamrov.jar "$@"

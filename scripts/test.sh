#!/usr/bin/env bash
# Runs every test: engine unit tests (Surefire) and integration tests against a real, self-started PostGIS,
# GDAL and headless Chromium (Failsafe). Installs the Debian packages they need when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-system-deps.sh postgis gdal
mvn -B -ntp verify "$@"

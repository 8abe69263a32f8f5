#!/usr/bin/env bash
# Runs every test: engine unit tests (Surefire) and integration tests against a real, self-started PostGIS,
# GDAL and headless Chromium (Failsafe). Installs the Debian packages they need when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-system-deps.sh postgis gdal chromium
# the browser tests (WebAppBrowserIT) drive Debian's chromium with npm playwright-core; no browser is downloaded
(cd src/test/e2e && npm ci --no-audit --no-fund)
mvn -B -ntp verify "$@"

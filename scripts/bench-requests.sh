#!/usr/bin/env bash
# Times GETs of a running service, as the web page asks them (gzip): the first page's API requests and a region
# switch's, then heavier reads (exports, OGC pages, tiles). Each path 6 times in turn; prints the median of the last 5
# per path and their sum. Not a test (docs/benchmarks.md, "PostgreSQL's JIT off"):
#   scripts/bench-requests.sh [port]      e.g. the same jar restarted with QAMROV_DB_JIT=on and without
set -euo pipefail
python3 - "${1:-8080}" <<'PY'
import statistics, sys, time, urllib.request
port = sys.argv[1]
groups = {
  "first page and a region switch": [
    "/api/v1/targets", "/api/v1/indicators/regions",
    "/api/v1/gaps/settlements?service=mobile_internet&sort=-population&f=geojson&limit=50&offset=0",
    "/api/v1/gaps/settlements?service=mobile_internet&f=geojson", "/api/v1/gaps/highways?service=mobile_internet&f=geojson",
    "/api/v1/gaps/railways?service=mobile_internet&f=geojson",
    "/api/v1/layers/settlements?bbox=55.43701%2C34.72355%2C73.67432%2C47.62098&service=mobile_internet&limit=3000"
    "&properties=id%2Cname_en%2Cname_uz_latn%2Cpopulation%2Cregion%2Ccovered",
    "/api/v1/layers/railways?limit=10000&simplify_m=50&properties=id%2Cline_key%2Cline_name",
    "/ogc/collections/regions/items?limit=100", "/api/v1/gaps/railways?service=mobile_internet&f=geojson&region=UZ-SA",
    "/api/v1/gaps/settlements?service=mobile_internet&f=geojson&region=UZ-SA"],
  "heavier reads": [
    "/api/v1/coverage.geojson?technology=4G", "/api/v1/gaps/settlements?service=mobile_internet&f=csv&asOf=2019-12-31",
    "/ogc/collections/base-stations/items?limit=10000", "/tiles/settlements/6/43/23.mvt", "/tiles/base-stations/7/88/47.mvt",
    "/api/v1/indicators?region=UZ-SA&asOf=2021-06-30", "/ogc/collections/fiber-routes/items?bbox=66,39,68,40&limit=10000",
    "/api/v1/gaps/highways?service=mobile_internet&f=geojson&asOf=2019-12-31",
    "/api/v1/gaps/railways?service=mobile_internet&f=geojson&asOf=2019-12-31", "/ogc/collections/settlements/items?limit=10000"],
}
for name, paths in groups.items():
    took = {p: [] for p in paths}
    for _ in range(6):
        for p in paths:
            req = urllib.request.Request(f"http://127.0.0.1:{port}{p}", headers={"Accept-Encoding": "gzip", "Accept": "application/json"})
            t0 = time.time()
            urllib.request.urlopen(req, timeout=120).read()
            took[p].append((time.time() - t0) * 1000)
    print(f"## {name}")
    for p in paths:
        print(f"{statistics.median(took[p][1:]):8.1f} ms  {p}")
    print(f"sum of medians {sum(statistics.median(v[1:]) for v in took.values()):.0f} ms")
PY

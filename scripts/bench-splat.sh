#!/usr/bin/env bash
# SPLAT! (Longley-Rice ITM/ITWOM, Debian package `splat`) against the Qamrov radio model on the same DEM, for ten
# real-shaped mountain sites (Fergana valley rim, Zarafshan, Surkhandarya, Nuratau, Chatkal foothills).
#
#   scripts/bench-splat.sh [workdir]          (default /tmp/qamrov-splat; needs splat, srtm2sdf, gdalwarp, mvn)
#   SPLAT_MODEL=itm scripts/bench-splat.sh /tmp/qamrov-splat-itm
#                                            classic Longley–Rice ITM (splat -olditm) instead of SPLAT!'s default ITWOM 3.0
#   STEP_DIV=4 ...                           our profile sampled every quarter DEM cell instead of every half
#
# 1. The national DEM (geodata/dem, 1′ SRTM30_PLUS) is resampled bilinearly — the interpolation Dem.elevationM uses —
#    to 3″ SRTM .hgt tiles (1201×1201, int16, big-endian) with GDAL, and converted with srtm2sdf.
# 2. Each site is an omni antenna at 30 m AGL, 900 MHz, receiver 1.5 m, radius 20 km (the 2G rural range); SPLAT!
#    writes its path loss for every 3″ point within the radius (-L 1.5 -metric -R 20 -db 250 -ano), timed per site.
# 3. SplatComparisonTest reads every .ano point and computes our loss at the same point (Okumura–Hata open area +
#    Bullington excess over the DEM profile, as the footprint walk does), the agreement of the covered/shadowed
#    classification against our link-budget allowed loss, the median loss difference, and times our footprint per
#    site (360 radials with terrain) — and prints the tables for docs/engine.md and docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)
WORK=${1:-/tmp/qamrov-splat}
mkdir -p "$WORK/sdf" "$WORK/sites"
command -v splat >/dev/null || { echo "splat missing: apt-get install -y splat" >&2; exit 1; }

# name lon lat (decimal degrees East / North)
cat > "$WORK/sites.txt" <<'SITES'
namangan_rim 71.62 41.08
chust 71.24 41.00
kokand_south 70.93 40.45
andijan_east 72.55 40.78
angren 70.14 41.02
urgut 67.25 39.40
shahrisabz 66.83 39.05
boysun 67.20 38.21
denov 67.90 38.27
nurota 65.68 40.56
SITES

DEM="$WORK/dem.tif"
if [ ! -f "$DEM" ]; then
  zcat "$REPO/geodata/dem/uz_srtm30plus_1min.asc.gz" > "$WORK/dem.asc"
  gdal_translate -q -a_srs EPSG:4326 "$WORK/dem.asc" "$DEM"
fi

# 1° tiles within 0.3° of a site
tiles=$(awk '{for (x = int($2 - 0.3); x <= int($2 + 0.3); x++) for (y = int($3 - 0.3); y <= int($3 + 0.3); y++) print x, y}' \
  "$WORK/sites.txt" | sort -u)
cd "$WORK/sdf"
while read -r lon lat; do
  name=$(printf 'N%02dE%03d' "$lat" "$lon")
  [ -f "$name.done" ] && continue
  h=0.000416666666667
  gdalwarp -q -overwrite -r bilinear -ot Int16 -ts 1201 1201 \
    -te "$(echo "$lon - $h" | bc -l)" "$(echo "$lat - $h" | bc -l)" "$(echo "$lon + 1 + $h" | bc -l)" "$(echo "$lat + 1 + $h" | bc -l)" \
    "$DEM" "$name.tif"
  gdal_translate -q -of SRTMHGT "$name.tif" "$name.hgt"
  srtm2sdf "$name.hgt" >/dev/null
  rm -f "$name.tif" "$name.hgt" "$name.hgt.aux.xml"
  touch "$name.done"
done <<< "$tiles"

model_flag=()
case "${SPLAT_MODEL:-itwom}" in
  itwom) ;;
  itm) model_flag=(-olditm) ;;
  *) echo "SPLAT_MODEL is itwom (default) or itm" >&2; exit 1 ;;
esac
cd "$WORK/sites"
: > "$WORK/splat-times.txt"
while read -r name lon lat; do
  printf '%s\n%s\n%s\n30 meters\n' "$name" "$lat" "-$lon" > "$name.qth"
  # ITM parameters: average ground, continental temperate, vertical polarisation, F(50,50), no ERP (path loss out)
  printf '15.000\n0.005\n301.000\n900.000\n5\n1\n0.50\n0.50\n' > "$name.lrp"
  start=$(date +%s.%N)
  /usr/bin/time -f "%U %S" -o "$name.time" splat "${model_flag[@]}" -t "$name.qth" -L 1.5 -metric -R 20 -db 250 -d "$WORK/sdf" \
    -ano "$name.ano" -N -o "$name" >/dev/null 2>&1
  end=$(date +%s.%N)
  echo "$name $(awk '{print $1 + $2}' "$name.time") $(echo "$end - $start" | bc -l)" >> "$WORK/splat-times.txt"
  rm -f "$name.ppm"
done < "$WORK/sites.txt"
cat "$WORK/splat-times.txt"

cd "$REPO"
nice -n 19 mvn -q -o test -Dtest=SplatComparisonTest -Dqamrov.splat.dir="$WORK" -Dqamrov.splat.stepDiv="${STEP_DIV:-2}" -Dsurefire.failIfNoSpecifiedTests=false
grep -ho '^[|].*' "target/surefire-reports/uz.qamrov.engine.bench.SplatComparisonTest-output.txt" 2>/dev/null || true

#!/usr/bin/env bash
# Regenerates the national dataset deterministically: the generator writes every layer, then (scale 1) the history
# calibrator re-dates the synthetic sites with the real coverage engine so that the history follows the published
# figures (see geodata/README.md, "Calibration"). Re-run it after a change to the radio model.
#   scripts/geodata/generate.sh                     -> geodata/ (x1, committed)
#   scripts/geodata/generate.sh --scale 10          -> target/geodata-x10 (benchmark set, not committed)
#   scripts/geodata/generate.sh [--seed N] [--scale X] [--out DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
SEED=20251; SCALE=1; OUT=""
while [ $# -gt 0 ]; do
  case "$1" in
    --seed) SEED="$2"; shift 2;;
    --scale) SCALE="$2"; shift 2;;
    --out) OUT="$2"; shift 2;;
    *) echo "usage: $0 [--seed N] [--scale X] [--out DIR]" >&2; exit 2;;
  esac
done
if [ -z "$OUT" ]; then
  if [ "$SCALE" = "1" ]; then OUT=geodata; else OUT="target/geodata-x${SCALE}"; fi
fi
# the generator lives in src/tools/java (test classpath, never in the service jar)
mvn -q -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=uz.qamrov.geodata.generator.GeodataGenerator \
  -Dexec.args="--seed $SEED --scale $SCALE --out $OUT"
if [ "$SCALE" = "1" ]; then
  mvn -q -o exec:java -Dexec.classpathScope=test -Dexec.mainClass=uz.qamrov.geodata.calibration.HistoryCalibrator \
    -Dexec.args="$OUT geodata/dem/uz_srtm30plus_1min.asc.gz"
fi

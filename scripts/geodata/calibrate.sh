#!/usr/bin/env bash
# Prints the calibration table: published figures against what the coverage engine computes from the dataset's
# files (the table in geodata/README.md). Exit code 1 when a figure is outside its tolerance.
#   scripts/geodata/calibrate.sh [DIR]      (default geodata)
set -euo pipefail
cd "$(dirname "$0")/../.."
DIR="${1:-geodata}"
mvn -q -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=uz.qamrov.geodata.calibration.Calibration \
  -Dexec.args="$DIR geodata/dem/uz_srtm30plus_1min.asc.gz"

#!/usr/bin/env bash
# Regenerates the national dataset deterministically.
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
mvn -q -o compile exec:java -Dexec.mainClass=uz.qamrov.geodata.generator.GeodataGenerator \
  -Dexec.args="--seed $SEED --scale $SCALE --out $OUT"

#!/bin/sh
# Radial footprint CPU per cell, an older build against the working tree, in one JVM (scripts/bench/RadialOldNew.java).
# usage: nice -n 19 scripts/bench-radial-old-new.sh [old-commit (default: main)] [rounds (default 5)]
# Needs target/classes of the working tree (mvn -o compile) and the Maven repository offline.
set -e
cd "$(dirname "$0")/.."
old=${1:-main}
rounds=${2:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
scripts/bench/test-classpath.sh "$work/cp.txt"
deps=$(tr ':' '\n' < "$work/cp.txt" | grep -E 'jts-core|geographiclib' | paste -sd: -)
mkdir -p "$work/old-src" "$work/old" "$work/driver"
git archive "$old" src/main/java/uz/qamrov/engine src/main/java/uz/qamrov/planner/terrain/EsriAsciiGridReader.java \
    | tar -x -C "$work/old-src"
javac -nowarn -d "$work/old" -cp "$deps" $(find "$work/old-src" -name '*.java')
javac -d "$work/driver" -cp "target/classes:$deps" scripts/bench/RadialOldNew.java
echo "old: $(git rev-parse --short "$old"), new: working tree ($(git rev-parse --short HEAD)$(git diff --quiet || echo ', modified'))"
java -cp "$work/driver:target/classes:$deps" RadialOldNew geodata/dem/uz_srtm30plus_1min.asc.gz "$rounds" \
    "$work/driver:$work/old:$deps" "$work/driver:target/classes:$deps"

#!/usr/bin/env bash
# Writes the test classpath to $1 for the benchmark scripts (extra arguments go to Maven): offline first (quick), online
# when the dependency plugin is not in the local repository yet (a fresh machine), never silently failing.
set -euo pipefail
out=$1; shift
mvn -q -o dependency:build-classpath -Dmdep.outputFile="$out" "$@" >/dev/null 2>&1 \
  || mvn -q dependency:build-classpath -Dmdep.outputFile="$out" "$@"

#!/usr/bin/env bash
# Installs the system packages Qamrov needs from Debian's archive when they are missing.
#   scripts/ensure-system-deps.sh postgis         PostgreSQL 15 + PostGIS 3 (the self-started database)
#   scripts/ensure-system-deps.sh postgis gdal    ... plus gdal-bin (ogrinfo, used by the export tests)
#   scripts/ensure-system-deps.sh ... chromium    ... plus Debian's chromium (browser tests)
# Without root or sudo it stops and says exactly what to install.
set -euo pipefail

declare -A check=(
  [postgis]='compgen -G "/usr/share/postgresql/*/extension/postgis.control" >/dev/null && compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null'
  [gdal]='command -v ogrinfo >/dev/null'
  [chromium]='command -v chromium >/dev/null'
)
declare -A package=(
  [postgis]='postgresql-15-postgis-3'
  [gdal]='gdal-bin'
  [chromium]='chromium'
)

missing=()
for want in "$@"; do
  if ! eval "${check[$want]}"; then
    missing+=("${package[$want]}")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  sudo=(sudo -n)
else
  echo "Qamrov needs these Debian packages: ${missing[*]}" >&2
  echo "Install them with:  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi

echo "Installing ${missing[*]} from Debian's archive..." >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

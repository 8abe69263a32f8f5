package uz.qamrov.bench;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import uz.qamrov.planner.coverage.CoverageService;

/**
 * The baseline of the coverage benchmark: the indicators computed the straightforward way, in PostGIS SQL on
 * geography. It gets every cell's radius from the engine (a table written before the clock starts) and GiST indexes
 * on geography, so what is timed is only the spatial work: settlement-in-footprint tests, fiber distances, and
 * road/rail lengths inside the union of 4G footprints, grouped by nation, region and district.
 */
final class SqlBaseline {

    private final JdbcTemplate jdbc;
    private final CoverageService coverage;

    SqlBaseline(JdbcTemplate jdbc, CoverageService coverage) {
        this.jdbc = jdbc;
        this.coverage = coverage;
    }

    void prepare(LocalDate asOf) {
        jdbc.execute("DROP TABLE IF EXISTS bench_cells");
        jdbc.execute("CREATE TABLE bench_cells (cell_id bigint PRIMARY KEY, range_m double precision)");
        List<Object[]> rows = coverage.cellRangesM().entrySet().stream()
                .map(e -> new Object[] {e.getKey(), e.getValue()}).toList();
        jdbc.batchUpdate("INSERT INTO bench_cells VALUES (?, ?)", rows);
        jdbc.execute("CREATE INDEX IF NOT EXISTS bench_bs_geog ON base_stations USING gist ((geom::geography))");
        jdbc.execute("CREATE INDEX IF NOT EXISTS bench_fr_geog ON fiber_routes USING gist ((geom::geography))");
        jdbc.execute("CREATE INDEX IF NOT EXISTS bench_fn_geog ON fiber_nodes USING gist ((geom::geography))");
        jdbc.execute("ANALYZE");
    }

    Map<String, Double> run(LocalDate d) {
        Map<String, Double> out = new HashMap<>();
        // a constant search radius lets PostGIS use the geography index; the per-cell radius then refines
        double maxRangeM = jdbc.queryForObject("SELECT max(range_m) FROM bench_cells", Double.class);
        jdbc.execute("DROP TABLE IF EXISTS bench_active");
        jdbc.update("""
                CREATE TABLE bench_active AS
                SELECT c.id, c.technology, c.azimuth_deg, c.beamwidth_deg, r.range_m, b.geom AS site
                FROM cells c JOIN base_stations b ON b.id = c.base_station_id JOIN bench_cells r ON r.cell_id = c.id
                WHERE coalesce(b.commissioned_on, '-infinity') <= ? AND coalesce(b.decommissioned_on, 'infinity') > ?
                  AND b.valid_from <= ? AND b.valid_to > ?""", d, d, d, d);
        jdbc.execute("CREATE INDEX ON bench_active USING gist ((site::geography))");
        // settlement status per service
        jdbc.execute("DROP TABLE IF EXISTS bench_status");
        jdbc.update("""
                CREATE TABLE bench_status AS
                SELECT s.id, s.region_code, s.district_code, s.population, s.households,
                  EXISTS (SELECT 1 FROM bench_active a WHERE a.technology IN ('3G','4G','5G')
                          AND ST_DWithin(a.site::geography, s.geom::geography, :max)
                          AND ST_DWithin(a.site::geography, s.geom::geography, a.range_m)
                          AND (a.azimuth_deg IS NULL OR a.beamwidth_deg >= 360 OR abs(mod(CAST(coalesce(
                               degrees(ST_Azimuth(a.site::geography, s.geom::geography)), a.azimuth_deg) - a.azimuth_deg + 540 AS numeric), 360) - 180) <= a.beamwidth_deg / 2)) AS mi,
                  EXISTS (SELECT 1 FROM bench_active a WHERE a.technology IN ('4G','5G')
                          AND ST_DWithin(a.site::geography, s.geom::geography, :max)
                          AND ST_DWithin(a.site::geography, s.geom::geography, a.range_m)
                          AND (a.azimuth_deg IS NULL OR a.beamwidth_deg >= 360 OR abs(mod(CAST(coalesce(
                               degrees(ST_Azimuth(a.site::geography, s.geom::geography)), a.azimuth_deg) - a.azimuth_deg + 540 AS numeric), 360) - 180) <= a.beamwidth_deg / 2)) AS hs,
                  EXISTS (SELECT 1 FROM fiber_routes f WHERE f.route_kind = 'distribution'
                          AND coalesce(f.commissioned_on, '-infinity') <= ? AND coalesce(f.decommissioned_on, 'infinity') > ?
                          AND ST_DWithin(f.geom::geography, s.geom::geography, 1000))
                  OR EXISTS (SELECT 1 FROM fiber_nodes n WHERE coalesce(n.commissioned_on, '-infinity') <= ? AND coalesce(n.decommissioned_on, 'infinity') > ?
                          AND ST_DWithin(n.geom::geography, s.geom::geography, 1000)) AS fb
                FROM settlements s""".replace(":max", Double.toString(maxRangeM)), d, d, d, d);
        List<Map<String, Object>> settlementScopes = jdbc.queryForList("""
                SELECT scope, avg(mi::int) AS mi_pct, avg(hs::int) AS hs_pct, avg(fb::int) AS fb_pct,
                       sum(population * mi::int)::float8 / sum(population) AS pop_mi,
                       sum(households * fb::int)::float8 / sum(households) AS hh_fb
                FROM (SELECT 'UZ' AS scope, * FROM bench_status UNION ALL SELECT region_code, * FROM bench_status
                      UNION ALL SELECT district_code, * FROM bench_status WHERE district_code IS NOT NULL) q
                GROUP BY scope""");
        settlementScopes.stream().filter(m -> "UZ".equals(m.get("scope")))
                .forEach(m -> out.put("settlements.mobile_internet.pct", ((Number) m.get("mi_pct")).doubleValue()));
        // highways and rail: length inside the union of 4G+ footprints near them, per region
        List<Map<String, Object>> lines = jdbc.queryForList("""
                WITH lines AS (
                    SELECT 'highway:' || road_class AS kind, geom FROM highways
                    UNION ALL SELECT 'railway:' || line_key, geom FROM railways),
                near AS (
                    SELECT DISTINCT a.* FROM bench_active a JOIN lines l ON ST_DWithin(a.site::geography, l.geom::geography, :max)
                        AND ST_DWithin(a.site::geography, l.geom::geography, a.range_m)
                    WHERE a.technology IN ('4G', '5G')),
                footprints AS (
                    SELECT CASE WHEN azimuth_deg IS NULL OR beamwidth_deg >= 360
                        THEN ST_Buffer(site::geography, range_m, 'quad_segs=16')::geometry
                        ELSE ST_MakePolygon(ST_MakeLine(ARRAY[site]
                            || ARRAY(SELECT ST_Project(site::geography, range_m,
                                         radians(azimuth_deg - beamwidth_deg / 2 + beamwidth_deg * i / 32.0))::geometry
                                     FROM generate_series(0, 32) i) || ARRAY[site])) END AS g
                    FROM near),
                covered AS (SELECT ST_Union(g) AS g FROM footprints),
                pieces AS (
                    SELECT l.kind, r.code AS region, ST_Intersection(l.geom, r.geom) AS g
                    FROM lines l JOIN regions r ON ST_Intersects(l.geom, r.geom))
                SELECT p.kind, p.region, sum(ST_Length(p.g::geography)) / 1000 AS km,
                       sum(ST_Length(ST_Intersection(p.g, covered.g)::geography)) / 1000 AS covered_km
                FROM pieces p, covered GROUP BY ROLLUP (p.kind, p.region)""".replace(":max", Double.toString(maxRangeM)));
        out.put("line_rows", (double) lines.size());
        out.put("base_stations", jdbc.queryForObject("""
                SELECT count(*)::float8 FROM base_stations b JOIN regions r ON ST_Intersects(r.geom, b.geom)
                WHERE coalesce(b.commissioned_on, '-infinity') <= ? AND coalesce(b.decommissioned_on, 'infinity') > ?""",
                Double.class, d, d));
        out.put("fiber_km", jdbc.queryForObject("""
                SELECT sum(ST_Length(ST_Intersection(f.geom, r.geom)::geography)) / 1000 FROM fiber_routes f
                JOIN regions r ON ST_Intersects(r.geom, f.geom)
                WHERE coalesce(f.commissioned_on, '-infinity') <= ? AND coalesce(f.decommissioned_on, 'infinity') > ?""",
                Double.class, d, d));
        return out;
    }
}

package uz.qamrov.planner.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uz.qamrov.engine.measure.IndicatorKeys;
import uz.qamrov.support.PostgisIT;

/**
 * The engine against an independent oracle: the same indicators written as plain PostGIS SQL on geography
 * ({@code ST_DWithin}, {@code ST_Azimuth}, {@code ST_Project}, {@code ST_Intersection} lengths), on the 212 real
 * GeoNames towns of Uzbekistan (the copy in geodata/sources, CC BY 4.0: no data beside the repository needed), the Tashkent–Samarkand–Bukhara line through its real station towns, and a few hundred
 * random sites with explicit ranges (seed logged). They must agree within 0.5%.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// the SQL oracle draws hard sectors on flat earth: compare the engine in that mode
@org.springframework.test.context.TestPropertySource(properties = "qamrov.terrain.sector-wedges=true")
class CoverageOracleIT extends PostgisIT {

    static final Path TOWNS = Path.of("geodata/sources/towns-geonames.csv");
    static final LocalDate AS_OF = LocalDate.of(2024, 6, 30);
    static final long SEED = Long.getLong("oracle.seed", 20240630L);

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CoverageService coverage;
    @Autowired
    CoverageRuns runs;

    @BeforeAll
    void loadTownsRailAndRandomSites() throws Exception {
        System.out.println("CoverageOracleIT seed = " + SEED + " (rerun with -Doracle.seed=" + SEED + ")");
        jdbc.update("""
                INSERT INTO regions (code, name_uz_latn, name_uz_cyrl, name_ru, name_en, population, geom, source)
                VALUES ('UZ-SA', 'Oʻzbekiston', 'Ўзбекистон', 'Узбекистан', 'Uzbekistan', 1,
                        ST_GeomFromText('MULTIPOLYGON(((55.5 37,73.5 37,73.5 46,55.5 46,55.5 37)))', 4326), 'test box')""");
        jdbc.update("INSERT INTO operators (code, name) VALUES ('op_a', 'A'), ('op_b', 'B')");
        List<double[]> towns = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(TOWNS)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                double lat = Double.parseDouble(r.get("latitude"));
                double lon = Double.parseDouble(r.get("longitude"));
                towns.add(new double[] {lon, lat});
                jdbc.update("""
                        INSERT INTO settlements (external_id, name_uz_latn, kind, population, households, region_code, geom, source)
                        VALUES (?, ?, 'city', ?, ?, 'UZ-SA', ST_SetSRID(ST_MakePoint(?, ?), 4326), 'geonames')""",
                        "gn:" + r.get("geonameid"), r.get("name"), Math.max(500, Integer.parseInt(r.get("population"))),
                        Math.max(100, Integer.parseInt(r.get("population")) / 5), lon, lat);
            }
        }
        // Tashkent, Guliston, Jizzax, Samarkand, Kattaqo'rg'on, Navoiy, Bukhara (GeoNames coordinates)
        String rail = "LINESTRING(69.21627 41.26465,68.78417 40.48972,67.82842 40.12341,66.95972 39.65417,66.26556 39.90546,"
                + "65.37917 40.08444,64.42861 39.77472)";
        jdbc.update("""
                INSERT INTO railways (line_key, line_name, geom, source)
                VALUES ('tashkent_samarkand_bukhara', 'Tashkent–Samarkand–Bukhara', ST_Segmentize(ST_GeomFromText(?, 4326)::geography, 1000)::geometry, 'test')""",
                rail);

        Random random = new Random(SEED);
        List<double[]> railPoints = jdbc.query("SELECT (dp).geom AS g, ST_X((dp).geom) x, ST_Y((dp).geom) y FROM "
                + "(SELECT ST_DumpPoints(geom) dp FROM railways) q", (rs, i) -> new double[] {rs.getDouble("x"), rs.getDouble("y")});
        for (int i = 0; i < 320; i++) {
            double[] anchor = i < 220 ? towns.get(random.nextInt(towns.size())) : railPoints.get(random.nextInt(railPoints.size()));
            double lon = anchor[0] + (random.nextDouble() - 0.5) * 0.3;
            double lat = anchor[1] + (random.nextDouble() - 0.5) * 0.2;
            LocalDate commissioned = LocalDate.of(2015 + random.nextInt(10), 1 + random.nextInt(12), 1 + random.nextInt(28));
            LocalDate decommissioned = random.nextDouble() < 0.1 && commissioned.getYear() < 2023 ? LocalDate.of(2023, 3, 1) : null;
            long siteId = jdbc.queryForObject("""
                    INSERT INTO base_stations (operator_code, external_id, geom, status, commissioned_on, decommissioned_on, source)
                    VALUES (?, ?, ST_SetSRID(ST_MakePoint(?, ?), 4326), ?, ?, ?, 'test') RETURNING id""", Long.class,
                    random.nextBoolean() ? "op_a" : "op_b", "S" + i, lon, lat, decommissioned == null ? "active" : "decommissioned",
                    commissioned, decommissioned);
            int cells = 1 + random.nextInt(3);
            for (int c = 0; c < cells; c++) {
                String tech = List.of("2G", "3G", "4G", "4G", "5G").get(random.nextInt(5));
                boolean omni = random.nextDouble() < 0.4;
                Double azimuth = omni ? null : Math.floor(random.nextDouble() * 3600) / 10;
                double beam = omni ? 360 : (random.nextBoolean() ? 65 : 120);
                jdbc.update("""
                        INSERT INTO cells (base_station_id, external_id, technology, band_mhz, azimuth_deg, beamwidth_deg,
                                           antenna_height_m, range_m)
                        VALUES (?, ?, ?, 1800, ?, ?, 30, ?)""", siteId, "C" + c, tech, azimuth, beam,
                        2000 + random.nextInt(18000));
            }
        }
        coverage.rebuild();
    }

    @Test
    void settlementsWithMobileInternetAgreeWithPostgis() {
        double engine = national(IndicatorKeys.SETTLEMENTS_MOBILE_INTERNET_PCT);
        double oracle = oracleSettlementShare(List.of("3G", "4G", "5G"));
        System.out.printf(Locale.ROOT, "settlements with 3G+: engine %.4f, PostGIS %.4f%n", engine, oracle);
        assertThat(oracle).isBetween(0.05, 0.95); // the random network must leave both covered and uncovered towns
        assertThat(engine).isCloseTo(oracle, within(0.005));
    }

    @Test
    void settlementsWithHighSpeedMobileAgreeWithPostgis() {
        double engine = national(IndicatorKeys.SETTLEMENTS_HIGH_SPEED_MOBILE_PCT);
        double oracle = oracleSettlementShare(List.of("4G", "5G"));
        System.out.printf(Locale.ROOT, "settlements with 4G+: engine %.4f, PostGIS %.4f%n", engine, oracle);
        assertThat(engine).isCloseTo(oracle, within(0.005));
    }

    @Test
    void railCorridorWith4gAgreesWithPostgisIntersectionLengths() {
        double engine = national(IndicatorKeys.RAILWAYS_TSB_HSM_PCT);
        Double oracle = jdbc.queryForObject("""
                WITH active AS (
                    SELECT c.range_m, c.azimuth_deg, c.beamwidth_deg, b.geom AS site
                    FROM cells c JOIN base_stations b ON b.id = c.base_station_id
                    WHERE c.technology IN ('4G', '5G') AND b.commissioned_on <= ?
                      AND (b.decommissioned_on IS NULL OR b.decommissioned_on > ?)),
                footprints AS (
                    SELECT CASE WHEN azimuth_deg IS NULL OR beamwidth_deg >= 360
                        THEN ST_Buffer(site::geography, range_m, 'quad_segs=64')::geometry
                        ELSE ST_MakePolygon(ST_MakeLine(ARRAY[site]
                            || ARRAY(SELECT ST_Project(site::geography, range_m,
                                         radians(azimuth_deg - beamwidth_deg / 2 + beamwidth_deg * i / 128.0))::geometry
                                     FROM generate_series(0, 128) i)
                            || ARRAY[site])) END AS g
                    FROM active),
                covered AS (SELECT ST_Union(g) AS g FROM footprints)
                SELECT ST_Length(ST_Intersection(r.geom, covered.g)::geography) / ST_Length(r.geom::geography)
                FROM railways r, covered WHERE r.line_key = 'tashkent_samarkand_bukhara'""", Double.class, AS_OF, AS_OF);
        System.out.printf(Locale.ROOT, "rail km with 4G+: engine %.4f, PostGIS %.4f%n", engine, oracle);
        assertThat(oracle).isBetween(0.05, 0.95);
        assertThat(engine).isCloseTo(oracle, within(0.005));
    }

    @Test
    void storedResultsListExactlyTheSettlementsTheEngineMarkedUncovered() {
        long run = runs.runFor(AS_OF);
        List<Long> stored = jdbc.queryForList("""
                SELECT settlement_id FROM settlement_coverage WHERE run_id = ? AND service = 'mobile_internet' AND NOT covered
                ORDER BY settlement_id""", Long.class, run);
        List<Long> engine = coverage.snapshot(AS_OF).settlements().stream()
                .filter(s -> s.service() == uz.qamrov.engine.model.Service.MOBILE_INTERNET && !s.covered())
                .map(s -> s.settlementId()).sorted().toList();
        assertThat(stored).isEqualTo(engine).isNotEmpty();
        Double storedPct = jdbc.queryForObject("""
                SELECT value FROM indicator_values WHERE run_id = ? AND indicator_key = ? AND scope_code = 'UZ'""",
                Double.class, run, IndicatorKeys.SETTLEMENTS_MOBILE_INTERNET_PCT);
        assertThat(storedPct).isEqualTo(national(IndicatorKeys.SETTLEMENTS_MOBILE_INTERNET_PCT));
    }

    private double national(String key) {
        return coverage.snapshot(AS_OF).indicators().national(key).orElseThrow().value();
    }

    private double oracleSettlementShare(List<String> technologies) {
        return jdbc.queryForObject("""
                WITH active AS (
                    SELECT c.range_m, c.azimuth_deg, c.beamwidth_deg, b.geom AS site
                    FROM cells c JOIN base_stations b ON b.id = c.base_station_id
                    WHERE c.technology = ANY(?) AND b.commissioned_on <= ?
                      AND (b.decommissioned_on IS NULL OR b.decommissioned_on > ?))
                SELECT avg(CASE WHEN EXISTS (
                    SELECT 1 FROM active a
                    WHERE ST_DWithin(a.site::geography, s.geom::geography, a.range_m)
                      AND (a.azimuth_deg IS NULL OR a.beamwidth_deg >= 360
                           OR abs(mod(CAST(coalesce(degrees(ST_Azimuth(a.site::geography, s.geom::geography)), a.azimuth_deg)
                                           - a.azimuth_deg + 540 AS numeric), 360) - 180) <= a.beamwidth_deg / 2)
                ) THEN 1.0 ELSE 0.0 END)
                FROM settlements s""", Double.class, technologies.toArray(String[]::new), AS_OF, AS_OF);
    }
}

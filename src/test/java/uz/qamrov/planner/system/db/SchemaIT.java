package uz.qamrov.planner.system.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import uz.qamrov.support.PostgisIT;

/** Flyway builds the schema on a real PostGIS; typmods, GiST indexes and constraints are really there. */
class SchemaIT extends PostgisIT {

    @Autowired
    JdbcTemplate jdbc;

    @ParameterizedTest
    @CsvSource({
        "regions,geom,MULTIPOLYGON", "districts,geom,MULTIPOLYGON", "settlements,geom,POINT", "settlements,boundary,MULTIPOLYGON",
        "highways,geom,LINESTRING", "railways,geom,LINESTRING", "base_stations,geom,POINT", "fiber_routes,geom,LINESTRING",
        "fiber_nodes,geom,POINT", "line_stretches,geom,LINESTRING", "coverage_polygons,geom,MULTIPOLYGON"})
    void everyGeometryColumnHasTypmodSridAndGistIndex(String table, String column, String type) {
        var row = jdbc.queryForMap("SELECT type, srid FROM geometry_columns WHERE f_table_name = ? AND f_geometry_column = ?",
                table, column);
        assertThat(row.get("type")).isEqualTo(type);
        assertThat(row.get("srid")).isEqualTo(4326);
        Integer gist = jdbc.queryForObject("""
                SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_class ic ON ic.oid = i.indexrelid
                JOIN pg_am am ON am.oid = ic.relam JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY(i.indkey)
                WHERE c.relname = ? AND a.attname = ? AND am.amname = 'gist'""", Integer.class, table, column);
        assertThat(gist).as("GiST index on %s.%s", table, column).isEqualTo(1);
    }

    /**
     * The pool's sessions carry application.yml's options: a statement timeout, and no JIT (its ~45 ms of LLVM work per
     * statement costed above jit_above_cost made a 27 ms gap list take 116 ms). Read on two connections at once, so
     * that not only one pooled session is seen.
     */
    @Test
    void pooledSessionsHaveAStatementTimeoutAndNoJit() throws Exception {
        javax.sql.DataSource ds = jdbc.getDataSource();
        try (var a = ds.getConnection(); var b = ds.getConnection()) {
            for (var con : List.of(a, b)) {
                try (var rs = con.createStatement().executeQuery(
                        "SELECT current_setting('jit'), current_setting('statement_timeout')")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("off");
                    assertThat(rs.getString(2)).isEqualTo("2min");
                }
            }
            // PostgreSQL's own default is on: the connection's options are what turn it off
            assertThat(jdbc.queryForObject("SELECT boot_val FROM pg_settings WHERE name = 'jit'", String.class)).isEqualTo("on");
        }
    }

    @Test
    void everyTableOfTheDomainExists() {
        List<String> tables = jdbc.queryForList(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'", String.class);
        assertThat(tables).contains("regions", "districts", "settlements", "highways", "railways", "base_stations", "cells",
                "fiber_routes", "fiber_nodes", "targets", "operators", "users", "import_jobs", "audit_log",
                "coverage_runs", "settlement_coverage", "line_stretches", "coverage_polygons", "indicator_values");
    }

    @Test
    void aSelfIntersectingPolygonIsRejected() {
        insertRegion("UZ-SA", "SRID=4326;MULTIPOLYGON(((66 39,67 39,67 40,66 40,66 39)))");
        // a bow-tie: the ring crosses itself at (66.5, 39.5)
        assertThatThrownBy(() -> insertDistrict("SA-1", "SRID=4326;MULTIPOLYGON(((66 39,67 40,67 39,66 40,66 39)))"))
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("districts_geom_valid");
    }

    @Test
    void anOutOfRangePointIsRejected() {
        insertRegion("UZ-BU", "SRID=4326;MULTIPOLYGON(((63 39,64 39,64 40,63 40,63 39)))");
        // lat/lon swapped: (39.77, 64.42) is Bukhara written the wrong way round
        assertThatThrownBy(() -> jdbc.update("""
                INSERT INTO settlements (external_id, name_uz_latn, kind, population, households, region_code, geom, source)
                VALUES ('x', 'Buxoro', 'city', 1, 1, 'UZ-BU', ST_GeomFromEWKT('SRID=4326;POINT(39.77 64.42)'), 'test')"""))
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("settlements_geom_range");
    }

    @Test
    void aPointInsideTheCountryBoxIsAccepted() {
        insertRegion("UZ-NW", "SRID=4326;MULTIPOLYGON(((64 40,66 40,66 41,64 41,64 40)))");
        jdbc.update("""
                INSERT INTO settlements (external_id, name_uz_latn, kind, population, households, region_code, geom, source)
                VALUES ('navoiy', 'Navoiy', 'city', 150000, 30000, 'UZ-NW', ST_GeomFromEWKT('SRID=4326;POINT(65.38 40.10)'), 'test')""");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM settlements", Integer.class)).isEqualTo(1);
    }

    @Test
    void aWrongGeometryTypeIsRejectedByTheTypmod() {
        assertThatThrownBy(() -> jdbc.update("""
                INSERT INTO highways (ref, road_class, name_uz_latn, geom, source)
                VALUES ('M39', 'international', 'M39', ST_GeomFromEWKT('SRID=4326;POINT(65 40)'), 'test')"""))
                .hasMessageContaining("Geometry type (Point) does not match column type (LineString)");
    }

    private void insertRegion(String code, String ewkt) {
        jdbc.update("""
                INSERT INTO regions (code, name_uz_latn, name_uz_cyrl, name_ru, name_en, population, geom, source)
                VALUES (?, 'n', 'n', 'n', 'n', 1, ST_GeomFromEWKT(?), 'test')""", code, ewkt);
    }

    private void insertDistrict(String code, String ewkt) {
        jdbc.update("""
                INSERT INTO districts (code, region_code, name_uz_latn, geom, source)
                VALUES (?, 'UZ-SA', 'n', ST_GeomFromEWKT(?), 'test')""", code, ewkt);
    }
}

package uz.qamrov.planner.region;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All SQL of the region feature. */
@Repository
class RegionRepository {

    private static final String COLUMNS = """
            code, name_uz_latn, name_uz_cyrl, name_ru, name_en, population, approximate,
            ST_XMin(geom) AS xmin, ST_YMin(geom) AS ymin, ST_XMax(geom) AS xmax, ST_YMax(geom) AS ymax""";

    private final JdbcClient jdbc;

    RegionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Region> regions() {
        return jdbc.sql("SELECT " + COLUMNS + ", code AS region_code FROM regions ORDER BY code").query(RegionRepository::map).list();
    }

    boolean regionExists(String code) {
        return jdbc.sql("SELECT count(*) FROM regions WHERE code = :code").param("code", code).query(Long.class).single() > 0;
    }

    List<Region> districts(String regionCode) {
        return jdbc.sql("SELECT " + COLUMNS + ", region_code FROM districts WHERE region_code = :region ORDER BY code")
                .param("region", regionCode).query(RegionRepository::map).list();
    }

    Optional<Region> region(String code) {
        return jdbc.sql("SELECT " + COLUMNS + ", code AS region_code FROM regions WHERE code = :code")
                .param("code", code).query(RegionRepository::map).optional();
    }

    private static Region map(ResultSet rs, int row) throws SQLException {
        double xmin = rs.getDouble("xmin");
        List<Double> bbox = rs.wasNull() ? null
                : Arrays.asList(xmin, rs.getDouble("ymin"), rs.getDouble("xmax"), rs.getDouble("ymax"));
        long population = rs.getLong("population");
        return new Region(rs.getString("code"), rs.getString("region_code"),
                new Region.Names(rs.getString("name_uz_latn"), rs.getString("name_uz_cyrl"), rs.getString("name_ru"),
                        rs.getString("name_en")),
                rs.wasNull() ? null : population, rs.getBoolean("approximate"), bbox);
    }
}

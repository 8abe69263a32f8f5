package uz.qamrov.planner.search;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * All SQL of the place search. Names are compared by their folded keys ({@code qamrov_fold}, V040): regions,
 * districts and settlements in one ranked list. Rank: the whole key or one name equals the query, then a name
 * starts with it, then a word starts with it, then it occurs anywhere; regions before districts before settlements,
 * larger population first.
 */
@Repository
class SearchRepository {

    private static final String SQL = """
            WITH q AS (SELECT qamrov_fold(:q) AS k),
            places AS (
              SELECT 'region' AS type, r.code AS id, r.name_uz_latn, r.name_uz_cyrl, r.name_ru, r.name_en, r.code AS region,
                     NULL::text AS district, r.population::bigint AS population, ST_PointOnSurface(r.geom) AS pt, r.geom AS area,
                     r.search_key, 0 AS kind_rank
              FROM regions r
              UNION ALL
              SELECT 'district', d.code, d.name_uz_latn, d.name_uz_cyrl, d.name_ru, d.name_en, d.region_code, d.code,
                     d.population::bigint, ST_PointOnSurface(d.geom), d.geom, d.search_key, 1
              FROM districts d
              UNION ALL
              SELECT 'settlement', s.id::text, s.name_uz_latn, s.name_uz_cyrl, s.name_ru, s.name_en, s.region_code,
                     s.district_code, s.population::bigint, s.geom, NULL::geometry, s.search_key, 2
              FROM settlements s),
            ranked AS (
              SELECT p.*, CASE
                  WHEN p.search_key = q.k OR (' | ' || p.search_key || ' | ') LIKE '% | ' || q.k || ' | %' THEN 0
                  WHEN (' | ' || p.search_key) LIKE '% | ' || q.k || '%' THEN 1
                  WHEN (' ' || p.search_key) LIKE '% ' || q.k || '%' THEN 2
                  ELSE 3 END AS match_rank
              FROM places p, q
              WHERE q.k <> '' AND p.search_key LIKE '%' || q.k || '%')
            SELECT type, id, name_uz_latn, name_uz_cyrl, name_ru, name_en, region, district, population,
                   ST_X(pt) AS lon, ST_Y(pt) AS lat,
                   ST_XMin(coalesce(area, pt)) AS xmin, ST_YMin(coalesce(area, pt)) AS ymin,
                   ST_XMax(coalesce(area, pt)) AS xmax, ST_YMax(coalesce(area, pt)) AS ymax
            FROM ranked
            ORDER BY match_rank, kind_rank, population DESC NULLS LAST, name_uz_latn, id
            LIMIT :limit""";

    private final JdbcClient jdbc;

    SearchRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Place> search(String query, int limit) {
        return jdbc.sql(SQL).param("q", query).param("limit", limit).query(SearchRepository::map).list();
    }

    private static Place map(ResultSet rs, int row) throws SQLException {
        long population = rs.getLong("population");
        Long pop = rs.wasNull() ? null : population;
        return new Place(rs.getString("type"), rs.getString("id"),
                new Place.Names(rs.getString("name_uz_latn"), rs.getString("name_uz_cyrl"), rs.getString("name_ru"),
                        rs.getString("name_en")),
                rs.getString("region"), rs.getString("district"), pop, round6(rs.getDouble("lon")), round6(rs.getDouble("lat")),
                List.of(round6(rs.getDouble("xmin")), round6(rs.getDouble("ymin")), round6(rs.getDouble("xmax")),
                        round6(rs.getDouble("ymax"))));
    }

    private static double round6(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}

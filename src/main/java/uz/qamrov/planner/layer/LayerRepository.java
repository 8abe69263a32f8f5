package uz.qamrov.planner.layer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import uz.qamrov.planner.system.StreamingQueries;
import uz.qamrov.planner.web.FeatureRow;
import uz.qamrov.planner.web.RowSource;

/**
 * All SQL of the map layers (REST layers and OGC API collections). Each layer is a FROM clause, an id, a geometry
 * and a properties expression; filters are small clause functions with bound values. PostGIS writes the geometry
 * JSON with 6 decimals ({@code ST_AsGeoJSON(geom, 6)}: 1e-6 degree is ~0.1 m).
 */
@Repository
class LayerRepository {

    /**
     * The SQL pieces of one layer; identifiers only, never request values. Polygons are written with
     * {@code ST_ForcePolygonCCW}: RFC 7946's right-hand rule (exterior rings counter-clockwise). The properties are
     * name and SQL expression pairs in the order features carry them: a request for some of them builds only those
     * (a base station's cell counts are subqueries per row, a map's clusters need none of them).
     */
    private record Source(String from, String id, String geom, List<Property> properties, String asOfFilter) {

        List<String> names() {
            return properties.stream().map(Property::name).toList();
        }

        /** The JSON object of the named properties (all for null), as SQL. */
        String json(List<String> names) {
            return properties.stream().filter(p -> names == null || names.contains(p.name()))
                    .map(p -> "'" + p.name() + "', " + p.sql()).collect(Collectors.joining(", ", "json_build_object(", ")"));
        }
    }

    private record Property(String name, String sql) {
    }

    /** Properties from name, expression, name, expression, … */
    private static List<Property> props(String... nameAndSql) {
        List<Property> out = new ArrayList<>();
        for (int i = 0; i < nameAndSql.length; i += 2) {
            out.add(new Property(nameAndSql[i], nameAndSql[i + 1]));
        }
        return out;
    }

    /** The lists one after the other. */
    @SafeVarargs
    private static List<Property> concat(List<Property>... lists) {
        List<Property> out = new ArrayList<>();
        for (List<Property> l : lists) {
            out.addAll(l);
        }
        return out;
    }

    // The one as-of rule (migration V011): the row's generated counting period contains D. The coverage engine
    // loads exactly the rows whose period is not empty, so map, OGC API, tiles and indicators see the same network.
    private static String versionedAt(String t) {
        return "%1$s.counts_during @> CAST(:asOf AS date)".formatted(t);
    }

    /**
     * The lengths of a highway or railway, geodesic on the WGS84 spheroid, in km to the metre: {@code length_km} is
     * the main path ({@code geom}), along which kilometre marks, stretches and the road/rail-km indicators run;
     * {@code parts} and {@code parts_length_km} are the stored parts of a multi-part line ({@code parts_geom}, V030:
     * double track, sidings, branches) in file order, {@code all_parts_length_km} their sum (all the track laid). A
     * single-part line is its own one part.
     */
    private static final List<Property> LINE_LENGTHS = props(
            "length_km", "round((ST_Length(t.geom::geography) / 1000)::numeric, 3)",
            "parts", "coalesce(ST_NumGeometries(t.parts_geom), 1)",
            "parts_length_km", """
                    coalesce((SELECT json_agg(round((ST_Length(d.geom::geography) / 1000)::numeric, 3) ORDER BY d.path)
                              FROM ST_Dump(t.parts_geom) d),
                             json_build_array(round((ST_Length(t.geom::geography) / 1000)::numeric, 3)))""",
            "all_parts_length_km", "round((ST_Length(coalesce(t.parts_geom, t.geom)::geography) / 1000)::numeric, 3)");

    private static final List<Property> NAMES = props("name_uz_latn", "t.name_uz_latn", "name_uz_cyrl", "t.name_uz_cyrl",
            "name_ru", "t.name_ru", "name_en", "t.name_en");

    private static Source source(Layer layer) {
        return switch (layer) {
            case REGIONS -> new Source("regions t", "t.code", "ST_ForcePolygonCCW(t.geom)", concat(props("code", "t.code"), NAMES,
                    props("population", "t.population", "approximate", "t.approximate")), null);
            case DISTRICTS -> new Source("districts t", "t.code", "ST_ForcePolygonCCW(t.geom)",
                    concat(props("code", "t.code", "region", "t.region_code"), NAMES,
                            props("population", "t.population", "approximate", "t.approximate")), null);
            case SETTLEMENTS -> new Source("""
                    settlements t LEFT JOIN settlement_coverage sc
                      ON sc.settlement_id = t.id AND sc.run_id = :run AND sc.service = :service""", "t.id", "t.geom",
                    concat(props("id", "t.id"), NAMES, props("kind", "t.kind", "population", "t.population",
                            "households", "t.households", "region", "t.region_code", "district", "t.district_code",
                            "synthetic", "t.source ILIKE '%synthetic%'", "source", "t.source", "service", "CAST(:service AS text)",
                            "covered", "sc.covered", "operators", "sc.operators", "nearest_site_m", "round(sc.nearest_site_m::numeric, 1)",
                            "nearest_fiber_m", "round(sc.nearest_fiber_m::numeric, 1)", "best_cell_id", "sc.best_cell_id",
                            "best_level_dbm", "round(sc.best_level_dbm::numeric, 1)", "signal_class", "sc.signal_class",
                            "gap_reason", "sc.gap_reason", "gap_reason_details", "sc.gap_reason_details")), null);
            case HIGHWAYS -> new Source("highways t", "t.id", "t.geom", concat(props("id", "t.id", "ref", "t.ref",
                    "road_class", "t.road_class", "name_uz_latn", "t.name_uz_latn", "name_ru", "t.name_ru", "name_en", "t.name_en"),
                    LINE_LENGTHS), null);
            case RAILWAYS -> new Source("railways t", "t.id", "t.geom",
                    concat(props("id", "t.id", "line_key", "t.line_key", "line_name", "t.line_name"), LINE_LENGTHS), null);
            case BASE_STATIONS -> new Source("base_stations t", "t.id", "t.geom", props("id", "t.id", "operator", "t.operator_code",
                    "external_id", "t.external_id", "status", "t.status", "tower_height_m", "t.tower_height_m",
                    "commissioned_on", "t.commissioned_on",
                    "cell_count", "(SELECT count(*) FROM cells c WHERE c.base_station_id = t.id)",
                    "technologies", "(SELECT string_agg(DISTINCT c.technology, ',' ORDER BY c.technology) FROM cells c WHERE c.base_station_id = t.id)",
                    "cells", """
                            (SELECT json_object_agg(x.technology, x.n) FROM (SELECT c.technology, count(*) AS n FROM cells c
                             WHERE c.base_station_id = t.id GROUP BY c.technology) x)"""), versionedAt("t"));
            case CELLS -> new Source("cells c JOIN base_stations t ON t.id = c.base_station_id", "c.id", "t.geom", props("id", "c.id",
                    "base_station_id", "t.id", "operator", "t.operator_code", "external_id", "c.external_id",
                    "technology", "c.technology", "band_mhz", "c.band_mhz", "azimuth_deg", "c.azimuth_deg",
                    "beamwidth_deg", "c.beamwidth_deg", "tilt_deg", "c.tilt_deg", "antenna_height_m", "c.antenna_height_m",
                    "eirp_dbm", "c.eirp_dbm", "range_m", "c.range_m"), versionedAt("t"));
            case FIBER_ROUTES -> new Source("fiber_routes t", "t.id", "t.geom", props("id", "t.id", "operator", "t.operator_code",
                    "external_id", "t.external_id", "status", "t.status", "route_kind", "t.route_kind",
                    "capacity_gbps", "t.capacity_gbps", "commissioned_on", "t.commissioned_on",
                    "decommissioned_on", "t.decommissioned_on"), versionedAt("t"));
            case COVERAGE -> new Source("coverage_polygons t", "t.id", "ST_ForcePolygonCCW(t.geom)", props("id", "t.id",
                    "technology", "t.technology", "operator", "t.operator_code", "region", "t.region_code",
                    "area_km2", "round(t.area_km2::numeric, 3)"), "t.run_id = :run");
        };
    }

    /**
     * The bbox condition. Every layer's geom column is typed SRID 4326 (the migrations; {@code geometry_columns}), so
     * the WGS84 envelope is compared as it is: a constant the GiST index on geom can use. The envelope used to be
     * transformed "to the column's SRID" with {@code ST_SRID(t.geom)}, which is a per-row value: every bbox read was a
     * sequential scan with a transform per row, costed so high that PostgreSQL JIT-compiled it (a region's settlements
     * took 180 ms before the first row, 40 ms of SQL).
     */
    static final String BBOX = " AND t.geom && ST_MakeEnvelope(:minx, :miny, :maxx, :maxy, 4326)"
            + " AND ST_Intersects(t.geom, ST_MakeEnvelope(:minx, :miny, :maxx, :maxy, 4326))";

    private final JdbcClient jdbc;
    private final StreamingQueries streaming;

    LayerRepository(JdbcClient jdbc, StreamingQueries streaming) {
        this.jdbc = jdbc;
        this.streaming = streaming;
    }

    private record Clause(String where, Map<String, Object> params) {
    }

    private static Clause where(Layer layer, Source s, LayerQuery q) {
        StringBuilder sql = new StringBuilder(" WHERE true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (q.bbox() != null) {
            sql.append(BBOX);
            params.put("minx", q.bbox()[0]);
            params.put("miny", q.bbox()[1]);
            params.put("maxx", q.bbox()[2]);
            params.put("maxy", q.bbox()[3]);
        }
        if (s.asOfFilter() != null) {
            sql.append(" AND ").append(s.asOfFilter());
        }
        if (layer.versioned()) {
            params.put("asOf", q.asOf());
        }
        if (layer.perRun()) {
            params.put("run", q.runId());
        }
        if (layer == Layer.SETTLEMENTS) {
            params.put("service", q.service());
        }
        return new Clause(sql.toString(), params);
    }

    long count(Layer layer, LayerQuery q) {
        Source s = source(layer);
        Clause c = where(layer, s, q);
        // the settlements' LEFT JOIN does not change the count; skip it
        String from = layer == Layer.SETTLEMENTS ? "settlements t" : s.from();
        Map<String, Object> params = new LinkedHashMap<>(c.params());
        if (layer == Layer.SETTLEMENTS) {
            params.remove("run");
            params.remove("service");
        }
        return jdbc.sql("SELECT count(*) FROM " + from + c.where()).params(params).query(Long.class).single();
    }

    /** Sites in one cell of a grid: how many, and their mean position. */
    record SiteCluster(long count, double lon, double lat) {
    }

    /**
     * The base stations of the query (bbox, as of its date) counted per cell of a square grid in Web Mercator
     * (EPSG:3857) metres, cells counted from the world's top-left corner: the grid a web map's screen pixels form at
     * one zoom, so the server's cells are the clusters the map used to count itself from every site.
     */
    List<SiteCluster> siteClusters(LayerQuery q, double cellM) {
        Source s = source(Layer.BASE_STATIONS);
        Clause c = where(Layer.BASE_STATIONS, s, q);
        Map<String, Object> params = new LinkedHashMap<>(c.params());
        params.put("cell", cellM);
        params.put("half", Math.PI * 6378137.0);
        String sql = "SELECT count(*) AS n, avg(ST_X(t.geom)) AS lon, avg(ST_Y(t.geom)) AS lat FROM " + s.from() + c.where()
                + " GROUP BY floor((ST_X(ST_Transform(t.geom, 3857)) + :half) / :cell),"
                + " floor((:half - ST_Y(ST_Transform(t.geom, 3857))) / :cell) ORDER BY n DESC, lon, lat";
        return jdbc.sql(sql).params(params).query((rs, i) -> new SiteCluster(rs.getLong("n"), rs.getDouble("lon"), rs.getDouble("lat")))
                .list();
    }

    RowSource rows(Layer layer, LayerQuery q) {
        Source s = source(layer);
        Clause c = where(layer, s, q);
        Map<String, Object> params = new LinkedHashMap<>(c.params());
        params.put("limit", q.limit());
        params.put("offset", q.offset());
        // The page's ids first, then the properties of those rows only: a select list with per-row subqueries (a base
        // station's cells) is otherwise evaluated for every row OFFSET skips, and a client paging through the whole
        // country (GDAL, QGIS) pays for all earlier pages again on every page.
        String sql = "WITH page AS (SELECT " + s.id() + " AS pid FROM " + s.from() + c.where() + " ORDER BY " + s.id()
                + " LIMIT :limit OFFSET :offset) " + select(s, q) + " JOIN page ON page.pid = " + s.id() + " ORDER BY " + s.id();
        return sink -> streaming.readOnly(() -> streaming.client().sql(sql).params(params).query(rs -> {
            sink.accept(new FeatureRow(rs.getObject("id"), rs.getString("geometry"), rs.getString("properties")));
        }));
    }

    Optional<FeatureRow> item(Layer layer, Object id, LayerQuery q) {
        Source s = source(layer);
        Clause c = where(layer, s, q);
        Map<String, Object> params = new LinkedHashMap<>(c.params());
        params.put("id", id);
        return jdbc.sql(select(s, q) + c.where() + " AND " + s.id() + " = :id").params(params)
                .query((rs, i) -> new FeatureRow(rs.getObject("id"), rs.getString("geometry"), rs.getString("properties")))
                .optional();
    }

    /** [minLon, minLat, maxLon, maxLat] of the whole layer, or empty when it has no rows. */
    Optional<double[]> extent(Layer layer) {
        String table = source(layer).from().trim().split("\\s+")[0];
        String geom = layer == Layer.CELLS ? "base_stations" : table;
        return jdbc.sql("SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT ST_Extent(geom) AS e FROM "
                + geom + ") x WHERE e IS NOT NULL")
                .query((rs, i) -> new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)}).optional();
    }

    private static String select(Source s, LayerQuery q) {
        return "SELECT " + s.id() + " AS id, " + geometry(s, q) + " AS geometry, " + s.json(q.properties())
                + "::text AS properties FROM " + s.from();
    }

    /**
     * The feature's GeoJSON geometry: as stored, 6 decimals; or for drawing, simplified to within {@code simplifyM}
     * metres and written with 5 decimals (~1 m). The tolerance is in degrees (PostGIS simplifies in the plane of
     * lon/lat): one metre is 1/111,320 of a degree of latitude, and a degree of longitude is shorter, so no vertex
     * moves more than simplifyM in any direction. Collapsed lines are kept (a short siding stays a stroke).
     */
    static String geometry(Source s, LayerQuery q) {
        if (q.simplifyM() == null) {
            return "ST_AsGeoJSON(" + s.geom() + ", 6)";
        }
        // a validated finite number (Layers.simplifyM), written as a literal: it is part of the statement's shape
        return "ST_AsGeoJSON(ST_Simplify(" + s.geom() + ", " + (q.simplifyM() / METRES_PER_DEGREE) + ", true), 5)";
    }

    /** Metres per degree of latitude (mean): what a tolerance in metres is in degrees. */
    static final double METRES_PER_DEGREE = 111_320.0;

    /** The names of a layer's properties, in the order its features carry them. */
    List<String> propertyNames(Layer layer) {
        return source(layer).names();
    }
}

package uz.qamrov.planner.planning;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All SQL of the planning feature: the cost model, region multipliers, plan runs. */
@Repository
class PlanningRepository {

    private final JdbcClient jdbc;

    PlanningRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record CostRow(String key, double value, String unit, String description, String source, String updatedAt,
            String updatedBy) {
    }

    List<CostRow> costs() {
        return jdbc.sql("""
                SELECT key, value, unit, description, source, to_char(updated_at AT TIME ZONE 'UTC',
                       'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS updated_at, updated_by
                FROM planning_costs ORDER BY key""")
                .query((rs, i) -> new CostRow(rs.getString("key"), rs.getDouble("value"), rs.getString("unit"),
                        rs.getString("description"), rs.getString("source"), rs.getString("updated_at"),
                        rs.getString("updated_by")))
                .list();
    }

    Map<String, Double> costValues() {
        Map<String, Double> m = new LinkedHashMap<>();
        costs().forEach(c -> m.put(c.key(), c.value()));
        return m;
    }

    void updateCost(String key, double value, String source, String actor) {
        jdbc.sql("""
                UPDATE planning_costs SET value = :value, source = coalesce(:source, source), updated_at = now(),
                       updated_by = :actor WHERE key = :key""")
                .param("value", value).param("source", source).param("actor", actor).param("key", key).update();
    }

    Map<String, Double> regionMultipliers() {
        Map<String, Double> m = new LinkedHashMap<>();
        jdbc.sql("SELECT region_code, multiplier FROM planning_cost_regions ORDER BY region_code")
                .query(rs -> {
                    m.put(rs.getString(1), rs.getDouble(2));
                });
        return m;
    }

    void setRegionMultiplier(String region, double multiplier, String note, String actor) {
        jdbc.sql("""
                INSERT INTO planning_cost_regions (region_code, multiplier, note, updated_by) VALUES (:r, :m, :n, :a)
                ON CONFLICT (region_code) DO UPDATE SET multiplier = :m, note = :n, updated_by = :a, updated_at = now()""")
                .param("r", region).param("m", multiplier).param("n", note).param("a", actor).update();
    }

    boolean regionExists(String code) {
        return jdbc.sql("SELECT count(*) FROM regions WHERE code = :c").param("c", code).query(Integer.class).single() > 0;
    }

    boolean operatorExists(String code) {
        return jdbc.sql("SELECT count(*) FROM operators WHERE code = :c").param("c", code).query(Integer.class)
                .single() > 0;
    }

    /** The roads of the 4G-km goal: international and state highways (the roadmap indicator's classes). */
    Set<Long> goalHighwayIds() {
        return Set.copyOf(jdbc.sql("SELECT id FROM highways WHERE road_class IN ('international', 'state')")
                .query(Long.class).list());
    }

    /**
     * Every highway part as a lon/lat line (WKB → JTS; multi-part highways dumped into their parts), for the fiber
     * tree's road graph. All of them, whatever the plan's region: a corridor may leave the region, and the national
     * layer is small (tens of lines); the engine nodes and snaps them ({@code RoadGraph}).
     */
    List<LineString> highwayLines(GeometryFactory gf) {
        WKBReader wkb = new WKBReader(gf);
        return jdbc.sql("""
                SELECT ST_AsBinary(d.geom) FROM highways h, ST_Dump(coalesce(h.parts_geom, h.geom)) d
                WHERE ST_NPoints(d.geom) >= 2 ORDER BY h.id, d.path""")
                .query((rs, i) -> {
                    try {
                        return (LineString) wkb.read(rs.getBytes(1));
                    } catch (ParseException e) {
                        throw new IllegalStateException("highway geometry unreadable", e);
                    }
                })
                .list();
    }

    void insertPlan(UUID id, String requestJson, String actor) {
        jdbc.sql("INSERT INTO plans (id, status, request, submitted_by) VALUES (:id, 'queued', :req::jsonb, :a)")
                .param("id", id).param("req", requestJson).param("a", actor).update();
    }

    void finishPlan(UUID id, String status, String resultJson, String error) {
        jdbc.sql("""
                UPDATE plans SET status = :s, result = :r::jsonb, error = :e, finished_at = now() WHERE id = :id""")
                .param("s", status).param("r", resultJson).param("e", error).param("id", id).update();
    }

    void markRunning(UUID id) {
        jdbc.sql("UPDATE plans SET status = 'running' WHERE id = :id").param("id", id).update();
    }

    record PlanRow(UUID id, String status, String request, String result, String error, String createdAt,
            String finishedAt) {
    }

    Optional<PlanRow> plan(UUID id) {
        return jdbc.sql("""
                SELECT id, status, request::text, result::text, error,
                       to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at,
                       to_char(finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS finished_at
                FROM plans WHERE id = :id""")
                .param("id", id)
                .query((rs, i) -> new PlanRow(rs.getObject("id", UUID.class), rs.getString("status"),
                        rs.getString("request"), rs.getString("result"), rs.getString("error"),
                        rs.getString("created_at"), rs.getString("finished_at")))
                .optional();
    }

    // ------------------------------------------------------------------ scenarios

    record ScenarioRow(long id, String name, String description, String planId, String asOf, String createdBy,
            String createdAt, int items, double costUsd) {
    }

    record ItemRow(String action, String kind, String ref, String operator, Double costUsd, String attributes,
            String geomWkt) {
    }

    long insertScenario(String name, String description, UUID planId, java.time.LocalDate asOf, String actor) {
        return jdbc.sql("""
                INSERT INTO scenarios (name, description, plan_id, as_of, created_by) VALUES (:n, :d, :p, :a, :u)
                RETURNING id""")
                .param("n", name).param("d", description).param("p", planId).param("a", asOf).param("u", actor)
                .query(Long.class).single();
    }

    void insertItem(long scenarioId, ItemRow item) {
        jdbc.sql("""
                INSERT INTO scenario_items (scenario_id, action, kind, ref, operator_code, cost_usd, attributes, geom)
                VALUES (:s, :action, :kind, :ref, :op, :cost, :attr::jsonb, ST_GeomFromText(:wkt, 4326))""")
                .param("s", scenarioId).param("action", item.action()).param("kind", item.kind())
                .param("ref", item.ref()).param("op", item.operator()).param("cost", item.costUsd())
                .param("attr", item.attributes()).param("wkt", item.geomWkt()).update();
    }

    private static final String SCENARIO_SELECT = """
            SELECT s.id, s.name, s.description, s.plan_id::text, s.as_of::text, s.created_by,
                   to_char(s.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at,
                   (SELECT count(*) FROM scenario_items i WHERE i.scenario_id = s.id) AS items,
                   (SELECT coalesce(sum(cost_usd), 0) FROM scenario_items i WHERE i.scenario_id = s.id) AS cost
            FROM scenarios s""";

    List<ScenarioRow> scenarios() {
        return jdbc.sql(SCENARIO_SELECT + " ORDER BY s.id").query(this::scenarioRow).list();
    }

    Optional<ScenarioRow> scenario(long id) {
        return jdbc.sql(SCENARIO_SELECT + " WHERE s.id = :id").param("id", id).query(this::scenarioRow).optional();
    }

    private ScenarioRow scenarioRow(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new ScenarioRow(rs.getLong("id"), rs.getString("name"), rs.getString("description"),
                rs.getString("plan_id"), rs.getString("as_of"), rs.getString("created_by"), rs.getString("created_at"),
                rs.getInt("items"), rs.getDouble("cost"));
    }

    List<ItemRow> items(long scenarioId) {
        return jdbc.sql("""
                SELECT action, kind, ref, operator_code, cost_usd, attributes::text, ST_AsText(geom) AS wkt
                FROM scenario_items WHERE scenario_id = :s ORDER BY id""")
                .param("s", scenarioId)
                .query((rs, i) -> new ItemRow(rs.getString("action"), rs.getString("kind"), rs.getString("ref"),
                        rs.getString("operator_code"), (Double) rs.getObject("cost_usd"), rs.getString(6),
                        rs.getString("wkt")))
                .list();
    }

    /** GeoJSON (RFC 7946, 6 decimals) of a scenario's items, written by PostGIS. */
    String itemsGeoJson(long scenarioId) {
        return jdbc.sql("""
                SELECT json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(json_build_object(
                    'type', 'Feature', 'geometry', ST_AsGeoJSON(geom, 6)::json,
                    'properties', jsonb_build_object('action', action, 'kind', kind, 'ref', ref,
                        'operator', operator_code, 'costUsd', cost_usd) || attributes) ORDER BY id), '[]'))::text
                FROM scenario_items WHERE scenario_id = :s""")
                .param("s", scenarioId).query(String.class).single();
    }

    /** One scenario item as a feature: WKB (EPSG:4326), envelope, then action, kind, ref, operator, cost, attributes. */
    record ItemFeature(byte[] wkb, double minX, double minY, double maxX, double maxY, Object[] values) {
    }

    /** A scenario's items with a geometry, lines or points, in item order (removals have none). */
    void itemFeatures(long scenarioId, boolean lines, java.util.function.Consumer<ItemFeature> sink) {
        jdbc.sql("""
                SELECT ST_AsBinary(geom) AS wkb, ST_XMin(geom) AS minx, ST_YMin(geom) AS miny, ST_XMax(geom) AS maxx,
                       ST_YMax(geom) AS maxy, action, kind, ref, operator_code, cost_usd, attributes::text
                FROM scenario_items
                WHERE scenario_id = :s AND geom IS NOT NULL
                  AND (GeometryType(geom) IN ('LINESTRING', 'MULTILINESTRING')) = :lines
                ORDER BY id""")
                .param("s", scenarioId).param("lines", lines)
                .query(rs -> {
                    sink.accept(new ItemFeature(rs.getBytes("wkb"), rs.getDouble("minx"), rs.getDouble("miny"),
                            rs.getDouble("maxx"), rs.getDouble("maxy"), new Object[] {rs.getString("action"),
                                    rs.getString("kind"), rs.getString("ref"), rs.getString("operator_code"),
                                    rs.getObject("cost_usd"), rs.getString(11)}));
                });
    }

    /** External ids of real base stations by id (so an upgrade exports against the operator's own site id). */
    Map<Long, String> siteExternalIds(java.util.Collection<Long> ids) {
        Map<Long, String> m = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return m;
        }
        jdbc.sql("SELECT id, external_id FROM base_stations WHERE id IN (:ids)").param("ids", ids)
                .query(rs -> {
                    m.put(rs.getLong(1), rs.getString(2));
                });
        return m;
    }

    /** The operator of each existing base station among {@code ids} (absent ids are absent from the map). */
    Map<Long, String> siteOperators(java.util.Collection<Long> ids) {
        return owners("base_stations", ids);
    }

    /** The operator of each of these fiber routes (a scenario's removals are checked against them). */
    Map<Long, String> fiberRouteOperators(java.util.Collection<Long> ids) {
        return owners("fiber_routes", ids);
    }

    /** The operator of each of these fiber nodes. */
    Map<Long, String> fiberNodeOperators(java.util.Collection<Long> ids) {
        return owners("fiber_nodes", ids);
    }

    private Map<Long, String> owners(String table, java.util.Collection<Long> ids) {
        Map<Long, String> m = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            // table is one of three constants above, never a request's text
            jdbc.sql("SELECT id, operator_code FROM " + table + " WHERE id IN (:ids)").param("ids", ids)
                    .query(rs -> {
                        m.put(rs.getLong(1), rs.getString(2));
                    });
        }
        return m;
    }

    /** The base stations of these cells (a removed cell is checked against its site's operator). */
    List<Long> siteIdsOfCells(java.util.Collection<Long> cellIds) {
        return cellIds.isEmpty() ? List.of() : jdbc.sql("SELECT DISTINCT base_station_id FROM cells WHERE id IN (:ids)")
                .param("ids", cellIds).query(Long.class).list();
    }

    boolean deleteScenario(long id) {
        return jdbc.sql("DELETE FROM scenarios WHERE id = :id").param("id", id).update() > 0;
    }
}

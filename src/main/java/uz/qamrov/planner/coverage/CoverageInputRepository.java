package uz.qamrov.planner.coverage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import uz.qamrov.engine.model.AdminArea;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.FiberNode;
import uz.qamrov.engine.model.FiberRoute;
import uz.qamrov.engine.model.LineKind;
import uz.qamrov.engine.model.ServiceDeclaration;
import uz.qamrov.engine.model.Settlement;
import uz.qamrov.engine.model.Site;
import uz.qamrov.engine.model.Technology;
import uz.qamrov.engine.model.TransportLine;
import uz.qamrov.engine.model.Validity;

/**
 * Reads the engine's inputs from PostGIS, as immutable engine records in WGS84 lon/lat (SRID 4326).
 *
 * <p>A network row counts on date D when {@code counts_during @> D}: the one definition of the rule, a generated
 * column (migration V011) that the map layers, OGC API, tiles and exports test too. Rows that never count are not
 * read. Infinite dates become open bounds ({@code null}).
 */
@Repository
class CoverageInputRepository {

    /** One JTS factory for everything read: floating precision, SRID 4326 (lon/lat). */
    static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    /**
     * The row's counting period from the one SQL definition ({@code counts_during}, migration V011); infinite bounds
     * become open ones.
     */
    private static final String VALIDITY = """
            CASE WHEN isfinite(lower(%1$s.counts_during)) THEN lower(%1$s.counts_during) END AS valid_from_d,
            CASE WHEN isfinite(upper(%1$s.counts_during)) THEN upper(%1$s.counts_during) END AS valid_to_d""";

    /** Rows that count on some date; a row whose period is empty never reaches the engine. */
    private static final String COUNTS = "NOT isempty(%1$s.counts_during)";

    private final JdbcClient jdbc;

    CoverageInputRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The sites of a change and their cells (each list in id order, as {@link #sites} and {@link #cells} give them). */
    record SitesAndCells(List<Site> sites, List<Cell> cells) {
    }

    /**
     * {@link #sites} and {@link #cells} of these sites in one query: an incremental update of 1,000 sites read them in
     * two (5 + 13 ms), each finding the same sites by id first.
     */
    SitesAndCells sitesAndCells(Collection<Long> baseStationIds) {
        List<Site> sites = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        jdbc.sql("""
                SELECT b.id AS site_id, b.operator_code, ST_X(b.geom) AS lon, ST_Y(b.geom) AS lat,
                       c.id, c.technology, c.band_mhz, c.azimuth_deg, c.beamwidth_deg, c.antenna_height_m, c.eirp_dbm,
                       c.range_m, c.tilt_deg, c.front_to_back_db, c.observed_range_m,
                """ + VALIDITY.formatted("b") + "\n" + """
                FROM base_stations b LEFT JOIN cells c ON c.base_station_id = b.id
                WHERE\s""" + COUNTS.formatted("b") + " AND b.id = ANY(:ids) ORDER BY b.id")
                .param("ids", baseStationIds.toArray(Long[]::new))
                .query(rs -> {
                    long siteId = rs.getLong("site_id");
                    if (sites.isEmpty() || sites.get(sites.size() - 1).id() != siteId) {
                        sites.add(site(rs, siteId));
                    }
                    rs.getLong("id");
                    if (!rs.wasNull()) {
                        cells.add(cell(rs));
                    }
                });
        cells.sort(Comparator.comparingLong(Cell::id));
        return new SitesAndCells(sites, cells);
    }

    private static Cell cell(ResultSet rs) throws SQLException {
        return new Cell(rs.getLong("id"), rs.getLong("site_id"), rs.getString("operator_code"),
                Technology.fromLabel(rs.getString("technology")), rs.getInt("band_mhz"), nullableDouble(rs, "azimuth_deg"),
                beamwidth(rs), rs.getDouble("antenna_height_m"), nullableDouble(rs, "eirp_dbm"), nullableDouble(rs, "range_m"),
                rs.getDouble("lon"), rs.getDouble("lat"), validity(rs), nullableDouble(rs, "tilt_deg"),
                nullableDouble(rs, "front_to_back_db"), nullableDouble(rs, "observed_range_m"));
    }

    List<Cell> cells(Collection<Long> baseStationIds) {
        String where = baseStationIds == null ? "" : " AND b.id = ANY(:ids)";
        var q = jdbc.sql("""
                SELECT c.id, b.id AS site_id, b.operator_code, c.technology, c.band_mhz, c.azimuth_deg, c.beamwidth_deg,
                       c.antenna_height_m, c.eirp_dbm, c.range_m, c.tilt_deg, c.front_to_back_db, c.observed_range_m,
                       ST_X(b.geom) AS lon, ST_Y(b.geom) AS lat,
                """ + VALIDITY.formatted("b") + "\n" + """
                FROM cells c JOIN base_stations b ON b.id = c.base_station_id
                WHERE\s""" + COUNTS.formatted("b") + where + " ORDER BY c.id");
        if (baseStationIds != null) {
            q = q.param("ids", baseStationIds.toArray(Long[]::new));
        }
        return q.query((rs, i) -> cell(rs)).list();
    }

    List<Site> sites(Collection<Long> baseStationIds) {
        String where = baseStationIds == null ? "" : " AND b.id = ANY(:ids)";
        var q = jdbc.sql("SELECT b.id, b.operator_code, ST_X(b.geom) AS lon, ST_Y(b.geom) AS lat, " + VALIDITY.formatted("b")
                + " FROM base_stations b WHERE " + COUNTS.formatted("b") + where + " ORDER BY b.id");
        if (baseStationIds != null) {
            q = q.param("ids", baseStationIds.toArray(Long[]::new));
        }
        return q.query((rs, i) -> site(rs, rs.getLong("id"))).list();
    }

    private static Site site(ResultSet rs, long id) throws SQLException {
        return new Site(id, rs.getString("operator_code"), rs.getDouble("lon"), rs.getDouble("lat"), validity(rs));
    }

    List<Settlement> settlements() {
        return jdbc.sql("""
                SELECT id, ST_X(geom) AS lon, ST_Y(geom) AS lat, population, households, region_code, district_code,
                       ST_AsBinary(boundary) AS boundary
                FROM settlements ORDER BY id""")
                .query((rs, i) -> new Settlement(rs.getLong("id"), rs.getDouble("lon"), rs.getDouble("lat"),
                        rs.getInt("population"), rs.getInt("households"), rs.getString("region_code"),
                        rs.getString("district_code"), geometry(rs.getBytes("boundary"))))
                .list();
    }

    List<TransportLine> transportLines() {
        return jdbc.sql("""
                SELECT id, 'HIGHWAY' AS kind, ref AS key, road_class AS line_class, ST_AsBinary(geom) AS geom FROM highways
                UNION ALL
                SELECT id, 'RAILWAY', line_key, 'rail', ST_AsBinary(geom) FROM railways
                ORDER BY kind, id""")
                .query((rs, i) -> new TransportLine(rs.getLong("id"), LineKind.valueOf(rs.getString("kind")),
                        rs.getString("key"), rs.getString("line_class"), (LineString) geometry(rs.getBytes("geom"))))
                .list();
    }

    List<FiberRoute> fiberRoutes(Collection<Long> ids) {
        String where = ids == null ? "" : " AND f.id = ANY(:ids)";
        var q = jdbc.sql("SELECT f.id, f.operator_code, f.route_kind, ST_AsBinary(f.geom) AS geom, " + VALIDITY.formatted("f")
                + " FROM fiber_routes f WHERE " + COUNTS.formatted("f") + where + " ORDER BY f.id");
        if (ids != null) {
            q = q.param("ids", ids.toArray(Long[]::new));
        }
        return q.query((rs, i) -> new FiberRoute(rs.getLong("id"), rs.getString("operator_code"),
                (LineString) geometry(rs.getBytes("geom")), validity(rs), "distribution".equals(rs.getString("route_kind"))))
                .list();
    }

    List<FiberNode> fiberNodes(Collection<Long> ids) {
        String where = ids == null ? "" : " AND f.id = ANY(:ids)";
        var q = jdbc.sql("SELECT f.id, f.operator_code, f.kind, ST_X(f.geom) AS lon, ST_Y(f.geom) AS lat, f.broadband_ports, "
                + VALIDITY.formatted("f") + " FROM fiber_nodes f WHERE " + COUNTS.formatted("f") + where + " ORDER BY f.id");
        if (ids != null) {
            q = q.param("ids", ids.toArray(Long[]::new));
        }
        return q.query((rs, i) -> new FiberNode(rs.getLong("id"), rs.getString("operator_code"), rs.getDouble("lon"),
                rs.getDouble("lat"), rs.getInt("broadband_ports"), validity(rs), rs.getString("kind"))).list();
    }

    List<ServiceDeclaration> declarations() {
        return jdbc.sql("SELECT settlement_id, operator_code, declared_on, withdrawn_on FROM fixed_service_declarations")
                .query((rs, i) -> new ServiceDeclaration(rs.getLong("settlement_id"), rs.getString("operator_code"),
                        new Validity(rs.getObject("declared_on", LocalDate.class), rs.getObject("withdrawn_on", LocalDate.class))))
                .list();
    }

    List<AdminArea> adminAreas() {
        return jdbc.sql("""
                SELECT code, code AS region_code, true AS is_region, ST_AsBinary(geom) AS geom FROM regions WHERE geom IS NOT NULL
                UNION ALL
                SELECT code, region_code, false, ST_AsBinary(geom) FROM districts WHERE geom IS NOT NULL""")
                .query((rs, i) -> new AdminArea(rs.getString("code"), rs.getString("region_code"), rs.getBoolean("is_region"),
                        geometry(rs.getBytes("geom"))))
                .list();
    }

    private static Validity validity(ResultSet rs) throws SQLException {
        return new Validity(rs.getObject("valid_from_d", LocalDate.class), rs.getObject("valid_to_d", LocalDate.class));
    }

    private static double beamwidth(ResultSet rs) throws SQLException {
        double bw = rs.getDouble("beamwidth_deg");
        // no beamwidth given: an omni cell when there is no azimuth, else the common 65° panel antenna
        return rs.wasNull() ? (rs.getObject("azimuth_deg") == null ? 360 : 65) : bw;
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    static Geometry geometry(byte[] wkb) {
        if (wkb == null) {
            return null;
        }
        try {
            return new WKBReader(WGS84).read(wkb);
        } catch (ParseException e) {
            throw new IllegalStateException("PostGIS returned unreadable WKB", e);
        }
    }
}

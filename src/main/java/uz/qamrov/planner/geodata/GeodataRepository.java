package uz.qamrov.planner.geodata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;
import javax.sql.DataSource;

/** All SQL of the geodata loader: staging by COPY, then one INSERT … SELECT per layer. */
@Repository
class GeodataRepository {

    private static final Map<GeodataLayer, String> INSERTS = new EnumMap<>(GeodataLayer.class);

    static {
        INSERTS.put(GeodataLayer.OPERATORS, """
                INSERT INTO operators (code, name, legal_name, mcc_mnc, mobile, fixed)
                SELECT code, name, legal_name, coalesce(string_to_array(mcc_mnc, ' '), '{}'), mobile::boolean, fixed::boolean
                FROM staging ON CONFLICT (code) DO NOTHING""");
        INSERTS.put(GeodataLayer.REGIONS, """
                INSERT INTO regions (code, name_uz_latn, name_uz_cyrl, name_ru, name_en, population, approximate, source, geom)
                SELECT code, name_uz_latn, name_uz_cyrl, name_ru, name_en, population::bigint, approximate::boolean, source,
                       ST_Multi(ST_GeomFromText(wkt, 4326))
                FROM staging""");
        INSERTS.put(GeodataLayer.DISTRICTS, """
                INSERT INTO districts (code, region_code, name_uz_latn, name_uz_cyrl, name_ru, name_en, population, approximate, source, geom)
                SELECT code, region_code, name_uz_latn, name_uz_cyrl, name_ru, name_en, population::bigint, approximate::boolean,
                       source, ST_Multi(ST_GeomFromText(wkt, 4326))
                FROM staging""");
        INSERTS.put(GeodataLayer.SETTLEMENTS, """
                INSERT INTO settlements (external_id, name_uz_latn, name_uz_cyrl, name_ru, name_en, kind, population, households,
                                         region_code, district_code, source, geom)
                SELECT external_id, name_uz_latn, name_uz_cyrl, name_ru, name_en, kind, population::int, households::int,
                       region_code, district_code, source, ST_SetSRID(ST_MakePoint(lon::float8, lat::float8), 4326)
                FROM staging""");
        INSERTS.put(GeodataLayer.HIGHWAYS, """
                INSERT INTO highways (ref, road_class, name_uz_latn, name_ru, name_en, source, geom)
                SELECT ref, road_class, name_uz_latn, name_ru, name_en, source, ST_GeomFromText(wkt, 4326) FROM staging""");
        INSERTS.put(GeodataLayer.RAILWAYS, """
                INSERT INTO railways (line_key, line_name, name_uz_latn, name_ru, source, geom)
                SELECT line_key, line_name, name_uz_latn, name_ru, source, ST_GeomFromText(wkt, 4326) FROM staging""");
        INSERTS.put(GeodataLayer.BASE_STATIONS, """
                INSERT INTO base_stations (operator_code, external_id, geom, tower_height_m, status, commissioned_on,
                                           decommissioned_on, source)
                SELECT operator_code, external_id, ST_SetSRID(ST_MakePoint(lon::float8, lat::float8), 4326),
                       tower_height_m::real, status, commissioned_on::date, decommissioned_on::date, source
                FROM staging""");
        INSERTS.put(GeodataLayer.CELLS, """
                INSERT INTO cells (base_station_id, external_id, technology, band_mhz, azimuth_deg, beamwidth_deg, tilt_deg,
                                   antenna_height_m, eirp_dbm, range_m)
                SELECT b.id, s.external_id, s.technology, s.band_mhz::int, s.azimuth_deg::real, s.beamwidth_deg::real,
                       s.tilt_deg::real, s.antenna_height_m::real, s.eirp_dbm::real, s.range_m::real
                FROM staging s
                JOIN base_stations b ON b.operator_code = s.operator_code AND b.external_id = s.site_external_id
                                    AND b.valid_to = 'infinity'""");
        INSERTS.put(GeodataLayer.FIBER_ROUTES, """
                INSERT INTO fiber_routes (operator_code, external_id, route_kind, status, commissioned_on, decommissioned_on,
                                          capacity_gbps, source, geom)
                SELECT operator_code, external_id, route_kind, status, commissioned_on::date, decommissioned_on::date,
                       capacity_gbps::real, source, ST_GeomFromText(wkt, 4326)
                FROM staging""");
        INSERTS.put(GeodataLayer.FIBER_NODES, """
                INSERT INTO fiber_nodes (operator_code, external_id, kind, broadband_ports, status, commissioned_on,
                                         decommissioned_on, source, geom)
                SELECT operator_code, external_id, kind, broadband_ports::int, status, commissioned_on::date,
                       decommissioned_on::date, source, ST_SetSRID(ST_MakePoint(lon::float8, lat::float8), 4326)
                FROM staging""");
        INSERTS.put(GeodataLayer.TARGETS, """
                INSERT INTO targets (indicator_key, scope, kind, target_value, unit, direction, deadline, title, title_uz,
                                     title_ru, wording_uz, source_document, source_item, subject_lines, notes)
                SELECT indicator_key, scope, kind, target_value::float8, unit, direction, deadline::date, title, title_uz,
                       title_ru, wording_uz, source_document, source_item, subject_lines, notes
                FROM staging ON CONFLICT DO NOTHING""");
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    GeodataRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    Set<String> loadedLayers() {
        return jdbc.sql("SELECT layer FROM dataset_layers").query(String.class).stream().collect(Collectors.toSet());
    }

    /**
     * Stages the CSV by COPY (the header must match the layer's columns exactly: PostgreSQL's HEADER MATCH) and
     * inserts it; must run inside the caller's transaction.
     *
     * @return rows inserted into the real table
     */
    int load(GeodataLayer layer, InputStream csv, String sha256, long startedNanos) {
        Connection con = DataSourceUtils.getConnection(dataSource);
        String cols = layer.columns.stream().map(c -> c + " text").collect(Collectors.joining(", "));
        jdbc.sql("CREATE TEMP TABLE staging (" + cols + ") ON COMMIT DROP").update();
        try {
            con.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY staging FROM STDIN WITH (FORMAT csv, HEADER MATCH, ENCODING 'UTF8')", csv);
        } catch (SQLException e) {
            throw new IllegalStateException("geodata/" + layer.fileName + " could not be read: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int rows = jdbc.sql(INSERTS.get(layer)).update();
        jdbc.sql("""
                INSERT INTO dataset_layers (layer, file_name, rows_loaded, sha256, duration_ms)
                VALUES (:layer, :file, :rows, :sha, :ms)""")
                .param("layer", layer.key()).param("file", layer.fileName).param("rows", rows).param("sha", sha256)
                .param("ms", (System.nanoTime() - startedNanos) / 1_000_000).update();
        return rows;
    }

    /** Rows of a layer by kind: synthetic (source says so), derived (approximate geometry) or real. */
    record LayerCount(String layer, long total, long real, long derived, long synthetic) {
    }

    List<LayerCount> layerCounts() {
        return jdbc.sql("""
                SELECT 'regions' AS layer, count(*) AS total, 0 AS real,
                       count(*) FILTER (WHERE source NOT ILIKE '%synthetic%') AS derived,
                       count(*) FILTER (WHERE source ILIKE '%synthetic%') AS synthetic FROM regions
                UNION ALL SELECT 'districts', count(*), 0, count(*) FILTER (WHERE source NOT ILIKE '%synthetic%' AND approximate),
                       count(*) FILTER (WHERE source ILIKE '%synthetic%') FROM districts
                UNION ALL SELECT 'settlements', count(*), count(*) FILTER (WHERE source NOT ILIKE '%synthetic%'), 0,
                       count(*) FILTER (WHERE source ILIKE '%synthetic%') FROM settlements
                UNION ALL SELECT 'highways', count(*), 0, count(*) FILTER (WHERE source NOT ILIKE '%synthetic%'),
                       count(*) FILTER (WHERE source ILIKE '%synthetic%') FROM highways
                UNION ALL SELECT 'railways', count(*), 0, count(*) FILTER (WHERE source NOT ILIKE '%synthetic%'),
                       count(*) FILTER (WHERE source ILIKE '%synthetic%') FROM railways
                UNION ALL SELECT 'base_stations', count(*), count(*) FILTER (WHERE source NOT ILIKE '%synthetic%'), 0,
                       count(*) FILTER (WHERE source ILIKE '%synthetic%') FROM base_stations WHERE valid_to = 'infinity'
                UNION ALL SELECT 'fiber_routes', count(*), count(*) FILTER (WHERE source NOT ILIKE '%synthetic%'), 0,
                       count(*) FILTER (WHERE source ILIKE '%synthetic%') FROM fiber_routes WHERE valid_to = 'infinity'
                UNION ALL SELECT 'fiber_nodes', count(*), count(*) FILTER (WHERE source NOT ILIKE '%synthetic%'), 0,
                       count(*) FILTER (WHERE source ILIKE '%synthetic%') FROM fiber_nodes WHERE valid_to = 'infinity'""")
                .query((rs, i) -> new LayerCount(rs.getString("layer"), rs.getLong("total"), rs.getLong("real"),
                        rs.getLong("derived"), rs.getLong("synthetic")))
                .list();
    }

    void analyze() {
        jdbc.sql("ANALYZE").update();
    }
}

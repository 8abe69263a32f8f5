package uz.qamrov.planner.export;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The layers of the gap exports (GeoPackage tables and CSV files), their geometry type and attribute columns with
 * their SQLite type. The repository selects exactly these columns in this order.
 */
public enum GapLayer implements FeatureLayer {
    UNCOVERED_SETTLEMENTS("uncovered_settlements", "POINT", List.of(col("settlement_id", "INTEGER"), col("external_id", "TEXT"),
            col("name_uz_latn", "TEXT"), col("name_uz_cyrl", "TEXT"), col("name_ru", "TEXT"), col("name_en", "TEXT"),
            col("kind", "TEXT"), col("population", "INTEGER"), col("households", "INTEGER"), col("region", "TEXT"),
            col("district", "TEXT"), col("service", "TEXT"), col("nearest_site_m", "REAL"), col("nearest_fiber_m", "REAL"),
            col("source", "TEXT"), col("synthetic", "BOOLEAN"))),
    HIGHWAY_GAPS("highway_gaps", "LINESTRING", List.of(col("stretch_id", "INTEGER"), col("ref", "TEXT"), col("road_class", "TEXT"),
            col("name", "TEXT"), col("service", "TEXT"), col("from_km", "REAL"), col("to_km", "REAL"), col("length_km", "REAL"),
            col("region", "TEXT"))),
    RAILWAY_GAPS("railway_gaps", "LINESTRING", List.of(col("stretch_id", "INTEGER"), col("line_key", "TEXT"),
            col("line_name", "TEXT"), col("service", "TEXT"), col("from_km", "REAL"), col("to_km", "REAL"),
            col("length_km", "REAL"), col("region", "TEXT"))),
    SETTLEMENTS_STATUS("settlements_status", "POINT", List.of(col("settlement_id", "INTEGER"), col("name_uz_latn", "TEXT"),
            col("name_en", "TEXT"), col("kind", "TEXT"), col("population", "INTEGER"), col("households", "INTEGER"),
            col("region", "TEXT"), col("district", "TEXT"), col("service", "TEXT"), col("covered", "BOOLEAN"),
            col("operators", "TEXT"), col("nearest_site_m", "REAL"), col("nearest_fiber_m", "REAL")));

    /** An attribute column and its GeoPackage/SQLite type. */
    public record Column(String name, String sqliteType) {
    }

    private final String id;
    private final String geometryType;
    private final List<Column> columns;

    GapLayer(String id, String geometryType, List<Column> columns) {
        this.id = id;
        this.geometryType = geometryType;
        this.columns = columns;
    }

    private static Column col(String name, String type) {
        return new Column(name, type);
    }

    public String id() {
        return id;
    }

    public String geometryType() {
        return geometryType;
    }

    public List<Column> columns() {
        return columns;
    }

    public static Optional<GapLayer> byId(String id) {
        return Arrays.stream(values()).filter(l -> l.id.equals(id)).findFirst();
    }
}

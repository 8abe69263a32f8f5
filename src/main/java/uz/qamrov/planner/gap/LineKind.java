package uz.qamrov.planner.gap;

/**
 * Highways and railways as gap lists: which table a {@code line_stretches.line_id} points to and the columns that
 * identify and describe a line. SQL identifiers come only from here.
 */
public enum LineKind {
    HIGHWAY("highway", "highways", "l.ref", "l.road_class", "l.name_uz_latn", "ref", "road_class"),
    RAILWAY("railway", "railways", "l.line_key", "NULL::text", "l.line_name", "line_key", "line_name");

    final String key;
    final String table;
    final String refColumn;
    final String classColumn;
    final String nameColumn;
    final String refProperty;
    final String secondProperty;

    LineKind(String key, String table, String refColumn, String classColumn, String nameColumn, String refProperty,
            String secondProperty) {
        this.key = key;
        this.table = table;
        this.refColumn = refColumn;
        this.classColumn = classColumn;
        this.nameColumn = nameColumn;
        this.refProperty = refProperty;
        this.secondProperty = secondProperty;
    }
}

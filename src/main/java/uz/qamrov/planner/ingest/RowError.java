package uz.qamrov.planner.ingest;

/**
 * What is wrong with one row or feature.
 *
 * @param row 1-based data row or feature number (0 = the whole file)
 * @param location WKT of where a geometry problem is (e.g. the self-intersection), or null
 */
public record RowError(int row, String field, String value, String message, String location) {

    public static RowError of(int row, String field, String value, String message) {
        return new RowError(row, field, value, message, null);
    }
}

package uz.qamrov.planner.gap;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import uz.qamrov.planner.web.ApiException;

/**
 * A sort order from {@code sort=key} or {@code sort=-key} (descending). Keys map to SQL columns through the
 * allow-lists below only; the request text never reaches the SQL.
 */
record Sort(String column, boolean descending) {

    enum SettlementKey {
        POPULATION("population", "s.population"), HOUSEHOLDS("households", "s.households"),
        NEAREST_SITE("nearest_site", "sc.nearest_site_m"), NEAREST_FIBER("nearest_fiber", "sc.nearest_fiber_m"),
        NAME("name", "s.name_uz_latn"), REGION("region", "s.region_code"), ID("id", "s.id");

        final String key;
        final String column;

        SettlementKey(String key, String column) {
            this.key = key;
            this.column = column;
        }
    }

    enum StretchKey {
        LENGTH("length", "ls.length_km"), FROM_KM("from_km", "ls.from_km"), REF("ref", "line_ref"),
        REGION("region", "ls.region_code"), LONGEST_GAP("longest_gap", "g.longest_gap_km"), ID("id", "ls.id");

        final String key;
        final String column;

        StretchKey(String key, String column) {
            this.key = key;
            this.column = column;
        }
    }

    static Sort settlements(String sort) {
        String s = sort == null || sort.isBlank() ? "-population" : sort;
        boolean desc = s.startsWith("-");
        String key = s.replaceFirst("^[-+]", "");
        return Arrays.stream(SettlementKey.values()).filter(k -> k.key.equals(key)).findFirst()
                .map(k -> new Sort(k.column, desc))
                .orElseThrow(() -> unknown(sort, Arrays.stream(SettlementKey.values()).map(k -> k.key).collect(Collectors.joining(", "))));
    }

    static Sort stretches(String sort) {
        String s = sort == null || sort.isBlank() ? "-length" : sort;
        boolean desc = s.startsWith("-");
        String key = s.replaceFirst("^[-+]", "");
        return Arrays.stream(StretchKey.values()).filter(k -> k.key.equals(key)).findFirst()
                .map(k -> new Sort(k.column, desc))
                .orElseThrow(() -> unknown(sort, Arrays.stream(StretchKey.values()).map(k -> k.key).collect(Collectors.joining(", "))));
    }

    String orderBy(String tieBreaker) {
        return " ORDER BY " + column + (descending ? " DESC NULLS LAST" : " ASC NULLS LAST") + ", " + tieBreaker;
    }

    private static ApiException unknown(String sort, String allowed) {
        return ApiException.badRequest("unknown sort key: " + sort + " (" + allowed + ", prefix - for descending)",
                Map.of("parameter", "sort", "value", sort))
                .withMessage("detail.unknown-sort", Map.of("value", sort, "allowed", allowed));
    }
}

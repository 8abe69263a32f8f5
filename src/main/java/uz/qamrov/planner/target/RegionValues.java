package uz.qamrov.planner.target;

import java.time.LocalDate;
import java.util.List;

/**
 * Every region's indicator values at one date, from one evaluation, in API units (percent for .pct), without targets:
 * what the map shades the regions by. {@code GET /api/v1/indicators/regions}.
 */
public record RegionValues(LocalDate asOf, List<Region> regions) {

    public record Region(String code, List<Value> indicators) {
    }

    public record Value(String key, Double value, String unit) {
    }
}

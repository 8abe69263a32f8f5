package uz.qamrov.planner.ingest;

import java.util.LinkedHashMap;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One row or feature as read from a file, before validation.
 *
 * @param number 1-based data row (CSV, header not counted) or feature number
 * @param attrs attribute values by lower-case name; blank values are absent
 * @param geometry in the file's CRS, or null (CSV rows carry lon/lat attributes instead)
 * @param readError why the row or its geometry could not be read, or null
 */
public record SourceFeature(int number, Map<String, String> attrs, Geometry geometry, String readError) {

    /** This row with its attributes read under other names (old → new); itself when nothing is renamed. */
    SourceFeature renamed(Map<String, String> renames) {
        if (renames.isEmpty()) {
            return this;
        }
        Map<String, String> out = new LinkedHashMap<>();
        attrs.forEach((k, v) -> out.put(renames.getOrDefault(k, k), v));
        return new SourceFeature(number, out, geometry, readError);
    }

    public String get(String... names) {
        for (String n : names) {
            String v = attrs.get(n);
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}

package uz.qamrov.planner.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * A GeoJSON FeatureCollection (or one Feature). The legacy {@code crs} member is honoured; RFC 7946 files have
 * none and are WGS84. Z values are read and later dropped (a warning says so).
 */
final class GeoJsonFileReader {

    // a key given twice in one object is ambiguous (which value counts?): refused, never silently last-wins
    private static final ObjectMapper JSON = new ObjectMapper().enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private GeoJsonFileReader() {
    }

    static ParsedFile read(String text, int maxRows) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw FileProblems.invalid("not valid JSON (truncated or malformed) at line " + (loc == null ? "?" : loc.getLineNr())
                    + ", column " + (loc == null ? "?" : loc.getColumnNr()) + ": " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw FileProblems.invalid("not a GeoJSON object");
        }
        String type = root.path("type").asText("");
        List<JsonNode> nodes = new ArrayList<>();
        if ("FeatureCollection".equals(type)) {
            if (!root.path("features").isArray()) {
                throw FileProblems.invalid("a FeatureCollection without a 'features' array");
            }
            root.path("features").forEach(nodes::add);
        } else if ("Feature".equals(type)) {
            nodes.add(root);
        } else {
            throw FileProblems.invalid("expected a GeoJSON FeatureCollection or Feature, found type '" + type + "'");
        }
        if (nodes.isEmpty()) {
            throw FileProblems.invalid("the FeatureCollection has no features");
        }
        if (nodes.size() > maxRows) {
            throw FileProblems.tooManyRows(maxRows);
        }
        int srid = Crs.WGS84;
        String crsName = root.path("crs").path("properties").path("name").asText(null);
        if (crsName != null) {
            Integer code = Crs.fromName(crsName);
            if (code == null) {
                throw FileProblems.invalid("unsupported GeoJSON crs '" + crsName + "'; use an EPSG URN or omit it for WGS84");
            }
            srid = code;
        }
        GeoJsonReader reader = new GeoJsonReader(new GeometryFactory());
        List<SourceFeature> features = new ArrayList<>(nodes.size());
        boolean hasZ = false;
        for (JsonNode f : nodes) {
            int number = features.size() + 1;
            Map<String, String> attrs = new LinkedHashMap<>();
            f.path("properties").fields().forEachRemaining(e -> {
                JsonNode v = e.getValue();
                if (!v.isNull() && !v.isMissingNode()) {
                    attrs.put(e.getKey().toLowerCase(Locale.ROOT), v.isValueNode() ? v.asText() : v.toString());
                }
            });
            if (f.hasNonNull("id") && !attrs.containsKey("id")) {
                attrs.put("id", f.get("id").asText());
            }
            JsonNode g = f.path("geometry");
            Geometry geometry = null;
            String error = null;
            if (!"Feature".equals(f.path("type").asText())) {
                error = "not a Feature object";
            } else if (g.isNull() || g.isMissingNode()) {
                error = "the feature has no geometry";
            } else {
                try {
                    geometry = reader.read(g.toString());
                    hasZ |= hasZ(geometry);
                } catch (Exception e) {
                    error = "unreadable geometry: " + e.getMessage();
                }
            }
            features.add(new SourceFeature(number, attrs, geometry, error));
        }
        return new ParsedFile(UploadFormat.GEOJSON, features, srid,
                hasZ ? List.of("3D coordinates: Z values were dropped (geometries are stored 2D)") : List.of());
    }

    static boolean hasZ(Geometry g) {
        for (Coordinate c : g.getCoordinates()) {
            if (!Double.isNaN(c.getZ())) {
                return true;
            }
        }
        return false;
    }
}

package uz.qamrov.planner.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * A GeoJSON FeatureCollection (or one Feature), read with Jackson's streaming {@link JsonParser}: only one feature
 * is a tree at a time, never the whole file. Duplicate keys in any object are rejected
 * ({@code STRICT_DUPLICATE_DETECTION}: which of two values a reader keeps is arbitrary). The legacy {@code crs}
 * member is honoured wherever it appears; RFC 7946 files have none and are WGS84. Z values are read and later
 * dropped (a warning says so).
 */
final class GeoJsonFileReader {

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // a megabyte of digits or 10 MB names are not data: bounded before they are buffered
            .streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(100).maxStringLength(1 << 20)
                    .maxNestingDepth(64).build())
            .build());

    private GeoJsonFileReader() {
    }

    static ParsedFile read(TextDecoder.Text text, ParseBudget budget) {
        try (Reader in = text.open(); JsonParser p = JSON.createParser(in)) {
            return read(p, budget);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw FileProblems.invalid("not valid JSON (truncated or malformed) at line " + (loc == null ? "?" : loc.getLineNr())
                    + ", column " + (loc == null ? "?" : loc.getColumnNr()) + ": " + e.getOriginalMessage());
        } catch (IOException | UncheckedIOException e) {
            throw FileProblems.invalid("the file cannot be read as " + text.label() + " JSON: " + e.getMessage());
        }
    }

    private static ParsedFile read(JsonParser p, ParseBudget budget) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw FileProblems.invalid("not a GeoJSON object");
        }
        GeoJsonReader reader = new GeoJsonReader(new GeometryFactory());
        List<SourceFeature> features = new ArrayList<>();
        Map<String, JsonNode> top = new HashMap<>();
        boolean sawFeatures = false;
        boolean[] hasZ = {false};
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if ("features".equals(name) && t == JsonToken.START_ARRAY) {
                sawFeatures = true;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    budget.row(features.size());
                    JsonNode f = p.readValueAsTree();
                    features.add(feature(features.size() + 1, f, reader, budget, hasZ));
                }
            } else {
                top.put(name, p.readValueAsTree());
            }
        }
        String type = top.containsKey("type") ? top.get("type").asText("") : "";
        if ("Feature".equals(type)) {
            ObjectNodeBuilder b = new ObjectNodeBuilder(top);
            features.add(feature(1, b.node(), reader, budget, hasZ));
        } else if (!"FeatureCollection".equals(type)) {
            throw FileProblems.invalid("expected a GeoJSON FeatureCollection or Feature, found type '" + type + "'");
        } else if (!sawFeatures) {
            throw FileProblems.invalid("a FeatureCollection without a 'features' array");
        }
        if (features.isEmpty()) {
            throw FileProblems.invalid("the FeatureCollection has no features");
        }
        int srid = Crs.WGS84;
        JsonNode crs = top.get("crs");
        String crsName = crs == null ? null : crs.path("properties").path("name").asText(null);
        if (crsName != null) {
            Integer code = Crs.fromName(crsName);
            if (code == null) {
                throw FileProblems.invalid("unsupported GeoJSON crs '" + crsName + "'; use an EPSG URN or omit it for WGS84");
            }
            srid = code;
        }
        return new ParsedFile(UploadFormat.GEOJSON, features, srid,
                hasZ[0] ? List.of("3D coordinates: Z values were dropped (geometries are stored 2D)") : List.of());
    }

    private static SourceFeature feature(int number, JsonNode f, GeoJsonReader reader, ParseBudget budget, boolean[] hasZ) {
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
                budget.vertices(geometry.getNumPoints());
                hasZ[0] |= hasZ(geometry);
            } catch (uz.qamrov.planner.web.ApiException e) {
                throw e;
            } catch (Exception e) {
                error = "unreadable geometry: " + e.getMessage();
                geometry = null;
            }
        }
        return new SourceFeature(number, attrs, geometry, error);
    }

    /** A top-level Feature: its members were read one by one. */
    private record ObjectNodeBuilder(Map<String, JsonNode> members) {
        JsonNode node() {
            var o = JSON.createObjectNode();
            members.forEach(o::set);
            return o;
        }
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

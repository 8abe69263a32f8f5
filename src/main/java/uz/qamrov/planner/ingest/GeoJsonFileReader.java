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
import java.util.function.Consumer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * A GeoJSON FeatureCollection (or one Feature), read with Jackson's streaming {@link JsonParser} over the
 * {@code features} array: only one feature is a tree at a time, never the whole file, and each is handed on as it is
 * read ({@link #stream}). Duplicate keys in any object are rejected
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

    /** The whole file as features (tests and tools; an upload is read as a stream by {@link #stream}). */
    static ParsedFile read(TextDecoder.Text text, ParseBudget budget) {
        List<SourceFeature> features = new ArrayList<>();
        StreamedFile s = stream(text, budget, features::add);
        return s.header().withFeatures(features, s.header().warnings());
    }

    /**
     * Reads the file one feature at a time, handing each to {@code sink} as soon as it is read: only the feature being
     * read is a tree, so a caller that keeps nothing reads any size in constant memory (the import job reads a GeoJSON
     * upload this way, chunk by chunk, as often as it needs). The file-level checks (JSON syntax, duplicate keys, type,
     * an empty collection, the {@code crs} member) fail with a 4xx problem; a {@code crs} member after the features is
     * honoured, so the header's SRID is known only when the stream has ended.
     */
    static StreamedFile stream(TextDecoder.Text text, ParseBudget budget, Consumer<SourceFeature> sink) {
        try (Reader in = text.open(); JsonParser p = JSON.createParser(in)) {
            return stream(p, budget, sink);
        } catch (SinkFailure e) {
            throw (RuntimeException) e.getCause(); // the consumer's own failure, not the file's
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String line = loc == null ? "?" : String.valueOf(loc.getLineNr());
            String column = loc == null ? "?" : String.valueOf(loc.getColumnNr());
            throw FileProblems.invalid("not valid JSON (truncated or malformed) at line " + line + ", column " + column
                    + ": " + e.getOriginalMessage()).withMessage("detail.json-malformed",
                    Map.of("line", line, "column", column, "reason", String.valueOf(e.getOriginalMessage())));
        } catch (IOException | UncheckedIOException e) {
            throw FileProblems.invalid("the file cannot be read as " + text.label() + " JSON: " + e.getMessage())
                    .withMessage("detail.json-unreadable",
                            Map.of("encoding", text.label(), "reason", String.valueOf(e.getMessage())));
        }
    }

    private static StreamedFile stream(JsonParser p, ParseBudget budget, Consumer<SourceFeature> sink) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw FileProblems.invalid("not a GeoJSON object").withMessage("detail.geojson-not-object");
        }
        GeoJsonReader reader = new GeoJsonReader(new GeometryFactory());
        Map<String, JsonNode> top = new HashMap<>();
        boolean sawFeatures = false;
        boolean[] hasZ = {false};
        int count = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if ("features".equals(name) && t == JsonToken.START_ARRAY) {
                sawFeatures = true;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    budget.row(count);
                    JsonNode f = p.readValueAsTree();
                    count++;
                    deliver(sink, feature(count, f, reader, budget, hasZ));
                }
            } else {
                top.put(name, p.readValueAsTree());
            }
        }
        String type = top.containsKey("type") ? top.get("type").asText("") : "";
        if ("Feature".equals(type)) {
            var o = JSON.createObjectNode();
            top.forEach(o::set); // a top-level Feature: its members were read one by one
            count = 1;
            deliver(sink, feature(1, o, reader, budget, hasZ));
        } else if (!"FeatureCollection".equals(type)) {
            throw FileProblems.invalid("expected a GeoJSON FeatureCollection or Feature, found type '" + type + "'")
                    .withMessage("detail.geojson-wrong-type", Map.of("type", type));
        } else if (!sawFeatures) {
            throw FileProblems.invalid("a FeatureCollection without a 'features' array")
                    .withMessage("detail.geojson-no-features-array");
        }
        if (count == 0) {
            throw FileProblems.invalid("the FeatureCollection has no features")
                    .withMessage("detail.geojson-no-features");
        }
        int srid = Crs.WGS84;
        JsonNode crs = top.get("crs");
        String crsName = crs == null ? null : crs.path("properties").path("name").asText(null);
        if (crsName != null) {
            Integer code = Crs.fromName(crsName);
            if (code == null) {
                throw FileProblems.invalid("unsupported GeoJSON crs '" + crsName
                        + "'; use an EPSG URN or omit it for WGS84")
                        .withMessage("detail.geojson-crs", Map.of("crs", crsName));
            }
            srid = code;
        }
        return new StreamedFile(new ParsedFile(UploadFormat.GEOJSON, List.of(), srid,
                hasZ[0] ? List.of("3D coordinates: Z values were dropped (geometries are stored 2D)") : List.of()), count);
    }

    private static void deliver(Consumer<SourceFeature> sink, SourceFeature f) {
        try {
            sink.accept(f);
        } catch (RuntimeException e) {
            throw new SinkFailure(e);
        }
    }

    /** Carries an exception of the feature consumer past the parser's own error handling. */
    private static final class SinkFailure extends RuntimeException {
        SinkFailure(RuntimeException cause) {
            super(cause);
        }
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

    static boolean hasZ(Geometry g) {
        for (Coordinate c : g.getCoordinates()) {
            if (!Double.isNaN(c.getZ())) {
                return true;
            }
        }
        return false;
    }
}

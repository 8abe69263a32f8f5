package uz.qamrov.planner.web;

import java.util.Locale;
import java.util.Map;
import org.springframework.http.MediaType;

/**
 * The representations of a list: plain JSON, GeoJSON and CSV. Chosen by {@code ?f=} first, then by the
 * {@code Accept} header; plain JSON when neither asks for something else (so {@code Accept: *}{@code /*} works).
 */
public enum OutputFormat {
    JSON(MediaType.APPLICATION_JSON),
    GEOJSON(MediaType.valueOf("application/geo+json")),
    CSV(MediaType.valueOf("text/csv;charset=UTF-8"));

    public static final MediaType GEO_JSON = MediaType.valueOf("application/geo+json");

    private final MediaType mediaType;

    OutputFormat(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    public MediaType mediaType() {
        return mediaType;
    }

    public static OutputFormat negotiate(String f, String accept) {
        if (f != null && !f.isBlank()) {
            return switch (f.toLowerCase(Locale.ROOT)) {
                case "json" -> JSON;
                case "geojson", "geo+json" -> GEOJSON;
                case "csv" -> CSV;
                default -> throw ApiException.badRequest("unsupported format f=" + f + " (json, geojson, csv)",
                        Map.of("parameter", "f", "value", f)).withMessage("detail.unsupported-f");
            };
        }
        if (accept != null) {
            for (MediaType m : MediaType.parseMediaTypes(accept)) {
                if (GEO_JSON.includes(m) && !m.isWildcardType()) {
                    return GEOJSON;
                }
                if ("csv".equals(m.getSubtype())) {
                    return CSV;
                }
                if (m.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                    return JSON;
                }
            }
        }
        return JSON;
    }
}

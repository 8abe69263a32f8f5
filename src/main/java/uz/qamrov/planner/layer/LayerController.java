package uz.qamrov.planner.layer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import uz.qamrov.planner.revalidation.ProvisionalAnswers;
import uz.qamrov.planner.web.ListWriter;
import uz.qamrov.planner.web.OutputFormat;
import uz.qamrov.planner.web.PageLinks;
import uz.qamrov.planner.web.PagingProperties;

@RestController
@RequestMapping("/api/v1/layers")
@Tag(name = "layers", description = "Map layers by bbox as GeoJSON FeatureCollections (application/geo+json whatever the Accept header)")
class LayerController {

    private final Layers layers;
    private final PagingProperties paging;
    private final ListWriter writer;
    private final LayerAnswers answers;

    LayerController(Layers layers, PagingProperties paging, ListWriter writer, LayerAnswers answers) {
        this.layers = layers;
        this.paging = paging;
        this.writer = writer;
        this.answers = answers;
    }

    @GetMapping("/{layer}")
    @Operation(summary = "Features of a layer in a bbox, paged",
            description = "layer: base-stations, cells, fiber-routes, settlements, highways, railways. asOf filters base "
                    + "stations, cells and fiber by commissioning dates and version validity; settlements carry their coverage "
                    + "status for service (mobile_internet by default). Coordinates have 6 decimals (~0.1 m).")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/geo+json"))
    ResponseEntity<StreamingResponseBody> layer(@PathVariable String layer,
            @Parameter(description = "minLon,minLat,maxLon,maxLat (WGS84)") @RequestParam(required = false) String bbox,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) String service,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) Integer offset,
            @Parameter(description = "the properties to answer, comma-separated (e.g. id,population,covered); all by default")
            @RequestParam(required = false) String properties,
            @Parameter(description = "draw the geometry to within this many metres (0 < simplify_m ≤ 5000; Douglas–Peucker,"
                    + " 5 decimals), for a map that needs every line at once; lengths stay those of the stored geometry")
            @RequestParam(name = "simplify_m", required = false) Double simplifyM) {
        Layer l = layers.layer(layer);
        if (!l.restLayer()) {
            throw uz.qamrov.planner.web.ApiException
                    .notFound("no layer " + layer + " (see /ogc/collections/" + layer + ")")
                    .withMessage("detail.no-rest-layer", Map.of("layer", layer));
        }
        PagingProperties.Page page = paging.page(limit, offset);
        LayerQuery q = layers.simplifying(layers.selecting(l, layers.query(l, bbox, asOf, service, page, false), properties),
                simplifyM);
        if (q.signalClassesPending()) {
            // the same request answers with the classes once the run is complete: no cache may keep this answer
            ProvisionalAnswers.mark();
        }
        if (!LayerAnswers.keeps(l, q)) {
            return writer.response(OutputFormat.GEOJSON, envelope(page, layers.count(l, q), q), layers.rows(l, q));
        }
        LayerAnswers.Answer kept = answers.get(l, q);
        if (kept == null) {
            // written here, outside the cache's own lock (no heavy work inside a Caffeine computation)
            long matched = layers.count(l, q);
            var body = new java.io.ByteArrayOutputStream();
            try {
                writer.write(OutputFormat.GEOJSON, envelope(page, matched, q), layers.rows(l, q), body);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            kept = new LayerAnswers.Answer(matched, body.toByteArray());
            answers.put(l, q, kept);
        }
        return writer.response(OutputFormat.GEOJSON, envelope(page, kept.matched(), q), kept.body());
    }

    @GetMapping("/base-stations/clusters")
    @Operation(summary = "Base stations counted per cell of a web map's pixel grid",
            description = "Every base station of the bbox as of the date (no page limit), counted per square cell of cell_px "
                    + "screen pixels at the web map's zoom (Web Mercator, 256-pixel tiles, cells from the world's top-left "
                    + "corner). One Point feature per non-empty cell at its sites' mean position, with count; "
                    + "numberMatched is the number of sites.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/geo+json"))
    ResponseEntity<Map<String, Object>> siteClusters(
            @Parameter(description = "minLon,minLat,maxLon,maxLat (WGS84)") @RequestParam(required = false) String bbox,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @Parameter(description = "the map's zoom level (0–22, fractions allowed)") @RequestParam double zoom,
            @Parameter(description = "cell size in screen pixels (8–512)") @RequestParam(name = "cell_px", defaultValue = "48") int cellPx) {
        List<Map<String, Object>> features = new ArrayList<>();
        long sites = 0;
        for (var c : layers.siteClusters(bbox, asOf, zoom, cellPx)) {
            sites += c.count();
            features.add(Map.of("type", "Feature",
                    "geometry", Map.of("type", "Point", "coordinates", List.of(round6(c.lon()), round6(c.lat()))),
                    "properties", Map.of("count", c.count())));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "FeatureCollection");
        body.put("numberMatched", sites);
        body.put("as_of", (asOf == null ? layers.today() : asOf).toString());
        body.put("zoom", zoom);
        body.put("cell_px", cellPx);
        body.put("features", features);
        return ResponseEntity.ok().contentType(MediaType.valueOf("application/geo+json")).body(body);
    }

    private static double round6(double x) {
        return Math.round(x * 1e6) / 1e6;
    }

    /**
     * The FeatureCollection's count and links (built from this request, so on the request thread), and
     * {@code "signal_classes_pending": true} while the run's covered settlements have no class yet.
     */
    private static ListWriter.Envelope envelope(PagingProperties.Page page, long matched, LayerQuery q) {
        var links = PageLinks.of(page, matched, OutputFormat.GEO_JSON.toString());
        return new ListWriter.Envelope(matched, links, null, null,
                q.signalClassesPending() ? java.util.Map.of("signal_classes_pending", true) : java.util.Map.of(), false);
    }
}

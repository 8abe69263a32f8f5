package uz.qamrov.planner.layer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
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
            @RequestParam(required = false) String properties) {
        Layer l = layers.layer(layer);
        if (!l.restLayer()) {
            throw uz.qamrov.planner.web.ApiException.notFound("no layer " + layer + " (see /ogc/collections/" + layer + ")");
        }
        PagingProperties.Page page = paging.page(limit, offset);
        LayerQuery q = layers.selecting(l, layers.query(l, bbox, asOf, service, page, false), properties);
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

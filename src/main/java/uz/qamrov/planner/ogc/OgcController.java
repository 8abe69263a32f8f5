package uz.qamrov.planner.ogc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import uz.qamrov.planner.layer.Layer;
import uz.qamrov.planner.layer.LayerQuery;
import uz.qamrov.planner.layer.Layers;
import uz.qamrov.planner.web.ApiException;
import uz.qamrov.planner.web.Link;
import uz.qamrov.planner.web.ListWriter;
import uz.qamrov.planner.web.OutputFormat;
import uz.qamrov.planner.web.PageLinks;
import uz.qamrov.planner.web.PagingProperties;

/**
 * OGC API – Features – Part 1 (core, GeoJSON, OpenAPI 3.0) over the map layers. Every collection is in CRS84
 * (WGS84 lon/lat); {@code datetime} selects the as-of date (an instant, or the end of an interval).
 */
@RestController
@RequestMapping("/ogc")
@Tag(name = "ogc", description = "OGC API – Features – Part 1 (GDAL: ogrinfo OAPIF:http://host:port/ogc)")
class OgcController {

    static final List<String> CONFORMANCE = List.of(
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30");
    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    static final String OPENAPI_JSON = "application/vnd.oai.openapi+json;version=3.0";
    static final String GEOJSON = "application/geo+json";
    static final String JSON = "application/json";
    // a generous box around Uzbekistan for collections that are still empty
    static final double[] COUNTRY_BBOX = {55.9, 37.1, 73.2, 45.6};

    private final Layers layers;
    private final PagingProperties paging;
    private final ListWriter writer;
    private final ObjectMapper json;

    OgcController(Layers layers, OgcProperties ogc, ListWriter writer, ObjectMapper json) {
        this.layers = layers;
        // OGC collections page by the OGC defaults (1,000 / 10,000), not the REST lists' 100
        this.paging = new PagingProperties(ogc.defaultLimit(), ogc.maxLimit(), ogc.maxLimit());
        this.writer = writer;
        this.json = json;
    }

    @GetMapping(value = {"", "/"})
    @Operation(summary = "Landing page")
    ResponseEntity<ObjectNode> landing(@RequestParam(required = false) String f) {
        format(f);
        ObjectNode body = json.createObjectNode();
        body.put("title", "Qamrov – telecom coverage of Uzbekistan");
        body.put("description", "Regions, settlements, transport, networks and coverage as OGC API – Features collections");
        body.set("links", json.valueToTree(List.of(
                new Link(base() + "/ogc", "self", JSON, "this document"),
                new Link(base() + "/ogc/api", "service-desc", OPENAPI_JSON, "the API definition"),
                new Link(base() + "/swagger-ui.html", "service-doc", "text/html", "the API documentation"),
                new Link(base() + "/ogc/conformance", "conformance", JSON, "conformance classes"),
                new Link(base() + "/ogc/collections", "data", JSON, "the feature collections"))));
        return ok(body);
    }

    @GetMapping(value = "/conformance")
    @Operation(summary = "Conformance classes: core, geojson, oas30")
    ResponseEntity<ObjectNode> conformance(@RequestParam(required = false) String f) {
        format(f);
        ObjectNode body = json.createObjectNode();
        body.set("conformsTo", json.valueToTree(CONFORMANCE));
        return ok(body);
    }

    @GetMapping("/api")
    @Operation(summary = "The OpenAPI 3.0 definition (served by springdoc at /v3/api-docs)")
    ModelAndView api() {
        return new ModelAndView("forward:/v3/api-docs");
    }

    @GetMapping(value = "/collections")
    @Operation(summary = "The feature collections")
    ResponseEntity<ObjectNode> collections(@RequestParam(required = false) String f) {
        format(f);
        ObjectNode body = json.createObjectNode();
        body.set("links", json.valueToTree(List.of(new Link(base() + "/ogc/collections", "self", JSON, null))));
        ArrayNode collections = body.putArray("collections");
        for (Layer layer : Layer.values()) {
            collections.add(collection(layer));
        }
        return ok(body);
    }

    @GetMapping(value = "/collections/{collectionId}")
    @Operation(summary = "One feature collection")
    ResponseEntity<ObjectNode> collection(@PathVariable String collectionId, @RequestParam(required = false) String f) {
        format(f);
        return ok(collection(layers.layer(collectionId)));
    }

    @GetMapping("/collections/{collectionId}/items")
    @Operation(summary = "Features of a collection, paged (next links), filtered by bbox and datetime (as-of date)")
    ResponseEntity<StreamingResponseBody> items(@PathVariable String collectionId,
            @Parameter(description = "minLon,minLat,maxLon,maxLat (CRS84)") @RequestParam(required = false) String bbox,
            @Parameter(description = "as-of date: 2025-01-01, an RFC 3339 instant or an interval (its end is used)")
            @RequestParam(required = false) String datetime,
            // GDAL's OAPIF driver sizes its pages from this schema's default and maximum (it reads 10 without them);
            // the values here must match qamrov.ogc.* (OgcApiIT checks the served definition against the paging)
            @Parameter(description = "features per page (larger values are clamped to the maximum)",
                    schema = @Schema(type = "integer", minimum = "1", maximum = "10000", defaultValue = "1000"))
            @RequestParam(required = false) Integer limit,
            @Parameter(schema = @Schema(type = "integer", minimum = "0", defaultValue = "0"))
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) String service, @RequestParam(required = false) String f,
            @Parameter(description = "the properties to answer, comma-separated (OGC API Features Part 6); all by default")
            @RequestParam(required = false) String properties) {
        format(f);
        Layer layer = layers.layer(collectionId);
        PagingProperties.Page page = paging.page(limit, offset);
        LayerQuery q = layers.selecting(layer, layers.query(layer, bbox, asOf(datetime), service, page, true), properties);
        long matched = layers.count(layer, q);
        List<Link> links = new ArrayList<>(PageLinks.of(page, matched, GEOJSON));
        links.replaceAll(l -> "next".equals(l.rel()) ? nextPage(page, l) : l);
        links.add(new Link(base() + "/ogc/collections/" + layer.id(), "collection", JSON, layer.title()));
        return writer.response(OutputFormat.GEOJSON, new ListWriter.Envelope(matched, links, null, null), layers.rows(layer, q));
    }

    @GetMapping("/collections/{collectionId}/items/{featureId}")
    @Operation(summary = "One feature")
    ResponseEntity<ObjectNode> item(@PathVariable String collectionId, @PathVariable String featureId,
            @RequestParam(required = false) String datetime, @RequestParam(required = false) String service,
            @RequestParam(required = false) String f) throws Exception {
        format(f);
        Layer layer = layers.layer(collectionId);
        LayerQuery q = layers.query(layer, null, asOf(datetime), service, paging.page(1, 0), true);
        var row = layers.item(layer, featureId, q)
                .orElseThrow(() -> ApiException.notFound("no feature " + featureId + " in " + collectionId)
                        .withMessage("detail.no-feature", Map.of("feature", featureId, "collection", collectionId)));
        ObjectNode feature = json.createObjectNode();
        feature.put("type", "Feature");
        if (row.id() instanceof Number n) {
            feature.put("id", n.longValue());
        } else {
            feature.put("id", row.id().toString());
        }
        feature.set("geometry", row.geometryJson() == null ? null : json.readTree(row.geometryJson()));
        feature.set("properties", json.readTree(row.propertiesJson()));
        String collection = base() + "/ogc/collections/" + layer.id();
        feature.set("links", json.valueToTree(List.of(new Link(collection + "/items/" + featureId, "self", GEOJSON, null),
                new Link(collection, "collection", JSON, layer.title()))));
        return ResponseEntity.ok().contentType(MediaType.valueOf(GEOJSON)).body(feature);
    }

    /**
     * The next page is at least the default page size. GDAL up to 3.6 (and other clients that hard-code a small page)
     * asks {@code limit=10} whatever the API definition says and then follows {@code next} links: a next page that
     * grows to 1,000 turns 1,110 requests for the country's sites into a dozen. Each answer still holds no more
     * than the limit in its own URL, and a client that builds its own offsets keeps its page size.
     */
    private Link nextPage(PagingProperties.Page page, Link next) {
        if (page.limit() >= paging.defaultLimit()) {
            return next;
        }
        String href = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("limit", paging.defaultLimit())
                .replaceQueryParam("offset", page.offset() + page.limit()).build().toUriString();
        return new Link(href, "next", next.type(), next.title());
    }

    private ObjectNode collection(Layer layer) {
        ObjectNode c = json.createObjectNode();
        c.put("id", layer.id());
        c.put("title", layer.title());
        c.put("description", layer.description());
        c.put("itemType", "feature");
        c.set("crs", json.valueToTree(List.of(CRS84)));
        double[] bbox = layers.extent(layer).orElse(COUNTRY_BBOX);
        ObjectNode spatial = c.putObject("extent").putObject("spatial");
        spatial.set("bbox", json.valueToTree(List.of(bbox)));
        spatial.put("crs", CRS84);
        String href = base() + "/ogc/collections/" + layer.id();
        c.set("links", json.valueToTree(List.of(new Link(href, "self", JSON, layer.title()),
                new Link(href + "/items", "items", GEOJSON, layer.title() + " as GeoJSON"))));
        return c;
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }

    private static ResponseEntity<ObjectNode> ok(ObjectNode body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    /** JSON is the only encoding (f=json or f=geojson, or none); HTML is not offered. */
    private static void format(String f) {
        if (f != null && !f.isBlank() && !f.equals("json") && !f.equals("geojson")) {
            throw ApiException.badRequest("unsupported format f=" + f + " (json)", Map.of("parameter", "f", "value", f))
                    .withMessage("detail.ogc-unsupported-f");
        }
    }

    /** The as-of date of an OGC datetime: a date, an instant (its date) or an interval (its end; open end = today). */
    static LocalDate asOf(String datetime) {
        if (datetime == null || datetime.isBlank()) {
            return null;
        }
        String value = datetime.contains("/") ? datetime.substring(datetime.indexOf('/') + 1) : datetime;
        if (value.isEmpty() || value.equals("..")) {
            return null;
        }
        try {
            return LocalDate.parse(value.length() >= 10 ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("datetime must be an RFC 3339 date, instant or interval",
                    Map.of("parameter", "datetime", "value", datetime)).withMessage("detail.bad-datetime");
        }
    }
}

package uz.qamrov.planner.layer;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import uz.qamrov.planner.system.RunLookup;
import uz.qamrov.planner.web.ApiException;
import uz.qamrov.planner.web.FeatureRow;
import uz.qamrov.planner.web.PagingProperties;
import uz.qamrov.planner.web.RowSource;

/** The layer feature's entry point, shared by the REST layers and the OGC API collections. */
@Service
public class Layers {

    private static final java.util.Set<String> SERVICES = java.util.Set.of("mobile_any", "mobile_internet", "high_speed_mobile",
            "fixed_broadband");

    private final LayerRepository repository;
    private final RunLookup runs;
    private final java.time.Clock clock;

    Layers(LayerRepository repository, RunLookup runs, java.time.Clock clock) {
        this.repository = repository;
        this.runs = runs;
        this.clock = clock;
    }

    /** Today in Uzbekistan: the as-of date when a request gives none. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The layer with this id, or a 404 problem. */
    public Layer layer(String id) {
        return Layer.byId(id).orElseThrow(() -> ApiException.notFound("no layer or collection " + id)
                .withMessage("detail.no-layer-or-collection", Map.of("id", id)));
    }

    /**
     * Validates a request: bbox as {@code minLon,minLat,maxLon,maxLat} (WGS84), asOf defaulting to today, service
     * defaulting to mobile_internet; resolves the coverage run for per-run layers. {@code withSignalClasses}: wait
     * until a run stored gaps first is complete (GIS clients, popups: covered settlements' classes); without it, a map
     * draws the run at once and the query says the classes are pending.
     */
    public LayerQuery query(Layer layer, String bbox, LocalDate asOf, String service, PagingProperties.Page page,
            boolean withSignalClasses) {
        LocalDate date = asOf == null ? today() : asOf;
        String s = service == null || service.isBlank() ? "mobile_internet" : service;
        if (!SERVICES.contains(s)) {
            throw ApiException.badRequest("unknown service: " + service, Map.of("parameter", "service", "value", service))
                    .withMessage("detail.unknown-service");
        }
        double[] box = parseBbox(bbox);
        if (!layer.perRun()) {
            return new LayerQuery(box, date, null, s, page.limit(), page.offset(), false);
        }
        if (layer == Layer.COVERAGE) {
            return new LayerQuery(box, date, runs.runWithPolygonsFor(date), s, page.limit(), page.offset(), false);
        }
        var run = withSignalClasses ? runs.completeRun(date) : runs.run(date);
        return new LayerQuery(box, date, run.id(), s, page.limit(), page.offset(), !run.complete());
    }

    /**
     * The query answering only the named properties ({@code properties=id,population}: OGC API Features Part 6's
     * parameter), or all of them for null or blank. A name the layer does not have is a 400 listing the names it has.
     * The web map asks for a few of the settlements' 25 properties: 3,000 settlements are 2 MB of JSON in full, and
     * a region switch spent more time decoding them than the server did answering.
     */
    public LayerQuery selecting(Layer layer, LayerQuery q, String properties) {
        if (properties == null || properties.isBlank()) {
            return q;
        }
        List<String> known = repository.propertyNames(layer);
        Set<String> asked = new LinkedHashSet<>();
        for (String name : properties.split(",")) {
            String n = name.trim();
            if (!known.contains(n)) {
                throw ApiException.badRequest("unknown property '" + n + "' of " + layer.id() + "; its properties: "
                        + String.join(", ", known),
                        Map.of("parameter", "properties", "value", properties, "known", known))
                        .withMessage("detail.unknown-property",
                                Map.of("name", n, "layer", layer.id(), "known", String.join(", ", known)));
            }
            asked.add(n);
        }
        return q.selecting(known.stream().filter(asked::contains).toList());
    }

    /** The largest {@code simplify_m}: a map of the whole country needs no coarser lines. */
    static final double MAX_SIMPLIFY_M = 5000;

    /**
     * The query drawing geometries to within {@code simplifyM} metres (null: as stored). For a map that needs every
     * line of a layer at once, not every vertex: 7,923 OSM railway segments are 1.7 MB of coordinates as stored,
     * 0.7 MB within 50 m.
     */
    public LayerQuery simplifying(LayerQuery q, Double simplifyM) {
        if (simplifyM == null) {
            return q;
        }
        if (!(simplifyM > 0 && simplifyM <= MAX_SIMPLIFY_M)) {
            throw ApiException.badRequest("simplify_m must be more than 0 and at most " + (int) MAX_SIMPLIFY_M + " (metres)",
                    Map.of("parameter", "simplify_m", "value", simplifyM))
                    .withMessage("detail.bad-simplify", Map.of("max", (int) MAX_SIMPLIFY_M));
        }
        return q.simplifying(simplifyM);
    }

    /** Web Mercator's circumference at the equator, in metres (EPSG:3857's sphere). */
    private static final double WORLD_M = 2 * Math.PI * 6378137.0;

    /**
     * The base stations of the bbox as of a date, counted per cell of {@code cellPx} screen pixels at a web map's
     * {@code zoom} (256-pixel tiles): zoom 0–22, cells of 8–512 pixels.
     */
    List<LayerRepository.SiteCluster> siteClusters(String bbox, LocalDate asOf, double zoom, int cellPx) {
        if (!(zoom >= 0 && zoom <= 22)) {
            throw ApiException.badRequest("zoom must be between 0 and 22", Map.of("parameter", "zoom", "value", zoom))
                    .withMessage("detail.bad-zoom");
        }
        if (cellPx < 8 || cellPx > 512) {
            throw ApiException.badRequest("cell_px must be between 8 and 512",
                    Map.of("parameter", "cell_px", "value", cellPx)).withMessage("detail.bad-cell-px");
        }
        LayerQuery q = query(Layer.BASE_STATIONS, bbox, asOf, null, new PagingProperties.Page(1, 0), false);
        return repository.siteClusters(q, cellPx * WORLD_M / (256 * Math.pow(2, zoom)));
    }

    public long count(Layer layer, LayerQuery q) {
        return repository.count(layer, q);
    }

    public RowSource rows(Layer layer, LayerQuery q) {
        return repository.rows(layer, q);
    }

    /** One feature by id (as of the query's date); empty when there is none or the id cannot be one. */
    public Optional<FeatureRow> item(Layer layer, String id, LayerQuery q) {
        if (layer.textIds()) {
            return repository.item(layer, id, q);
        }
        try {
            return repository.item(layer, Long.parseLong(id), q);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public Optional<double[]> extent(Layer layer) {
        return repository.extent(layer);
    }

    static double[] parseBbox(String bbox) {
        if (bbox == null || bbox.isBlank()) {
            return null;
        }
        String[] parts = bbox.split(",");
        try {
            if (parts.length != 4) {
                throw new NumberFormatException();
            }
            double[] b = new double[4];
            for (int i = 0; i < 4; i++) {
                b[i] = Double.parseDouble(parts[i].trim());
                if (!Double.isFinite(b[i])) {
                    throw new NumberFormatException();
                }
            }
            if (b[0] > b[2] || b[1] > b[3] || b[1] < -90 || b[3] > 90) {
                throw new NumberFormatException();
            }
            return b;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("bbox must be minLon,minLat,maxLon,maxLat in WGS84",
                    Map.of("parameter", "bbox", "value", bbox)).withMessage("detail.bad-bbox");
        }
    }
}

package uz.qamrov.planner.tile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;
import uz.qamrov.planner.layer.Layer;
import uz.qamrov.planner.layer.Layers;

/**
 * TileJSON 3.0.0 for every tile collection and one MapLibre style over them, so that MapLibre, QGIS ("Vector Tiles"
 * connection with a style URL) and OpenLayers need nothing but a URL. The date and service of the request are
 * carried into the tile URLs.
 */
@RestController
@Tag(name = "tiles")
class TileJsonController {

    // a generous box around Uzbekistan for collections that are still empty
    private static final double[] COUNTRY_BBOX = {55.9, 37.1, 73.2, 45.6};

    private final Layers layers;
    private final TileProperties properties;
    private final TileStyle style;
    private final ObjectMapper json;

    TileJsonController(Layers layers, TileProperties properties, ObjectMapper json) {
        this.layers = layers;
        this.properties = properties;
        this.json = json;
        this.style = new TileStyle(json);
    }

    @GetMapping("/tiles/{collection}.json")
    @Operation(summary = "TileJSON 3.0.0 of a tile collection (tile URL template, zooms, bounds, attribute fields)")
    ResponseEntity<ObjectNode> tileJson(@PathVariable String collection,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) String service) {
        Layer layer = layers.layer(collection);
        ObjectNode t = json.createObjectNode();
        t.put("tilejson", "3.0.0");
        t.put("name", layer.title());
        t.put("description", layer.description());
        t.put("scheme", "xyz");
        t.putArray("tiles").add(tileUrl(layer, asOf, service));
        t.put("minzoom", 0);
        t.put("maxzoom", properties.maxZoom());
        ArrayNode bounds = t.putArray("bounds");
        for (double v : layers.extent(layer).orElse(COUNTRY_BBOX)) {
            bounds.add(v);
        }
        ObjectNode vl = t.putArray("vector_layers").addObject();
        vl.put("id", layer.id());
        vl.put("description", layer.description());
        ObjectNode fields = vl.putObject("fields");
        for (String f : TileRepository.fields(layer)) {
            fields.put(f, f);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(t);
    }

    @GetMapping("/styles/qamrov.json")
    @Operation(summary = "A MapLibre style (v8) over the vector tiles: regions, coverage, roads, rail, settlements by "
            + "coverage status, base stations")
    ResponseEntity<ObjectNode> style(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) String service) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(style.style(layer -> tileJsonUrl(layer, asOf, service)));
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }

    private static String tileUrl(Layer layer, LocalDate asOf, String service) {
        // {z}/{x}/{y} must stay unencoded in a TileJSON template
        return base() + "/tiles/" + layer.id() + "/{z}/{x}/{y}.mvt" + query(asOf, service);
    }

    private static String tileJsonUrl(Layer layer, LocalDate asOf, String service) {
        return base() + "/tiles/" + layer.id() + ".json" + query(asOf, service);
    }

    private static String query(LocalDate asOf, String service) {
        String q = UriComponentsBuilder.newInstance().queryParamIfPresent("asOf", java.util.Optional.ofNullable(asOf))
                .queryParamIfPresent("service", java.util.Optional.ofNullable(service).filter(s -> !s.isBlank()))
                .encode().build().toUriString();
        return q.isEmpty() ? "" : q;
    }
}

package uz.qamrov.planner.tile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Function;
import uz.qamrov.planner.layer.Layer;

/**
 * The MapLibre style (spec v8) of the web map's colours: uncovered settlements red, covered green, coverage blue,
 * roads, dashed rail, base stations purple. No symbol layers: labels would need a glyph server, and the page works
 * offline.
 */
final class TileStyle {

    static final String COVERED = "#1a9850";
    static final String UNCOVERED = "#d73027";

    private final ObjectMapper json;

    TileStyle(ObjectMapper json) {
        this.json = json;
    }

    ObjectNode style(Function<Layer, String> tileJsonUrl) {
        ObjectNode s = json.createObjectNode();
        s.put("version", 8);
        s.put("name", "Qamrov coverage");
        ArrayNode center = s.putArray("center");
        center.add(64.5).add(41.4);
        s.put("zoom", 5);
        ObjectNode sources = s.putObject("sources");
        for (Layer l : List.of(Layer.REGIONS, Layer.COVERAGE, Layer.HIGHWAYS, Layer.RAILWAYS, Layer.SETTLEMENTS,
                Layer.BASE_STATIONS)) {
            ObjectNode src = sources.putObject(l.id());
            src.put("type", "vector");
            src.put("url", tileJsonUrl.apply(l));
        }
        ArrayNode layers = s.putArray("layers");
        layers.add(layer("background", "background", null).set("paint", paint("background-color", "#f4f4f0")));
        layers.add(layer("regions-fill", "fill", "regions").set("paint", paint("fill-color", "#e8eadf", "fill-outline-color", "#555555")));
        ObjectNode coverage = layer("coverage-4g", "fill", "coverage");
        coverage.set("filter", json.valueToTree(List.of("all", List.of("==", List.of("get", "technology"), "4G"),
                List.of("==", List.of("get", "operator"), "*"))));
        coverage.set("paint", paint("fill-color", "#3182bd", "fill-opacity", 0.35));
        layers.add(coverage);
        layers.add(layer("highways", "line", "highways").set("paint", paint("line-color", "#6b6b6b", "line-width", 2)));
        ObjectNode rail = layer("railways", "line", "railways");
        rail.set("paint", paint("line-color", "#555555", "line-width", 1.5));
        ((ObjectNode) rail.get("paint")).set("line-dasharray", json.valueToTree(List.of(3, 2)));
        layers.add(rail);
        ObjectNode settlements = layer("settlements", "circle", "settlements");
        ObjectNode sp = paint("circle-radius", 3, "circle-stroke-color", "#222222", "circle-stroke-width", 0.5);
        // covered is true/false for the request's service and date; null (no run) draws grey
        sp.set("circle-color", json.valueToTree(List.of("match", List.of("to-string", List.of("get", "covered")),
                "true", COVERED, "false", UNCOVERED, "#999999")));
        settlements.set("paint", sp);
        layers.add(settlements);
        ObjectNode sites = layer("base-stations", "circle", "base-stations");
        sites.put("minzoom", 9);
        sites.set("paint", paint("circle-radius", 3, "circle-color", "#4a3aa8"));
        layers.add(sites);
        return s;
    }

    private ObjectNode layer(String id, String type, String source) {
        ObjectNode l = json.createObjectNode();
        l.put("id", id);
        l.put("type", type);
        if (source != null) {
            l.put("source", source);
            l.put("source-layer", source);
        }
        return l;
    }

    private ObjectNode paint(Object... kv) {
        ObjectNode p = json.createObjectNode();
        for (int i = 0; i < kv.length; i += 2) {
            p.set((String) kv[i], json.valueToTree(kv[i + 1]));
        }
        return p;
    }
}

package uz.qamrov.planner.planning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.locationtech.jts.geom.Coordinate;

import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.FiberNode;
import uz.qamrov.engine.model.FiberRoute;
import uz.qamrov.engine.planning.NetworkDelta;

/**
 * A scenario's additions as upload files in our GeoJSON format, one per layer, status {@code planned}: what an operator
 * is handed to load into its own plan (and what our dry run of that layer accepts). New items get ids
 * {@code SCN<scenario>-…}; a new cell on an existing site keeps the site's own id. Removals are not in these files:
 * taking a row off the air is an upload of that row with its decommissioning date, which needs the operator's own
 * record of it (the scenario's GeoPackage and CSV list them).
 */
final class ScenarioUploadFile {

    private ScenarioUploadFile() {
    }

    /** Base stations: one row per added cell, on its site. */
    static Map<String, Object> baseStations(long id, NetworkDelta d, UnaryOperator<String> builder,
            Map<Long, String> externalSiteIds) {
        List<Map<String, Object>> features = new ArrayList<>();
        int n = 0;
        for (Cell c : d.addedCells()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("operator", builder.apply(c.operator()));
            p.put("site_id", c.siteId() > 0 ? externalSiteIds.getOrDefault(c.siteId(), String.valueOf(c.siteId()))
                    : "SCN" + id + "-" + (-c.siteId()));
            p.put("cell_id", "P" + (++n));
            p.put("status", "planned");
            p.put("technology", c.technology().label());
            p.put("band_mhz", c.bandMhz());
            p.put("azimuth", c.isOmni() ? null : c.azimuthDeg());
            p.put("beamwidth", c.beamwidthDeg());
            p.put("antenna_h", c.antennaHeightM());
            features.add(feature(p, point(c.lon(), c.lat())));
        }
        return collection(features);
    }

    /** Fiber routes: access routes as {@code distribution}, others as {@code backbone}. */
    static Map<String, Object> fiberRoutes(long id, NetworkDelta d, UnaryOperator<String> builder) {
        List<Map<String, Object>> features = new ArrayList<>();
        int n = 0;
        for (FiberRoute r : d.addedRoutes()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("operator", builder.apply(r.operator()));
            p.put("route_id", "SCN" + id + "-R" + (++n));
            p.put("status", "planned");
            p.put("route_kind", r.access() ? "distribution" : "backbone");
            List<List<Double>> xy = new ArrayList<>();
            for (Coordinate c : r.geometry().getCoordinates()) {
                xy.add(List.of(round6(c.x), round6(c.y)));
            }
            features.add(feature(p, Map.of("type", "LineString", "coordinates", xy)));
        }
        return collection(features);
    }

    /** Fiber nodes: access nodes with their ports, as {@code cabinet}s. */
    static Map<String, Object> fiberNodes(long id, NetworkDelta d, UnaryOperator<String> builder) {
        List<Map<String, Object>> features = new ArrayList<>();
        int n = 0;
        for (FiberNode node : d.addedNodes()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("operator", builder.apply(node.operator()));
            p.put("node_id", "SCN" + id + "-N" + (++n));
            p.put("status", "planned");
            p.put("kind", node.kind() == null ? "cabinet" : node.kind());
            p.put("broadband_ports", node.broadbandPorts());
            features.add(feature(p, point(node.lon(), node.lat())));
        }
        return collection(features);
    }

    private static Map<String, Object> feature(Map<String, Object> properties, Map<String, Object> geometry) {
        return Map.of("type", "Feature", "properties", properties, "geometry", geometry);
    }

    private static Map<String, Object> point(double lon, double lat) {
        return Map.of("type", "Point", "coordinates", List.of(round6(lon), round6(lat)));
    }

    private static Map<String, Object> collection(List<Map<String, Object>> features) {
        return Map.of("type", "FeatureCollection", "features", features);
    }

    private static double round6(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}

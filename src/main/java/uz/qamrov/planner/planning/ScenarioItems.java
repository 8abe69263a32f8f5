package uz.qamrov.planner.planning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.FiberNode;
import uz.qamrov.engine.model.FiberRoute;
import uz.qamrov.engine.model.Site;
import uz.qamrov.engine.model.Technology;
import uz.qamrov.engine.model.Validity;
import uz.qamrov.engine.planning.NetworkDelta;

/**
 * A scenario's rows ↔ the engine's {@link NetworkDelta}: each added site, cell, cable and node is one
 * {@code scenario_items} row (geometry for maps and exports, the record's fields as JSON attributes); removals name
 * the real cell or site id. Added records keep the negative ids candidates got, so they never clash with real ones.
 */
final class ScenarioItems {

    private static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), 4326);

    private ScenarioItems() {
    }

    /** Rows for a delta; {@code siteCostUsd} carries each new or upgraded site's cost onto its first row. */
    static List<PlanningRepository.ItemRow> toRows(NetworkDelta d, Map<Long, Double> costBySite,
            Map<Long, Double> costByRoute, ObjectMapper json) {
        List<PlanningRepository.ItemRow> rows = new ArrayList<>();
        java.util.Set<Long> costed = new java.util.HashSet<>();
        for (Site s : d.addedSites()) {
            costed.add(s.id());
            rows.add(new PlanningRepository.ItemRow("add", "site", "site:" + s.id(), s.operator(),
                    costBySite.get(s.id()), write(json, Map.of("id", s.id())), point(s.lon(), s.lat())));
        }
        for (Cell c : d.addedCells()) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("id", c.id());
            a.put("siteId", c.siteId());
            a.put("technology", c.technology().label());
            a.put("bandMhz", c.bandMhz());
            a.put("azimuthDeg", c.isOmni() ? null : c.azimuthDeg());
            a.put("beamwidthDeg", c.beamwidthDeg());
            a.put("antennaHeightM", c.antennaHeightM());
            a.put("eirpDbm", c.eirpDbm());
            a.put("rangeM", c.rangeM());
            // an upgrade has no site row: its cost rides on its first cell
            Double cost = costed.add(c.siteId()) ? costBySite.get(c.siteId()) : null;
            rows.add(new PlanningRepository.ItemRow("add", "cell", "cell:" + c.id(), c.operator(), cost, write(json, a),
                    point(c.lon(), c.lat())));
        }
        for (FiberRoute r : d.addedRoutes()) {
            rows.add(new PlanningRepository.ItemRow("add", "fiber_route", "fiber_route:" + r.id(), r.operator(),
                    costByRoute.get(r.id()), write(json, Map.of("id", r.id(), "access", r.access())),
                    r.geometry().toText()));
        }
        for (FiberNode n : d.addedNodes()) {
            rows.add(new PlanningRepository.ItemRow("add", "fiber_node", "fiber_node:" + n.id(), n.operator(), null,
                    write(json, Map.of("id", n.id(), "broadbandPorts", n.broadbandPorts())), point(n.lon(), n.lat())));
        }
        removals(rows, "cell", d.removedCellIds(), json);
        removals(rows, "site", d.removedSiteIds(), json);
        removals(rows, "fiber_route", d.removedRouteIds(), json);
        removals(rows, "fiber_node", d.removedNodeIds(), json);
        return rows;
    }

    /** One "remove" row per stored id of this kind (no geometry: the row is the network's). */
    private static void removals(List<PlanningRepository.ItemRow> rows, String kind, List<Long> ids, ObjectMapper json) {
        for (Long id : ids) {
            rows.add(new PlanningRepository.ItemRow("remove", kind, kind + ":" + id, null, null,
                    write(json, Map.of("id", id)), null));
        }
    }

    static NetworkDelta toDelta(List<PlanningRepository.ItemRow> rows, ObjectMapper json) {
        List<Site> sites = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        List<Long> removedCells = new ArrayList<>();
        List<Long> removedSites = new ArrayList<>();
        List<FiberRoute> routes = new ArrayList<>();
        List<FiberNode> nodes = new ArrayList<>();
        List<Long> removedRoutes = new ArrayList<>();
        List<Long> removedNodes = new ArrayList<>();
        WKTReader wkt = new WKTReader(GF);
        for (PlanningRepository.ItemRow r : rows) {
            JsonNode a = read(json, r.attributes());
            long id = a.get("id").asLong();
            if (r.action().equals("remove")) {
                switch (r.kind()) {
                    case "cell" -> removedCells.add(id);
                    case "site" -> removedSites.add(id);
                    case "fiber_route" -> removedRoutes.add(id);
                    case "fiber_node" -> removedNodes.add(id);
                    default -> throw new IllegalStateException("unknown scenario item kind " + r.kind());
                }
                continue;
            }
            try {
                var g = wkt.read(r.geomWkt());
                switch (r.kind()) {
                    case "site" -> sites.add(new Site(id, r.operator(), g.getCoordinate().x, g.getCoordinate().y,
                            Validity.ALWAYS));
                    case "cell" -> cells.add(new Cell(id, a.get("siteId").asLong(), r.operator(),
                            Technology.fromLabel(a.get("technology").asText()), a.get("bandMhz").asInt(),
                            num(a, "azimuthDeg"), a.get("beamwidthDeg").asDouble(), a.get("antennaHeightM").asDouble(),
                            num(a, "eirpDbm"), num(a, "rangeM"), g.getCoordinate().x, g.getCoordinate().y,
                            Validity.ALWAYS));
                    case "fiber_route" -> routes.add(new FiberRoute(id, r.operator(), (LineString) g, Validity.ALWAYS,
                            a.path("access").asBoolean(true)));
                    case "fiber_node" -> nodes.add(new FiberNode(id, r.operator(), g.getCoordinate().x,
                            g.getCoordinate().y, a.get("broadbandPorts").asInt(), Validity.ALWAYS));
                    default -> throw new IllegalStateException("unknown scenario item kind " + r.kind());
                }
            } catch (ParseException e) {
                throw new IllegalStateException("scenario item geometry " + r.ref(), e);
            }
        }
        return new NetworkDelta(sites, cells, removedCells, removedSites, routes, nodes, removedRoutes, removedNodes);
    }

    private static Double num(JsonNode a, String field) {
        JsonNode v = a.get(field);
        return v == null || v.isNull() ? null : v.asDouble();
    }

    private static String point(double lon, double lat) {
        return "POINT (" + lon + " " + lat + ")";
    }

    private static String write(ObjectMapper json, Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(ObjectMapper json, String s) {
        try {
            return json.readTree(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

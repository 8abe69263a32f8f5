package uz.qamrov.planner.planning;

import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.PrecisionModel;

import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.FiberNode;
import uz.qamrov.engine.model.FiberRoute;
import uz.qamrov.engine.model.Site;
import uz.qamrov.engine.model.Technology;
import uz.qamrov.engine.model.Validity;
import uz.qamrov.engine.planning.NetworkDelta;

/**
 * A scenario made by hand ({@code POST /api/v1/scenarios} without {@code planId}): new sites, fiber routes and access
 * nodes, and existing sites, cells, routes and nodes taken away, checked field by field (400 naming the field) and
 * turned into the engine's {@link NetworkDelta}. New items get negative ids, which no stored row has.
 */
final class HandMadeScenario {

    private static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), 4326);

    /** A proposed new site: three 120° sectors (or omni) of one technology. */
    record ProposedSite(Double lon, Double lat, String operator, String technology, Integer bandMhz, Double heightM,
            Boolean omni) {
    }

    /** A proposed fiber route: its vertices as [lon, lat]; an access (distribution) route unless {@code access} is false. */
    record ProposedRoute(String operator, List<List<Double>> coordinates, Boolean access) {
    }

    /** A proposed access node (OLT, cabinet) with its broadband ports. */
    record ProposedNode(Double lon, Double lat, String operator, Integer broadbandPorts) {
    }

    /** The request body. */
    record NewScenario(String name, String description, String planId, List<ProposedSite> sites,
            List<ProposedRoute> fiberRoutes, List<ProposedNode> fiberNodes, List<Long> removeSiteIds,
            List<Long> removeCellIds, List<Long> removeFiberRouteIds, List<Long> removeFiberNodeIds) {
    }

    private HandMadeScenario() {
    }

    static NetworkDelta delta(NewScenario body) {
        long[] next = {-1};
        List<Site> sites = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        List<ProposedSite> proposed = orEmpty(body.sites());
        for (int i = 0; i < proposed.size(); i++) {
            site(proposed.get(i), "sites[" + i + "]", next, sites, cells);
        }
        List<FiberRoute> routes = new ArrayList<>();
        List<ProposedRoute> rs = orEmpty(body.fiberRoutes());
        for (int i = 0; i < rs.size(); i++) {
            routes.add(route(rs.get(i), "fiberRoutes[" + i + "]", next[0]--));
        }
        List<FiberNode> nodes = new ArrayList<>();
        List<ProposedNode> ns = orEmpty(body.fiberNodes());
        for (int i = 0; i < ns.size(); i++) {
            nodes.add(node(ns.get(i), "fiberNodes[" + i + "]", next[0]--));
        }
        NetworkDelta d = new NetworkDelta(sites, cells, ids(body.removeCellIds(), "removeCellIds"),
                ids(body.removeSiteIds(), "removeSiteIds"), routes, nodes,
                ids(body.removeFiberRouteIds(), "removeFiberRouteIds"), ids(body.removeFiberNodeIds(), "removeFiberNodeIds"));
        if (d.isEmpty()) {
            throw PlanInputs.bad("give planId, or something to add (sites, fiberRoutes, fiberNodes) or to remove "
                    + "(removeSiteIds, removeCellIds, removeFiberRouteIds, removeFiberNodeIds)", "planId", null)
                    .withMessage("detail.scenario-empty");
        }
        return d;
    }

    private static void site(ProposedSite p, String f, long[] next, List<Site> sites, List<Cell> cells) {
        inCountry(p.lon(), p.lat(), f);
        String operator = operator(p.operator(), f);
        Technology t;
        try {
            t = Technology.fromLabel(p.technology() == null ? "4G" : p.technology());
        } catch (IllegalArgumentException e) {
            throw PlanInputs.bad("technology is one of 2G, 3G, 4G, 5G", f + ".technology", p.technology())
                    .withMessage("detail.scenario-technology");
        }
        int band = p.bandMhz() == null ? 800 : p.bandMhz();
        double h = p.heightM() == null ? 30 : p.heightM();
        if (band < 400 || band > 6000) {
            throw PlanInputs.bad("bandMhz must be in [400, 6000]", f + ".bandMhz", band)
                    .withMessage("detail.scenario-band");
        }
        if (!(h > 0 && h <= 200)) {
            throw PlanInputs.bad("heightM must be in (0, 200]", f + ".heightM", h)
                    .withMessage("detail.scenario-height");
        }
        long siteId = next[0]--;
        sites.add(new Site(siteId, operator, p.lon(), p.lat(), Validity.ALWAYS));
        double[] az = Boolean.TRUE.equals(p.omni()) ? new double[] {-1} : new double[] {0, 120, 240};
        for (double a : az) {
            cells.add(new Cell(next[0]--, siteId, operator, t, band, a < 0 ? null : a, a < 0 ? 360 : 120, h, null,
                    null, p.lon(), p.lat(), Validity.ALWAYS));
        }
    }

    private static FiberRoute route(ProposedRoute r, String f, long id) {
        String operator = operator(r.operator(), f);
        List<List<Double>> xy = r.coordinates();
        if (xy == null || xy.size() < 2 || xy.size() > 100_000) {
            throw PlanInputs.bad("a route needs 2 to 100,000 vertices [lon, lat]", f + ".coordinates",
                    xy == null ? null : xy.size()).withMessage("detail.scenario-route-vertices");
        }
        Coordinate[] cs = new Coordinate[xy.size()];
        for (int k = 0; k < xy.size(); k++) {
            List<Double> v = xy.get(k);
            if (v == null || v.size() != 2) {
                throw PlanInputs.bad("a vertex is [lon, lat]", f + ".coordinates[" + k + "]", v)
                        .withMessage("detail.scenario-vertex");
            }
            inCountry(v.get(0), v.get(1), f + ".coordinates[" + k + "]");
            cs[k] = new Coordinate(v.get(0), v.get(1));
        }
        LineString line = GF.createLineString(cs);
        if (!(line.getLength() > 0)) {
            throw PlanInputs.bad("a route must have a length (its vertices all coincide)", f + ".coordinates",
                    xy.size())
                    .withMessage("detail.scenario-route-length");
        }
        return new FiberRoute(id, operator, line, Validity.ALWAYS, !Boolean.FALSE.equals(r.access()));
    }

    private static FiberNode node(ProposedNode n, String f, long id) {
        inCountry(n.lon(), n.lat(), f);
        int ports = n.broadbandPorts() == null ? 0 : n.broadbandPorts();
        if (ports < 0 || ports > 10_000_000) {
            throw PlanInputs.bad("broadbandPorts must be a port count >= 0", f + ".broadbandPorts", ports)
                    .withMessage("detail.scenario-ports");
        }
        return new FiberNode(id, operator(n.operator(), f), n.lon(), n.lat(), ports, Validity.ALWAYS);
    }

    private static void inCountry(Double lon, Double lat, String f) {
        if (lon == null || lat == null || !(lon >= 55 && lon <= 74) || !(lat >= 37 && lat <= 46)) {
            throw PlanInputs.bad("lon/lat must lie in Uzbekistan's bounding box", f + ".lon", lon)
                    .withMessage("detail.scenario-outside-country");
        }
    }

    private static String operator(String operator, String f) {
        if (operator == null || operator.isBlank()) {
            throw PlanInputs.bad("operator is required", f + ".operator", null)
                    .withMessage("detail.scenario-operator-required");
        }
        return operator;
    }

    private static List<Long> ids(List<Long> ids, String f) {
        if (ids == null) {
            return List.of();
        }
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i) == null || ids.get(i) <= 0) {
                throw PlanInputs.bad("an id of a stored row (> 0)", f + "[" + i + "]", ids.get(i))
                        .withMessage("detail.scenario-row-id");
            }
        }
        return ids;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}

package uz.qamrov.planner.planning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Coordinate;

import uz.qamrov.engine.planning.FiberTreePlanner;

/** Turns an engine fiber tree ({@link FiberTreePlanner.Result}) into the plan API's JSON shape. */
final class FiberTreeReport {

    /** How many unreachable settlements are listed by id (the count is always complete). */
    static final int MAX_LISTED = 100;

    private FiberTreeReport() {
    }

    static Map<String, Object> of(FiberTreePlanner.Result r, List<Map<String, Object>> projected,
            Map<String, Long> timingsMs) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mode", "fiber-tree");
        out.put("totalCostUsd", Math.round(r.totalCostUsd()));
        out.put("totalRouteKm", round3(r.totalRouteKm()));
        out.put("totalRoadKm", round3(r.links().stream().mapToDouble(FiberTreePlanner.Link::roadKm).sum()));
        out.put("households", r.households());
        out.put("householdsPerKm", r.totalRouteKm() > 0 ? round3(r.households() / r.totalRouteKm()) : 0);
        out.put("proposalCount", r.links().size());
        List<Map<String, Object>> regions = new ArrayList<>();
        for (FiberTreePlanner.RegionSummary s : r.regions()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("region", s.regionCode());
            m.put("settlements", s.settlements());
            m.put("households", s.households());
            m.put("routeKm", round3(s.routeKm()));
            m.put("cabinets", s.cabinets());
            m.put("costUsd", Math.round(s.costUsd()));
            m.put("householdsPerKm", round3(s.householdsPerKm()));
            regions.add(m);
        }
        out.put("regions", regions);
        List<Map<String, Object>> proposals = new ArrayList<>();
        int rank = 0;
        for (FiberTreePlanner.Link l : r.links()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("rank", ++rank);
            p.put("type", "fiber_tree_link");
            p.put("ref", "fiber-tree:settlement:" + l.settlementId());
            p.put("settlementId", l.settlementId());
            p.put("from", l.fromSettlementId() == 0 ? "fiber" : "settlement:" + l.fromSettlementId());
            p.put("region", l.regionCode());
            p.put("lon", l.toLon());
            p.put("lat", l.toLat());
            List<List<Double>> cable = new ArrayList<>();
            for (Coordinate c : l.cable().getCoordinates()) {
                cable.add(List.of(c.x, c.y));
            }
            p.put("cable", cable);
            p.put("straightKm", round3(l.straightKm()));
            p.put("routeKm", round3(l.routeKm()));
            p.put("roadKm", round3(l.roadKm()));
            p.put("households", l.households());
            p.put("cabinets", l.cabinets());
            p.put("costUsd", Math.round(l.costUsd()));
            proposals.add(p);
        }
        out.put("proposals", proposals);
        Map<String, Object> unreachable = new LinkedHashMap<>();
        unreachable.put("settlements", r.unreachableSettlementIds().size());
        unreachable.put("households", r.unreachableHouseholds());
        unreachable.put("settlementIds", r.unreachableSettlementIds().subList(0,
                Math.min(MAX_LISTED, r.unreachableSettlementIds().size())));
        unreachable.put("reason", "no access fiber and no settlement of the tree within the longest extension priced "
                + "(fiberExtensionMaxKm)");
        out.put("unreachable", unreachable);
        out.put("projectedIndicators", projected);
        out.put("timingsMs", timingsMs);
        return out;
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}

package uz.qamrov.planner.planning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;

import uz.qamrov.engine.measure.IndicatorValue;
import uz.qamrov.engine.measure.Indicators;
import uz.qamrov.engine.measure.ScopeType;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.Site;
import uz.qamrov.engine.model.Technology;
import uz.qamrov.engine.model.Validity;
import uz.qamrov.engine.planning.NetworkDelta;
import uz.qamrov.planner.access.AccessService;
import uz.qamrov.planner.access.Caller;
import uz.qamrov.planner.access.Role;
import uz.qamrov.planner.coverage.CoverageService;
import uz.qamrov.planner.web.ApiException;

/**
 * Scenarios: named, saved sets of proposed additions/removals on top of the real network (never written into it),
 * compared with the baseline and with each other through the engine's what-if ({@link WhatIfEngine}).
 */
@Service
class ScenarioService {

    private static final String NEUTRAL_HOST = "NEUTRAL_HOST";

    private final PlanningRepository repo;
    private final PlanningService planning;
    private final WhatIfEngine whatIf;
    private final ObjectMapper json;

    ScenarioService(PlanningRepository repo, PlanningService planning, WhatIfEngine whatIf, ObjectMapper json) {
        this.repo = repo;
        this.planning = planning;
        this.whatIf = whatIf;
        this.json = json;
    }

    /** A proposed new site for a hand-made scenario: three 120° sectors (or omni) of one technology. */
    record ProposedSite(Double lon, Double lat, String operator, String technology, Integer bandMhz, Double heightM,
            Boolean omni) {
    }

    record NewScenario(String name, String description, String planId, List<ProposedSite> sites,
            List<Long> removeSiteIds) {
    }

    @Transactional
    long create(NewScenario body, Caller caller) {
        if (body == null || body.name() == null || body.name().isBlank() || body.name().length() > 200) {
            throw PlanInputs.bad("a name of 1-200 characters is required", "name", body == null ? null : body.name());
        }
        PlanDelta saved;
        UUID planId = null;
        if (body.planId() != null) {
            try {
                planId = UUID.fromString(body.planId());
            } catch (IllegalArgumentException e) {
                throw PlanInputs.bad("not a plan id", "planId", body.planId());
            }
            UUID pid = planId;
            saved = planning.planDelta(pid).orElseThrow(() -> ApiException.notFound(
                    "plan " + pid + " has no result in this server's memory (run it again)"));
        } else {
            saved = new PlanDelta(handMade(body), Map.of(), Map.of());
        }
        NetworkDelta delta = saved.delta();
        requireOwnOperator(caller, delta);
        long id = repo.insertScenario(body.name().strip(), body.description(), planId, planning.today(), caller.name());
        ScenarioItems.toRows(delta, saved.siteCostUsd(), saved.routeCostUsd(), json).forEach(r -> repo.insertItem(id, r));
        return id;
    }

    private static NetworkDelta handMade(NewScenario body) {
        List<Site> sites = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        long next = -1;
        List<ProposedSite> proposed = body.sites() == null ? List.of() : body.sites();
        for (int i = 0; i < proposed.size(); i++) {
            ProposedSite p = proposed.get(i);
            String f = "sites[" + i + "]";
            if (p.lon() == null || p.lat() == null || !(p.lon() >= 55 && p.lon() <= 74) || !(p.lat() >= 37 && p.lat() <= 46)) {
                throw PlanInputs.bad("lon/lat must lie in Uzbekistan's bounding box", f + ".lon", p.lon());
            }
            if (p.operator() == null || p.operator().isBlank()) {
                throw PlanInputs.bad("operator is required", f + ".operator", null);
            }
            Technology t;
            try {
                t = Technology.fromLabel(p.technology() == null ? "4G" : p.technology());
            } catch (IllegalArgumentException e) {
                throw PlanInputs.bad("technology is one of 2G, 3G, 4G, 5G", f + ".technology", p.technology());
            }
            int band = p.bandMhz() == null ? 800 : p.bandMhz();
            double h = p.heightM() == null ? 30 : p.heightM();
            if (band < 400 || band > 6000) {
                throw PlanInputs.bad("bandMhz must be in [400, 6000]", f + ".bandMhz", band);
            }
            if (!(h > 0 && h <= 200)) {
                throw PlanInputs.bad("heightM must be in (0, 200]", f + ".heightM", h);
            }
            long siteId = next--;
            sites.add(new Site(siteId, p.operator(), p.lon(), p.lat(), Validity.ALWAYS));
            double[] az = Boolean.TRUE.equals(p.omni()) ? new double[] {-1} : new double[] {0, 120, 240};
            for (double a : az) {
                cells.add(new Cell(next--, siteId, p.operator(), t, band, a < 0 ? null : a, a < 0 ? 360 : 120, h, null,
                        null, p.lon(), p.lat(), Validity.ALWAYS));
            }
        }
        List<Long> removed = body.removeSiteIds() == null ? List.of() : body.removeSiteIds();
        if (sites.isEmpty() && removed.isEmpty()) {
            throw PlanInputs.bad("give planId, or sites to add and/or removeSiteIds", "planId", null);
        }
        return new NetworkDelta(sites, cells, List.of(), removed, List.of(), List.of());
    }

    List<PlanningRepository.ScenarioRow> list() {
        return repo.scenarios();
    }

    PlanningRepository.ScenarioRow get(long id) {
        return repo.scenario(id).orElseThrow(() -> ApiException.notFound("no scenario " + id));
    }

    /**
     * An operator's scenario touches only its own network: every addition is its own operator's (not a neutral
     * host), every removed site and cell is one of its own sites. Planners and admins may propose anything.
     */
    private void requireOwnOperator(Caller caller, NetworkDelta d) {
        if (caller.role() != Role.OPERATOR) {
            return;
        }
        String own = caller.operatorCode();
        List<String> added = new ArrayList<>();
        d.addedSites().forEach(s -> added.add(s.operator()));
        d.addedCells().forEach(c -> added.add(c.operator()));
        d.addedRoutes().forEach(r -> added.add(r.operator()));
        d.addedNodes().forEach(n -> added.add(n.operator()));
        added.stream().filter(o -> !own.equals(o)).findFirst().ifPresent(o -> {
            throw AccessService.forbidden("an operator token proposes its own operator's (" + own
                    + ") additions only, not " + o);
        });
        List<Long> removed = new ArrayList<>(d.removedSiteIds());
        removed.addAll(repo.siteIdsOfCells(d.removedCellIds()));
        Map<Long, String> owners = repo.siteOperators(removed);
        removed.stream().filter(s -> !own.equals(owners.get(s))).findFirst().ifPresent(s -> {
            throw AccessService.forbidden("an operator token removes its own operator's (" + own
                    + ") sites only; site " + s + " is not one of them");
        });
    }

    void delete(long id, Caller caller) {
        if (caller.role() == Role.OPERATOR && !caller.name().equals(get(id).createdBy())) {
            throw AccessService.forbidden("an operator token deletes only the scenarios it saved");
        }
        if (!repo.deleteScenario(id)) {
            throw ApiException.notFound("no scenario " + id);
        }
    }

    NetworkDelta delta(long id) {
        get(id);
        return ScenarioItems.toDelta(repo.items(id), json);
    }

    /**
     * Baseline and each scenario side by side, indicator by indicator, for the nation or one region: rows of
     * {@code key, scope, unit, baseline, scenarios: {id: value}}. Every value comes from the engine.
     */
    Map<String, Object> compare(List<Long> ids, LocalDate asOf, String region) {
        if (ids == null || ids.isEmpty() || ids.size() > 10) {
            throw PlanInputs.bad("give 1 to 10 scenario ids", "ids", ids);
        }
        LocalDate d = asOf == null ? planning.today() : asOf;
        long t0 = System.nanoTime();
        Indicators base = whatIf.baseline(d);
        Map<Long, Indicators> per = new LinkedHashMap<>();
        Map<Long, Long> ms = new LinkedHashMap<>();
        for (long id : ids) {
            NetworkDelta delta = delta(id);
            long s = System.nanoTime();
            per.put(id, whatIf.with(delta, d));
            ms.put(id, (System.nanoTime() - s) / 1_000_000);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (IndicatorValue b : base.values()) {
            boolean wanted = region == null ? b.scopeType() == ScopeType.NATIONAL
                    : b.scopeType() == ScopeType.REGION && region.equals(b.scopeCode());
            if (!wanted) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("key", b.key());
            row.put("scope", b.scopeCode());
            row.put("unit", CoverageService.apiUnit(b.unit()));
            row.put("baseline", CoverageService.apiValue(b));
            Map<String, Object> values = new LinkedHashMap<>();
            per.forEach((id, ind) -> values.put(String.valueOf(id), ind.get(b.key(), b.scopeType(), b.scopeCode())
                    .map(CoverageService::apiValue).orElse(null)));
            row.put("scenarios", values);
            rows.add(row);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("asOf", d.toString());
        out.put("scope", region == null ? "UZ" : region);
        out.put("scenarios", ids.stream().map(this::get).toList());
        out.put("indicators", rows);
        out.put("whatIfMs", ms);
        out.put("totalMs", (System.nanoTime() - t0) / 1_000_000);
        return out;
    }

    /** The scenario as a GeoPackage at {@code file} ({@link ScenarioGeoPackage}). */
    void writeGeoPackage(long id, java.nio.file.Path file) throws java.sql.SQLException {
        ScenarioGeoPackage.write(repo, get(id), file);
    }

    String geojson(long id) {
        get(id);
        return repo.itemsGeoJson(id);
    }

    /**
     * The additions as a base-stations upload file in our GeoJSON format (status planned), for an operator.
     * Neutral-host proposals are written under {@code operator}, the one that will build them (required then).
     */
    Map<String, Object> uploadFile(long id, String operator) {
        NetworkDelta d = delta(id);
        boolean neutral = d.addedCells().stream().anyMatch(c -> c.operator().equals(NEUTRAL_HOST));
        if (neutral && (operator == null || !repo.operatorExists(operator))) {
            throw PlanInputs.bad("neutral-host proposals need the (known) operator that will build them", "operator",
                    operator);
        }
        Map<Long, String> external = repo.siteExternalIds(d.addedCells().stream().map(Cell::siteId)
                .filter(s -> s > 0).distinct().toList());
        List<Map<String, Object>> features = new ArrayList<>();
        int n = 0;
        for (Cell c : d.addedCells()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("operator", c.operator().equals(NEUTRAL_HOST) ? operator : c.operator());
            p.put("site_id", c.siteId() > 0 ? external.getOrDefault(c.siteId(), String.valueOf(c.siteId()))
                    : "SCN" + id + "-" + (-c.siteId()));
            p.put("cell_id", "P" + (++n));
            p.put("status", "planned");
            p.put("technology", c.technology().label());
            p.put("band_mhz", c.bandMhz());
            p.put("azimuth", c.isOmni() ? null : c.azimuthDeg());
            p.put("beamwidth", c.beamwidthDeg());
            p.put("antenna_h", c.antennaHeightM());
            features.add(Map.of("type", "Feature", "properties", p, "geometry",
                    Map.of("type", "Point", "coordinates", List.of(round6(c.lon()), round6(c.lat())))));
        }
        return Map.of("type", "FeatureCollection", "features", features);
    }

    private static double round6(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}

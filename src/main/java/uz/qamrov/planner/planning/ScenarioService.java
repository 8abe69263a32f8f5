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

    @Transactional
    long create(HandMadeScenario.NewScenario body, Caller caller) {
        if (body == null || body.name() == null || body.name().isBlank() || body.name().length() > 200) {
            throw PlanInputs.bad("a name of 1-200 characters is required", "name", body == null ? null : body.name())
                    .withMessage("detail.scenario-name");
        }
        PlanDelta saved;
        UUID planId = null;
        if (body.planId() != null) {
            try {
                planId = UUID.fromString(body.planId());
            } catch (IllegalArgumentException e) {
                throw PlanInputs.bad("not a plan id", "planId", body.planId()).withMessage("detail.scenario-plan-id");
            }
            UUID pid = planId;
            saved = planning.planDelta(pid).orElseThrow(() -> ApiException.notFound(
                    "plan " + pid + " has no result in this server's memory (run it again)")
                    .withMessage("detail.plan-not-in-memory", Map.of("plan", pid)));
        } else {
            saved = new PlanDelta(HandMadeScenario.delta(body), Map.of(), Map.of());
        }
        NetworkDelta delta = saved.delta();
        requireOwnOperator(caller, delta);
        long id = repo.insertScenario(body.name().strip(), body.description(), planId, planning.today(), caller.name());
        ScenarioItems.toRows(delta, saved.siteCostUsd(), saved.routeCostUsd(), json).forEach(r -> repo.insertItem(id, r));
        return id;
    }

    List<PlanningRepository.ScenarioRow> list() {
        return repo.scenarios();
    }

    PlanningRepository.ScenarioRow get(long id) {
        return repo.scenario(id).orElseThrow(() -> noScenario(id));
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
                    + ") additions only, not " + o)
                    .withMessage("detail.operator-proposes-own", Map.of("own", own, "operator", o));
        });
        List<Long> removedSites = new ArrayList<>(d.removedSiteIds());
        removedSites.addAll(repo.siteIdsOfCells(d.removedCellIds()));
        requireOwned(own, "site", "detail.operator-removes-own-sites", removedSites, repo.siteOperators(removedSites));
        requireOwned(own, "fiber route", "detail.operator-removes-own-routes", d.removedRouteIds(),
                repo.fiberRouteOperators(d.removedRouteIds()));
        requireOwned(own, "fiber node", "detail.operator-removes-own-nodes", d.removedNodeIds(),
                repo.fiberNodeOperators(d.removedNodeIds()));
    }

    /**
     * 403 unless every one of {@code ids} belongs to operator {@code own} ({@code owners}: id → operator);
     * {@code key} names the translated detail.
     */
    private static void requireOwned(String own, String what, String key, List<Long> ids, Map<Long, String> owners) {
        ids.stream().filter(id -> !own.equals(owners.get(id))).findFirst().ifPresent(id -> {
            throw AccessService.forbidden("an operator token removes its own operator's (" + own + ") rows only; "
                    + what + " " + id + " is not one of them").withMessage(key, Map.of("own", own, "id", id));
        });
    }

    void delete(long id, Caller caller) {
        if (caller.role() == Role.OPERATOR && !caller.name().equals(get(id).createdBy())) {
            throw AccessService.forbidden("an operator token deletes only the scenarios it saved")
                    .withMessage("detail.operator-deletes-own-scenarios");
        }
        if (!repo.deleteScenario(id)) {
            throw noScenario(id);
        }
    }

    private static ApiException noScenario(long id) {
        return ApiException.notFound("no scenario " + id).withMessage("detail.no-scenario", Map.of("id", id));
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
            throw PlanInputs.bad("give 1 to 10 scenario ids", "ids", ids).withMessage("detail.scenario-ids");
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
     * The additions to one layer as an upload file in our GeoJSON format (status planned), for an operator
     * ({@link ScenarioUploadFile}). Neutral-host proposals are written under {@code operator}, the one that will build
     * them (required then).
     */
    Map<String, Object> uploadFile(long id, String layer, String operator) {
        NetworkDelta d = delta(id);
        boolean neutral = d.addedCells().stream().anyMatch(c -> c.operator().equals(NEUTRAL_HOST))
                || d.addedRoutes().stream().anyMatch(r -> r.operator().equals(NEUTRAL_HOST))
                || d.addedNodes().stream().anyMatch(n -> n.operator().equals(NEUTRAL_HOST));
        if (neutral && (operator == null || !repo.operatorExists(operator))) {
            throw PlanInputs.bad("neutral-host proposals need the (known) operator that will build them", "operator",
                    operator).withMessage("detail.scenario-builder-required");
        }
        java.util.function.UnaryOperator<String> builder = op -> op.equals(NEUTRAL_HOST) ? operator : op;
        return switch (layer == null ? "base-stations" : layer) {
            case "base-stations" -> ScenarioUploadFile.baseStations(id, d, builder, repo.siteExternalIds(
                    d.addedCells().stream().map(Cell::siteId).filter(s -> s > 0).distinct().toList()));
            case "fiber-routes" -> ScenarioUploadFile.fiberRoutes(id, d, builder);
            case "fiber-nodes" -> ScenarioUploadFile.fiberNodes(id, d, builder);
            default -> throw PlanInputs.bad("layer is one of base-stations, fiber-routes, fiber-nodes", "layer", layer)
                    .withMessage("detail.scenario-layer");
        };
    }
}

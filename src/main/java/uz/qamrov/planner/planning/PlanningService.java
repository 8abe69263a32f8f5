package uz.qamrov.planner.planning;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.annotation.PreDestroy;
import uz.qamrov.engine.measure.CoverageModel;
import uz.qamrov.engine.model.InvalidInputException;
import uz.qamrov.engine.planning.CandidateGenerator;
import uz.qamrov.engine.planning.CandidateOptions;
import uz.qamrov.engine.planning.FiberTreePlanner;
import uz.qamrov.engine.planning.NetworkDelta;
import uz.qamrov.engine.planning.Plan;
import uz.qamrov.engine.planning.PlanOptimizer;
import uz.qamrov.engine.planning.PlanningCosts;
import uz.qamrov.engine.planning.PlanningIndexes;
import uz.qamrov.engine.planning.PlanningProblem;
import uz.qamrov.engine.planning.RoadGraph;
import uz.qamrov.planner.access.AccessService;
import uz.qamrov.planner.access.Caller;
import uz.qamrov.planner.access.Role;
import uz.qamrov.planner.coverage.CoverageService;
import uz.qamrov.planner.terrain.TerrainStore;
import uz.qamrov.planner.web.ApiException;

/**
 * Planning facade: the cost model (read by anyone, changed by admins) and plan runs. A plan runs in the background
 * (one at a time: each uses both cores) through candidates from the live model → lazy greedy → an engine what-if on a
 * detached model for the projected indicators; its progress is kept in memory and its result in {@code plans}.
 */
@Service
public class PlanningService {

    private static final Logger log = LoggerFactory.getLogger(PlanningService.class);

    /**
     * Road ends this close to another road are joined to it: our highway lines are approximate (densified through
     * towns), so a junction may miss by metres; 25 m is well under any distance between parallel roads.
     */
    static final double ROAD_SNAP_TOLERANCE_M = 25;

    private final PlanningRepository repo;
    private final CoverageService coverage;
    private final ObjectMapper json;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "planning");
        t.setDaemon(true);
        return t;
    });
    private final Map<UUID, Map<String, Object>> progress = new ConcurrentHashMap<>();
    private final Map<UUID, PlanDelta> results = new ConcurrentHashMap<>();

    private final WhatIfEngine whatIf;

    /** The DEM the coverage model's footprints use (null when flat earth or hard sectors): new sites seek high ground. */
    private final TerrainStore terrain;

    PlanningService(PlanningRepository repo, CoverageService coverage, ObjectMapper json, WhatIfEngine whatIf,
            TerrainStore terrain) {
        this.whatIf = whatIf;
        this.terrain = terrain;
        this.repo = repo;
        this.coverage = coverage;
        this.json = json;
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }

    // ------------------------------------------------------------------ cost model

    List<PlanningRepository.CostRow> costs() {
        return repo.costs();
    }

    Map<String, Double> regionMultipliers() {
        return repo.regionMultipliers();
    }

    /** Validates the changed values together with the stored ones (400 naming the field), then stores them. */
    void updateCosts(Map<String, Double> values, String source, String actor) {
        if (values == null || values.isEmpty()) {
            throw PlanInputs.bad("give at least one cost key and value", "body", null)
                    .withMessage("detail.plan-costs-required");
        }
        try {
            PlanningCosts.fromMap(values, PlanningCosts.fromMap(repo.costValues(), PlanningCosts.DEFAULTS));
        } catch (InvalidInputException e) {
            throw PlanInputs.badCost(e, "");
        }
        values.forEach((k, v) -> repo.updateCost(k, v, source, actor));
    }

    void setRegionMultiplier(String region, Double multiplier, String note, String actor) {
        if (!repo.regionExists(region)) {
            throw ApiException.notFound("unknown region " + region)
                    .withMessage("detail.unknown-region", Map.of("value", String.valueOf(region)));
        }
        if (multiplier == null || !(multiplier > 0 && multiplier <= 10)) {
            throw PlanInputs.bad("multiplier must be in (0, 10]", "multiplier", multiplier)
                    .withMessage("detail.plan-multiplier");
        }
        repo.setRegionMultiplier(region, multiplier, note, actor);
    }

    // ------------------------------------------------------------------ plans

    /**
     * Validates the request (400 naming the field) and queues the run; returns its id. An operator plans for its
     * own operator only: an absent {@code operator} becomes its own, another one (or a neutral host) is a 403.
     */
    public UUID submit(PlanRequest request, Caller caller) {
        PlanRequest r = forCaller(request, caller);
        PlanInputs in = PlanInputs.of(r, repo, coverage.today());
        UUID id = UUID.randomUUID();
        repo.insertPlan(id, write(r), caller.name());
        setProgress(id, "queued", 0);
        runner.submit(() -> run(id, in));
        return id;
    }

    static PlanRequest forCaller(PlanRequest r, Caller caller) {
        if (r == null || caller.role() != Role.OPERATOR) {
            return r;
        }
        if (r.operator() == null) {
            return new PlanRequest(r.budgetUsd(), r.targets(), r.allTargets(), caller.operatorCode(), r.region(),
                    r.weights(), r.costs(), r.asOf(), r.mode());
        }
        if (!r.operator().equals(caller.operatorCode())) {
            throw AccessService.forbidden("an operator token plans for its own operator ("
                    + caller.operatorCode() + ") only, not for " + r.operator())
                    .withMessage("detail.operator-plans-own",
                            Map.of("own", caller.operatorCode(), "operator", r.operator()));
        }
        return r;
    }

    private void run(UUID id, PlanInputs in) {
        try {
            repo.markRunning(id);
            Map<String, Long> timings = new LinkedHashMap<>();
            long t0 = System.nanoTime();
            CoverageService.ModelWithNearest current = in.fiberTree() ? null : coverage.currentModelWithNearest();
            CoverageModel live = current == null ? coverage.currentModel() : current.model();
            CandidateOptions options = CandidateOptions.defaults(in.asOf())
                    .withScope(in.operator(), in.region(), repo.goalHighwayIds())
                    .withCosts(in.costs(), repo.regionMultipliers());
            if (in.fiberTree()) {
                runFiberTree(id, in, live, options, t0);
                return;
            }
            setProgress(id, "generating candidates from the coverage model", 10);
            // the backhaul index is the coverage generation's own (built once per generation, not per plan)
            PlanningProblem generated = CandidateGenerator.generateWithCensus(live, options,
                    new PlanningIndexes(current.nearest(), terrain.dem())).problem();
            PlanningProblem problem = new PlanningProblem(generated.demands(), generated.candidates(),
                    generated.totals(), generated.baseline(), in.weights());
            long t1 = System.nanoTime();
            timings.put("candidates", (t1 - t0) / 1_000_000);
            setProgress(id, "optimising " + problem.candidates().size() + " candidates", 40);
            Plan plan = PlanOptimizer.optimize(problem, in.objective());
            long t2 = System.nanoTime();
            timings.put("optimise", (t2 - t1) / 1_000_000);
            setProgress(id, whatIfPhase(), 60);
            NetworkDelta delta = NetworkDelta.merge(plan.steps().stream().map(s -> s.candidate().delta()).toList());
            List<Map<String, Object>> projected = WhatIf.compare(whatIf, delta, in.asOf(), in.region());
            timings.put("whatIf", (System.nanoTime() - t2) / 1_000_000);
            results.put(id, PlanDelta.of(plan));
            repo.finishPlan(id, "succeeded", write(PlanReport.of(plan, problem, projected, timings)), null);
            setProgress(id, "done", 100);
            log.info("plan {}: {} proposals, {} USD, {} candidates, timings {}", id, plan.steps().size(),
                    Math.round(plan.totalCostUsd()), problem.candidates().size(), timings);
        } catch (RuntimeException e) {
            log.error("plan {} failed", id, e);
            repo.finishPlan(id, "failed", null, e.getMessage());
            setProgress(id, "failed", 100);
        }
    }

    /** The shared fiber tree (minimum spanning tree over road or straight corridors) and its engine what-if. */
    private void runFiberTree(UUID id, PlanInputs in, CoverageModel live, CandidateOptions options, long t0) {
        setProgress(id, "road graph from the highways", 10);
        RoadGraph roads = RoadGraph.of(repo.highwayLines(live.geometryFactory()), ROAD_SNAP_TOLERANCE_M);
        long tRoads = System.nanoTime();
        setProgress(id, "spanning tree from the access fiber to the settlements without fixed broadband", 20);
        FiberTreePlanner.Result tree = FiberTreePlanner.plan(live, options, roads);
        long t1 = System.nanoTime();
        Map<String, Long> timings = new LinkedHashMap<>();
        timings.put("roadGraph", (tRoads - t0) / 1_000_000);
        timings.put("tree", (t1 - tRoads) / 1_000_000);
        setProgress(id, whatIfPhase(), 60);
        List<Map<String, Object>> projected = WhatIf.compare(whatIf, tree.delta(), in.asOf(), in.region());
        timings.put("whatIf", (System.nanoTime() - t1) / 1_000_000);
        results.put(id, PlanDelta.of(tree));
        repo.finishPlan(id, "succeeded", write(FiberTreeReport.of(tree, projected, timings)), null);
        setProgress(id, "done", 100);
        log.info("plan {} (fiber tree): {} links, {} km, {} USD, timings {}", id, tree.links().size(),
                Math.round(tree.totalRouteKm()), Math.round(tree.totalCostUsd()), timings);
    }

    /** The what-if phase; says so when the planning copy of the model must first follow a change (seconds). */
    private String whatIfPhase() {
        return whatIf.copyCurrent() ? "projecting indicators with the engine (what-if)"
                : "bringing the planning copy of the coverage model up to date (after a change; a new copy takes about"
                        + " 10 s nationally), then projecting indicators (what-if)";
    }

    private void setProgress(UUID id, String phase, int percent) {
        progress.put(id, Map.of("phase", phase, "percent", percent));
    }

    /** The plan document: status, progress, the request, and the result once it succeeded. */
    public Optional<Map<String, Object>> plan(UUID id) {
        return repo.plan(id).map(row -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", row.id().toString());
            out.put("status", row.status());
            out.put("progress", progress.getOrDefault(id, Map.of("phase", row.status(), "percent",
                    "succeeded".equals(row.status()) || "failed".equals(row.status()) ? 100 : 0)));
            out.put("createdAt", row.createdAt());
            out.put("finishedAt", row.finishedAt());
            out.put("request", read(row.request()));
            out.put("error", row.error());
            out.put("result", row.result() == null ? null : read(row.result()));
            return out;
        });
    }

    /** What a plan of this process adds to the network (for saving as a scenario), if still in memory. */
    Optional<PlanDelta> planDelta(UUID id) {
        return Optional.ofNullable(results.get(id));
    }

    LocalDate today() {
        return coverage.today();
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Object read(String s) {
        try {
            return json.readValue(s, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package uz.qamrov.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import uz.qamrov.QamrovApplication;
import uz.qamrov.engine.measure.CoverageFilter;
import uz.qamrov.engine.measure.CoverageModel;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.Site;
import uz.qamrov.engine.model.Technology;
import uz.qamrov.engine.model.Validity;
import uz.qamrov.engine.planning.CandidateGenerator;
import uz.qamrov.engine.planning.PlanningIndexes;
import uz.qamrov.engine.planning.CandidateOptions;
import uz.qamrov.engine.planning.FiberTreePlanner;
import uz.qamrov.engine.planning.BoundedExactSolver;
import uz.qamrov.engine.planning.Goal;
import uz.qamrov.engine.planning.Plan;
import uz.qamrov.engine.planning.PlanObjective;
import uz.qamrov.engine.planning.PlanOptimizer;
import uz.qamrov.engine.planning.PlanningProblem;
import uz.qamrov.planner.access.Caller;
import uz.qamrov.planner.access.Role;
import uz.qamrov.planner.coverage.CoverageService;
import uz.qamrov.planner.planning.PlanRequest;
import uz.qamrov.planner.planning.PlanningService;
import uz.qamrov.support.TestPostgis;

/**
 * Planning benchmark on a national dataset ({@code scripts/bench-planning.sh}):
 * <ol>
 * <li>"every settlement with mobile internet at minimum cost": candidates from the model (fine spacing, to reach
 * ≥ 100k candidates) + the lazy greedy, wall clock; baseline in the same run: one engine rebuild of the model;</li>
 * <li>the exact programme (ojAlgo) on the same goal restricted to one region, bounded ({@link BoundedExactSolver}:
 * wall clock {@code --exact-limit-s}, size guard {@code --exact-max-variables} / {@code --exact-max-constraints}, child
 * heap {@code --exact-heap-mb}): outcome, time and cost against the greedy's on that region;</li>
 * <li>a scenario what-if with 1,000 proposed sites: apply to a detached model, all indicators, revert;</li>
 * <li>the national fiber tree through the service (roads from the stored highways), against the engine's
 * straight-corridor tree on the same model.</li>
 * </ol>
 */
public final class PlanningBenchmark {

    public static void main(String[] args) throws Exception {
        List<String> a = Arrays.asList(args);
        Path geodata = Path.of(value(a, "--geodata", "geodata"));
        LocalDate asOf = LocalDate.parse(value(a, "--as-of", "2025-07-01"));
        double spacingKm = Double.parseDouble(value(a, "--site-spacing-km", "1"));
        double gridKm = Double.parseDouble(value(a, "--grid-km", "2"));
        String region = value(a, "--region", "UZ-SI");
        long exactLimitMs = Long.parseLong(value(a, "--exact-limit-s", "120")) * 1000;
        BoundedExactSolver.Limits exactLimits = BoundedExactSolver.Limits.of(exactLimitMs)
                .withSize(Integer.parseInt(value(a, "--exact-max-variables", "20000")),
                        Integer.parseInt(value(a, "--exact-max-constraints", "10000")))
                .withHeapMb(Integer.parseInt(value(a, "--exact-heap-mb", "2048")));
        String url = TestPostgis.newDatabase("bench");
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(QamrovApplication.class)
                .web(WebApplicationType.NONE).profiles("test").run(
                        "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                        "--spring.datasource.password=" + TestPostgis.cluster().password(), "--qamrov.geodata.dir=" + geodata,
                        "--qamrov.geodata.load-on-start=true", "--qamrov.coverage.compute-on-start=false",
                        "--logging.level.uz.qamrov=WARN")) {
            CoverageService coverage = ctx.getBean(CoverageService.class);
            long t0 = System.nanoTime();
            CoverageModel live = coverage.currentModel();
            double buildS = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "baseline: model load+build %.2f s (first)%n", buildS);
            for (int i = 0; i < 2; i++) {
                long t1 = System.nanoTime();
                CoverageModel copy = ctx.getBean(uz.qamrov.planner.coverage.DetachedCopies.class).copy().model();
                System.out.printf(Locale.ROOT, "detached copy %d: %.2f s, %d of %d footprints taken from the live model%n",
                        i, (System.nanoTime() - t1) / 1e9, copy.footprintsReused(), copy.cells().size());
            }

            // the generation's nearest-site/fiber index, built once and shared by every plan (before: once per plan)
            long n0 = System.nanoTime();
            PlanningIndexes shared = new PlanningIndexes(coverage.currentModelWithNearest().nearest(), null);
            System.out.printf(Locale.ROOT, "backhaul index (the coverage generation's nearest finder): %.2f s%n",
                    (System.nanoTime() - n0) / 1e9);

            CandidateOptions national = CandidateOptions.defaults(asOf).withSpacing(1, spacingKm, gridKm)
                    .withPopulatedGrid(Double.parseDouble(value(a, "--populated-grid-km", "0")),
                            Double.parseDouble(value(a, "--populated-radius-km", "3")));
            PlanObjective everySettlement = new PlanObjective.Targets(Map.of(Goal.SETTLEMENTS_MOBILE_INTERNET, 1.0));
            for (int run = 0; run < 2; run++) {
                long g0 = System.nanoTime();
                CandidateGenerator.Generated generated = CandidateGenerator.generateWithCensus(live, national, shared);
                PlanningProblem p = generated.problem();
                long g1 = System.nanoTime();
                Plan plan = PlanOptimizer.optimize(p, everySettlement);
                long g2 = System.nanoTime();
                System.out.printf(Locale.ROOT,
                        "national run %d: %d candidates, %d demands; candidates %.2f s + optimise %.2f s = %.2f s; "
                                + "%d proposals, %.1f M USD, settlements %.0f -> %.0f of %.0f (reachable %.0f), %d evaluations%n",
                        run, p.candidates().size(), p.demands().size(), (g1 - g0) / 1e9, (g2 - g1) / 1e9,
                        (g2 - g0) / 1e9, plan.steps().size(), plan.totalCostUsd() / 1e6,
                        plan.outcome(Goal.SETTLEMENTS_MOBILE_INTERNET).baseline(),
                        plan.outcome(Goal.SETTLEMENTS_MOBILE_INTERNET).planned(),
                        plan.outcome(Goal.SETTLEMENTS_MOBILE_INTERNET).total(),
                        plan.outcome(Goal.SETTLEMENTS_MOBILE_INTERNET).reachable(), plan.evaluations());
                System.out.printf(Locale.ROOT, "  generated %,d candidates by class: %s; phases (ms) %s%n",
                        generated.census().generated(), generated.census().byClass(), generated.census().phaseMs());
            }

            PlanningProblem regional = CandidateGenerator.generateWithCensus(live,
                    CandidateOptions.defaults(asOf).withScope(null, region, null), shared).problem();
            Plan greedy = PlanOptimizer.optimize(regional, everySettlement);
            long e0 = System.nanoTime();
            BoundedExactSolver.Answer exact = BoundedExactSolver.solve(regional, everySettlement, exactLimits);
            double exactS = (System.nanoTime() - e0) / 1e9;
            double exactCost = exact.picks().stream().mapToDouble(i -> regional.candidates().get(i).costUsd()).sum();
            System.out.printf(Locale.ROOT,
                    "region %s (default spacing): %d candidates, %d demands; greedy %.0f USD; exact %s %.0f USD in %.1f s "
                            + "(gap %.2f%%): %s%n",
                    region, regional.candidates().size(), regional.demands().size(), greedy.totalCostUsd(),
                    exact.outcome(), exactCost, exactS, 100 * (greedy.totalCostUsd() - exactCost) / exactCost,
                    exact.message());

            // what-if: 1,000 new 3-sector 4G sites spread over the settlements, on a detached model
            CoverageModel detached = ctx.getBean(uz.qamrov.planner.coverage.DetachedCopies.class).copy().model();
            var settlements = detached.settlements();
            List<Site> sites = new ArrayList<>();
            List<Cell> cells = new ArrayList<>();
            long id = -1;
            for (int k = 0; k < 1000; k++) {
                var s = settlements.get((int) ((long) k * settlements.size() / 1000));
                long siteId = id--;
                sites.add(new Site(siteId, "NEUTRAL_HOST", s.lon(), s.lat(), Validity.ALWAYS));
                for (double az : new double[] {0, 120, 240}) {
                    cells.add(new Cell(id--, siteId, "NEUTRAL_HOST", Technology.G4, 800, az, 120, 30, null, null, s.lon(),
                            s.lat(), Validity.ALWAYS));
                }
            }
            for (int run = 0; run < 4; run++) {
                long w0 = System.nanoTime();
                detached.applySiteChanges(List.of(), cells, List.of(), sites);
                var after = detached.indicators(asOf, CoverageFilter.ANY);
                long w1 = System.nanoTime();
                detached.applySiteChanges(cells.stream().map(Cell::id).toList(), List.of(),
                        sites.stream().map(Site::id).toList(), List.of());
                long w2 = System.nanoTime();
                System.out.printf(Locale.ROOT, "what-if %d: 1,000 sites applied + all indicators %.2f s, revert %.2f s; "
                        + "settlements mobile internet %.1f%%%n", run, (w1 - w0) / 1e9, (w2 - w1) / 1e9,
                        100 * after.national("settlements.mobile_internet.pct").orElseThrow().value());
            }

            // the national fiber tree through the service (road graph from the stored highways + tree + what-if),
            // against the engine's straight-corridor tree on the same model
            PlanningService planning = ctx.getBean(PlanningService.class);
            long f0 = System.nanoTime();
            UUID planId = planning.submit(new PlanRequest(null, null, null, null, null, null, null, null,
                    PlanRequest.FIBER_TREE), new Caller(0, "bench", Role.ADMIN, null));
            Map<String, Object> doc = org.awaitility.Awaitility.await("fiber tree plan").atMost(java.time.Duration.ofMinutes(30))
                    .pollInterval(java.time.Duration.ofMillis(200)).until(() -> planning.plan(planId).orElseThrow(),
                            d -> "succeeded".equals(d.get("status")) || "failed".equals(d.get("status")));
            double treeS = (System.nanoTime() - f0) / 1e9;
            @SuppressWarnings("unchecked")
            Map<String, Object> tree = (Map<String, Object>) doc.get("result");
            System.out.printf(Locale.ROOT, "fiber tree along roads (service, national): %s in %.2f s; %s links, "
                    + "%s route km of which %s along roads, %s USD; timings %s%n", doc.get("status"), treeS,
                    tree == null ? "-" : tree.get("proposalCount"), tree == null ? "-" : tree.get("totalRouteKm"),
                    tree == null ? "-" : tree.get("totalRoadKm"), tree == null ? "-" : tree.get("totalCostUsd"),
                    tree == null ? doc.get("error") : tree.get("timingsMs"));
            long s0 = System.nanoTime();
            FiberTreePlanner.Result straight = FiberTreePlanner.plan(live, CandidateOptions.defaults(asOf));
            System.out.printf(Locale.ROOT, "fiber tree, straight corridors only (engine, national): %.2f s; %d links, "
                    + "%.1f route km, %.0f USD%n", (System.nanoTime() - s0) / 1e9, straight.links().size(),
                    straight.totalRouteKm(), straight.totalCostUsd());

            // last, as it changes the live model: an upload of 10 re-tilted sites reaches it incrementally, and
            // planning's copy follows by the network's difference instead of being made anew
            var copies = ctx.getBean(uz.qamrov.planner.coverage.DetachedCopies.class);
            var jdbc = ctx.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
            var followed = copies.copy();
            for (int i = 0; i < 3; i++) {
                List<Long> ids = jdbc.queryForList("SELECT id FROM base_stations ORDER BY md5(id::text || ?) LIMIT 10",
                        Long.class, String.valueOf(i));
                jdbc.update("UPDATE cells SET azimuth_deg = mod(CAST(azimuth_deg AS numeric) + 30, 360)"
                        + " WHERE base_station_id = ANY(?) AND azimuth_deg IS NOT NULL", (Object) ids.toArray(Long[]::new));
                coverage.applyChange(new uz.qamrov.planner.coverage.NetworkChange(new java.util.HashSet<>(ids),
                        java.util.Set.of(), java.util.Set.of(), false), asOf);
                long t1 = System.nanoTime();
                followed = copies.refresh(followed);
                System.out.printf(Locale.ROOT, "copy brought to the next generation after 10 re-tilted sites %d: %.3f s (%s)%n",
                        i, (System.nanoTime() - t1) / 1e9, followed.how());
            }
        }
    }

    private static String value(List<String> args, String name, String fallback) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : fallback;
    }
}

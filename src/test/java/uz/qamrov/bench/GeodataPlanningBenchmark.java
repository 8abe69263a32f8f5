package uz.qamrov.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import uz.qamrov.engine.measure.CoverageFilter;
import uz.qamrov.engine.measure.CoverageModel;
import uz.qamrov.engine.measure.NearestFinder;
import uz.qamrov.engine.measure.IndicatorKeys;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.FiberNode;
import uz.qamrov.engine.model.FiberRoute;
import uz.qamrov.engine.model.Site;
import uz.qamrov.engine.planning.BoundedExactSolver;
import uz.qamrov.engine.planning.CandidateCensus;
import uz.qamrov.engine.planning.CandidateGenerator;
import uz.qamrov.engine.planning.CandidateOptions;
import uz.qamrov.engine.planning.Goal;
import uz.qamrov.engine.planning.NetworkDelta;
import uz.qamrov.engine.planning.Plan;
import uz.qamrov.engine.planning.PlanObjective;
import uz.qamrov.engine.planning.PlanOptimizer;
import uz.qamrov.engine.planning.PlanningIndexes;
import uz.qamrov.engine.planning.PlanningProblem;
import uz.qamrov.planner.terrain.DemFiles;
import uz.qamrov.geodata.calibration.GeodataInputs;

/**
 * "Every settlement with mobile internet at minimum cost" on the shipped {@code geodata/} as of a date (default
 * today, as the service plans), without a database ({@code scripts/bench-planning-geodata.sh}):
 * <ol>
 * <li>the files read into the engine's records exactly as the calibration reads them ({@link GeodataInputs}: the
 * service's loading rules and default radio settings, hard sectors) and the coverage model built — the baseline, not
 * part of the plan;</li>
 * <li>the national plan, {@code --runs} times: candidate generation by phase (engine evaluation, candidate rules,
 * reach and footprints, backhaul, fiber) with the candidates counted by class, then the lazy greedy; wall and process
 * CPU time, retained heap;</li>
 * <li>with {@code --dem <file>}: one more national plan with that DEM passed for the high-ground search only
 * ({@code PlanningIndexes#terrain}; the footprints stay the model's, here hard sectors without terrain): what the
 * search costs and how many high-ground alternatives it adds;</li>
 * <li>the plan's what-if: its additions applied to the model, every indicator, reverted;</li>
 * <li>the exact programme ({@link BoundedExactSolver}, child JVM) on the same options restricted to one region,
 * against the greedy on that region.</li>
 * </ol>
 */
public final class GeodataPlanningBenchmark {

    public static void main(String[] args) throws Exception {
        List<String> a = Arrays.asList(args);
        Path geodata = Path.of(value(a, "--geodata", "geodata"));
        LocalDate asOf = LocalDate.parse(value(a, "--as-of", LocalDate.now(ZoneOffset.UTC).toString()));
        double spacingKm = Double.parseDouble(value(a, "--site-spacing-km", "5"));
        double gridKm = Double.parseDouble(value(a, "--grid-km", "10"));
        double populatedGridKm = Double.parseDouble(value(a, "--populated-grid-km", "2"));
        double populatedRadiusKm = Double.parseDouble(value(a, "--populated-radius-km", "3"));
        int runs = Integer.parseInt(value(a, "--runs", "2"));
        String region = value(a, "--region", "UZ-SU");
        BoundedExactSolver.Limits limits = BoundedExactSolver.Limits.of(
                Long.parseLong(value(a, "--exact-limit-s", "120")) * 1000)
                .withHeapMb(Integer.parseInt(value(a, "--exact-heap-mb", "2048")));
        System.out.printf(Locale.ROOT, "as of %s; %d processors; max heap %d MB; load %s%n", asOf,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, load());

        long t0 = System.nanoTime();
        GeodataInputs in = GeodataInputs.read(geodata);
        long t1 = System.nanoTime();
        CoverageModel model = in.model();
        long t2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "baseline: files read %.2f s, model built %.2f s (%d sites, %d cells, %d settlements)%n",
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, in.sites().size(), in.cells().size(), in.settlements().size());

        // the backhaul's nearest-site/fiber index, built once for the model (what the service keeps per generation):
        // before, every plan built it inside "backhaul and prices"
        long n0 = System.nanoTime();
        PlanningIndexes shared = new PlanningIndexes(NearestFinder.of(model), null);
        System.out.printf(Locale.ROOT, "backhaul index (nearest site/fiber), once per model: %.2f s; load %s%n",
                (System.nanoTime() - n0) / 1e9, load());

        CandidateOptions national = CandidateOptions.defaults(asOf).withSpacing(1, spacingKm, gridKm)
                .withPopulatedGrid(populatedGridKm, populatedRadiusKm);
        PlanObjective everySettlement = new PlanObjective.Targets(Map.of(Goal.SETTLEMENTS_MOBILE_INTERNET, 1.0));
        Plan plan = null;
        for (int run = 0; run < runs; run++) {
            long heap0 = usedHeapMbAfterGc();
            long w0 = System.nanoTime();
            long c0 = cpuMs();
            CandidateGenerator.Generated g = CandidateGenerator.generateWithCensus(model, national, shared);
            long w1 = System.nanoTime();
            long c1 = cpuMs();
            plan = PlanOptimizer.optimize(g.problem(), everySettlement);
            long w2 = System.nanoTime();
            long c2 = cpuMs();
            PlanningProblem p = g.problem();
            CandidateCensus census = g.census();
            long retainedMb = usedHeapMbAfterGc() - heap0;
            System.out.printf(Locale.ROOT, "  (%d candidates held while measuring the heap)%n", p.candidates().size());
            System.out.printf(Locale.ROOT, "national run %d: generated %,d candidates (footprints built for %,d; %,d close "
                    + "a demand and go to the optimiser), %,d demands%n", run, census.generated(),
                    census.footprintsBuilt(), census.closing(), p.demands().size());
            census.byClass().forEach((k, v) -> System.out.printf(Locale.ROOT,
                    "  class %-28s generated %,9d  footprints built %,8d  closing %,7d%n", k, v.generated(),
                    v.footprintsBuilt(), v.closing()));
            census.phaseMs().forEach((k, v) -> System.out.printf(Locale.ROOT, "  phase %-28s %,8d ms%n", k, v));
            System.out.printf(Locale.ROOT,
                    "  candidates %.2f s (process CPU %.2f s) + greedy %.2f s (CPU %.2f s, %,d gain evaluations) = "
                            + "%.2f s wall; heap retained by the problem %d MB; load %s%n",
                    (w1 - w0) / 1e9, (c1 - c0) / 1e3, (w2 - w1) / 1e9, (c2 - c1) / 1e3, plan.evaluations(),
                    (w2 - w0) / 1e9, retainedMb, load());
            var s = plan.outcome(Goal.SETTLEMENTS_MOBILE_INTERNET);
            System.out.printf(Locale.ROOT, "  plan: %d proposals, %.2f M USD; settlements %.0f -> %.0f of %.0f "
                    + "(reachable %.0f); by type %s%n", plan.steps().size(), plan.totalCostUsd() / 1e6, s.baseline(),
                    s.planned(), s.total(), s.reachable(), byType(plan));
        }

        String demFile = value(a, "--dem", "");
        if (!demFile.isEmpty()) {
            long d0 = System.nanoTime();
            PlanningIndexes withDem = new PlanningIndexes(shared.nearest(), DemFiles.read(Path.of(demFile)));
            System.out.printf(Locale.ROOT, "DEM %s read in %.2f s: %d x %d cells of %.5f deg%n", demFile,
                    (System.nanoTime() - d0) / 1e9, withDem.terrain().cols(), withDem.terrain().rows(),
                    withDem.terrain().cellDeg());
            long w0 = System.nanoTime();
            CandidateGenerator.Generated g = CandidateGenerator.generateWithCensus(model, national, withDem);
            Plan hg = PlanOptimizer.optimize(g.problem(), everySettlement);
            long w1 = System.nanoTime();
            System.out.printf(Locale.ROOT, "national with high ground: generated %,d (footprints built %,d; %,d close a "
                    + "demand); plan %.2f s wall; load %s%n", g.census().generated(), g.census().footprintsBuilt(),
                    g.census().closing(), (w1 - w0) / 1e9, load());
            g.census().byClass().forEach((k, v) -> System.out.printf(Locale.ROOT,
                    "  class %-28s generated %,9d  footprints built %,8d  closing %,7d%n", k, v.generated(),
                    v.footprintsBuilt(), v.closing()));
            g.census().phaseMs().forEach((k, v) -> System.out.printf(Locale.ROOT, "  phase %-28s %,8d ms%n", k, v));
            System.out.printf(Locale.ROOT, "  plan: %d proposals, %.2f M USD, %d on high ground; by type %s%n",
                    hg.steps().size(), hg.totalCostUsd() / 1e6,
                    hg.steps().stream().filter(st -> st.candidate().ref().contains("-high:")).count(), byType(hg));
        }

        // what-if: the plan's additions applied to the model, every indicator, reverted
        NetworkDelta d = NetworkDelta.merge(plan.steps().stream().map(st -> st.candidate().delta()).toList());
        double before = model.indicators(asOf, CoverageFilter.ANY)
                .national(IndicatorKeys.SETTLEMENTS_MOBILE_INTERNET_PCT).orElseThrow().value();
        long w0 = System.nanoTime();
        model.applySiteChanges(List.of(), d.addedCells(), List.of(), d.addedSites());
        model.applyFiberChanges(List.of(), d.addedRoutes(), List.of(), d.addedNodes());
        double after = model.indicators(asOf, CoverageFilter.ANY)
                .national(IndicatorKeys.SETTLEMENTS_MOBILE_INTERNET_PCT).orElseThrow().value();
        long w1 = System.nanoTime();
        model.applySiteChanges(d.addedCells().stream().map(Cell::id).toList(), List.of(),
                d.addedSites().stream().map(Site::id).toList(), List.of());
        model.applyFiberChanges(d.addedRoutes().stream().map(FiberRoute::id).toList(), List.of(),
                d.addedNodes().stream().map(FiberNode::id).toList(), List.of());
        long w2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "what-if of the plan (%d sites, %d cells): apply + every indicator %.2f s, revert "
                + "%.2f s; settlements with mobile internet %.2f%% -> %.2f%% (engine)%n", d.addedSites().size(),
                d.addedCells().size(), (w1 - w0) / 1e9, (w2 - w1) / 1e9, 100 * before, 100 * after);

        // the exact programme on the same options restricted to one region
        CandidateOptions regional = national.withScope(null, region, null);
        long r0 = System.nanoTime();
        CandidateGenerator.Generated rg = CandidateGenerator.generateWithCensus(model, regional, shared);
        Plan greedy = PlanOptimizer.optimize(rg.problem(), everySettlement);
        long r1 = System.nanoTime();
        BoundedExactSolver.Answer exact = BoundedExactSolver.solve(rg.problem(), everySettlement, limits);
        long r2 = System.nanoTime();
        double exactCost = exact.picks().stream().mapToDouble(i -> rg.problem().candidates().get(i).costUsd()).sum();
        System.out.printf(Locale.ROOT, "region %s: generated %,d candidates, %,d close a demand, %,d demands "
                + "(%d variables, %d constraints); candidates + greedy %.2f s: %.0f USD, %d proposals, settlements "
                + "%.0f -> %.0f of %.0f%n", region, rg.census().generated(), rg.census().closing(),
                rg.problem().demands().size(), exact.variables(), exact.constraints(), (r1 - r0) / 1e9,
                greedy.totalCostUsd(), greedy.steps().size(), greedy.outcome(Goal.SETTLEMENTS_MOBILE_INTERNET).baseline(),
                greedy.outcome(Goal.SETTLEMENTS_MOBILE_INTERNET).planned(),
                greedy.outcome(Goal.SETTLEMENTS_MOBILE_INTERNET).total());
        System.out.printf(Locale.ROOT, "  exact: %s %.0f USD, %d picks, in %.2f s (child JVM included); greedy / exact "
                + "gap %.2f%%; %s%n", exact.outcome(), exactCost, exact.picks().size(), (r2 - r1) / 1e9,
                exactCost > 0 ? 100 * (greedy.totalCostUsd() - exactCost) / exactCost : 0.0, exact.message());
        System.out.printf(Locale.ROOT, "load at the end %s%n", load());
    }

    private static String byType(Plan plan) {
        Map<Object, Long> m = new java.util.TreeMap<>();
        plan.steps().forEach(s -> m.merge(s.candidate().type() + (s.candidate().ref().startsWith("new:")
                ? "(" + s.candidate().ref().split(":")[1] + ")" : ""), 1L, Long::sum));
        return m.toString();
    }

    private static long usedHeapMbAfterGc() {
        System.gc();
        Runtime r = Runtime.getRuntime();
        return (r.totalMemory() - r.freeMemory()) >> 20;
    }

    private static long cpuMs() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
    }

    private static String load() {
        double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return String.format(Locale.ROOT, "%.2f (1-min average)", l);
    }

    private static String value(List<String> args, String name, String fallback) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : fallback;
    }
}

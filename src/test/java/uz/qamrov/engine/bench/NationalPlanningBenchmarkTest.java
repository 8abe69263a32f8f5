package uz.qamrov.engine.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import uz.qamrov.engine.measure.CoverageFilter;
import uz.qamrov.engine.measure.CoverageModel;
import uz.qamrov.engine.measure.IndicatorKeys;
import uz.qamrov.engine.measure.Indicators;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.Settlement;
import uz.qamrov.engine.model.Site;
import uz.qamrov.engine.model.Technology;
import uz.qamrov.engine.model.Validity;
import uz.qamrov.engine.planning.CandidateGenerator;
import uz.qamrov.engine.planning.CandidateOptions;
import uz.qamrov.engine.planning.BoundedExactSolver;
import uz.qamrov.engine.planning.Goal;
import uz.qamrov.engine.planning.Plan;
import uz.qamrov.engine.planning.PlanObjective;
import uz.qamrov.engine.planning.PlanOptimizer;
import uz.qamrov.engine.planning.PlanningProblem;

/**
 * Planning timings on a synthetic country ({@link SyntheticNation}), not assertions (issue #13; docs/benchmarks.md):
 * <ol>
 * <li>a scenario's what-if for 1,000 proposed 3-sector 4G sites on the national-size network (87,000 sites): what
 * {@code WhatIfEngine.with} does — apply to the model, every indicator, restore;</li>
 * <li>"every settlement with mobile internet" at minimum cost on a sparser network (so that thousands of
 * settlements lack it), new sites every 0.5 km (the floor CandidateOptions allows) of uncovered goal road: candidates
 * + lazy greedy (the goal's ≥ 100k candidates need a larger road network than this country's: docs/benchmarks.md);</li>
 * <li>in the same run, the exact programme (ojAlgo) on the same instance restricted to one region, bounded by
 * {@link BoundedExactSolver} (a child JVM killed at the wall clock, a size guard, its own heap): outcome, time and
 * objective against the greedy's.</li>
 * </ol>
 * Each step prints wall time, the calling thread's CPU time and the process CPU time (all threads: the engine
 * parallelises footprints), because the machine is shared. Run:
 * {@code mvn -o test -Dtest=NationalPlanningBenchmarkTest -Dqamrov.bench=true} (options {@code -Dbench.sites=},
 * {@code -Dbench.spacingKm=}, {@code -Dbench.gridKm=}, {@code -Dbench.region=}, {@code -Dbench.exactLimitS=},
 * {@code -Dbench.exactMaxVariables=} (20,000), {@code -Dbench.exactMaxConstraints=} (10,000),
 * {@code -Dbench.exactHeapMb=} (2048), {@code -Dbench.runs=}, {@code -Dbench.highways=}: 60 by default; 400 make the ≥ 100k-candidate instance).
 */
@EnabledIfSystemProperty(named = "qamrov.bench", matches = "true")
class NationalPlanningBenchmarkTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);
    static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Wall, thread CPU and process CPU of one step, in ms. */
    record Clock(long wall, long thread, long process) {
        static Clock now() {
            return new Clock(System.nanoTime() / 1_000_000, THREADS.getCurrentThreadCpuTime() / 1_000_000,
                    NationalRecomputeBenchmarkTest.cpuMs());
        }

        String since(Clock start) {
            return String.format(Locale.ROOT, "wall %,d ms, thread CPU %,d ms, process CPU %,d ms", wall - start.wall,
                    thread - start.thread, process - start.process);
        }
    }

    @Test
    void whatIfOfAThousandSites() {
        CoverageModel model = SyntheticNation.generate(7, 87_000).build();
        List<Settlement> settlements = model.settlements();
        List<Site> sites = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        long id = -1;
        for (int k = 0; k < 1000; k++) {
            Settlement s = settlements.get((int) ((long) k * settlements.size() / 1000));
            long siteId = id--;
            sites.add(new Site(siteId, "NEUTRAL_HOST", s.lon() + 0.01, s.lat(), Validity.ALWAYS));
            for (double az : new double[] {0, 120, 240}) {
                cells.add(new Cell(id--, siteId, "NEUTRAL_HOST", Technology.G4, 800, az, 120, 30, null, null,
                        s.lon() + 0.01, s.lat(), Validity.ALWAYS));
            }
        }
        Indicators base = model.indicators(AS_OF, CoverageFilter.ANY);
        System.out.printf(Locale.ROOT, "what-if baseline: settlements with mobile internet %.2f%%%n",
                100 * base.national(IndicatorKeys.SETTLEMENTS_MOBILE_INTERNET_PCT).orElseThrow().value());
        for (int run = 0; run < Integer.getInteger("bench.runs", 3); run++) {
            Clock c0 = Clock.now();
            model.applySiteChanges(List.of(), cells, List.of(), sites);
            Indicators after = model.indicators(AS_OF, CoverageFilter.ANY);
            Clock c1 = Clock.now();
            model.applySiteChanges(cells.stream().map(Cell::id).toList(), List.of(),
                    sites.stream().map(Site::id).toList(), List.of());
            Clock c2 = Clock.now();
            System.out.printf(Locale.ROOT, "what-if %d: 1,000 sites applied + every indicator: %s; restore: %s; "
                    + "settlements with mobile internet %.2f%%%n", run, c1.since(c0), c2.since(c1),
                    100 * after.national(IndicatorKeys.SETTLEMENTS_MOBILE_INTERNET_PCT).orElseThrow().value());
        }
    }

    @Test
    void nationalMinimumCostPlanAndTheExactProgrammeOnOneRegion() {
        int siteCount = Integer.getInteger("bench.sites", 6_000);
        double spacingKm = Double.parseDouble(System.getProperty("bench.spacingKm", "0.5"));
        double gridKm = Double.parseDouble(System.getProperty("bench.gridKm", "2"));
        String region = System.getProperty("bench.region", "R3_0");
        long exactLimitMs = Long.getLong("bench.exactLimitS", 120) * 1000;
        BoundedExactSolver.Limits exactLimits = BoundedExactSolver.Limits.of(exactLimitMs)
                .withSize(Integer.getInteger("bench.exactMaxVariables", 20_000),
                        Integer.getInteger("bench.exactMaxConstraints", 10_000))
                .withHeapMb(Integer.getInteger("bench.exactHeapMb", 2048));
        Clock b0 = Clock.now();
        CoverageModel model = SyntheticNation.generate(7, siteCount, Integer.getInteger("bench.highways", 60)).build();
        System.out.printf(Locale.ROOT, "sparse network: %,d sites, %,d cells; model build %s%n", model.sites().size(),
                model.cells().size(), Clock.now().since(b0));
        PlanObjective every = new PlanObjective.Targets(Map.of(Goal.SETTLEMENTS_MOBILE_INTERNET, 1.0));
        CandidateOptions national = CandidateOptions.defaults(AS_OF).withSpacing(1, spacingKm, gridKm);
        for (int run = 0; run < Integer.getInteger("bench.runs", 2); run++) {
            Clock c0 = Clock.now();
            PlanningProblem p = CandidateGenerator.generate(model, national);
            Clock c1 = Clock.now();
            Plan plan = PlanOptimizer.optimize(p, every);
            Clock c2 = Clock.now();
            var s = plan.outcome(Goal.SETTLEMENTS_MOBILE_INTERNET);
            System.out.printf(Locale.ROOT, "national run %d: %,d candidates, %,d demands%n  candidates: %s%n"
                    + "  optimise:   %s (%,d gain evaluations)%n  total:      %s%n  plan: %,d proposals, %.2f M USD; "
                    + "settlements with mobile internet %.0f -> %.0f of %.0f (reachable %.0f)%n", run,
                    p.candidates().size(), p.demands().size(), c1.since(c0), c2.since(c1), plan.evaluations(),
                    c2.since(c0), plan.steps().size(), plan.totalCostUsd() / 1e6, s.baseline(), s.planned(), s.total(),
                    s.reachable());
        }

        CandidateOptions regional = national.withScope(null, region, null);
        PlanningProblem rp = CandidateGenerator.generate(model, regional);
        Clock g0 = Clock.now();
        Plan greedy = PlanOptimizer.optimize(rp, every);
        Clock g1 = Clock.now();
        BoundedExactSolver.Answer exact = BoundedExactSolver.solve(rp, every, exactLimits);
        Clock g2 = Clock.now();
        double exactCost = exact.picks().stream().mapToDouble(i -> rp.candidates().get(i).costUsd()).sum();
        System.out.printf(Locale.ROOT, "region %s (same options): %,d candidates, %,d demands%n"
                + "  greedy: %.0f USD, %d proposals, %s%n  exact:  %s, %.0f USD, %d picks, %s (limit %d s; %,d variables, "
                + "%,d constraints, %,d non-zeros)%n    %s%n"
                + "  greedy / exact cost: %.4f%n", region, rp.candidates().size(), rp.demands().size(),
                greedy.totalCostUsd(), greedy.steps().size(), g1.since(g0), exact.outcome(), exactCost,
                exact.picks().size(), g2.since(g1), exactLimitMs / 1000, exact.variables(), exact.constraints(),
                exact.nonZeros(), exact.message(),
                exactCost > 0 ? greedy.totalCostUsd() / exactCost : Double.NaN);
    }
}

package uz.qamrov.engine.planning;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random "regional-size" planning instances on a 100 × 100 km plane: settlements with populations, 1 km pieces of a
 * highway across the region and of a railway, settlements without fixed broadband; candidate new sites (random points
 * and settlement centres, 4–10 km reach, 60–150k USD plus a backhaul of 0–60k), 4G upgrades (30k, 8 km) and fiber
 * extensions (12k USD per km of distance to a cable along x = 0, plus 15k for a cabinet).
 */
final class RandomInstances {

    record Instance(PlanningProblem problem, double totalCost) {
    }

    private RandomInstances() {
    }

    static Instance regional(Random rnd, int candidates, int settlements) {
        List<Demand> demands = new ArrayList<>();
        List<double[]> pos = new ArrayList<>();
        for (int i = 0; i < settlements; i++) {
            double x = rnd.nextDouble() * 100;
            double y = rnd.nextDouble() * 100;
            int pop = 200 + (int) Math.round(Math.exp(rnd.nextGaussian() * 1.0 + 6.5));
            demands.add(Demand.settlement("s" + i, "S" + i, x, y, "R", pop));
            pos.add(new double[] {x, y});
        }
        for (int k = 0; k < 100; k++) {
            demands.add(Demand.of("h" + k, "H km " + k, k + 0.5, 50, "R", Goal.HIGHWAYS_4G_KM, 1));
            pos.add(new double[] {k + 0.5, 50});
        }
        for (int k = 0; k < 60; k++) {
            demands.add(Demand.of("r" + k, "R km " + k, 20 + k, 20 + k * 0.5, "R", Goal.RAILWAY_TSB_4G_KM, 1));
            pos.add(new double[] {20 + k, 20 + k * 0.5});
        }
        int fbFirst = demands.size();
        int fbCount = settlements / 4;
        for (int i = 0; i < fbCount; i++) {
            double[] s = pos.get(i);
            demands.add(Demand.of("f" + i, "F" + i, s[0], s[1], "R", Goal.HOUSEHOLDS_FIXED_BROADBAND,
                    20 + rnd.nextInt(400)));
            pos.add(s);
        }
        List<Candidate> cands = new ArrayList<>();
        double total = 0;
        for (int c = 0; c < candidates; c++) {
            int kind = rnd.nextInt(10);
            double x;
            double y;
            double reachKm;
            double cost;
            CandidateType type;
            if (kind < 6) {
                double[] at = rnd.nextBoolean() ? pos.get(rnd.nextInt(settlements)) : new double[] {rnd.nextDouble() * 100,
                        rnd.nextDouble() * 100};
                x = at[0];
                y = at[1];
                reachKm = 4 + rnd.nextDouble() * 6;
                cost = 60_000 + rnd.nextDouble() * 90_000 + rnd.nextDouble() * 60_000;
                type = CandidateType.NEW_SITE;
            } else if (kind < 8) {
                x = rnd.nextDouble() * 100;
                y = rnd.nextDouble() * 100;
                reachKm = 8;
                cost = 30_000;
                type = CandidateType.UPGRADE_TO_4G;
            } else {
                int f = rnd.nextInt(fbCount);
                double[] at = pos.get(fbFirst + f);
                x = at[0];
                y = at[1];
                reachKm = 2;
                cost = 15_000 + 12_000 * 1.3 * at[0];
                type = CandidateType.FIBER_EXTENSION;
            }
            List<Integer> cov = new ArrayList<>();
            for (int e = 0; e < demands.size(); e++) {
                boolean fixed = demands.get(e).amount(Goal.HOUSEHOLDS_FIXED_BROADBAND) > 0;
                if (fixed != (type == CandidateType.FIBER_EXTENSION)) {
                    continue;
                }
                double[] q = pos.get(e);
                if (Math.hypot(q[0] - x, q[1] - y) <= reachKm) {
                    cov.add(e);
                }
            }
            cands.add(new Candidate("c" + c, type, "C" + c, x, y, "R", cost, null,
                    cov.stream().mapToInt(Integer::intValue).toArray(), null));
            total += cost;
        }
        Map<Goal, Double> totals = new EnumMap<>(Goal.class);
        Map<Goal, Double> base = new EnumMap<>(Goal.class);
        double pop = demands.stream().mapToDouble(d -> d.amount(Goal.POPULATION_MOBILE_INTERNET)).sum();
        double hh = demands.stream().mapToDouble(d -> d.amount(Goal.HOUSEHOLDS_FIXED_BROADBAND)).sum();
        // the uncovered demands are a third to a half of each goal's total; the rest is served today
        totals.put(Goal.SETTLEMENTS_MOBILE_INTERNET, settlements * 2.0);
        base.put(Goal.SETTLEMENTS_MOBILE_INTERNET, settlements * 1.0);
        totals.put(Goal.POPULATION_MOBILE_INTERNET, pop * 3);
        base.put(Goal.POPULATION_MOBILE_INTERNET, pop * 2);
        totals.put(Goal.HIGHWAYS_4G_KM, 250.0);
        base.put(Goal.HIGHWAYS_4G_KM, 150.0);
        totals.put(Goal.RAILWAY_TSB_4G_KM, 120.0);
        base.put(Goal.RAILWAY_TSB_4G_KM, 60.0);
        totals.put(Goal.HOUSEHOLDS_FIXED_BROADBAND, hh * 2);
        base.put(Goal.HOUSEHOLDS_FIXED_BROADBAND, hh);
        return new Instance(new PlanningProblem(demands, cands, totals, base, Map.of()), total);
    }

    /** Objective value of a set of candidate indices, computed from scratch. */
    static double value(PlanningProblem p, List<Integer> picks) {
        boolean[] covered = new boolean[p.demands().size()];
        for (int i : picks) {
            for (int e : p.candidates().get(i).covers()) {
                covered[e] = true;
            }
        }
        double v = 0;
        for (int e = 0; e < covered.length; e++) {
            if (covered[e]) {
                for (Goal g : Goal.values()) {
                    v += p.unitValue(g) * p.demands().get(e).amount(g);
                }
            }
        }
        return v;
    }
}

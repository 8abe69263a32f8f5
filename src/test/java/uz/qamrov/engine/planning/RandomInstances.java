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

    /**
     * The instance with exclusive alternatives added, like the generator's: each 4G upgrade becomes a site with a
     * sector alternative (15,000 USD, the demands within 10 km in a random 120° window) and the two together (the
     * union, at the sum), the three in one group {@code site:<ref>}; each new site gets a high-ground alternative in
     * its group {@code place:<ref>} (up to 1.5 km away, same cost, 1–3 km more reach).
     */
    static Instance withAlternatives(Instance in, Random rnd) {
        PlanningProblem p = in.problem();
        List<Candidate> out = new ArrayList<>();
        double total = in.totalCost();
        for (Candidate c : p.candidates()) {
            if (c.type() == CandidateType.UPGRADE_TO_4G) {
                String g = "site:" + c.ref();
                out.add(regroup(c, g));
                double from = rnd.nextDouble() * 360;
                List<Integer> sector = new ArrayList<>();
                for (int e = 0; e < p.demands().size(); e++) {
                    Demand d = p.demands().get(e);
                    double dx = d.lon() - c.lon();
                    double dy = d.lat() - c.lat();
                    double bearing = (Math.toDegrees(Math.atan2(dx, dy)) + 360 - from) % 360;
                    if (d.amount(Goal.HOUSEHOLDS_FIXED_BROADBAND) == 0 && Math.hypot(dx, dy) <= 10 && bearing < 120) {
                        sector.add(e);
                    }
                }
                java.util.TreeSet<Integer> both = new java.util.TreeSet<>(sector);
                for (int e : c.covers()) {
                    both.add(e);
                }
                out.add(new Candidate(c.ref() + "-sector", CandidateType.ADD_SECTOR, c.label(), c.lon(), c.lat(), "R",
                        15_000, null, sector.stream().mapToInt(Integer::intValue).toArray(), null, g));
                out.add(new Candidate(c.ref() + "-both", CandidateType.UPGRADE_TO_5G_WITH_SECTOR, c.label(), c.lon(),
                        c.lat(), "R", c.costUsd() + 15_000, null, both.stream().mapToInt(Integer::intValue).toArray(),
                        null, g));
                total += 15_000 + c.costUsd() + 15_000;
            } else if (c.type() == CandidateType.NEW_SITE) {
                String g = "place:" + c.ref();
                out.add(regroup(c, g));
                double a = rnd.nextDouble() * 2 * Math.PI;
                double r = rnd.nextDouble() * 1.5;
                double x = c.lon() + r * Math.sin(a);
                double y = c.lat() + r * Math.cos(a);
                double reach = 4 + rnd.nextDouble() * 6 + 1 + rnd.nextDouble() * 2;
                List<Integer> cov = new ArrayList<>();
                for (int e = 0; e < p.demands().size(); e++) {
                    Demand d = p.demands().get(e);
                    if (d.amount(Goal.HOUSEHOLDS_FIXED_BROADBAND) == 0 && Math.hypot(d.lon() - x, d.lat() - y) <= reach) {
                        cov.add(e);
                    }
                }
                out.add(new Candidate(c.ref() + "-high", CandidateType.NEW_SITE, c.label(), x, y, "R", c.costUsd(), null,
                        cov.stream().mapToInt(Integer::intValue).toArray(), null, g));
                total += c.costUsd();
            } else {
                out.add(c);
            }
        }
        return new Instance(new PlanningProblem(p.demands(), out, p.totals(), p.baseline(), p.weights()), total);
    }

    private static Candidate regroup(Candidate c, String group) {
        return new Candidate(c.ref(), c.type(), c.label(), c.lon(), c.lat(), c.regionCode(), c.costUsd(), c.backhaul(),
                c.covers(), c.delta(), group);
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

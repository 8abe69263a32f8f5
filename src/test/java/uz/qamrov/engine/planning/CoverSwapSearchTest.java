package uz.qamrov.engine.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static uz.qamrov.engine.planning.PlanOptimizerTest.cand;
import static uz.qamrov.engine.planning.PlanOptimizerTest.only;
import static uz.qamrov.engine.planning.PlanOptimizerTest.settlement;
import static uz.qamrov.engine.planning.PlanOptimizerTest.settlementsOnly;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The swap search after the targets greedy, on an instance solved on paper. */
class CoverSwapSearchTest {

    /**
     * Six uncovered settlements s0..s5, target 100%.
     * <pre>
     *   x  10 USD  s0 s1 s2 s3        ratio 4/10 = 0.400  (greedy's 1st pick)
     *   w  10.5    s0 s1 s2 s3              0.381
     *   z  16      s0 s1 s2 s3 s4 s5        0.375  → after x: 2/16 = 0.125
     *   y   7                  s4 s5        0.286  (greedy's 2nd pick)
     *   v   7.5                s4 s5        0.267
     * </pre>
     * Greedy: x then y = 17 USD; nothing is redundant. Drop-and-refill does not help: without x the refill takes w
     * (17.5), without y it takes v (17.5). The optimum is z alone, 16 USD (every cover needs s0 and s4: x or w or z,
     * and y or v or z; any pair costs ≥ 17). The 2-for-1 move z for x + y reaches it.
     */
    @Test
    void twoForOneReplacesTheGreedysTwoPicksByTheCheaperSingleCandidate() {
        List<Demand> d = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            d.add(settlement(i));
        }
        List<Candidate> cands = List.of(cand("x", 10, 0, 1, 2, 3), cand("w", 10.5, 0, 1, 2, 3),
                cand("z", 16, 0, 1, 2, 3, 4, 5), cand("y", 7, 4, 5), cand("v", 7.5, 4, 5));
        var p = new PlanningProblem(d, cands, only(Goal.SETTLEMENTS_MOBILE_INTERNET, 6.0), only(Goal.SETTLEMENTS_MOBILE_INTERNET, 0.0),
                settlementsOnly());
        double[] need0 = new double[Goal.values().length];
        need0[Goal.SETTLEMENTS_MOBILE_INTERNET.ordinal()] = 6;

        assertThat(CoverSwapSearch.improve(p, new ExclusiveGroups(cands), need0, List.of(0, 3))).containsExactly(2);

        Plan plan = PlanOptimizer.optimize(p, new PlanObjective.Targets(only(Goal.SETTLEMENTS_MOBILE_INTERNET, 1.0)));
        assertThat(plan.steps()).extracting(s -> s.candidate().ref()).containsExactly("z");
        assertThat(plan.totalCostUsd()).isEqualTo(16);
        assertThat(plan.targetsMet()).isTrue();
    }

    /**
     * The same with z in an exclusive group with a pick that must stay (g: 1 USD, s6): z may not enter while g is
     * built, and dropping g would lose s6, so the plan stays x + y + g.
     */
    @Test
    void anEnteringCandidateRespectsItsExclusiveGroup() {
        List<Demand> d = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            d.add(settlement(i));
        }
        Candidate z = new Candidate("z", CandidateType.NEW_SITE, "z", 69, 41, "UZ-TO", 16, null,
                new int[] {0, 1, 2, 3, 4, 5}, null, "site:1");
        Candidate g = new Candidate("g", CandidateType.NEW_SITE, "g", 69, 41, "UZ-TO", 1, null, new int[] {6}, null,
                "site:1");
        List<Candidate> cands = List.of(cand("x", 10, 0, 1, 2, 3), z, cand("y", 7, 4, 5), g);
        var p = new PlanningProblem(d, cands, only(Goal.SETTLEMENTS_MOBILE_INTERNET, 7.0), only(Goal.SETTLEMENTS_MOBILE_INTERNET, 0.0),
                settlementsOnly());
        double[] need0 = new double[Goal.values().length];
        need0[Goal.SETTLEMENTS_MOBILE_INTERNET.ordinal()] = 7;

        assertThat(CoverSwapSearch.improve(p, new ExclusiveGroups(cands), need0, List.of(0, 2, 3)))
                .containsExactly(0, 2, 3);
    }
}

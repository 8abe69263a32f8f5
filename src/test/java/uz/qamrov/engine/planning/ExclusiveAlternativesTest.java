package uz.qamrov.engine.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static uz.qamrov.engine.planning.PlanOptimizerTest.only;
import static uz.qamrov.engine.planning.PlanOptimizerTest.settlement;
import static uz.qamrov.engine.planning.PlanOptimizerTest.settlementsOnly;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Alternatives of one existing site (its 5G upgrade, its added sector, the two together) are exclusive: on paper,
 * where the greedy used to buy two of them.
 *
 * <pre>
 * site 7 (4G, one side open), 10 settlements in scope, 7 served today; s0, s1, s2 without mobile internet
 *   5G upgrade          45,000 USD   reaches s0 (3,500 MHz past the 4G edge)
 *   added 4G sector     15,000 USD   reaches s1 (into the open side)
 *   5G + sector         60,000 USD   reaches s0, s1 and s2 (s2: only the 5G beside the new sector)
 * </pre>
 */
class ExclusiveAlternativesTest {

    private static final String SITE = "site:7";

    private static Candidate alt(String ref, CandidateType type, double cost, String group, int... covers) {
        return new Candidate(ref, type, ref, 69, 41, "UZ-TO", cost, null, covers, null, group);
    }

    private static PlanningProblem problem(List<Candidate> cands) {
        return new PlanningProblem(List.of(settlement(0), settlement(1), settlement(2)), cands,
                only(Goal.SETTLEMENTS_MOBILE_INTERNET, 10.0), only(Goal.SETTLEMENTS_MOBILE_INTERNET, 7.0),
                settlementsOnly());
    }

    private static List<Candidate> siteSeven(String group) {
        return List.of(alt("upgrade5g", CandidateType.UPGRADE_TO_5G, 45_000, group, 0),
                alt("sector", CandidateType.ADD_SECTOR, 15_000, group, 1),
                alt("upgrade5g+sector", CandidateType.UPGRADE_TO_5G_WITH_SECTOR, 60_000, group, 0, 1, 2));
    }

    private static final PlanObjective EVERY_SETTLEMENT =
            new PlanObjective.Targets(Map.of(Goal.SETTLEMENTS_MOBILE_INTERNET, 1.0));

    @Test
    void beforeTheGroupTheGreedyBoughtTheUpgradeAndTheSectorOfOneSite() {
        // what the generator used to make: the upgrade and the sector only, independent. Target every settlement:
        // the sector (1 per 15,000) then the upgrade (1 per 45,000): two works on site 7, 60,000 USD, s2 out of reach
        Plan plan = PlanOptimizer.optimize(problem(siteSeven(null).subList(0, 2)), EVERY_SETTLEMENT);
        assertThat(plan.steps()).extracting(s -> s.candidate().ref()).containsExactly("sector", "upgrade5g");
        assertThat(plan.totalCostUsd()).isEqualTo(60_000);
        assertThat(plan.outcome(Goal.SETTLEMENTS_MOBILE_INTERNET).planned()).isEqualTo(9);
    }

    @Test
    void theGreedyReplacesTheSectorByTheCombinationAtTheDifferenceInCost() {
        // grouped: the sector first (1 per 15,000); then the upgrade is out (it does not cover s1) and the
        // combination replaces the sector for 45,000 more (s0 and s2: 2 per 45,000): one work, 60,000 USD, 10 of 10
        PlanningProblem p = problem(siteSeven(SITE));
        Plan plan = PlanOptimizer.optimize(p, EVERY_SETTLEMENT);
        assertThat(plan.steps()).extracting(s -> s.candidate().ref()).containsExactly("upgrade5g+sector");
        assertThat(plan.totalCostUsd()).isEqualTo(60_000);
        assertThat(plan.outcome(Goal.SETTLEMENTS_MOBILE_INTERNET).planned()).isEqualTo(10);
        // the exact programme (Σ x ≤ 1 for the site) agrees
        ExactPlanSolver.Solution exact = ExactPlanSolver.solve(p, EVERY_SETTLEMENT);
        assertThat(exact.picks()).containsExactly(2);
        assertThat(exact.objective()).isEqualTo(60_000.0);
    }

    @Test
    void withABudgetTheReplacedSectorIsNotPaidTwice() {
        // budget 75,000. Independent: the sector (15,000), then the combination (60,000): 75,000 spent, the sector
        // bought twice over, until the respend drops the sector (the combination closes all it closes) and finds
        // nothing to spend its 15,000 on: 60,000. Grouped: the sector, then the combination in its place: 60,000 for
        // the same 3 settlements, without the detour
        Plan independent = PlanOptimizer.optimize(problem(siteSeven(null)), new PlanObjective.Budget(75_000));
        assertThat(independent.steps()).extracting(s -> s.candidate().ref()).containsExactly("upgrade5g+sector");
        assertThat(independent.totalCostUsd()).isEqualTo(60_000);

        PlanningProblem p = problem(siteSeven(SITE));
        Plan grouped = PlanOptimizer.optimize(p, new PlanObjective.Budget(75_000));
        assertThat(grouped.steps()).extracting(s -> s.candidate().ref()).containsExactly("upgrade5g+sector");
        assertThat(grouped.totalCostUsd()).isEqualTo(60_000);
        assertThat(grouped.outcome(Goal.SETTLEMENTS_MOBILE_INTERNET).planned()).isEqualTo(10);
        assertThat(grouped.objectiveValue()).isEqualTo(independent.objectiveValue());
        ExactPlanSolver.Solution exact = ExactPlanSolver.solve(p, new PlanObjective.Budget(75_000));
        assertThat(exact.objective()).isEqualTo(grouped.objectiveValue(), org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void alternativesThatDoNotContainEachOtherExcludeEachOther() {
        // two alternatives of one place, 10 USD each, each reaching its own settlement: only one is built (the first,
        // ties by order), the other settlement stays open; the exact programme also builds one
        PlanningProblem p = problem(List.of(alt("a", CandidateType.NEW_SITE, 10, "place:1", 0),
                alt("b", CandidateType.NEW_SITE, 10, "place:1", 1)));
        Plan plan = PlanOptimizer.optimize(p, EVERY_SETTLEMENT);
        assertThat(plan.steps()).extracting(s -> s.candidate().ref()).containsExactly("a");
        assertThat(plan.outcome(Goal.SETTLEMENTS_MOBILE_INTERNET).planned()).isEqualTo(8);
        assertThat(plan.shortfalls()).hasSize(1);
        ExactPlanSolver.Solution exact = ExactPlanSolver.solve(p, new PlanObjective.Budget(100));
        assertThat(exact.picks()).hasSize(1);
    }
}

package uz.qamrov.engine.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The exact programme's bounds hold: a too-large instance is refused at once, a too-slow one is stopped at the wall
 * clock (ojAlgo's own limit switched off, so only the hard bound can end it), a small one comes back from the child
 * JVM with the in-process optimum, and a child that runs out of its heap is reported as such.
 */
class BoundedExactSolverTest {

    /** 40 candidates, 120 settlements (+ 100 highway, 60 rail, 30 fixed-broadband demands): 350 variables. */
    static PlanningProblem small(long seed) {
        return RandomInstances.regional(new Random(seed), 40, 120).problem();
    }

    static final PlanObjective TARGETS = new PlanObjective.Targets(Map.of(Goal.SETTLEMENTS_MOBILE_INTERNET, 0.9,
            Goal.HIGHWAYS_4G_KM, 0.9));

    @Test
    void anInstanceAboveTheSizeGuardIsRefusedWithItsNumbers() {
        long t0 = System.nanoTime();
        BoundedExactSolver.Answer a = BoundedExactSolver.solve(small(1), TARGETS,
                BoundedExactSolver.Limits.of(60_000).withSize(100, 10_000));
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(1.0);
        assertThat(a.outcome()).isEqualTo(BoundedExactSolver.Outcome.REFUSED_TOO_LARGE);
        assertThat(a.variables()).isGreaterThan(100);
        assertThat(a.message()).contains("refused", "exceed the limits of 100 variables");
        assertThat(a.picks()).isEmpty();
        assertThat(a.objective()).isNaN();
    }

    @Test
    void aTooSlowInstanceIsStoppedAtTheWallClock() {
        // 600 candidates on 2,000 settlements under a budget: far beyond what branch and bound proves in 3 s
        PlanningProblem big = RandomInstances.regional(new Random(7), 600, 2_000).problem();
        double total = big.candidates().stream().mapToDouble(Candidate::costUsd).sum();
        long t0 = System.nanoTime();
        BoundedExactSolver.Answer a = BoundedExactSolver.solve(big, new PlanObjective.Budget(0.15 * total),
                BoundedExactSolver.Limits.of(3_000).withSoftMs(0));
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "too slow: %s after %.2f s (%,d variables, %,d non-zeros): %s%n",
                a.outcome(), seconds, a.variables(), a.nonZeros(), a.message());
        assertThat(a.outcome()).as(a.message()).isEqualTo(BoundedExactSolver.Outcome.NOT_PROVEN_IN_TIME);
        assertThat(a.message()).startsWith("not proven within 3 s");
        // 3 s plus killing and reaping the child; a thread-based limit could not promise this
        assertThat(seconds).isLessThan(6.0);
        assertThat(a.picks()).isEmpty();
    }

    @Test
    void aSmallInstanceComesBackFromTheChildWithTheInProcessOptimum() {
        PlanningProblem p = small(1001);
        ExactPlanSolver.Solution inProcess = ExactPlanSolver.solve(p, TARGETS);
        BoundedExactSolver.Answer a = BoundedExactSolver.solve(p, TARGETS, BoundedExactSolver.Limits.of(120_000));
        assertThat(a.outcome()).as(a.message()).isEqualTo(BoundedExactSolver.Outcome.OPTIMAL);
        assertThat(a.objective()).isCloseTo(inProcess.objective(), within(1e-6));
        double cost = a.picks().stream().mapToDouble(i -> p.candidates().get(i).costUsd()).sum();
        assertThat(cost).isCloseTo(inProcess.objective(), within(1e-6));
        assertThat(a.message()).startsWith("proven optimal");
    }

    @Test
    void aChildThatRunsOutOfItsHeapIsReportedNotFatal() {
        PlanningProblem big = RandomInstances.regional(new Random(7), 600, 2_000).problem();
        BoundedExactSolver.Answer a = BoundedExactSolver.solve(big, TARGETS,
                BoundedExactSolver.Limits.of(60_000).withHeapMb(8));
        assertThat(a.outcome()).as(a.message()).isEqualTo(BoundedExactSolver.Outcome.OUT_OF_MEMORY);
        assertThat(a.message()).contains("ran out of its 8 MB heap");
    }
}

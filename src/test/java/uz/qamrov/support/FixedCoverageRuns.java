package uz.qamrov.support;

import java.time.LocalDate;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import uz.qamrov.planner.coverage.CoverageRuns;
import uz.qamrov.planner.coverage.RunRef;

/**
 * A stand-in for the coverage engine in API tests: every as-of date is answered by run 1, which the fixture
 * ({@code fixtures/api-fixture.sql}) inserted with known results.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FixedCoverageRuns {

    public static final long RUN_ID = 1;

    /** When ≥ 0: run 1 is answered as a stale run of this generation (a later one changed every date). */
    private static volatile long staleGeneration = -1;

    /** Answers run 1 as stale, computed on {@code generation}, until {@link #fresh()}. */
    public static void stale(long generation) {
        staleGeneration = generation;
    }

    /** Answers run 1 as a fresh run from before generations again (the default). */
    public static void fresh() {
        staleGeneration = -1;
    }

    // primary: it stands in for the real coverage service, which is in the context too
    @Bean
    @Primary
    CoverageRuns fixedCoverageRuns() {
        return new CoverageRuns() {
            @Override
            public long runFor(LocalDate asOf) {
                return RUN_ID;
            }

            @Override
            public RunRef run(LocalDate asOf) {
                long g = staleGeneration;
                return new RunRef(RUN_ID, asOf, g, g >= 0, false, true);
            }
        };
    }
}

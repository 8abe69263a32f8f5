package uz.qamrov.support;

import java.time.LocalDate;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import uz.qamrov.planner.coverage.CoverageRuns;

/**
 * A stand-in for the coverage engine in API tests: every as-of date is answered by run 1, which the fixture
 * ({@code fixtures/api-fixture.sql}) inserted with known results.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FixedCoverageRuns {

    public static final long RUN_ID = 1;

    // primary: it stands in for the real coverage service, which is in the context too
    @Bean
    @Primary
    CoverageRuns fixedCoverageRuns() {
        return (LocalDate asOf) -> RUN_ID;
    }
}

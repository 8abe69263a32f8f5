package uz.qamrov.planner.coverage;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * After the dataset is loaded (order 10), build the model and store today's results in the background, so the
 * service answers health checks at once; the first coverage request waits for the model if it is not ready.
 */
@Component
@Order(20)
class CoverageStartup implements ApplicationRunner {

    private final CoverageService coverage;
    private final CoverageProperties properties;

    CoverageStartup(CoverageService coverage, CoverageProperties properties) {
        this.coverage = coverage;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.computeOnStart()) {
            return;
        }
        coverage.startFullRecompute();
    }
}

package uz.qamrov.planner.hexagon;

import com.uber.h3core.H3Core;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import uz.qamrov.planner.coverage.RunRef;
import uz.qamrov.planner.gap.Service;
import uz.qamrov.planner.region.Regions;
import uz.qamrov.planner.system.RunLookup;
import uz.qamrov.planner.web.ApiException;

/**
 * The hexagon view's entry point (issue #15): people and covered people per H3 cell for a service, and the prevailing
 * signal class, summed from the very settlement results of the coverage run the gap lists read for that date (the
 * same {@link RunLookup}), so the hexagons can never disagree with the gap list.
 */
@Component
public class Hexagons {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Hexagons.class);

    /** H3 resolution nationally (cells of ~5.2 km²) and within a region (~0.74 km²), as issue #15 asks. */
    public static final int NATIONAL_RESOLUTION = 7;
    public static final int REGION_RESOLUTION = 8;
    /** Coarser than 4 (~1,770 km²) says nothing a region's shading does not; finer than 9 splits villages. */
    public static final int MIN_RESOLUTION = 4;
    public static final int MAX_RESOLUTION = 9;

    static final URI NO_H3 = URI.create("https://qamrov.uz/problems/hexagons-unavailable");

    private final HexagonRepository repository;
    private final RunLookup runs;
    private final Regions regions;
    private final uz.qamrov.planner.operator.Operators operators;
    private final Clock clock;
    private volatile H3Core h3;

    Hexagons(HexagonRepository repository, RunLookup runs, Regions regions, uz.qamrov.planner.operator.Operators operators,
            Clock clock) {
        this.operators = operators;
        this.repository = repository;
        this.runs = runs;
        this.regions = regions;
        this.clock = clock;
    }

    /**
     * The cells of one service, region (null = national), operator (null = any) and date, with what they were read
     * from.
     */
    public record HexagonMap(Service service, String region, String operator, int resolution, LocalDate asOf, RunRef run,
            List<Hexagon> hexagons) {
    }

    /** Validates first (400 for a bad service, region, operator or resolution), then reads the date's run. */
    public HexagonMap hexagons(String service, String region, String operator, Integer resolution, LocalDate asOf) {
        Service s = Service.parse(service);
        String r = region == null || region.isBlank() ? null : region;
        regions.requireRegionFilter(r);
        String op = operator == null || operator.isBlank() ? null : operator;
        operators.requireOperatorFilter(op);
        int res = resolution == null ? (r == null ? NATIONAL_RESOLUTION : REGION_RESOLUTION) : resolution;
        if (res < MIN_RESOLUTION || res > MAX_RESOLUTION) {
            throw ApiException.badRequest("resolution must be between " + MIN_RESOLUTION + " and " + MAX_RESOLUTION
                    + " (default 7 nationally, 8 in a region)", Map.of("parameter", "resolution", "value", res))
                    .withMessage("detail.bad-resolution", Map.of("min", MIN_RESOLUTION, "max", MAX_RESOLUTION));
        }
        H3Core core = h3();
        RunRef run = runs.completeRun(asOf); // the hexagons' classes are the covered places'
        HexagonBinner binner = new HexagonBinner(core, res);
        repository.binSettlements(run.id(), s.key(), r, op, binner);
        return new HexagonMap(s, r, op, res, asOf == null ? LocalDate.now(clock) : asOf, run, binner.hexagons());
    }

    /** The native library is loaded on first use: a platform without it answers 503 here, the rest of the API works. */
    private H3Core h3() {
        H3Core core = h3;
        if (core == null) {
            synchronized (this) {
                if (h3 == null) {
                    try {
                        h3 = H3Core.newInstance();
                    } catch (IOException | UnsatisfiedLinkError e) {
                        // the loader's own words go to the log (the answer says it in the caller's language)
                        log.warn("hexagons: the H3 library cannot be loaded on this platform: {}", e.toString());
                        throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, NO_H3,
                                "the H3 library cannot be loaded on this platform: " + e.getMessage(), Map.of())
                                .withMessage("detail.h3-unavailable");
                    }
                }
                core = h3;
            }
        }
        return core;
    }
}

package uz.qamrov.planner.gap;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Component;
import uz.qamrov.planner.coverage.RunRef;
import uz.qamrov.planner.operator.Operators;
import uz.qamrov.planner.region.Regions;
import uz.qamrov.planner.system.RunLookup;
import uz.qamrov.planner.web.ApiException;
import uz.qamrov.planner.web.PagingProperties;

/**
 * The gap feature's entry point: settlements, highway and railway stretches that a coverage run marked uncovered
 * for a service, read from the run answering {@code asOf}.
 */
@Component
public class Gaps {

    private final GapRepository repository;
    private final RunLookup runs;
    private final Regions regions;
    private final Operators operators;
    private final Clock clock;

    Gaps(GapRepository repository, RunLookup runs, Regions regions, Operators operators, Clock clock) {
        this.repository = repository;
        this.runs = runs;
        this.regions = regions;
        this.operators = operators;
        this.clock = clock;
    }

    /** Filters as the API receives them; validated here. */
    public record Filter(String service, String region, String district, String operator, String ref, String text,
            String sort, LocalDate asOf) {
    }

    public GapList settlements(Filter f, PagingProperties.Page page) {
        GapQuery q = query(f, Sort.settlements(f.sort()), page, false);
        return new GapList(repository.countSettlements(q), GapRepository.SETTLEMENT_COLUMNS, repository.settlements(q),
                asOf(f), q.run());
    }

    public GapList stretches(LineKind kind, Filter f, PagingProperties.Page page) {
        GapQuery q = query(f, Sort.stretches(f.sort()), page, blankToNull(f.operator()) != null);
        return new GapList(repository.countStretches(kind, q), GapRepository.stretchColumns(kind), repository.stretches(kind, q),
                asOf(f), q.run());
    }

    private LocalDate asOf(Filter f) {
        return f.asOf() == null ? LocalDate.now(clock) : f.asOf();
    }

    /** Per-kilometre coverage of one line; 404 problem for an unknown ref / line key. */
    public LineProfile profile(LineKind kind, String ref, String service, LocalDate asOf) {
        Service s = Service.parse(service);
        Map<String, Object> line = repository.line(kind, ref)
                .orElseThrow(() -> ApiException.notFound("no " + kind.key + " " + ref).withMessage(
                        kind == LineKind.HIGHWAY ? "detail.no-highway" : "detail.no-railway", Map.of("ref", ref)));
        long lineId = ((Number) line.get("id")).longValue();
        RunRef run = runs.run(asOf);
        var fractions = repository.profile(kind, lineId, run.id(), s);
        return new LineProfile(ref, s.key(), run.id(), run.generation(), run.stale(), fractions.size(),
                repository.longestGapKm(kind, lineId, run.id(), s).orElse(null), fractions);
    }

    /**
     * Validates the filters first, so a bad request never starts a run's computation. {@code operatorStretches}: an
     * operator's stretches are read, which a run stored gaps first gets with its rest (a second or so later).
     */
    private GapQuery query(Filter f, Sort sort, PagingProperties.Page page, boolean operatorStretches) {
        Service service = Service.parse(f.service());
        regions.requireRegionFilter(blankToNull(f.region()));
        // a misspelt operator would read as "no gaps" on the lines (no stretches stored for it) and as "every
        // settlement" on the settlements: a 400 that names it instead
        operators.requireOperatorFilter(blankToNull(f.operator()));
        return new GapQuery(operatorStretches ? runs.completeRun(f.asOf()) : runs.run(f.asOf()), service, blankToNull(f.region()), blankToNull(f.district()),
                blankToNull(f.operator()), blankToNull(f.ref()), blankToNull(f.text()), sort, page.limit(), page.offset());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

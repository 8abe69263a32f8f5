package uz.qamrov.engine.measure;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import uz.qamrov.engine.model.Service;

/**
 * Result of {@link CoverageModel#evaluate}: settlement coverage per service, covered/uncovered stretches of every
 * line per mobile service, and indicators. Immutable.
 */
public final class CoverageSnapshot {

    private final LocalDate asOf;
    private final CoverageFilter filter;
    private final List<SettlementCoverage> settlements;
    private final List<LineStretch> stretches;
    private final Indicators indicators;
    private final Map<Long, SettlementCoverage[]> bySettlement = new HashMap<>();

    CoverageSnapshot(LocalDate asOf, CoverageFilter filter, List<SettlementCoverage> settlements,
            List<LineStretch> stretches, Indicators indicators) {
        this.asOf = asOf;
        this.filter = filter;
        this.settlements = List.copyOf(settlements);
        this.stretches = List.copyOf(stretches);
        this.indicators = indicators;
        for (SettlementCoverage c : settlements) {
            bySettlement.computeIfAbsent(c.settlementId(), k -> new SettlementCoverage[Service.values().length])[c
                    .service().ordinal()] = c;
        }
    }

    public LocalDate asOf() {
        return asOf;
    }

    public CoverageFilter filter() {
        return filter;
    }

    /** One entry per settlement and service, in settlement input order. */
    public List<SettlementCoverage> settlements() {
        return settlements;
    }

    public Optional<SettlementCoverage> settlement(long settlementId, Service service) {
        SettlementCoverage[] a = bySettlement.get(settlementId);
        return a == null ? Optional.empty() : Optional.ofNullable(a[service.ordinal()]);
    }

    public boolean isCovered(long settlementId, Service service) {
        return settlement(settlementId, service).map(SettlementCoverage::covered).orElse(false);
    }

    /** Stretches of every line and mobile service, ordered by line input order, service, then km. */
    public List<LineStretch> stretches() {
        return stretches;
    }

    public List<LineStretch> stretches(long lineId, Service service) {
        return stretches.stream().filter(s -> s.lineId() == lineId && s.service() == service).toList();
    }

    /** Covered km of a line for a service. */
    public double coveredKm(long lineId, Service service) {
        return stretches(lineId, service).stream().filter(LineStretch::covered).mapToDouble(LineStretch::lengthKm).sum();
    }

    public Indicators indicators() {
        return indicators;
    }
}

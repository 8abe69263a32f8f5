package uz.qamrov.planner.planning;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import uz.qamrov.engine.planning.NetworkDelta;
import uz.qamrov.planner.coverage.CoverageService;
import uz.qamrov.planner.coverage.IndicatorChange;
import uz.qamrov.planner.coverage.NetworkChange;
import uz.qamrov.planner.ingest.DryRunPreview;

/**
 * An import's dry run previewed as a what-if: the rows the import would change are read inside its transaction
 * (before the rollback), turned into a delta (every changed id removed, then added back as read: what the live
 * model's incremental update does) and measured on the what-if copy ({@link WhatIfEngine}) — the same machinery as
 * plans and scenarios. The indicator changes are reported like an applied import's ({@link IndicatorChange#between}).
 */
@Component
class DryRunWhatIf implements DryRunPreview {

    private final CoverageService coverage;
    private final WhatIfEngine whatIf;

    DryRunWhatIf(CoverageService coverage, WhatIfEngine whatIf) {
        this.coverage = coverage;
        this.whatIf = whatIf;
    }

    @Override
    public Supplier<List<IndicatorChange>> prepare(NetworkChange change, LocalDate asOf) {
        NetworkDelta delta = coverage.changedRows(change).asDelta();
        return () -> {
            WhatIfEngine.Comparison c = whatIf.compare(delta, asOf);
            return IndicatorChange.between(c.before(), c.after());
        };
    }
}

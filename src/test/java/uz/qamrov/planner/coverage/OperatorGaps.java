package uz.qamrov.planner.coverage;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;
import uz.qamrov.engine.measure.CoverageFilter;
import uz.qamrov.engine.measure.CoverageModel;

/** An operator's uncovered stretches as a run stores them and as a model answers them, in one comparable form. */
final class OperatorGaps {

    private static final String FORM = "%s|%d|%s|%.6f-%.6f";

    private OperatorGaps() {
    }

    static List<String> stored(JdbcTemplate jdbc, long runId, String operator) {
        return jdbc.query("SELECT line_kind, line_id, service, from_km, to_km FROM line_stretches"
                + " WHERE run_id = ? AND operator_code = ? AND NOT covered", (rs, i) -> String.format(Locale.ROOT, FORM,
                        rs.getString(1), rs.getLong(2), rs.getString(3), rs.getDouble(4), rs.getDouble(5)),
                runId, operator).stream().sorted().toList();
    }

    static List<String> of(CoverageModel model, LocalDate d, String operator) {
        return model.stretches(d, CoverageFilter.operator(operator)).stream().filter(st -> !st.covered())
                .map(st -> String.format(Locale.ROOT, FORM, st.lineKind().key(), st.lineId(), st.service().key(),
                        st.fromKm(), st.toKm()))
                .sorted().toList();
    }
}

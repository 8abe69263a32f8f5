package uz.qamrov.planner.ingest.validate;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import uz.qamrov.planner.ingest.RowError;
import uz.qamrov.planner.ingest.SourceFeature;

/**
 * Typed reads of one row's fields; every problem becomes a row error (row, field, value, message) and marks the row
 * {@link #failed}. Values are checked with {@link StrictValues} before they are used. Geometry reads are in
 * {@link RowGeometry}, which extends this.
 */
class RowFields {

    final SourceFeature f;
    final Map<String, String> a;
    final Findings findings;
    final ValidationContext ctx;
    boolean failed;
    private final Set<String> badFields = new HashSet<>();

    RowFields(SourceFeature f, Map<String, String> a, Findings findings, ValidationContext ctx) {
        this.f = f;
        this.a = a;
        this.findings = findings;
        this.ctx = ctx;
    }

    /**
     * A row the reader could not read, or whose attributes hold hostile text (NUL, unpaired surrogates, megabyte
     * values), is rejected before any field is read.
     */
    boolean rejectedEarly() {
        if (f.readError() != null) {
            error(f.geometry() == null && f.readError().contains("geometry") ? "geometry" : "row", null, f.readError());
            return true;
        }
        for (var e : f.attrs().entrySet()) {
            String problem = StrictValues.textProblem(e.getKey(), StrictValues.MAX_TEXT_CHARS);
            if (problem == null) {
                problem = StrictValues.textProblem(e.getValue(), StrictValues.MAX_ATTRIBUTE_CHARS);
            }
            if (problem != null) {
                error(StrictValues.shown(e.getKey()), StrictValues.shown(e.getValue()), problem);
            }
        }
        return failed;
    }

    void error(String field, String value, String message) {
        failed = true;
        badFields.add(field);
        findings.errors.add(RowError.of(f.number(), field, StrictValues.shown(value), message));
    }

    boolean fieldOk(String field) {
        return !badFields.contains(field);
    }

    /** The field's value, else its first non-blank alias's ({@link LayerFields}), stripped; null when none. */
    String raw(String field) {
        String v = a.get(field);
        List<String> aliases = LayerFields.aliases(ctx.layer(), field);
        for (int i = 0; (v == null || v.isBlank()) && i < aliases.size(); i++) {
            v = a.get(aliases.get(i));
        }
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** An id: required or not, at most {@link StrictValues#MAX_ID_CHARS}. */
    String id(String field, boolean required) {
        return text(field, required, StrictValues.MAX_ID_CHARS);
    }

    /** A name or other stored text, at most {@link StrictValues#MAX_TEXT_CHARS}. */
    String text(String field, boolean required) {
        return text(field, required, StrictValues.MAX_TEXT_CHARS);
    }

    private String text(String field, boolean required, int maxChars) {
        String v = raw(field);
        if (v == null) {
            if (required) {
                error(field, null, "is required");
            }
            return null;
        }
        String problem = StrictValues.textProblem(v, maxChars);
        if (problem != null) {
            error(field, v, problem);
            return null;
        }
        return v;
    }

    String choice(String field, Set<String> allowed, String dflt) {
        String v = raw(field);
        if (v == null) {
            if (dflt == null) {
                error(field, null, "is required; one of " + new TreeSet<>(allowed));
            }
            return dflt;
        }
        String k = v.toLowerCase(Locale.ROOT);
        if (!allowed.contains(k)) {
            error(field, v, "unknown value; expected one of " + new TreeSet<>(allowed)
                    + " (map other values with values=" + field + ":" + v + "=…)");
            return null;
        }
        return k;
    }

    Double parse(String field, String v) {
        String problem = StrictValues.numberProblem(v);
        if (problem != null) {
            error(field, v, problem);
            return null;
        }
        return StrictValues.number(v);
    }

    Double number(String field, boolean required, double min, double max, String rangeMessage) {
        String v = raw(field);
        if (v == null) {
            if (required) {
                error(field, null, "is required");
            }
            return null;
        }
        Double d = parse(field, v);
        if (d != null && (d < min || d > max)) {
            error(field, v, rangeMessage);
            return null;
        }
        return d;
    }

    /** A number in (min, max]: zero heights and beamwidths are impossible. */
    Double numberOpenLow(String field, double min, double max, String rangeMessage) {
        String v = raw(field);
        if (v == null) {
            return null;
        }
        Double d = parse(field, v);
        if (d != null && (d <= min || d > max)) {
            error(field, v, rangeMessage);
            return null;
        }
        return d;
    }

    Integer integer(String field, boolean required, int min, int max, String rangeMessage) {
        Double d = number(field, required, min, max, rangeMessage);
        if (d == null) {
            return null;
        }
        if (d != Math.rint(d)) {
            error(field, raw(field), "must be a whole number");
            return null;
        }
        return d.intValue();
    }

    LocalDate date(String field) {
        String v = raw(field);
        if (v == null) {
            return null;
        }
        String problem = StrictValues.dateProblem(v);
        if (problem != null) {
            error(field, v, problem);
            return null;
        }
        return StrictValues.date(v);
    }

    void dates(String status, LocalDate comm, LocalDate decomm) {
        LocalDate today = ctx.today();
        if ("active".equals(status) && comm != null && comm.isAfter(today)) {
            error("commissioned_on", comm.toString(), "is in the future (after " + today + ") but the status is active");
        }
        if (comm != null && decomm != null && decomm.isBefore(comm)) {
            error("decommissioned_on", decomm.toString(), "is before commissioned_on " + comm);
        }
        if ("active".equals(status) && decomm != null && !decomm.isAfter(today)) {
            error("status", status, "is active but decommissioned_on " + decomm + " has passed");
        }
    }

    boolean duplicate(Map<String, Integer> seen, String key, String field, String value) {
        Integer first = seen.putIfAbsent(key, f.number());
        if (first != null) {
            error(field, value, "duplicate id: already in row " + first);
            return true;
        }
        return false;
    }

    /** The row's operator code (one rule for every format, see {@link SourceSchema#operatorOf}), or null. */
    String operator() {
        if (ctx.format() == uz.qamrov.planner.ingest.UploadFormat.OPENCELLID) {
            String mcc = raw("mcc");
            if (!"434".equals(mcc)) {
                error("mcc", mcc, "MCC " + mcc + " is not Uzbekistan (434)");
                return null;
            }
        }
        if (ctx.format() == uz.qamrov.planner.ingest.UploadFormat.ITU_CELLSITE) {
            String cc = raw("country_code");
            if (cc != null && !"UZB".equalsIgnoreCase(cc)) {
                error("country_code", cc, "country_code " + cc + " is not UZB");
            }
        }
        String code = SourceSchema.operatorOf(f, ctx.format(), ctx.operators(), ctx.defaultOperator());
        if (code == null) {
            String given = SourceSchema.operatorGiven(f, ctx.format());
            error("operator", given, given == null ? "is required (no operator column and no operator= parameter)"
                    : "unknown operator '" + given + "'");
        }
        return code;
    }
}

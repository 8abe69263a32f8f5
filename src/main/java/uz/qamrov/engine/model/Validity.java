package uz.qamrov.engine.model;

import java.time.LocalDate;

/**
 * Half-open validity interval {@code [from, to)} of a network feature; a null end is unbounded. A feature counts
 * on date D iff {@code contains(D)}. The persistence layer folds commissioned/decommissioned dates and row
 * versioning ({@code valid_from/valid_to}) into one interval with {@link #intersect}.
 */
public record Validity(LocalDate from, LocalDate to) {

    public static final Validity ALWAYS = new Validity(null, null);

    public Validity {
        if (from != null && to != null && !to.isAfter(from)) {
            throw InvalidInputException.of("validity end must be after its start", "from", from, "to", to);
        }
    }

    public static Validity from(LocalDate from) {
        return new Validity(from, null);
    }

    public static Validity between(LocalDate from, LocalDate to) {
        return new Validity(from, to);
    }

    public boolean contains(LocalDate date) {
        return (from == null || !date.isBefore(from)) && (to == null || date.isBefore(to));
    }

    /** Intersection, or null when the intervals do not overlap. */
    public Validity intersect(Validity other) {
        LocalDate f = from == null ? other.from : other.from == null ? from : (from.isAfter(other.from) ? from : other.from);
        LocalDate t = to == null ? other.to : other.to == null ? to : (to.isBefore(other.to) ? to : other.to);
        if (f != null && t != null && !t.isAfter(f)) {
            return null;
        }
        return new Validity(f, t);
    }

    /** Start as epoch day, {@link Long#MIN_VALUE} when unbounded; used by the engine's primitive hot loops. */
    public long fromEpochDay() {
        return from == null ? Long.MIN_VALUE : from.toEpochDay();
    }

    /** Exclusive end as epoch day, {@link Long#MAX_VALUE} when unbounded. */
    public long toEpochDay() {
        return to == null ? Long.MAX_VALUE : to.toEpochDay();
    }
}

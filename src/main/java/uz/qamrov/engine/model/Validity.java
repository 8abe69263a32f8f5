package uz.qamrov.engine.model;

import java.time.LocalDate;

/**
 * Half-open validity interval {@code [from, to)} of a network feature; a null end is unbounded. A feature counts
 * on date D iff {@code contains(D)}. The persistence layer folds commissioned/decommissioned dates and row
 * versioning ({@code valid_from/valid_to}) into one interval with {@link #intersect}.
 *
 * <p>An interval with {@code to <= from} (a row commissioned and decommissioned on the same day, a version closed on
 * the day it opened, a planned row closed before it starts) is not an error: it is {@link #NEVER}, the empty
 * interval, which contains no date. Every empty interval is normalised to that one value, so
 * {@code Validity.between(d, d).equals(Validity.NEVER)}. The engine skips features that never count.
 */
public record Validity(LocalDate from, LocalDate to) {

    public static final Validity ALWAYS = new Validity(null, null);

    /** The empty interval: counts on no date. Stored as {@code [1970-01-01, 1970-01-01)}. */
    public static final Validity NEVER = new Validity(LocalDate.EPOCH, LocalDate.EPOCH);

    public Validity {
        if (from != null && to != null && !to.isAfter(from)) {
            from = LocalDate.EPOCH;
            to = LocalDate.EPOCH;
        }
    }

    public static Validity from(LocalDate from) {
        return new Validity(from, null);
    }

    /** {@code [from, to)}; {@link #NEVER} when {@code to <= from}. */
    public static Validity between(LocalDate from, LocalDate to) {
        return new Validity(from, to);
    }

    /** Whether this is the empty interval (the feature counts on no date). */
    public boolean isNever() {
        return from != null && from.equals(to);
    }

    public boolean contains(LocalDate date) {
        return (from == null || !date.isBefore(from)) && (to == null || date.isBefore(to));
    }

    /** Intersection; {@link #NEVER} when the intervals do not overlap. */
    public Validity intersect(Validity other) {
        if (isNever() || other.isNever()) {
            return NEVER;
        }
        LocalDate f = from == null ? other.from : other.from == null ? from : (from.isAfter(other.from) ? from : other.from);
        LocalDate t = to == null ? other.to : other.to == null ? to : (to.isBefore(other.to) ? to : other.to);
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

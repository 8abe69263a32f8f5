package uz.qamrov.planner.coverage;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import uz.qamrov.engine.model.Validity;

/**
 * The earliest as-of date whose answer a change can alter: stored runs for earlier dates stay current. Imports
 * version rows (a change closes the old version today and starts a new one today), so most changes only touch
 * today and later; a first-seen site commissioned in 2015 touches every date from 2015.
 *
 * <p>Per changed row, with its period before ({@code old}) and after ({@code now}), either possibly absent:
 * absent on one side → that side's start; the same content → the first date where the two periods differ
 * (the starts when they differ, else the ends); other content → the earlier start. {@link LocalDate#MIN} stands
 * for "every date", {@code null} for "none".
 */
final class ChangeWindow {

    private LocalDate earliest;

    /** A row (site with its cells, route or node) before and after the change; {@code null} = absent. */
    void row(Validity old, Validity now, boolean sameContent) {
        if (old == null && now == null) {
            return;
        }
        if (old == null || now == null) {
            include(start(old == null ? now : old));
        } else if (!sameContent) {
            include(min(start(old), start(now)));
        } else if (!Objects.equals(old.from(), now.from())) {
            include(min(start(old), start(now)));
        } else if (!Objects.equals(old.to(), now.to())) {
            include(min(end(old), end(now)));
        }
    }

    /** Everything may have changed (boundaries, settlements, roads, a rebuild after a failure). */
    void everything() {
        earliest = LocalDate.MIN;
    }

    /** Earliest affected date, {@link LocalDate#MIN} for all, {@code null} when nothing changed. */
    LocalDate earliest() {
        return earliest;
    }

    private void include(LocalDate d) {
        if (d != null && (earliest == null || d.isBefore(earliest))) {
            earliest = d;
        }
    }

    private static LocalDate start(Validity v) {
        return v.from() == null ? LocalDate.MIN : v.from();
    }

    private static LocalDate end(Validity v) {
        return v.to() == null ? LocalDate.MAX : v.to();
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /** Whether two lists of records are equal in every component except their {@code validity}. */
    static boolean sameExceptValidity(Collection<? extends Record> a, Collection<? extends Record> b) {
        if (a.size() != b.size()) {
            return false;
        }
        List<? extends Record> la = List.copyOf(a);
        List<? extends Record> lb = List.copyOf(b);
        for (int i = 0; i < la.size(); i++) {
            if (!sameExceptValidity(la.get(i), lb.get(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean sameExceptValidity(Record a, Record b) {
        if (a.getClass() != b.getClass()) {
            return false;
        }
        try {
            for (java.lang.reflect.Method accessor : COMPARED.get(a.getClass())) {
                if (!Objects.equals(accessor.invoke(a), accessor.invoke(b))) {
                    return false;
                }
            }
            return true;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Per record class, the accessors compared (all but {@code validity} and {@code id}), looked up once: a change of
     * 1,000 sites compares ~1,000 cell lists, and the lookup copied the class's components every time.
     */
    private static final ClassValue<List<java.lang.reflect.Method>> COMPARED = new ClassValue<>() {
        @Override
        protected List<java.lang.reflect.Method> computeValue(Class<?> type) {
            List<java.lang.reflect.Method> out = new java.util.ArrayList<>();
            for (RecordComponent c : type.getRecordComponents()) {
                if (!c.getName().equals("validity") && !c.getName().equals("id")) {
                    out.add(c.getAccessor());
                }
            }
            return List.copyOf(out);
        }
    };

    /**
     * The next generation's map of one kind of fiber row, and what each changed row does to this window. A row
     * may keep its id with new content (a same-day rewrite updates it in place), so content is compared, not only
     * validity: a route redrawn the same day changes every date it counts on.
     */
    <R extends Record> Map<Long, R> nextRows(Map<Long, R> before, java.util.Set<Long> ids, List<R> loaded,
            java.util.function.Function<R, Long> id, java.util.function.Function<R, Validity> validity) {
        if (ids.isEmpty()) {
            return before;
        }
        Map<Long, R> next = new java.util.HashMap<>(before);
        Map<Long, R> now = new java.util.HashMap<>();
        loaded.forEach(r -> now.put(id.apply(r), r));
        for (Long i : ids) {
            R old = next.remove(i);
            R r = now.get(i);
            if (r != null) {
                next.put(i, r);
            }
            row(old == null ? null : validity.apply(old), r == null ? null : validity.apply(r),
                    old != null && r != null && sameExceptValidity(old, r));
        }
        return next;
    }
}

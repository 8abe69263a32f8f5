package uz.qamrov.engine.measure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

import uz.qamrov.engine.model.InvalidInputException;

/**
 * Features in slots: the small ints that reach lists and per-date vectors use, with an id → slot map. A removed
 * feature leaves a tombstone (null) so that other slots keep their numbers; {@link #compactIfSparse} renumbers once
 * tombstones outnumber live features, so evaluation cost follows the live network, not its history.
 */
final class Slots<T> {
    private final ToLongFunction<T> idOf;
    private final ArrayList<T> slots = new ArrayList<>();
    private final Map<Long, Integer> slotOf = new HashMap<>();
    private int tombstones;

    Slots(ToLongFunction<T> idOf) {
        this.idOf = idOf;
    }

    /**
     * The features of {@code add} that count on some date, after checking them against the current ids minus
     * {@code removedIds}: no null, no id twice. Changes nothing.
     *
     * @throws InvalidInputException on a null feature or a duplicate id
     */
    <F> List<F> validate(Collection<F> add, Collection<Long> removedIds, ToLongFunction<F> id,
            Predicate<F> never, String what, String idKey) {
        Set<Long> removed = new HashSet<>(removedIds);
        Set<Long> seen = new HashSet<>();
        List<F> out = new ArrayList<>(add.size());
        for (F f : add) {
            if (f == null) {
                throw InvalidInputException.of("null " + what, "index", out.size());
            }
            if (never.test(f)) {
                continue;
            }
            long i = id.applyAsLong(f);
            if (!seen.add(i) || slotOf.containsKey(i) && !removed.contains(i)) {
                throw InvalidInputException.of("duplicate " + what + " id", idKey, i);
            }
            out.add(f);
        }
        return out;
    }

    int slotCount() {
        return slots.size();
    }

    T at(int slot) {
        return slots.get(slot);
    }

    int slotOf(long id) {
        return slotOf.getOrDefault(id, -1);
    }

    T get(long id) {
        Integer s = slotOf.get(id);
        return s == null ? null : slots.get(s);
    }

    void add(T t) {
        slotOf.put(idOf.applyAsLong(t), slots.size());
        slots.add(t);
    }

    /** Removes the feature with {@code id} (which must be present); returns it. */
    T remove(long id) {
        Integer s = slotOf.remove(id);
        T t = slots.set(s, null);
        tombstones++;
        return t;
    }

    List<T> live() {
        return slots.stream().filter(x -> x != null).toList();
    }

    /** Drops tombstones when they outnumber live features; returns {@code newSlot[old]}, or null if nothing moved. */
    int[] compactIfSparse() {
        if (tombstones == 0 || tombstones <= slots.size() - tombstones) {
            return null;
        }
        int[] newSlot = new int[slots.size()];
        ArrayList<T> kept = new ArrayList<>(slots.size() - tombstones);
        for (int i = 0; i < slots.size(); i++) {
            T t = slots.get(i);
            newSlot[i] = t == null ? -1 : kept.size();
            if (t != null) {
                slotOf.put(idOf.applyAsLong(t), kept.size());
                kept.add(t);
            }
        }
        slots.clear();
        slots.addAll(kept);
        tombstones = 0;
        return newSlot;
    }
}

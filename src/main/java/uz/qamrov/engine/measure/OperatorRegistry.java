package uz.qamrov.engine.measure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import uz.qamrov.engine.model.InvalidInputException;

/**
 * Small integer ids (0..63) for operator names, so that "which operators cover this" is one {@code long} bitmask in
 * the evaluation's hot loops. Ids are reference-counted by the features that use them (cells, sites, fiber, declar-
 * ations) and freed when the last one goes, so an incrementally updated model holds exactly the operators a rebuild
 * with the same inputs would, and fails (more than 64) exactly when that rebuild would.
 *
 * <p>Thread-safety: {@link #acquire} is synchronized (the build calls it from parallel streams); reads run under the
 * model's read lock while writes run under its write lock.
 */
final class OperatorRegistry {

    static final int MAX_OPERATORS = 64;

    private final String[] names = new String[MAX_OPERATORS];
    private final int[] refs = new int[MAX_OPERATORS];
    private final Map<String, Integer> ids = new HashMap<>();

    /** Id of {@code name}, registering it if new, and counts one more user. */
    synchronized int acquire(String name) {
        Integer id = ids.get(name);
        if (id == null) {
            id = freeId();
            if (id < 0) {
                throw InvalidInputException.of("more than 64 operators", "operator", name);
            }
            names[id] = name;
            ids.put(name, id);
        }
        refs[id]++;
        return id;
    }

    /** One user of {@code id} fewer; the id is freed with its last user. */
    synchronized void release(int id) {
        if (--refs[id] == 0) {
            ids.remove(names[id]);
            names[id] = null;
        }
    }

    /**
     * Throws, before anything changes, when applying {@code delta} (users gained or lost per operator name) would
     * need more than 64 operators.
     */
    synchronized void checkRoom(Map<String, Integer> delta) {
        int live = ids.size();
        for (Map.Entry<String, Integer> e : delta.entrySet()) {
            Integer id = ids.get(e.getKey());
            int before = id == null ? 0 : refs[id];
            int after = before + e.getValue();
            if (before == 0 && after > 0) {
                live++;
            } else if (before > 0 && after <= 0) {
                live--;
            }
        }
        if (live > MAX_OPERATORS) {
            throw InvalidInputException.of("more than 64 operators", "operators", live);
        }
    }

    /** Id of a registered operator, or -2 (no feature can match) when unknown. */
    int idOf(String name) {
        return ids.getOrDefault(name, -2);
    }

    String name(int id) {
        return names[id];
    }

    /** Sorted names of the operators in {@code mask}. */
    List<String> names(long mask) {
        if (mask == 0) {
            return List.of();
        }
        List<String> out = new ArrayList<>(Long.bitCount(mask));
        for (long m = mask; m != 0; m &= m - 1) {
            out.add(names[Long.numberOfTrailingZeros(m)]);
        }
        out.sort(null);
        return List.copyOf(out);
    }

    /** Number of operators in use; for diagnostics and tests. */
    synchronized int size() {
        return ids.size();
    }

    private int freeId() {
        for (int i = 0; i < MAX_OPERATORS; i++) {
            if (names[i] == null) {
                return i;
            }
        }
        return -1;
    }
}

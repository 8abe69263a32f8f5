package uz.qamrov.planner.coverage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import uz.qamrov.engine.model.Cell;

/**
 * The cells a model generation holds, per site. Immutable: a change makes a new one that shares this one's map and
 * lays the changed sites over it, so that a 1,000-site change does not copy a ~90,000-site map (10–40 ms and the
 * garbage of a young collection in the incremental update). The layers are folded into one map once the changed sites
 * reach a quarter of it, so a lookup reads at most two maps and the copying stays proportional to what changed.
 *
 * <p>It also counts the cells of each operator: which operators have any is what a run's polygons are stored for,
 * and a change updates the counts for the sites it changes only (~260,000 cells would be read per run otherwise).
 */
final class SiteCells {

    private final Map<Long, List<Cell>> base;
    /** Sites changed since {@link #base} was made; an empty list: the site holds no cells now. */
    private final Map<Long, List<Cell>> changed;
    /** Cells held per operator, only operators with at least one. */
    private final Map<String, Integer> perOperator;

    private SiteCells(Map<Long, List<Cell>> base, Map<Long, List<Cell>> changed, Map<String, Integer> perOperator) {
        this.base = base;
        this.changed = changed;
        this.perOperator = perOperator;
    }

    /** The cells of {@code cells} grouped by site. */
    static SiteCells of(List<Cell> cells) {
        Map<Long, List<Cell>> bySite = new HashMap<>();
        cells.forEach(c -> bySite.computeIfAbsent(c.siteId(), k -> new java.util.ArrayList<>()).add(c));
        bySite.replaceAll((k, v) -> List.copyOf(v));
        Map<String, Integer> perOperator = new HashMap<>();
        cells.forEach(c -> perOperator.merge(c.operator(), 1, Integer::sum));
        return new SiteCells(bySite, Map.of(), Map.copyOf(perOperator));
    }

    /** The operators with at least one cell. */
    Set<String> operators() {
        return perOperator.keySet();
    }

    /** The site's cells, empty when it holds none. */
    List<Cell> of(long siteId) {
        List<Cell> c = changed.get(siteId);
        if (c == null) {
            c = base.get(siteId);
        }
        return c == null ? List.of() : c;
    }

    /**
     * These cells with each site of {@code sites} holding exactly its list there (an empty list: none). Neither this
     * nor {@code sites} changes.
     */
    SiteCells with(Map<Long, List<Cell>> sites) {
        Map<String, Integer> counts = new HashMap<>(perOperator);
        sites.forEach((id, cells) -> {
            of(id).forEach(c -> counts.merge(c.operator(), -1, Integer::sum));
            cells.forEach(c -> counts.merge(c.operator(), 1, Integer::sum));
        });
        counts.values().removeIf(n -> n == 0);
        Map<String, Integer> perOperatorNext = Map.copyOf(counts);
        Map<Long, List<Cell>> next = new HashMap<>(changed);
        sites.forEach((id, cells) -> next.put(id, List.copyOf(cells)));
        if (next.size() * 4 < base.size()) {
            return new SiteCells(base, next, perOperatorNext);
        }
        Map<Long, List<Cell>> folded = new HashMap<>(base);
        next.forEach((id, cells) -> {
            if (cells.isEmpty()) {
                folded.remove(id);
            } else {
                folded.put(id, cells);
            }
        });
        return new SiteCells(folded, Map.of(), perOperatorNext);
    }

    /** Every cell held, in no particular order. */
    Stream<Cell> cells() {
        Stream<Cell> kept = base.entrySet().stream().filter(e -> !changed.containsKey(e.getKey()))
                .flatMap(e -> e.getValue().stream());
        return Stream.concat(kept, changed.values().stream().flatMap(List::stream));
    }
}

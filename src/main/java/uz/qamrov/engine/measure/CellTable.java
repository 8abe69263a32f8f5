package uz.qamrov.engine.measure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import uz.qamrov.engine.footprint.CellRange;
import uz.qamrov.engine.footprint.Footprint;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.InvalidInputException;
import uz.qamrov.engine.model.Site;

/** The current cells (in {@link Slots}, with footprint and reach) and sites (with operator id and scopes). */
final class CellTable {

    static final class CellRec {
        final Cell cell;
        final Footprint footprint;
        final CellRange range;
        final long from;
        final long to;
        /** The technology's ordinal, beside the dates: an evaluation reads it for every cell (no hop to the cell). */
        final byte tech;
        /** Operator id; assigned when the cell is committed to the model. */
        int op = -1;
        int[] settlements = SettlementTable.NO_INTS;
        int[] edges = SettlementTable.NO_INTS;
        /**
         * The sample bits of each settlement in {@link #settlements} (shared with the settlement table, never mutated):
         * with {@link #edges} and the edge table's intervals ({@link EdgeIntervalsByCell}) what the footprint reaches,
         * which a model built next may take.
         */
        long[][] settlementBits;
        /**
         * The cell's part of a level at a point, made on first use by a diagnosis and kept while the record lives (a
         * changed cell gets a new record). Immutable, so a racing second computation only repeats the work.
         */
        uz.qamrov.engine.radio.PointLevels.Prepared levels;

        CellRec(Cell cell, CellFootprints.Shape shape) {
            this.cell = cell;
            this.footprint = shape.footprint();
            this.range = shape.range();
            this.from = cell.validity().fromEpochDay();
            this.to = cell.validity().toEpochDay();
            this.tech = (byte) cell.technology().ordinal();
        }
    }

    /** A site with its operator id, scopes and period on air as epoch days (what the site count scans). */
    record SiteRec(Site site, int op, int region, int district, long from, long to) {
        SiteRec(Site site, int op, int region, int district) {
            this(site, op, region, district, site.validity().fromEpochDay(), site.validity().toEpochDay());
        }
    }

    private static final java.util.concurrent.atomic.AtomicLong VERSIONS = new java.util.concurrent.atomic.AtomicLong();

    final Slots<CellRec> cells = new Slots<>(c -> c.cell.id());
    /** The records' period, operator and technology by slot, kept in step with {@link #cells} ({@link CellColumns}). */
    final CellColumns columns = new CellColumns();
    /**
     * Which cells the table holds, unique in the JVM (no two tables, no two states of one table share it): an answer
     * computed on one version holds on that version only.
     */
    private volatile long version = VERSIONS.incrementAndGet();
    private final Map<Long, SiteRec> sites = new LinkedHashMap<>();

    /**
     * The sites of {@code add} that count on some date, checked against the current sites minus {@code removedIds}
     * (no null, no id twice). Changes nothing.
     */
    List<Site> validateSites(Collection<Site> add, Collection<Long> removedIds) {
        Set<Long> removed = new HashSet<>(removedIds);
        Set<Long> seen = new HashSet<>();
        List<Site> out = new ArrayList<>(add.size());
        for (Site s : add) {
            if (s == null) {
                throw InvalidInputException.of("null site", "index", out.size());
            }
            if (s.validity().isNever()) {
                continue;
            }
            if (!seen.add(s.id()) || sites.containsKey(s.id()) && !removed.contains(s.id())) {
                throw InvalidInputException.of("duplicate site id", "siteId", s.id());
            }
            out.add(s);
        }
        return out;
    }

    long version() {
        return version;
    }

    /** One change of cells: the version before and after, and where the removed and added cells stand. */
    private record Change(long before, long after, ChangedCells where) {
    }

    /** The last changes, newest first: what a carried-over answer must check against. Bounded: ~100 uploads. */
    private final java.util.ArrayDeque<Change> history = new java.util.ArrayDeque<>();
    private static final int HISTORY = 128;

    /**
     * Marks a change of cells at {@code where} (the removed and added cells' positions); called under the model's
     * write lock, before readers see it.
     */
    void changed(ChangedCells where) {
        long before = version;
        version = VERSIONS.incrementAndGet();
        history.addFirst(new Change(before, version, where));
        if (history.size() > HISTORY) {
            history.removeLast();
        }
    }

    /**
     * Where cells changed since {@code since} (a version of this table), or null when that is not known (another
     * table, or older than the history). Called under the model's read lock.
     */
    ChangedCells changedSince(long since) {
        ChangedCells out = ChangedCells.NONE;
        long at = version;
        for (Change c : history) {
            if (at == since) {
                break;
            }
            if (c.after() != at) {
                return null;
            }
            out = out.and(c.where());
            at = c.before();
        }
        return at == since ? out : null;
    }

    SiteRec site(long id) {
        return sites.get(id);
    }

    boolean containsSite(long id) {
        return sites.containsKey(id);
    }

    /** Whether any of the ids is a site the table holds. */
    boolean holdsAnySite(java.util.Collection<Long> ids) {
        for (long id : ids) {
            if (site(id) != null) {
                return true;
            }
        }
        return false;
    }

    void putSite(SiteRec s) {
        sites.put(s.site().id(), s);
    }

    /** The removed site, or null when unknown. */
    SiteRec removeSite(long id) {
        return sites.remove(id);
    }

    java.util.Collection<SiteRec> sites() {
        return sites.values();
    }

    int siteCount() {
        return sites.size();
    }
}

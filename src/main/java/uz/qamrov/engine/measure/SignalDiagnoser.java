package uz.qamrov.engine.measure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;

import uz.qamrov.engine.geodesy.LocalMetric;
import uz.qamrov.engine.measure.CellTable.CellRec;
import uz.qamrov.engine.measure.SettlementTable.SettlementRec;
import uz.qamrov.engine.model.Service;
import uz.qamrov.engine.model.Technology;
import uz.qamrov.engine.radio.PointLevel;
import uz.qamrov.engine.signal.GapEvidence;
import uz.qamrov.engine.signal.GapReason;
import uz.qamrov.engine.signal.GapReasonRule;
import uz.qamrov.engine.signal.SignalClass;
import uz.qamrov.engine.signal.SignalSettings;

/**
 * One diagnosis (date + filter of a snapshot): per settlement × mobile service and per stretch, the best level and
 * its cell, the class, and for a place without the service the {@link GapReasonRule} reason. A covered settlement's
 * candidates are the cells that reach it (its reach list); any other place's are the active cells within the search
 * limit whose boresight range reaches it plus the nearest few ({@link SignalSettings}). Levels are flat-earth first;
 * terrain is added only where it can change an answer (terrain only lowers a level): cells whose boresight level
 * reaches the threshold, and the best cells in margin order until the next one's flat margin cannot win. Reads the
 * tables only; the caller holds the model's read lock.
 */
final class SignalDiagnoser {

    private static final Service[] MOBILE = Service.mobile();
    private static final Technology[] TECH = Technology.values();
    /** Highest flat margin first (an upper bound of the margin with terrain), then the lowest cell id. */
    private static final Comparator<SignalCandidate> BEST_FLAT_FIRST = Comparator
            .comparingDouble((SignalCandidate c) -> -c.flat().marginDb()).thenComparingLong(c -> c.rec.cell.id());

    private final CoverageModel.Parts m;
    private final ActiveCells active;
    private final CellFootprints footprints;
    private final SignalSettings settings;
    private final CellGrid grid;

    SignalDiagnoser(CoverageModel.Parts parts, ActiveCells active, CellFootprints footprints, SignalSettings settings) {
        this.m = parts;
        this.active = active;
        this.footprints = footprints;
        this.settings = settings;
        this.grid = new CellGrid(parts.cells().cells, active);
    }

    /**
     * The cells found around a place, and the nearest active cell per technology within the limit. Answers of several
     * services at one place share it (a candidate's level with terrain is measured once); one thread at a time.
     */
    final class Place {
        final double lon;
        final double lat;
        final List<SignalCandidate> candidates = new ArrayList<>();
        final double[] nearestByTech = new double[TECH.length];
        Double nearestAnyM;

        Place(double lon, double lat) {
            this.lon = lon;
            this.lat = lat;
            Arrays.fill(nearestByTech, Double.NaN);
        }
    }

    /**
     * {@code previous}: an earlier report of the same filter, of any date (or null); see {@link SignalDiagnosis} for
     * which settlements keep its answers.
     */
    SignalReport report(CoverageSnapshot snapshot, SignalReport previous, java.util.Set<Long> touched) {
        SignalDiagnosis d = new SignalDiagnosis(this, snapshot, previous, touched, null);
        d.settlements(0, d.settlementCount());
        d.stretches(0, d.stretchCount());
        return d.report();
    }

    /** The settlement at index {@code i} of the model's table. */
    long settlementId(int i) {
        return m.settlements().get(i).s.id();
    }

    int settlementCount() {
        return m.settlements().size();
    }

    boolean terrain() {
        return footprints.levelsWithTerrain();
    }

    long cellsVersion() {
        return m.cells().version();
    }

    /** Where model changes since {@code version} removed or added cells; null when not known. */
    ChangedCells cellsChangedSince(long version) {
        return m.cells().changedSince(version);
    }

    /** The cells whose service differs between this date and {@code other}'s. */
    ChangedCells changedSince(ActiveCells other) {
        return ChangedCells.between(m.cells().cells, active, other);
    }

    /** How far a place's candidate cells lie at most (a covered place's answer depends on those alone). */
    double searchLimitM() {
        return settings.searchLimitM();
    }

    /** What counts on {@code other} under this diagnosis' filter, on this model (to compare with this date's). */
    ActiveCells activeOn(java.time.LocalDate other) {
        return new ActiveCells(other, active.filter, m.cells(), m.operators());
    }

    /** Settlement answers carried from the report of {@code other}'s date (see {@link CoveredSince}). */
    CoveredSince coveredSince(ActiveCells other) {
        return new CoveredSince(m, active, other, footprints, settings.thresholds());
    }

    /** Whether the settlement has every mobile service in the snapshot. */
    static boolean allCovered(long settlementId, CoverageSnapshot snapshot) {
        for (Service s : MOBILE) {
            if (!snapshot.isCovered(settlementId, s)) {
                return false;
            }
        }
        return true;
    }

    /** Settlement {@code i}'s signals per mobile service, diagnosed afresh. */
    PlaceSignal[] settlement(int i, CoverageSnapshot snapshot) {
        SettlementRec r = m.settlements().get(i);
        PlaceSignal[] out = new PlaceSignal[Service.values().length];
        boolean allCovered = allCovered(r.s.id(), snapshot);
        Place reach = new Place(r.s.lon(), r.s.lat());
        for (int slot : r.cells) {
            if (active.tech[slot] != ActiveCells.INACTIVE) {
                reach.candidates.add(new SignalCandidate(m.cells().cells.at(slot), reach.lon, reach.lat, footprints));
            }
        }
        Place around = allCovered ? null : around(r.s.lon(), r.s.lat());
        for (Service s : MOBILE) {
            boolean covered = snapshot.isCovered(r.s.id(), s);
            if (covered) {
                out[s.ordinal()] = signal(reach, s, true, null);
            } else {
                out[s.ordinal()] = signal(around, s, false, r.areaRule() ? coveredShare(r, s) : null);
            }
        }
        return out;
    }

    /** The place a stretch's answer is measured at: its middle. */
    Place around(LineStretch st) {
        Coordinate mid = st.middle();
        return around(mid.x, mid.y);
    }

    /** A stretch's answer at the place found for it ({@link #around(LineStretch)}; stretches sharing a middle share it). */
    PlaceSignal stretch(LineStretch st, Place p) {
        return signal(p, st.service(), st.covered(), null);
    }

    /** Share of the settlement's samples inside the active footprints of the service. */
    private double coveredShare(SettlementRec r, Service s) {
        long[] all = new long[r.words];
        for (int k = 0; k < r.cells.length; k++) {
            if (active.provides(r.cells[k], s)) {
                for (int w = 0; w < all.length; w++) {
                    all[w] |= r.bits[k][w];
                }
            }
        }
        int c = 0;
        for (long b : all) {
            c += Long.bitCount(b);
        }
        return (double) c / r.sampleLon.length;
    }

    /**
     * The active cells around a point: those whose range reaches it and the nearest few, within the limit. A place in
     * a town has thousands of cells within 20 km, so they are first measured on the place's tangent plane
     * ({@link QuickDistance}, within 2 % + 1 m) and the exact distance is taken only for those an answer can depend
     * on: the nearest few, the nearest of each technology, the ones whose range may reach the place. The candidates
     * and distances are those of an exact measurement of every cell.
     */
    private Place around(double lon, double lat) {
        Place p = new Place(lon, lat);
        double limit = settings.searchLimitM();
        QuickDistance quick = QuickDistance.at(lon, lat, limit);
        NearbyCells near = new NearbyCells();
        double[] minApproxByTech = new double[TECH.length];
        Arrays.fill(minApproxByTech, Double.POSITIVE_INFINITY);
        double within = quick.upper(limit);
        grid.scan(lon, lat, limit, (slot, cellLon, cellLat, t) -> {
            double a = quick.distanceM(cellLon, cellLat);
            if (a <= within) {
                near.add(slot, a);
                minApproxByTech[t] = Math.min(minApproxByTech[t], a);
            }
        });
        int k = settings.nearestCells();
        double kBound = quick.upper(quick.upper(near.kthSmallest(k)));
        // exact distances where an answer can depend on them; the candidates are the k nearest (by distance, then
        // slot) and every cell whose range reaches the place, in no particular order (signal() orders them itself)
        NearestCells nearest = new NearestCells(k);
        double nearestAny = Double.POSITIVE_INFINITY;
        for (int i = 0; i < near.n; i++) {
            CellRec c = m.cells().cells.at(near.slots[i]);
            int t = c.cell.technology().ordinal();
            double a = near.approx[i];
            boolean mayReach = c.range == null || a <= quick.upper(c.range.radiusM() * 1.01 + 1);
            if (!(a <= kBound || a <= quick.upper(quick.upper(minApproxByTech[t])) || mayReach)) {
                continue;
            }
            double d = LocalMetric.distanceM(lon, lat, c.cell.lon(), c.cell.lat());
            if (d > limit) {
                continue;
            }
            if (!(p.nearestByTech[t] <= d)) {
                p.nearestByTech[t] = d;
            }
            nearestAny = Math.min(nearestAny, d);
            boolean inRange = c.range == null || d <= c.range.radiusM() * 1.01 + 1;
            if (inRange) {
                p.candidates.add(new SignalCandidate(c, lon, lat, d, footprints));
            }
            nearest.offer(d, near.slots[i], !inRange);
        }
        // the k nearest of all (in range or not): those out of range join the cells in range
        for (int j = 0; j < nearest.n; j++) {
            if (nearest.outOfRange[j]) {
                p.candidates.add(new SignalCandidate(m.cells().cells.at(nearest.slots[j]), lon, lat, footprints));
            }
        }
        if (nearestAny <= limit) {
            p.nearestAnyM = nearestAny;
        } else {
            // nothing within the limit: the nearest within 4× (null beyond; the row's nearest_site_m has any distance)
            double[] best = {Double.POSITIVE_INFINITY};
            grid.query(lon, lat, 4 * limit, slot -> {
                CellRec c = m.cells().cells.at(slot);
                best[0] = Math.min(best[0], LocalMetric.distanceM(lon, lat, c.cell.lon(), c.cell.lat()));
            });
            p.nearestAnyM = best[0] <= 4 * limit ? best[0] : null;
        }
        return p;
    }

    /** {@code share}: covered share of a settlement judged by area, null for a point. */
    private PlaceSignal signal(Place p, Service s, boolean covered, Double share) {
        int min = s.minimumTechnology().ordinal();
        List<SignalCandidate> cands = covered ? bestFirst(p, min) : all(p, min);
        // best level: flat margins bound the margins with terrain from above
        PointLevel best = null;
        for (SignalCandidate c : cands) {
            if (best != null && c.flat().marginDb() <= best.marginDb()) {
                break;
            }
            PointLevel l = c.full();
            if (best == null || l.marginDb() > best.marginDb()) {
                best = l;
            }
        }
        if (covered) {
            return coveredSignal(best, settings.thresholds());
        }
        SignalClass cls = best == null ? SignalClass.BELOW_THRESHOLD
                : settings.thresholds().classify(best.technology(), best.levelDbm());
        GapReason reason = GapReasonRule.reason(evidence(p, s, cands, share));
        return new PlaceSignal(best == null ? null : best.cellId(), best == null ? null : round1(best.levelDbm()), cls, reason);
    }

    /** A place's candidates of technology {@code min} or better, in {@link #BEST_FLAT_FIRST} order. */
    private static List<SignalCandidate> all(Place p, int min) {
        List<SignalCandidate> out = new ArrayList<>();
        for (SignalCandidate c : p.candidates) {
            if (c.tech >= min) {
                out.add(c);
            }
        }
        out.sort(BEST_FLAT_FIRST);
        return out;
    }

    /**
     * Of a place's candidates of technology {@code min} or better, those {@link #signal}'s search for the best level
     * can reach, in {@link #BEST_FLAT_FIRST} order: the first, then only those whose flat margin beats the first's
     * margin with terrain (the search stops at the first that does not, and the best only rises). A covered place in
     * a town has hundreds of candidates and needs a few; its evidence (which needs them all) is never asked for.
     * Without terrain that is the best flat candidate alone (nothing beats its own margin). The flat levels computed
     * are those of candidates whose {@link SignalCandidate#flatMarginBoundDb bound} can still win.
     */
    private static List<SignalCandidate> bestFirst(Place p, int min) {
        // the first (best flat margin, lowest id among equals): no candidate whose bound is under the flat margin of
        // the one with the highest bound can be it, so only those at or above it have their flat level computed
        SignalCandidate highestBound = null;
        for (SignalCandidate c : p.candidates) {
            if (c.tech >= min && (highestBound == null || c.flatMarginBoundDb() > highestBound.flatMarginBoundDb())) {
                highestBound = c;
            }
        }
        List<SignalCandidate> out = new ArrayList<>();
        if (highestBound == null) {
            return out;
        }
        double floor = highestBound.flat().marginDb();
        SignalCandidate first = highestBound;
        for (SignalCandidate c : p.candidates) {
            if (c.tech >= min && c.flatMarginBoundDb() >= floor && BEST_FLAT_FIRST.compare(c, first) < 0) {
                first = c;
            }
        }
        double bar = first.full().marginDb();
        for (SignalCandidate c : p.candidates) {
            if (c.tech >= min && c != first && c.flatMarginBoundDb() > bar && c.flat().marginDb() > bar) {
                out.add(c);
            }
        }
        out.sort(BEST_FLAT_FIRST);
        out.add(0, first);
        return out;
    }

    /** A covered place's signal from its best level: at least {@code FAIR} (see {@link PlaceSignal}). */
    static PlaceSignal coveredSignal(PointLevel best, uz.qamrov.engine.signal.SignalThresholds thresholds) {
        SignalClass cls = best == null ? SignalClass.BELOW_THRESHOLD
                : thresholds.classify(best.technology(), best.levelDbm());
        if (cls == SignalClass.BELOW_THRESHOLD) {
            cls = SignalClass.FAIR;
        }
        return new PlaceSignal(best == null ? null : best.cellId(), best == null ? null : round1(best.levelDbm()), cls, null);
    }

    private GapEvidence evidence(Place p, Service s, List<SignalCandidate> cands, Double share) {
        int min = s.minimumTechnology().ordinal();
        Double service = null;
        Double lower = null;
        Technology lowerTech = null;
        for (int t = 0; t < TECH.length; t++) {
            double d = p.nearestByTech[t];
            if (Double.isNaN(d)) {
                continue;
            }
            if (t >= min) {
                service = service == null ? d : Math.min(service, d);
            } else if (lower == null || d <= lower) {
                lower = d;
                lowerTech = TECH[t];
            }
        }
        List<PointLevel> levels = new ArrayList<>(cands.size());
        for (SignalCandidate c : cands) {
            // a cell that cannot reach on its boresight even over flat ground cannot name a shadow or a beam
            levels.add(c.hasFull() ? c.full()
                    : c.flat().boresightLevelDbm() >= c.flat().thresholdDbm() ? c.full() : c.flat());
        }
        return new GapEvidence(s.minimumTechnology(), settings.searchLimitM(), p.nearestAnyM, service, lower, lowerTech,
                footprints.levelsWithTerrain(), share != null, share == null ? 0 : share, m.settlementAreaCoveredRatio(),
                levels);
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}

package uz.qamrov.engine.measure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.linearref.LengthIndexedLine;

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

    /** A candidate cell at one place: flat level, and the level with terrain once computed. */
    private final class Candidate {
        final CellRec rec;
        final int tech;
        final PointLevel flat;
        PointLevel full;

        Candidate(CellRec rec, double lon, double lat) {
            this.rec = rec;
            this.tech = rec.cell.technology().ordinal();
            this.flat = footprints.levelAt(prepared(rec), lon, lat, false);
            this.full = footprints.levelsWithTerrain() ? null : flat;
        }

        PointLevel full(double lon, double lat) {
            if (full == null) {
                full = footprints.levelAt(prepared(rec), lon, lat, true);
            }
            return full;
        }
    }

    private uz.qamrov.engine.radio.PointLevels.Prepared prepared(CellRec rec) {
        uz.qamrov.engine.radio.PointLevels.Prepared p = rec.levels;
        if (p == null) {
            p = footprints.prepareLevels(rec.cell);
            rec.levels = p;
        }
        return p;
    }

    /** The cells found around a place, and the nearest active cell per technology within the limit. */
    private final class Place {
        final double lon;
        final double lat;
        final List<Candidate> candidates = new ArrayList<>();
        final double[] nearestByTech = new double[TECH.length];
        Double nearestAnyM;

        Place(double lon, double lat) {
            this.lon = lon;
            this.lat = lat;
            Arrays.fill(nearestByTech, Double.NaN);
        }
    }

    /**
     * {@code previous}: an earlier report of the same date and filter on this model (or null); a settlement covered
     * by every mobile service then and now, not in {@code touched}, keeps its answer.
     */
    SignalReport report(CoverageSnapshot snapshot, SignalReport previous, java.util.Set<Long> touched) {
        SignalDiagnosis d = new SignalDiagnosis(this, snapshot, previous, touched, null);
        d.settlements(0, d.settlementCount());
        d.stretches(0, d.stretchCount());
        return d.report();
    }

    /** Settlement {@code i}'s signals per mobile service (a fresh diagnosis), and whether it has every mobile service. */
    PlaceSignal[] settlementSignals(int i, CoverageSnapshot snapshot) {
        return settlement(i, snapshot);
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

    PlaceSignal stretchSignal(LineStretch s) {
        return stretch(s);
    }

    static boolean coveredByEveryMobileService(long settlementId, CoverageSnapshot snapshot) {
        return allCovered(settlementId, snapshot);
    }

    private static boolean allCovered(long settlementId, CoverageSnapshot snapshot) {
        for (Service s : MOBILE) {
            if (!snapshot.isCovered(settlementId, s)) {
                return false;
            }
        }
        return true;
    }

    private PlaceSignal[] settlement(int i, CoverageSnapshot snapshot) {
        SettlementRec r = m.settlements().get(i);
        PlaceSignal[] out = new PlaceSignal[Service.values().length];
        boolean allCovered = allCovered(r.s.id(), snapshot);
        Place reach = new Place(r.s.lon(), r.s.lat());
        for (int slot : r.cells) {
            if (active.tech[slot] != ActiveCells.INACTIVE) {
                reach.candidates.add(new Candidate(m.cells().cells.at(slot), reach.lon, reach.lat));
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

    private PlaceSignal stretch(LineStretch st) {
        LineString g = st.geometry();
        Coordinate mid = new LengthIndexedLine(g).extractPoint(g.getLength() / 2);
        return signal(around(mid.x, mid.y), st.service(), st.covered(), null);
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
        Nearby near = new Nearby();
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
            CellRec c = near.rec(i);
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
                p.candidates.add(new Candidate(c, lon, lat));
            }
            nearest.offer(d, near.slots[i], !inRange);
        }
        // the k nearest of all (in range or not): those out of range join the cells in range
        for (int j = 0; j < nearest.n; j++) {
            if (nearest.outOfRange[j]) {
                p.candidates.add(new Candidate(m.cells().cells.at(nearest.slots[j]), lon, lat));
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

    /** Cells within reach of a place and their approximate distances (primitive arrays: thousands per place). */
    private final class Nearby {
        int n;
        int[] slots = new int[256];
        double[] approx = new double[256];

        void add(int slot, double a) {
            if (n == slots.length) {
                slots = Arrays.copyOf(slots, n * 2);
                approx = Arrays.copyOf(approx, n * 2);
            }
            slots[n] = slot;
            approx[n++] = a;
        }

        CellRec rec(int i) {
            return m.cells().cells.at(slots[i]);
        }

        /** The k-th smallest approximate distance; infinite with fewer than k cells. */
        double kthSmallest(int k) {
            if (n < k) {
                return Double.POSITIVE_INFINITY;
            }
            double[] best = new double[k];
            Arrays.fill(best, Double.POSITIVE_INFINITY);
            for (int i = 0; i < n; i++) {
                double a = approx[i];
                if (a < best[k - 1]) {
                    int j = k - 1;
                    while (j > 0 && best[j - 1] > a) {
                        best[j] = best[j - 1];
                        j--;
                    }
                    best[j] = a;
                }
            }
            return best[k - 1];
        }
    }

    /** {@code share}: covered share of a settlement judged by area, null for a point. */
    private PlaceSignal signal(Place p, Service s, boolean covered, Double share) {
        int min = s.minimumTechnology().ordinal();
        if (covered && !footprints.levelsWithTerrain()) {
            return coveredFlat(p, s, min);
        }
        List<Candidate> cands = new ArrayList<>();
        for (Candidate c : p.candidates) {
            if (c.tech >= min) {
                cands.add(c);
            }
        }
        // best level: flat margins bound the margins with terrain from above
        cands.sort(Comparator.comparingDouble((Candidate c) -> -c.flat.marginDb()).thenComparingLong(c -> c.rec.cell.id()));
        PointLevel best = null;
        for (Candidate c : cands) {
            if (best != null && c.flat.marginDb() <= best.marginDb()) {
                break;
            }
            PointLevel l = c.full(p.lon, p.lat);
            if (best == null || l.marginDb() > best.marginDb()) {
                best = l;
            }
        }
        SignalClass cls = best == null ? SignalClass.BELOW_THRESHOLD
                : settings.thresholds().classify(best.technology(), best.levelDbm());
        if (covered && cls == SignalClass.BELOW_THRESHOLD) {
            cls = SignalClass.FAIR;
        }
        GapReason reason = covered ? null : GapReasonRule.reason(evidence(p, s, cands, share));
        return new PlaceSignal(best == null ? null : best.cellId(), best == null ? null : round1(best.levelDbm()), cls, reason);
    }

    /**
     * {@link #signal} for a covered place without terrain: the level with terrain is the flat level, so the best is
     * the highest flat margin (the lowest cell id among equals), one pass instead of a sort of the place's cells (a
     * town is in reach of thousands).
     */
    private PlaceSignal coveredFlat(Place p, Service s, int min) {
        PointLevel best = null;
        long bestId = Long.MAX_VALUE;
        for (Candidate c : p.candidates) {
            if (c.tech < min) {
                continue;
            }
            double margin = c.flat.marginDb();
            long id = c.rec.cell.id();
            if (best == null || margin > best.marginDb() || (margin == best.marginDb() && id < bestId)) {
                best = c.flat;
                bestId = id;
            }
        }
        SignalClass cls = best == null ? SignalClass.BELOW_THRESHOLD
                : settings.thresholds().classify(best.technology(), best.levelDbm());
        if (cls == SignalClass.BELOW_THRESHOLD) {
            cls = SignalClass.FAIR;
        }
        return new PlaceSignal(best == null ? null : best.cellId(), best == null ? null : round1(best.levelDbm()), cls, null);
    }

    private GapEvidence evidence(Place p, Service s, List<Candidate> cands, Double share) {
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
        for (Candidate c : cands) {
            // a cell that cannot reach on its boresight even over flat ground cannot name a shadow or a beam
            levels.add(c.full != null ? c.full
                    : c.flat.boresightLevelDbm() >= c.flat.thresholdDbm() ? c.full(p.lon, p.lat) : c.flat);
        }
        return new GapEvidence(s.minimumTechnology(), settings.searchLimitM(), p.nearestAnyM, service, lower, lowerTech,
                footprints.levelsWithTerrain(), share != null, share == null ? 0 : share, m.settlementAreaCoveredRatio(),
                levels);
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}

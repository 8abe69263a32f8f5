package uz.qamrov.engine.measure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.stream.IntStream;
import org.locationtech.jts.geom.Coordinate;
import uz.qamrov.engine.signal.GapReason;

/**
 * A diagnosis ({@link SignalDiagnoser}) made in parts: a caller diagnoses ranges of settlements and stretches one
 * call at a time, each under the model's read lock on its own, then takes the {@link SignalReport}. Why: a whole
 * national diagnosis holds the read lock for seconds, and an update waiting for the write lock (and every reader
 * queued behind it) would wait that long; in parts it waits for one part.
 *
 * <p>Every part must be made on the model as it was when the diagnosis started: the caller checks that no update came
 * in between (the service compares its model generation) and starts again otherwise. The parts may be made in any
 * order; {@link #report()} requires all of them.
 *
 * <p>From a previous report: a settlement covered by every mobile service then and now keeps its previous answer when
 * nothing its answer depends on changed. That answer depends only on the active cells of its reach list, so it is
 * kept when no model change since touched the settlement ({@code touched}) and, for a report of another date, when
 * its reach list has the same active cells on both dates; when they differ, only the cells that serve on the new date
 * alone are measured against the previous best ({@link CoveredSince}). A stretch keeps its answer
 * when the previous report had it in the same state (covered or not) at the same km marks and no cell its answer
 * depends on ({@link #previousStretch}) was removed or added by a model change since, or serves on one of the two
 * dates only.
 *
 * <p>Gaps first: a reader of a new date's gap list needs the reasons of the places without a service, a few hundred of
 * the national 12,000 settlements and of the stretches; the classes of the covered ones (most of a diagnosis) only
 * matter to the maps and exports that show them. {@link #gapSettlements} and {@link #gapStretches} diagnose only the
 * gaps, {@link #gapReport()} reports them, and the ordinary parts then diagnose the rest.
 */
public final class SignalDiagnosis {

    private final SignalDiagnoser diagnoser;
    private final CoverageSnapshot snapshot;
    private final SignalReport previous;
    private final Set<Long> touched;
    /** What counted on the previous report's date when that is another date; else null. */
    private final ActiveCells previousActive;
    /** Covered settlements' answers from the previous report of another date; null when the date is the same. */
    private final CoveredSince coveredSince;
    private final Lock readLock;
    private final PlaceSignal[][] settlements;
    private final boolean[] allCovered;
    private final boolean[] settlementDone;
    /** Per settlement: whether its answer came from the previous report (kept, or measured against its best). */
    private final boolean[] fromPrevious;
    private final List<LineStretch> stretchList;
    private final PlaceSignal[] stretches;
    private final boolean[] stretchDone;
    /** A stretch of the previous report by its place on the line and state, when that report is of these cells. */
    private final Map<StretchKey, Integer> previousStretches = new HashMap<>();
    /** The cells whose service differs between the previous report's date and this one (none on the same date). */
    private final ChangedCells changed;
    private final long cellsVersion;
    /** Per stretch: whether its answer is the previous report's. */
    private final boolean[] stretchFromPrevious;
    private final long[] settlementIds;

    SignalDiagnosis(SignalDiagnoser diagnoser, CoverageSnapshot snapshot, SignalReport previous, Set<Long> touched,
            Lock readLock) {
        this.diagnoser = diagnoser;
        this.snapshot = snapshot;
        // a report of another filter has other answers throughout
        this.previous = previous != null && previous.filter().equals(snapshot.filter()) ? previous : null;
        this.previousActive = this.previous == null || this.previous.asOf().equals(snapshot.asOf()) ? null
                : diagnoser.activeOn(this.previous.asOf());
        this.coveredSince = previousActive == null ? null : diagnoser.coveredSince(previousActive);
        this.touched = touched == null ? Set.of() : touched;
        this.readLock = readLock;
        int n = diagnoser.settlementCount();
        this.settlements = new PlaceSignal[n][];
        this.allCovered = new boolean[n];
        this.settlementDone = new boolean[n];
        this.fromPrevious = new boolean[n];
        this.stretchList = snapshot.stretches();
        this.stretches = new PlaceSignal[stretchList.size()];
        this.stretchDone = new boolean[stretchList.size()];
        this.settlementIds = new long[n];
        for (int i = 0; i < n; i++) {
            settlementIds[i] = diagnoser.settlementId(i);
            allCovered[i] = SignalDiagnoser.allCovered(settlementIds[i], snapshot);
        }
        this.cellsVersion = diagnoser.cellsVersion();
        this.stretchFromPrevious = new boolean[stretchList.size()];
        // stretches: where cells changed since the report (model changes, and another date's cells) must be known
        ChangedCells sinceModel = this.previous == null ? null : diagnoser.cellsChangedSince(this.previous.cellsVersion());
        if (sinceModel != null) {
            List<LineStretch> was = this.previous.stretchList();
            for (int k = 0; k < was.size(); k++) {
                if (this.previous.stretches().get(k) != null) {
                    previousStretches.put(StretchKey.of(was.get(k)), k);
                }
            }
        }
        this.changed = previousStretches.isEmpty() ? null
                : previousActive == null ? sinceModel : sinceModel.and(diagnoser.changedSince(previousActive));
    }

    /** A stretch's place and state: its line, service, km marks, region, and whether it is covered. */
    private record StretchKey(long lineId, uz.qamrov.engine.model.Service service, double fromKm, double toKm,
            String regionCode, boolean covered) {
        static StretchKey of(LineStretch s) {
            return new StretchKey(s.lineId(), s.service(), s.fromKm(), s.toKm(), s.regionCode(), s.covered());
        }
    }

    public int settlementCount() {
        return settlements.length;
    }

    public int stretchCount() {
        return stretches.length;
    }

    /**
     * Diagnoses settlements {@code from} (inclusive) to {@code to} (exclusive) of the model's table, keeping the
     * previous answers that still hold; settlements already diagnosed ({@link #gapSettlements}) are kept.
     */
    public void settlements(int from, int to) {
        diagnoseSettlements(from, to, false);
    }

    /**
     * Of settlements {@code from} (inclusive) to {@code to} (exclusive), diagnoses only those without every mobile
     * service: the places a gap list shows, with their reasons.
     */
    public void gapSettlements(int from, int to) {
        diagnoseSettlements(from, to, true);
    }

    private void diagnoseSettlements(int from, int to, boolean gapsOnly) {
        check(from, to, settlements.length);
        locked(() -> IntStream.range(from, to).parallel().forEach(i -> {
            if (settlementDone[i] || gapsOnly && allCovered[i]) {
                return;
            }
            long id = settlementIds[i];
            settlements[i] = fromPrevious(i, id);
            fromPrevious[i] = settlements[i] != null;
            if (settlements[i] == null) {
                settlements[i] = diagnoser.settlement(i, snapshot);
            }
            settlementDone[i] = true;
        }));
    }

    /** Settlement {@code i}'s answer from the previous report where that still tells it; else null. */
    private PlaceSignal[] fromPrevious(int i, long id) {
        if (!allCovered[i] || previous == null || !previous.allCovered(id) || touched.contains(id)) {
            return null;
        }
        PlaceSignal[] was = previous.settlementSignals(id);
        if (was == null) {
            return null; // a gaps-first report: its covered places were not diagnosed
        }
        if (previousActive == null || coveredSince.sameReach(i)) {
            return was;
        }
        return coveredSince.coveredFrom(i, was);
    }

    /** Diagnoses the snapshot's stretches {@code from} (inclusive) to {@code to} (exclusive) not diagnosed yet. */
    public void stretches(int from, int to) {
        diagnoseStretches(from, to, false);
    }

    /** Of the snapshot's stretches {@code from} (inclusive) to {@code to} (exclusive), diagnoses the uncovered ones. */
    public void gapStretches(int from, int to) {
        diagnoseStretches(from, to, true);
    }

    /**
     * Stretches with the same middle (a line covered end to end has one stretch per mobile service, all alike) are
     * diagnosed together: the cells around the place are found once and each candidate's level measured once. With a
     * country's OSM railways that is most of them (thousands of short yard tracks in towns, each within reach of
     * thousands of cells).
     */
    private void diagnoseStretches(int from, int to, boolean gapsOnly) {
        check(from, to, stretches.length);
        // the stretches to diagnose, by middle (those done, or covered ones of a gaps-only pass, are not)
        Map<Coordinate, List<Integer>> byMiddle = new LinkedHashMap<>();
        for (int k = from; k < to; k++) {
            if (!(stretchDone[k] || gapsOnly && stretchList.get(k).covered())) {
                byMiddle.computeIfAbsent(stretchList.get(k).middle(), c -> new ArrayList<>(3)).add(k);
            }
        }
        List<List<Integer>> groups = new ArrayList<>(byMiddle.values());
        locked(() -> groups.parallelStream().forEach(group -> {
            SignalDiagnoser.Place place = null;
            for (int k : group) {
                stretches[k] = previousStretch(stretchList.get(k));
                stretchFromPrevious[k] = stretches[k] != null;
                if (stretches[k] == null) {
                    if (place == null) {
                        place = diagnoser.around(stretchList.get(k));
                    }
                    stretches[k] = diagnoser.stretch(stretchList.get(k), place);
                }
                stretchDone[k] = true;
            }
        }));
    }

    /**
     * A stretch's previous answer, when the previous report had the same stretch in the same state (covered or not)
     * and no cell its answer may depend on serves on one of the two dates only, or was changed since; else null. A
     * stretch's answer is a function of the active cells near its middle: a covered one's, or an uncovered one's with
     * a cell within the search limit, of the cells within that limit; an uncovered one's with none (its reason says
     * so), of the nearest cell within four times the limit.
     */
    private PlaceSignal previousStretch(LineStretch st) {
        Integer k = previousStretches.get(StretchKey.of(st));
        if (k == null) {
            return null;
        }
        PlaceSignal was = previous.stretches().get(k);
        if (!st.covered() && was.reason() == null) {
            return null;
        }
        boolean nothingNear = !st.covered() && was.reason().code() == GapReason.Code.NO_SITE_WITHIN_KM;
        double dependsOnM = nothingNear ? 4 * diagnoser.searchLimitM() : diagnoser.searchLimitM();
        return changed.anyNear(st.middle().x, st.middle().y, dependsOnM) ? null : was;
    }

    /** The report; every settlement and stretch must have been diagnosed. */
    public SignalReport report() {
        int missing = countFalse(settlementDone) + countFalse(stretchDone);
        if (missing > 0) {
            throw new IllegalStateException(missing + " settlements and stretches of the diagnosis are not done");
        }
        return build(true);
    }

    /**
     * The report of the gaps: every settlement without every mobile service and every uncovered stretch must have
     * been diagnosed; the covered ones not diagnosed yet have no answer ({@link SignalReport#complete()} is false
     * until all are). The diagnosis can go on after it.
     */
    public SignalReport gapReport() {
        int missing = 0;
        for (int i = 0; i < settlements.length; i++) {
            missing += settlementDone[i] || allCovered[i] ? 0 : 1;
        }
        for (int k = 0; k < stretches.length; k++) {
            missing += stretchDone[k] || stretchList.get(k).covered() ? 0 : 1;
        }
        if (missing > 0) {
            throw new IllegalStateException(missing + " gaps of the diagnosis are not done");
        }
        return build(countFalse(settlementDone) + countFalse(stretchDone) == 0);
    }

    private SignalReport build(boolean complete) {
        Map<Long, PlaceSignal[]> bySettlement = new HashMap<>(settlements.length * 2);
        Set<Long> coveredIds = new HashSet<>(settlements.length * 2);
        int carriedSettlements = 0;
        for (int i = 0; i < settlements.length; i++) {
            long id = settlementIds[i];
            if (settlementDone[i]) {
                bySettlement.put(id, settlements[i]);
            }
            if (allCovered[i]) {
                coveredIds.add(id);
            }
            carriedSettlements += fromPrevious[i] ? 1 : 0;
        }
        int carriedStretches = stretches.length - countFalse(stretchFromPrevious);
        return new SignalReport(snapshot.asOf(), snapshot.filter(), bySettlement, coveredIds, stretchList,
                Arrays.asList(stretches), diagnoser.terrain(), new int[] {carriedSettlements, carriedStretches},
                cellsVersion, complete);
    }

    private static int countFalse(boolean[] done) {
        int missing = 0;
        for (boolean d : done) {
            missing += d ? 0 : 1;
        }
        return missing;
    }

    private static void check(int from, int to, int n) {
        if (from < 0 || to > n || from > to) {
            throw new IndexOutOfBoundsException("part " + from + ".." + to + " of " + n);
        }
    }

    private void locked(Runnable r) {
        if (readLock == null) {
            r.run();
            return;
        }
        readLock.lock();
        try {
            r.run();
        } finally {
            readLock.unlock();
        }
    }
}

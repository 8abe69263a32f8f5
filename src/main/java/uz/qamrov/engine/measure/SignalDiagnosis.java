package uz.qamrov.engine.measure;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.stream.IntStream;

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
 * alone are measured against the previous best ({@link SignalDiagnoser#coveredFrom}).
 */
public final class SignalDiagnosis {

    private final SignalDiagnoser diagnoser;
    private final CoverageSnapshot snapshot;
    private final SignalReport previous;
    private final Set<Long> touched;
    /** What counted on the previous report's date when that is another date; else null. */
    private final ActiveCells previousActive;
    private final Lock readLock;
    private final PlaceSignal[][] settlements;
    private final boolean[] allCovered;
    private final boolean[] settlementDone;
    /** Per settlement: whether its answer came from the previous report (kept, or measured against its best). */
    private final boolean[] fromPrevious;
    private final List<LineStretch> stretchList;
    private final PlaceSignal[] stretches;
    private final boolean[] stretchDone;
    private final long[] settlementIds;

    SignalDiagnosis(SignalDiagnoser diagnoser, CoverageSnapshot snapshot, SignalReport previous, Set<Long> touched,
            Lock readLock) {
        this.diagnoser = diagnoser;
        this.snapshot = snapshot;
        // a report of another filter has other answers throughout
        this.previous = previous != null && previous.filter().equals(snapshot.filter()) ? previous : null;
        this.previousActive = this.previous == null || this.previous.asOf().equals(snapshot.asOf()) ? null
                : diagnoser.activeOn(this.previous.asOf());
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
     * previous answers that still hold.
     */
    public void settlements(int from, int to) {
        check(from, to, settlements.length);
        locked(() -> IntStream.range(from, to).parallel().forEach(i -> {
            long id = settlementIds[i];
            allCovered[i] = SignalDiagnoser.allCovered(id, snapshot);
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
        if (previousActive == null || diagnoser.sameReach(i, previousActive)) {
            return previous.settlementSignals(id);
        }
        return diagnoser.coveredFrom(i, previous.settlementSignals(id), previousActive);
    }

    /** Diagnoses the snapshot's stretches {@code from} (inclusive) to {@code to} (exclusive). */
    public void stretches(int from, int to) {
        check(from, to, stretches.length);
        locked(() -> IntStream.range(from, to).parallel().forEach(k -> {
            stretches[k] = diagnoser.stretch(stretchList.get(k));
            stretchDone[k] = true;
        }));
    }

    /** The report; every settlement and stretch must have been diagnosed. */
    public SignalReport report() {
        int missing = countFalse(settlementDone) + countFalse(stretchDone);
        if (missing > 0) {
            throw new IllegalStateException(missing + " settlements and stretches of the diagnosis are not done");
        }
        Map<Long, PlaceSignal[]> bySettlement = new HashMap<>(settlements.length * 2);
        Set<Long> coveredIds = new HashSet<>(settlements.length * 2);
        for (int i = 0; i < settlements.length; i++) {
            long id = settlementIds[i];
            bySettlement.put(id, settlements[i]);
            if (allCovered[i]) {
                coveredIds.add(id);
            }
        }
        int carried = settlements.length - countFalse(fromPrevious);
        return new SignalReport(snapshot.asOf(), snapshot.filter(), bySettlement, coveredIds, Arrays.asList(stretches),
                diagnoser.terrain(), carried);
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

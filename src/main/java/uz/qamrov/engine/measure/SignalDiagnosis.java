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
 */
public final class SignalDiagnosis {

    private final SignalDiagnoser diagnoser;
    private final CoverageSnapshot snapshot;
    private final SignalReport previous;
    private final Set<Long> touched;
    private final Lock readLock;
    private final PlaceSignal[][] settlements;
    private final boolean[] allCovered;
    private final boolean[] settlementDone;
    private final List<LineStretch> stretchList;
    private final PlaceSignal[] stretches;
    private final boolean[] stretchDone;
    private final long[] settlementIds;

    SignalDiagnosis(SignalDiagnoser diagnoser, CoverageSnapshot snapshot, SignalReport previous, Set<Long> touched,
            Lock readLock) {
        this.diagnoser = diagnoser;
        this.snapshot = snapshot;
        this.previous = previous;
        this.touched = touched == null ? Set.of() : touched;
        this.readLock = readLock;
        int n = diagnoser.settlementCount();
        this.settlements = new PlaceSignal[n][];
        this.allCovered = new boolean[n];
        this.settlementDone = new boolean[n];
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
     * Diagnoses settlements {@code from} (inclusive) to {@code to} (exclusive) of the model's table. A settlement
     * covered by every mobile service in the previous report and now, that no change touched, keeps its answer.
     */
    public void settlements(int from, int to) {
        check(from, to, settlements.length);
        locked(() -> IntStream.range(from, to).parallel().forEach(i -> {
            long id = settlementIds[i];
            allCovered[i] = SignalDiagnoser.coveredByEveryMobileService(id, snapshot);
            settlements[i] = allCovered[i] && previous != null && previous.allCovered(id) && !touched.contains(id)
                    ? previous.settlementSignals(id) : diagnoser.settlementSignals(i, snapshot);
            settlementDone[i] = true;
        }));
    }

    /** Diagnoses the snapshot's stretches {@code from} (inclusive) to {@code to} (exclusive). */
    public void stretches(int from, int to) {
        check(from, to, stretches.length);
        locked(() -> IntStream.range(from, to).parallel().forEach(k -> {
            stretches[k] = diagnoser.stretchSignal(stretchList.get(k));
            stretchDone[k] = true;
        }));
    }

    /** The report; every settlement and stretch must have been diagnosed. */
    public SignalReport report() {
        int missing = count(settlementDone) + count(stretchDone);
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
        return new SignalReport(bySettlement, coveredIds, Arrays.asList(stretches), diagnoser.terrain());
    }

    private static int count(boolean[] done) {
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

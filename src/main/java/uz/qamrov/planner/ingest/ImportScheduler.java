package uz.qamrov.planner.ingest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs import jobs on {@code workers} threads in two lanes by size, so large uploads cannot starve small ones: a
 * job of more than {@code large-job-rows} rows is "large", and large jobs together may hold at most
 * {@code workers - 1} workers (with one worker, both lanes share it). A free worker takes the oldest small job
 * first, then the oldest large one it may take. Hence with the default two workers a national 100,000-site upload
 * runs beside any number of small corrections, which wait only for each other; a second large upload waits for the
 * first. Each lane is first-in, first-out; {@link #queue()} is what the job list shows.
 */
final class ImportScheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ImportScheduler.class);

    enum Lane { SMALL, LARGE }

    /** A queued job: {@code position} is 1-based within its lane. */
    record Queued(UUID id, Lane lane, int position) {
    }

    private record Entry(UUID id, Lane lane, Runnable work) {
    }

    private final int workers;
    private final int largeRows;
    private final int maxQueuedPerLane;
    private final Deque<Entry> small = new ArrayDeque<>();
    private final Deque<Entry> large = new ArrayDeque<>();
    private final List<Thread> threads = new ArrayList<>();
    private int runningLarge;
    private boolean closed;

    ImportScheduler(int workers, int largeRows) {
        this(workers, largeRows, Integer.MAX_VALUE);
    }

    /** @param maxQueuedPerLane jobs that may wait in one lane (each holds its parsed file in memory) */
    ImportScheduler(int workers, int largeRows, int maxQueuedPerLane) {
        this.workers = workers;
        this.largeRows = largeRows;
        this.maxQueuedPerLane = maxQueuedPerLane;
        for (int i = 0; i < workers; i++) {
            Thread t = new Thread(this::loop, "import-" + (i + 1));
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    Lane laneOf(int rows) {
        return rows > largeRows ? Lane.LARGE : Lane.SMALL;
    }

    /** Is there room to queue a job of this size? (Asked before the job is recorded.) */
    synchronized boolean hasRoom(int rows) {
        return (laneOf(rows) == Lane.LARGE ? large : small).size() < maxQueuedPerLane;
    }

    synchronized void submit(UUID id, int rows, Runnable work) {
        Lane lane = laneOf(rows);
        (lane == Lane.LARGE ? large : small).addLast(new Entry(id, lane, work));
        notifyAll();
    }

    /** Queued (not yet running) jobs, small lane first. */
    synchronized List<Queued> queue() {
        List<Queued> out = new ArrayList<>();
        int p = 0;
        for (Entry e : small) {
            out.add(new Queued(e.id(), e.lane(), ++p));
        }
        p = 0;
        for (Entry e : large) {
            out.add(new Queued(e.id(), e.lane(), ++p));
        }
        return out;
    }

    private boolean mayTakeLarge() {
        return !large.isEmpty() && (workers == 1 || runningLarge < workers - 1);
    }

    private synchronized Entry next() throws InterruptedException {
        while (!closed && small.isEmpty() && !mayTakeLarge()) {
            wait();
        }
        if (closed) {
            return null;
        }
        if (!small.isEmpty()) {
            return small.pollFirst();
        }
        runningLarge++;
        return large.pollFirst();
    }

    private synchronized void done(Entry e) {
        if (e.lane() == Lane.LARGE) {
            runningLarge--;
        }
        notifyAll();
    }

    private void loop() {
        while (true) {
            Entry e;
            try {
                e = next();
            } catch (InterruptedException ex) {
                return;
            }
            if (e == null) {
                return;
            }
            try {
                e.work().run();
            } catch (RuntimeException | Error ex) {
                // the runner records its own failures; this only keeps the worker alive
                log.error("import job {} ended abnormally", e.id(), ex);
            } finally {
                done(e);
            }
        }
    }

    /** Runs {@code visit} for each queued job id (for tests and shutdown reports). */
    synchronized void forEachQueued(Consumer<UUID> visit) {
        small.forEach(e -> visit.accept(e.id()));
        large.forEach(e -> visit.accept(e.id()));
    }

    @Override
    public synchronized void close() {
        closed = true;
        notifyAll();
    }
}

package uz.qamrov.planner.ingest;

import java.util.Map;

/**
 * The memory and time a reader may spend on one upload. Memory is bounded by counting what a reader keeps
 * (rows and vertices, each checked before the arrays for it are allocated), time by a deadline the readers look at
 * every few rows. A file over budget fails with a 413 or 400 problem naming the limit, without touching the heap
 * other requests need.
 */
final class ParseBudget {

    private final int maxRows;
    private final long maxVertices;
    private final long deadlineNanos;
    private final int maxSeconds;
    private long vertices;

    ParseBudget(int maxRows, long maxVertices, int maxSeconds) {
        this.maxRows = maxRows;
        this.maxVertices = maxVertices;
        this.maxSeconds = maxSeconds;
        this.deadlineNanos = System.nanoTime() + maxSeconds * 1_000_000_000L;
    }

    static ParseBudget of(IngestProperties p) {
        return new ParseBudget(p.maxRows(), p.maxVertices(), p.maxParseSeconds());
    }

    int maxRows() {
        return maxRows;
    }

    /** Before the {@code rowsSoFar+1}-th row is kept. */
    void row(int rowsSoFar) {
        if (rowsSoFar >= maxRows) {
            throw FileProblems.tooManyRows(maxRows);
        }
        if ((rowsSoFar & 255) == 0) {
            time();
        }
    }

    /** Before {@code n} more vertices are allocated ({@code n} comes from the file: it may be anything). */
    void vertices(long n) {
        if (n < 0 || vertices + n > maxVertices) {
            throw FileProblems.tooLarge("the file has more than " + maxVertices + " vertices (qamrov.ingest.max-vertices)",
                    Map.of("maxVertices", maxVertices)).withMessage("detail.too-many-vertices");
        }
        vertices += n;
    }

    void time() {
        if (System.nanoTime() > deadlineNanos) {
            throw FileProblems.tooLarge("reading the file took more than " + maxSeconds
                    + " s (qamrov.ingest.max-parse-seconds); split it into smaller uploads",
                    Map.of("maxParseSeconds", maxSeconds)).withMessage("detail.parse-too-slow");
        }
    }
}

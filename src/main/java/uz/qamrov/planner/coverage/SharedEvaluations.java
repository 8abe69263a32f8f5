package uz.qamrov.planner.coverage;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * One evaluation per key at a time: callers asking for a key whose evaluation is running wait for it and share its
 * value (or its exception) instead of evaluating the same thing again beside it. A dashboard opening a new date asks
 * for the same indicators from several requests at once; on two cores each copy took a core and a read lock of the
 * model for up to seconds. Nothing is kept once the evaluation ends: caching is the caller's.
 */
final class SharedEvaluations<K, V> {

    private final ConcurrentMap<K, CompletableFuture<V>> running = new ConcurrentHashMap<>();
    /** Callers that waited for a running evaluation instead of making their own. */
    private final java.util.concurrent.atomic.AtomicLong shared = new java.util.concurrent.atomic.AtomicLong();

    /** The value of {@code evaluation} for {@code key}: evaluated on this thread, or the running one's. */
    V get(K key, Supplier<V> evaluation) {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> theirs = running.putIfAbsent(key, mine);
        if (theirs != null) {
            shared.incrementAndGet();
            try {
                return theirs.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            V v = evaluation.get();
            mine.complete(v);
            return v;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            running.remove(key, mine);
        }
    }

    /** Callers so far that shared a running evaluation. */
    long shared() {
        return shared.get();
    }

    /** Evaluations running now (for tests). */
    int running() {
        return running.size();
    }
}

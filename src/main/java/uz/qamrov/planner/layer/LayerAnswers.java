package uz.qamrov.planner.layer;

import java.util.Arrays;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import uz.qamrov.planner.coverage.GenerationChanged;

/**
 * Whole answers of the settlements layer (each settlement with its coverage status in a stored run), kept by what
 * determines them: the run, the service, the bbox, the page and the properties asked for. The web map asks for the
 * same national answer (3,000 settlements, ~200 ms of query and JSON) every time a planner switches back to the
 * country; a run is never rewritten (a new one gets a new id), so a kept answer is the answer. Dropped at every new model generation, which
 * also bounds how long an admin's edit of the settlements table waits behind a stale run. At most 32 MB.
 */
@Component
class LayerAnswers {

    /** A page larger than this is not kept (a download, not a map view). */
    static final int MAX_LIMIT = 5000;

    record Key(Layer layer, Long runId, String service, java.time.LocalDate asOf, String bbox, int limit, long offset,
            java.util.List<String> properties, Double simplifyM) {
        static Key of(Layer layer, LayerQuery q) {
            return new Key(layer, q.runId(), q.service(), q.asOf(), Arrays.toString(q.bbox()), q.limit(), q.offset(), q.properties(),
                    q.simplifyM());
        }
    }

    record Answer(long matched, byte[] body) {
    }

    private final Cache<Key, Answer> answers = Caffeine.newBuilder().maximumWeight(32L << 20)
            .weigher((Key k, Answer a) -> a.body().length).build();

    /** Whether answers of this layer and query are kept (the settlements layer, a run, a map-sized page). */
    static boolean keeps(Layer layer, LayerQuery q) {
        // an answer with classes pending would outlive them (the run keeps its id when they are stored)
        return layer == Layer.SETTLEMENTS && q.runId() != null && q.limit() <= MAX_LIMIT && !q.signalClassesPending();
    }

    Answer get(Layer layer, LayerQuery q) {
        return answers.getIfPresent(Key.of(layer, q));
    }

    void put(Layer layer, LayerQuery q, Answer a) {
        answers.put(Key.of(layer, q), a);
    }

    @EventListener
    void onGeneration(GenerationChanged event) {
        answers.invalidateAll();
    }
}

package uz.qamrov.planner.search;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import uz.qamrov.planner.web.ApiException;

/**
 * The place search's entry point: regions, districts and settlements by name in Uzbek (Latin or Cyrillic), Russian
 * or English, tolerant of apostrophe variants and transliteration (see V040's {@code qamrov_fold}).
 */
@Service
public class PlaceSearch {

    static final int MAX_LIMIT = 50;

    private final SearchRepository repository;

    PlaceSearch(SearchRepository repository) {
        this.repository = repository;
    }

    /** Up to {@code limit} places (default 10, at most 50), best first; an empty list when nothing matches. */
    public List<Place> search(String query, Integer limit) {
        if (query == null || query.isBlank()) {
            throw ApiException.badRequest("q must not be empty", Map.of("parameter", "q"))
                    .withMessage("detail.q-empty");
        }
        if (query.length() > 100) {
            throw ApiException.badRequest("q is longer than 100 characters", Map.of("parameter", "q"))
                    .withMessage("detail.q-too-long");
        }
        int l = limit == null ? 10 : limit;
        if (l < 1) {
            throw ApiException.badRequest("limit must be at least 1", Map.of("parameter", "limit", "value", l))
                    .withMessage("detail.limit-too-small");
        }
        return repository.search(query.strip(), Math.min(l, MAX_LIMIT));
    }
}

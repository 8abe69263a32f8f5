package uz.qamrov.planner.target;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** The roadmap targets and gap lists: which one applies to an indicator in a scope. */
@Service
public class TargetCatalog {

    private final TargetRepository repository;

    TargetCatalog(TargetRepository repository) {
        this.repository = repository;
    }

    /** The targets with a value to reach (not the gap lists). */
    public List<Target> all() {
        return repository.findAll().stream().filter(t -> !t.isGapList()).toList();
    }

    public List<Target> gapLists() {
        return repository.findAll().stream().filter(Target::isGapList).toList();
    }

    /**
     * The target for a key in a scope: a region's own target when the ministry set one, else — for shares (%) only —
     * the national target, since a share applies to every region alike. National counts and lengths (57,000 base
     * stations, 220,000 km of fiber) say nothing about one region, so a region gets no target for them.
     */
    public Optional<Target> forIndicator(String key, String scope, List<Target> all) {
        Optional<Target> own = all.stream().filter(t -> t.indicatorKey().equals(key) && t.scope().equals(scope)).findFirst();
        if (own.isPresent() || "UZ".equals(scope)) {
            return own;
        }
        return all.stream().filter(t -> t.indicatorKey().equals(key) && t.scope().equals("UZ") && appliesToEveryRegion(t))
                .findFirst();
    }

    /** Shares, and "nothing left uncovered" ceilings of 0, hold for a region as they do for the nation. */
    public static boolean appliesToEveryRegion(Target t) {
        return "%".equals(t.unit()) || (!t.atLeast() && t.targetValue() != null && t.targetValue() == 0);
    }
}

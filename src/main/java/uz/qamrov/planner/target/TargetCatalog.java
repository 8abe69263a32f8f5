package uz.qamrov.planner.target;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** The roadmap targets: which one applies to an indicator in a scope. */
@Service
public class TargetCatalog {

    private final TargetRepository repository;

    TargetCatalog(TargetRepository repository) {
        this.repository = repository;
    }

    public List<Target> all() {
        return repository.findAll();
    }

    /**
     * The target for a key in a scope: a region's own target when the ministry set one, else the national target
     * (the roadmap's targets apply to every region alike), with the nearest deadline first.
     */
    public Optional<Target> forIndicator(String key, String scope, List<Target> all) {
        return all.stream().filter(t -> t.indicatorKey().equals(key) && t.scope().equals(scope)).findFirst()
                .or(() -> all.stream().filter(t -> t.indicatorKey().equals(key) && t.scope().equals("UZ")).findFirst());
    }
}

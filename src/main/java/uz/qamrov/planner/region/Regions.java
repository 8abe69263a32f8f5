package uz.qamrov.planner.region;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import uz.qamrov.planner.web.ApiException;

/** The region feature's entry point: regions (viloyatlar) and their districts. */
@Service
public class Regions {

    private final RegionRepository repository;

    Regions(RegionRepository repository) {
        this.repository = repository;
    }

    public List<Region> regions() {
        return repository.regions();
    }

    public Optional<Region> region(String code) {
        return repository.region(code);
    }

    /** The districts of a region; 404 problem for an unknown region code. */
    public List<Region> districts(String regionCode) {
        requireRegion(regionCode);
        return repository.districts(regionCode);
    }

    /** Throws a 404 problem unless the region exists. */
    public void requireRegion(String code) {
        if (!repository.regionExists(code)) {
            throw ApiException.notFound("no region with code " + code).withMessage("detail.unknown-region", java.util.Map.of("value", code));
        }
    }

    /** For a {@code region=} filter: a 400 problem naming the parameter unless the region exists (a typo is not "no gaps"). */
    public void requireRegionFilter(String code) {
        if (code != null && !repository.regionExists(code)) {
            throw ApiException.badRequest("unknown region: " + code, java.util.Map.of("parameter", "region", "value", code))
                    .withMessage("detail.unknown-region");
        }
    }
}

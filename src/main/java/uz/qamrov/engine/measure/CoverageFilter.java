package uz.qamrov.engine.measure;

import uz.qamrov.engine.model.Technology;

/**
 * Restricts an evaluation to one operator and/or one technology (null = any). The technology filter keeps only
 * cells of exactly that technology (e.g. "what does the 4G layer cover"); it does not apply to fixed broadband,
 * fiber length or ports. The operator filter applies to cells, sites, fiber, nodes and declarations. Base
 * stations are counted under a technology filter when they have an active cell of that technology.
 */
public record CoverageFilter(String operator, Technology technology) {

    public static final CoverageFilter ANY = new CoverageFilter(null, null);

    public static CoverageFilter operator(String operator) {
        return new CoverageFilter(operator, null);
    }

    public static CoverageFilter technology(Technology technology) {
        return new CoverageFilter(null, technology);
    }
}

package uz.qamrov.engine.measure;

import java.util.List;

import uz.qamrov.engine.model.AdminArea;
import uz.qamrov.engine.model.Settlement;
import uz.qamrov.engine.model.TransportLine;

/**
 * What a footprint's hits (the settlements and line edges it reaches: indices into the model's tables, sample bits,
 * km intervals) depend on besides the footprint: the settlements in their order and their sample count, the lines,
 * the admin areas (edges are cut at region borders) and the edges' maximum length. Two models with equal layouts
 * give a footprint equal hits, so a model built next may take the hits of a footprint it took
 * ({@link ReusableFootprints}).
 */
record ReachLayout(List<Settlement> settlements, List<TransportLine> lines, List<AdminArea> adminAreas,
        int polygonSampleCount, double lineSegmentMaxLengthM) {

    /** Equal layouts; the lists are compared element by element, the same objects first (a planning copy's are). */
    boolean sameAs(ReachLayout o) {
        return polygonSampleCount == o.polygonSampleCount
                && Double.compare(lineSegmentMaxLengthM, o.lineSegmentMaxLengthM) == 0
                && same(settlements, o.settlements) && same(lines, o.lines) && same(adminAreas, o.adminAreas);
    }

    private static boolean same(List<?> a, List<?> b) {
        if (a == b) {
            return true;
        }
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            Object x = a.get(i);
            Object y = b.get(i);
            if (x != y && !x.equals(y)) {
                return false;
            }
        }
        return true;
    }
}

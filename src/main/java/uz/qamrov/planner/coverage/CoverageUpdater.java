package uz.qamrov.planner.coverage;

import java.util.List;

/**
 * What the ingest feature calls after a successful import: recompute what the change touches (incrementally
 * when only sites/fiber changed) and report the indicator changes, nationally and for the regions touched.
 */
public interface CoverageUpdater {

    CoverageUpdate onNetworkChanged(NetworkChange change);

    /**
     * The indicator changes of an import, and a note for its report when something is still to come (null when
     * everything, today's stored run included, is up to date).
     */
    record CoverageUpdate(List<IndicatorChange> changes, String note) {

        static final CoverageUpdate NONE = new CoverageUpdate(List.of(), null);
    }
}

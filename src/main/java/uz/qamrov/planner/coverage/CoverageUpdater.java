package uz.qamrov.planner.coverage;

import java.util.List;

/**
 * What the ingest feature calls after a successful import: recompute what the change touches (incrementally
 * when only sites/fiber changed) and report the indicator changes, nationally and for the regions touched.
 */
public interface CoverageUpdater {

    List<IndicatorChange> onNetworkChanged(NetworkChange change);
}

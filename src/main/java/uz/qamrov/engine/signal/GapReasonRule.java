package uz.qamrov.engine.signal;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

import uz.qamrov.engine.model.Technology;
import uz.qamrov.engine.radio.PointLevel;

/**
 * The reason of a gap: the first rule that holds, in this order (docs/engine.md, "Gap reasons").
 *
 * <ol>
 * <li>{@code partly_covered}: judged by area and {@code 0 < coveredShare < requiredShare};</li>
 * <li>{@code no_site_within_km}: no active cell of any technology within {@code limitM} (details: the nearest one's
 * distance when known, the limit);</li>
 * <li>{@code only_2g_nearby}: the service needs 3G or better, a lower-technology site lies within the limit and no
 * site of the service's technology is as near (a tie goes to the service's site: then it is not "only 2G");</li>
 * <li>{@code terrain_shadow} (only with terrain): some candidate reaches over flat ground (flat level ≥ threshold) but
 * not with terrain; the one with the largest flat margin is named with its obstacle;</li>
 * <li>{@code outside_all_beams}: some sector candidate would reach on its boresight (boresight level, terrain
 * included, ≥ threshold); of those, the one with the largest actual margin (the beam the place is least far
 * outside) is named with the angle off its boresight;</li>
 * <li>{@code below_threshold}: otherwise; the candidate with the largest margin is named with its level.</li>
 * </ol>
 * Ties between cells go to the larger margin, then the smaller cell id. Pure and stateless.
 */
public final class GapReasonRule {

    private GapReasonRule() {
    }

    public static GapReason reason(GapEvidence e) {
        if (e.areaRule() && e.coveredShare() > 0 && e.coveredShare() < e.requiredShare()) {
            return of(GapReason.Code.PARTLY_COVERED, "covered_share", round(e.coveredShare(), 3), "required_share",
                    round(e.requiredShare(), 3));
        }
        if (e.nearestAnyM() == null || e.nearestAnyM() > e.limitM()) {
            return of(GapReason.Code.NO_SITE_WITHIN_KM, "nearest_site_m", e.nearestAnyM() == null ? null : round(e.nearestAnyM(), 1),
                    "limit_km", round(e.limitM() / 1000, 3));
        }
        if (e.required() != Technology.G2 && e.nearestLowerM() != null
                && (e.nearestServiceM() == null || e.nearestServiceM() > e.nearestLowerM())) {
            return of(GapReason.Code.ONLY_2G_NEARBY, "nearest_site_m", round(e.nearestLowerM(), 1), "nearest_site_technology",
                    e.nearestLowerTechnology() == null ? null : e.nearestLowerTechnology().label(), "nearest_service_site_m",
                    e.nearestServiceM() == null ? null : round(e.nearestServiceM(), 1), "required_technology", e.required().label());
        }
        if (e.terrain()) {
            Optional<PointLevel> shadowed = best(e, PointLevel::flatLevelDbm,
                    l -> l.flatLevelDbm() >= l.thresholdDbm() && l.levelDbm() < l.thresholdDbm());
            if (shadowed.isPresent()) {
                PointLevel l = shadowed.get();
                Map<String, Object> d = cellDetails(l);
                d.put("flat_level_dbm", round(l.flatLevelDbm(), 1));
                d.put("terrain_loss_db", round(l.terrainLossDb(), 1));
                d.put("obstacle_lon", l.obstacle() == null ? null : round(l.obstacle().lon(), 6));
                d.put("obstacle_lat", l.obstacle() == null ? null : round(l.obstacle().lat(), 6));
                d.put("obstacle_height_m", l.obstacle() == null ? null : round(l.obstacle().heightM(), 1));
                return new GapReason(GapReason.Code.TERRAIN_SHADOW, d);
            }
        }
        Optional<PointLevel> aside = best(e, PointLevel::levelDbm,
                l -> !l.omni() && l.boresightLevelDbm() >= l.thresholdDbm());
        if (aside.isPresent()) {
            Map<String, Object> d = cellDetails(aside.get());
            d.put("off_boresight_deg", round(aside.get().offBoresightDeg(), 1));
            return new GapReason(GapReason.Code.OUTSIDE_ALL_BEAMS, d);
        }
        Optional<PointLevel> bestCell = best(e, PointLevel::levelDbm, l -> true);
        return new GapReason(GapReason.Code.BELOW_THRESHOLD, bestCell.map(GapReasonRule::cellDetails).orElseGet(() -> {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("cell_id", null);
            return d;
        }));
    }

    /** Candidate with the largest {@code level − threshold} among those passing {@code keep}; ties: smaller id. */
    private static Optional<PointLevel> best(GapEvidence e, ToDoubleFunction<PointLevel> level,
            java.util.function.Predicate<PointLevel> keep) {
        return e.candidates().stream().filter(keep)
                .min(Comparator.<PointLevel>comparingDouble(l -> -(level.applyAsDouble(l) - l.thresholdDbm()))
                        .thenComparingLong(PointLevel::cellId));
    }

    private static Map<String, Object> cellDetails(PointLevel l) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("cell_id", l.cellId());
        d.put("technology", l.technology().label());
        d.put("level_dbm", round(l.levelDbm(), 1));
        d.put("threshold_dbm", round(l.thresholdDbm(), 1));
        d.put("distance_m", round(l.distanceM(), 1));
        return d;
    }

    private static GapReason of(GapReason.Code code, Object... kv) {
        Map<String, Object> d = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            d.put((String) kv[i], kv[i + 1]);
        }
        return new GapReason(code, d);
    }

    static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}

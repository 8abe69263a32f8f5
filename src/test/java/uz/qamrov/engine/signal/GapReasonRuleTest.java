package uz.qamrov.engine.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import uz.qamrov.engine.footprint.LinkBudget;
import uz.qamrov.engine.model.Technology;
import uz.qamrov.engine.radio.PointLevel;

/**
 * {@link GapReasonRule} on evidence written by hand: one case per code, the order between them, and the ties. The
 * search limit is 20 km; 4G threshold −105 dBm, 2G −102 dBm (the default budget).
 */
class GapReasonRuleTest {

    static final double LIMIT = 20_000;

    static PointLevel cell(long id, Technology t, boolean omni, double level, double flat, double boresight) {
        double thr = LinkBudget.DEFAULTS.of(t).thresholdDbm();
        return new PointLevel(id, t, omni, 1_500, 180, level, flat, boresight, thr, flat - level, null, false);
    }

    static GapEvidence evidence(Technology required, Double any, Double service, Double lower, Technology lowerTech,
            boolean terrain, List<PointLevel> cells) {
        return new GapEvidence(required, LIMIT, any, service, lower, lowerTech, terrain, false, 0, 0.5, cells);
    }

    @Test
    void partlyCoveredComesFirstForASettlementJudgedByArea() {
        GapEvidence e = new GapEvidence(Technology.G3, LIMIT, 100.0, 100.0, null, null, false, true, 0.3, 0.5, List.of());
        GapReason r = GapReasonRule.reason(e);
        assertThat(r.code()).isEqualTo(GapReason.Code.PARTLY_COVERED);
        assertThat(r.details()).containsEntry("covered_share", 0.3).containsEntry("required_share", 0.5);
        // nothing of it covered: not "partly"; here no candidate is near enough → below threshold, no cell
        GapEvidence none = new GapEvidence(Technology.G3, LIMIT, 100.0, 100.0, null, null, false, true, 0, 0.5, List.of());
        assertThat(GapReasonRule.reason(none).code()).isEqualTo(GapReason.Code.BELOW_THRESHOLD);
    }

    @Test
    void noSiteWithinTheLimitNamesTheNearestSiteAndTheLimit() {
        GapReason r = GapReasonRule.reason(evidence(Technology.G3, 25_000.0, null, null, null, false, List.of()));
        assertThat(r.code()).isEqualTo(GapReason.Code.NO_SITE_WITHIN_KM);
        assertThat(r.details()).containsEntry("nearest_site_m", 25_000.0).containsEntry("limit_km", 20.0);
        // nothing within 4× the limit either: the distance is unknown (null), the code the same
        assertThat(GapReasonRule.reason(evidence(Technology.G3, null, null, null, null, false, List.of())).details())
                .containsEntry("nearest_site_m", null);
    }

    @Test
    void aSiteExactlyAtTheLimitIsWithinIt() {
        PointLevel far = cell(1, Technology.G4, true, -140, -140, -140);
        GapReason r = GapReasonRule.reason(evidence(Technology.G4, LIMIT, LIMIT, null, null, false, List.of(far)));
        assertThat(r.code()).isEqualTo(GapReason.Code.BELOW_THRESHOLD);
    }

    @Test
    void only2gNearbyWhenTheNearestSiteLacksTheServiceTechnology() {
        PointLevel lte = cell(9, Technology.G4, true, -125, -125, -125);
        GapReason r = GapReasonRule.reason(evidence(Technology.G3, 3_000.0, 12_000.0, 3_000.0, Technology.G2, false, List.of(lte)));
        assertThat(r.code()).isEqualTo(GapReason.Code.ONLY_2G_NEARBY);
        assertThat(r.details()).containsEntry("nearest_site_m", 3_000.0).containsEntry("nearest_site_technology", "2G")
                .containsEntry("nearest_service_site_m", 12_000.0).containsEntry("required_technology", "3G");
        // no site of the service's technology within the limit at all
        assertThat(GapReasonRule.reason(evidence(Technology.G3, 3_000.0, null, 3_000.0, Technology.G2, false, List.of())).code())
                .isEqualTo(GapReason.Code.ONLY_2G_NEARBY);
    }

    @Test
    void aTieBetween2gAndTheServiceSiteIsNotOnly2g() {
        // one site with a 2G and a 4G cell: both at 3 km; the 4G cell arrives at −110 dBm
        PointLevel lte = cell(9, Technology.G4, true, -110, -110, -110);
        GapReason r = GapReasonRule.reason(evidence(Technology.G3, 3_000.0, 3_000.0, 3_000.0, Technology.G2, false, List.of(lte)));
        assertThat(r.code()).isEqualTo(GapReason.Code.BELOW_THRESHOLD);
        assertThat(r.details()).containsEntry("cell_id", 9L).containsEntry("level_dbm", -110.0).containsEntry("threshold_dbm", -105.0);
    }

    @Test
    void mobileAnyIsNeverOnly2g() {
        PointLevel gsm = cell(4, Technology.G2, true, -108, -108, -108);
        GapReason r = GapReasonRule.reason(evidence(Technology.G2, 3_000.0, 3_000.0, null, null, false, List.of(gsm)));
        assertThat(r.code()).isEqualTo(GapReason.Code.BELOW_THRESHOLD);
        assertThat(r.details()).containsEntry("threshold_dbm", -102.0);
    }

    @Test
    void terrainShadowNamesTheCellAndItsObstacleOnlyWithTerrain() {
        // flat earth −100 dBm (5 dB over), a ridge takes 30 dB: −130 dBm
        PointLevel shadowed = new PointLevel(5, Technology.G4, true, 4_500, 0, -130, -100, -100, -105, 30,
                new PointLevel.Obstacle(66.53, 40.5, 800), false);
        GapReason r = GapReasonRule.reason(evidence(Technology.G4, 4_500.0, 4_500.0, null, null, true, List.of(shadowed)));
        assertThat(r.code()).isEqualTo(GapReason.Code.TERRAIN_SHADOW);
        assertThat(r.details()).containsEntry("cell_id", 5L).containsEntry("level_dbm", -130.0).containsEntry("flat_level_dbm", -100.0)
                .containsEntry("terrain_loss_db", 30.0).containsEntry("obstacle_lon", 66.53).containsEntry("obstacle_lat", 40.5)
                .containsEntry("obstacle_height_m", 800.0).containsEntry("threshold_dbm", -105.0);
        // the same numbers without terrain enabled cannot be a shadow: the best cell is under the threshold
        assertThat(GapReasonRule.reason(evidence(Technology.G4, 4_500.0, 4_500.0, null, null, false, List.of(shadowed))).code())
                .isEqualTo(GapReason.Code.BELOW_THRESHOLD);
    }

    @Test
    void terrainShadowBeforeOutsideAllBeams() {
        PointLevel aside = cell(1, Technology.G4, false, -115, -115, -90);
        PointLevel shadowed = cell(2, Technology.G4, true, -130, -104, -104);
        GapReason r = GapReasonRule.reason(evidence(Technology.G4, 800.0, 800.0, null, null, true, List.of(aside, shadowed)));
        assertThat(r.code()).isEqualTo(GapReason.Code.TERRAIN_SHADOW);
        assertThat(r.details()).containsEntry("cell_id", 2L);
    }

    @Test
    void outsideAllBeamsWhenASectorWouldReachOnItsBoresight() {
        // the back lobe gives −110 dBm; on the boresight the same distance gets −85 dBm
        PointLevel back = cell(1, Technology.G4, false, -110, -110, -85);
        PointLevel furtherOutside = cell(5, Technology.G4, false, -118, -118, -80);
        PointLevel omniWeak = cell(2, Technology.G4, true, -112, -112, -112);
        GapReason r = GapReasonRule.reason(evidence(Technology.G4, 1_000.0, 1_000.0, null, null, false, List.of(omniWeak, furtherOutside, back)));
        assertThat(r.code()).isEqualTo(GapReason.Code.OUTSIDE_ALL_BEAMS);
        assertThat(r.details()).containsEntry("cell_id", 1L).containsEntry("level_dbm", -110.0).containsEntry("off_boresight_deg", 180.0);
        // an omni cell has no beam to be outside of
        PointLevel omni = cell(3, Technology.G4, true, -110, -110, -85);
        assertThat(GapReasonRule.reason(evidence(Technology.G4, 1_000.0, 1_000.0, null, null, false, List.of(omni))).code())
                .isEqualTo(GapReason.Code.BELOW_THRESHOLD);
    }

    @Test
    void belowThresholdNamesTheCellWithTheLargestMarginNotTheLargestLevel() {
        // 2G −106 dBm is 4 dB under its −102; 4G −108 dBm is 3 dB under its −105: the 4G cell is the better one
        PointLevel gsm = cell(1, Technology.G2, true, -106, -106, -106);
        PointLevel lte = cell(2, Technology.G4, true, -108, -108, -108);
        GapReason r = GapReasonRule.reason(evidence(Technology.G2, 2_000.0, 2_000.0, null, null, false, List.of(gsm, lte)));
        assertThat(r.code()).isEqualTo(GapReason.Code.BELOW_THRESHOLD);
        assertThat(r.details()).containsEntry("cell_id", 2L).containsEntry("technology", "4G").containsEntry("level_dbm", -108.0)
                .containsEntry("threshold_dbm", -105.0).containsEntry("distance_m", 1_500.0);
    }

    @Test
    void equalMarginsGoToTheSmallerCellId() {
        PointLevel a = cell(7, Technology.G4, false, -110, -110, -108);
        PointLevel b = cell(3, Technology.G4, false, -110, -110, -108);
        assertThat(GapReasonRule.reason(evidence(Technology.G4, 2_000.0, 2_000.0, null, null, false, List.of(a, b))).details())
                .containsEntry("cell_id", 3L);
        PointLevel c = cell(8, Technology.G4, false, -112, -112, -100);
        PointLevel d = cell(4, Technology.G4, false, -112, -112, -95);
        GapReason beams = GapReasonRule.reason(evidence(Technology.G4, 2_000.0, 2_000.0, null, null, false, List.of(c, d)));
        assertThat(beams.code()).isEqualTo(GapReason.Code.OUTSIDE_ALL_BEAMS);
        assertThat(beams.details()).containsEntry("cell_id", 4L);
    }

    @Test
    void signalClassesAtTheirBoundaries() {
        SignalThresholds t = SignalThresholds.DEFAULTS;
        assertThat(t.classify(Technology.G4, -95)).isEqualTo(SignalClass.GOOD);
        assertThat(t.classify(Technology.G4, -95.01)).isEqualTo(SignalClass.FAIR);
        assertThat(t.classify(Technology.G4, -105)).isEqualTo(SignalClass.FAIR);
        assertThat(t.classify(Technology.G4, -105.01)).isEqualTo(SignalClass.BELOW_THRESHOLD);
        assertThat(t.classify(Technology.G3, -87)).isEqualTo(SignalClass.GOOD);
        assertThat(t.classify(Technology.G3, -97.5)).isEqualTo(SignalClass.BELOW_THRESHOLD);
        assertThat(t.classify(Technology.G2, -92)).isEqualTo(SignalClass.GOOD);
        assertThat(t.classify(Technology.G2, -102)).isEqualTo(SignalClass.FAIR);
        assertThat(t.classify(Technology.G5, Double.NaN)).isEqualTo(SignalClass.BELOW_THRESHOLD);
    }
}

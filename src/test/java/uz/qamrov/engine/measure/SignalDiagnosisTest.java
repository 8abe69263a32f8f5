package uz.qamrov.engine.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

import uz.qamrov.engine.geodesy.LocalMetric;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.LineKind;
import uz.qamrov.engine.model.Service;
import uz.qamrov.engine.model.Settlement;
import uz.qamrov.engine.model.Site;
import uz.qamrov.engine.model.Technology;
import uz.qamrov.engine.model.TransportLine;
import uz.qamrov.engine.model.Validity;
import uz.qamrov.engine.radio.RadioSettings;
import uz.qamrov.engine.signal.GapReason.Code;
import uz.qamrov.engine.signal.SignalClass;
import uz.qamrov.engine.terrain.Dem;

/**
 * Signal classes and gap reasons through the model, on cases worked by hand. The cells are rural 4G 1800 MHz at
 * 30 m with the default budget and pattern (numbers of {@code RadialFootprintModelTest}):
 *
 * <pre>
 * allowed = 61 − 10·log 1200 + 105 − 8 − 3 = 124.208 dB;  level = −105 + allowed + A(φ, θ) − L(d)
 * COST-231 rural: L(d) = 104.273 + 35.225·log d (d ≥ 1 km); below 1 km at least free space over the 3-D distance
 * 238 m behind a sector: A = −25 (back lobe, whatever θ); L = FSPL(√(238² + 28.5²) = 239.70 m, 1800 MHz)
 *   = 47.593 + 65.106 − 27.55 = 85.149 dB  →  level = −105 + 124.208 − 25 − 85.149 = −90.94 dBm: good (≥ −95)
 * 1 km behind: L = 104.273 → level −110.07 dBm (under −105); on the boresight A_V(θ = 1.63°) = −0.016 → −85.08 dBm
 * an omni cell 10 km away: A_V(0.163°) = −0.405, L = 139.498 → −120.70 dBm
 * an omni cell 12 km away (a road's middle): A_V(0.136°) = −0.417, L = 142.287 → −123.50 dBm
 * </pre>
 */
class SignalDiagnosisTest {

    static final double LON = 66.5;
    static final double LAT = 40.5;
    static final LocalDate D = LocalDate.of(2025, 1, 1);

    static Cell lte(long id, Double az, double lon, double lat) {
        return new Cell(id, id, "op", Technology.G4, 1800, az, 65, 30, null, null, lon, lat, Validity.ALWAYS);
    }

    static Site site(long id, double lon, double lat) {
        return new Site(id, "op", lon, lat, Validity.ALWAYS);
    }

    static Settlement village(long id, double bearing, double distM) {
        double[] p = LocalMetric.destination(LON, LAT, bearing, distM);
        return new Settlement(id, p[0], p[1], 500, 100, null, null, null);
    }

    static CoverageModel model(RadioSettings radio, List<Cell> cells, List<Settlement> villages, List<TransportLine> lines,
            Dem dem) {
        List<Site> sites = cells.stream().map(c -> site(c.siteId(), c.lon(), c.lat())).distinct().toList();
        return new CoverageModelBuilder().settings(CoverageSettings.DEFAULTS.withRadio(radio)).cells(cells).sites(sites)
                .settlements(villages).lines(lines).terrain(dem).build();
    }

    static PlaceSignal signal(CoverageModel m, long settlement, Service s) {
        return m.diagnose(m.evaluate(D, CoverageFilter.ANY)).settlement(settlement, s).orElseThrow();
    }

    @Test
    void villageBehindASectorIsCoveredByItsBackLobeWithAGoodLevel() {
        CoverageModel m = model(RadioSettings.DEFAULTS, List.of(lte(1, 0.0, LON, LAT)),
                List.of(village(1, 180, 238), village(2, 180, 1000)), List.of(), null);
        PlaceSignal near = signal(m, 1, Service.HIGH_SPEED_MOBILE);
        assertThat(near.reason()).isNull();
        assertThat(near.bestCellId()).isEqualTo(1L);
        assertThat(near.bestLevelDbm()).isCloseTo(-90.9, within(0.1));
        assertThat(near.signalClass()).isEqualTo(SignalClass.GOOD);
        // 1 km behind: the back lobe arrives at −110.1 dBm; on its boresight the cell would give −85.1 dBm
        PlaceSignal far = signal(m, 2, Service.HIGH_SPEED_MOBILE);
        assertThat(far.signalClass()).isEqualTo(SignalClass.BELOW_THRESHOLD);
        assertThat(far.bestLevelDbm()).isCloseTo(-110.1, within(0.1));
        assertThat(far.reason().code()).isEqualTo(Code.OUTSIDE_ALL_BEAMS);
        assertThat(far.reason().details()).containsEntry("cell_id", 1L).containsEntry("off_boresight_deg", 180.0)
                .containsEntry("threshold_dbm", -105.0);
        assertThat((Double) far.reason().details().get("level_dbm")).isCloseTo(-110.1, within(0.1));
    }

    @Test
    void withHardWedgesTheSameVillageIsOutsideAllBeamsAndKeepsItsLevel() {
        // three 65° wedges at 0/120/240°: 238 m at 180° is 60° off two of them and 180° off the third
        List<Cell> cells = List.of(lte(1, 0.0, LON, LAT), lte(2, 120.0, LON, LAT), lte(3, 240.0, LON, LAT));
        CoverageModel m = model(RadioSettings.WEDGES, cells, List.of(village(1, 180, 238)), List.of(), null);
        CoverageSnapshot snap = m.evaluate(D, CoverageFilter.ANY);
        assertThat(snap.isCovered(1, Service.HIGH_SPEED_MOBILE)).isFalse();
        PlaceSignal s = m.diagnose(snap).settlement(1, Service.HIGH_SPEED_MOBILE).orElseThrow();
        // 60° off cells 2 and 3: A_H = −12·(60/65)² = −10.225, A_V(θ = 6.83°) = −12·(4.83/10)² = −2.80 → −78.97 dBm
        assertThat(s.bestCellId()).isEqualTo(2L);
        assertThat(s.bestLevelDbm()).isCloseTo(-79.0, within(0.1));
        assertThat(s.signalClass()).isEqualTo(SignalClass.GOOD);
        assertThat(s.reason().code()).isEqualTo(Code.OUTSIDE_ALL_BEAMS);
        assertThat(s.reason().details()).containsEntry("cell_id", 2L);
    }

    @Test
    void villageBeyondRangeIsBelowThresholdWithin20KmAndHasNoSiteBeyond() {
        CoverageModel m = model(RadioSettings.DEFAULTS, List.of(lte(1, null, LON, LAT)),
                List.of(village(1, 90, 10_000), village(2, 90, 30_000)), List.of(), null);
        PlaceSignal ten = signal(m, 1, Service.MOBILE_INTERNET);
        assertThat(ten.reason().code()).isEqualTo(Code.BELOW_THRESHOLD);
        assertThat(ten.bestLevelDbm()).isCloseTo(-120.7, within(0.1));
        assertThat(ten.reason().details()).containsEntry("cell_id", 1L).containsEntry("threshold_dbm", -105.0);
        assertThat((Double) ten.reason().details().get("distance_m")).isCloseTo(10_000, within(1.0));
        PlaceSignal thirty = signal(m, 2, Service.MOBILE_INTERNET);
        assertThat(thirty.reason().code()).isEqualTo(Code.NO_SITE_WITHIN_KM);
        assertThat(thirty.reason().details()).containsEntry("limit_km", 20.0);
        assertThat((Double) thirty.reason().details().get("nearest_site_m")).isCloseTo(30_000, within(1.0));
        assertThat(thirty.bestCellId()).isNull();
        assertThat(thirty.signalClass()).isEqualTo(SignalClass.BELOW_THRESHOLD);
    }

    @Test
    void villageNearOnlyA2gSiteHasOnly2gNearbyForMobileInternetAndNoReasonForVoice() {
        double[] gsmAt = LocalMetric.destination(LON, LAT, 90, 3_000);
        double[] lteAt = LocalMetric.destination(LON, LAT, 270, 12_000);
        Cell gsm = new Cell(1, 1, "op", Technology.G2, 900, null, 360, 30, null, null, gsmAt[0], gsmAt[1], Validity.ALWAYS);
        CoverageModel m = model(RadioSettings.DEFAULTS, List.of(gsm, lte(2, null, lteAt[0], lteAt[1])),
                List.of(new Settlement(1, LON, LAT, 500, 100, null, null, null)), List.of(), null);
        PlaceSignal internet = signal(m, 1, Service.MOBILE_INTERNET);
        assertThat(internet.reason().code()).isEqualTo(Code.ONLY_2G_NEARBY);
        assertThat(internet.reason().details()).containsEntry("nearest_site_technology", "2G").containsEntry("required_technology", "3G");
        assertThat((Double) internet.reason().details().get("nearest_site_m")).isCloseTo(3_000, within(1.0));
        assertThat((Double) internet.reason().details().get("nearest_service_site_m")).isCloseTo(12_000, within(1.0));
        PlaceSignal voice = signal(m, 1, Service.MOBILE_ANY);
        assertThat(voice.reason()).isNull();
        assertThat(voice.bestCellId()).isEqualTo(1L);
        assertThat(voice.signalClass()).isIn(SignalClass.GOOD, SignalClass.FAIR);
        assertThat(m.diagnose(m.evaluate(D, CoverageFilter.ANY)).settlement(1, Service.FIXED_BROADBAND)).isEmpty();
    }

    @Test
    void uncoveredRoadStretchGetsItsReasonAtItsMiddle() {
        double[] a = LocalMetric.destination(LON, LAT, 90, 10_000);
        double[] b = LocalMetric.destination(LON, LAT, 90, 14_000);
        TransportLine road = new TransportLine(7, LineKind.HIGHWAY, "A1", "international",
                new GeometryFactory().createLineString(new Coordinate[] {new Coordinate(a[0], a[1]), new Coordinate(b[0], b[1])}));
        CoverageModel m = model(RadioSettings.DEFAULTS, List.of(lte(1, null, LON, LAT)), List.of(), List.of(road), null);
        CoverageSnapshot snap = m.evaluate(D, CoverageFilter.ANY);
        SignalReport report = m.diagnose(snap);
        for (int k = 0; k < snap.stretches().size(); k++) {
            LineStretch st = snap.stretches().get(k);
            PlaceSignal s = report.stretches().get(k);
            assertThat(st.covered()).isFalse();
            assertThat(s.reason().code()).as(st.service().key()).isEqualTo(Code.BELOW_THRESHOLD);
            assertThat(s.bestLevelDbm()).isCloseTo(-123.5, within(0.1));
        }
        assertThat(snap.stretches()).hasSize(3);
    }

    /**
     * The ridge of {@code TerrainFootprintTest}: a 400 m plateau with an 800 m ridge 2.3–2.7 km east of an omni 4G
     * 800 MHz cell; a village 4.5 km east is reached over flat ground (margin ≈ 4 dB) but not over the ridge
     * (ν ≈ 26.7, J ≈ 41 dB).
     */
    @Test
    void villageBehindARidgeIsInTerrainShadowWithTheRidgeAsObstacle() {
        Dem ridge = dem((x, y) -> Math.abs(x - 2500) < 200 ? 800 : 400);
        Cell omni = new Cell(1, 1, "op", Technology.G4, 800, null, 360, 30, null, null, LON, LAT, Validity.ALWAYS);
        CoverageModel m = model(RadioSettings.DEFAULTS, List.of(omni), List.of(village(1, 90, 4_500)), List.of(), ridge);
        PlaceSignal s = signal(m, 1, Service.HIGH_SPEED_MOBILE);
        assertThat(s.reason().code()).isEqualTo(Code.TERRAIN_SHADOW);
        var d = s.reason().details();
        assertThat((Double) d.get("flat_level_dbm")).isBetween(-105.0, -95.0);
        assertThat((Double) d.get("terrain_loss_db")).isGreaterThan(30.0);
        assertThat((Double) d.get("obstacle_height_m")).isBetween(700.0, 800.0);
        double obstacleM = LocalMetric.distanceM(LON, LAT, (Double) d.get("obstacle_lon"), (Double) d.get("obstacle_lat"));
        assertThat(obstacleM).isBetween(2_250.0, 2_750.0);
        // the same village without the DEM is covered
        CoverageModel flat = model(RadioSettings.DEFAULTS, List.of(omni), List.of(village(1, 90, 4_500)), List.of(), null);
        assertThat(signal(flat, 1, Service.HIGH_SPEED_MOBILE).reason()).isNull();
    }


    /**
     * The search for a covered place's best level goes past the cell with the best flat level when terrain lowers it:
     * the ridge above stands between an omni cell 3.5 km west of a road's stretch (the higher flat level, and one of
     * the stretch's candidates: it is in flat range) and the stretch; a second omni cell 4 km east of it looks over
     * the open plateau. The stretch's answer is the eastern cell's, with the level it has alone; the western one,
     * alone and without the DEM, would give more.
     */
    @Test
    void coveredStretchBehindARidgeTakesTheCellItCanSeeEvenWithALowerFlatLevel() {
        Dem ridge = dem((x, y) -> Math.abs(x - 2500) < 200 ? 800 : 400);
        double[] west = LocalMetric.destination(LON, LAT, 90, 1_000);
        double[] east = LocalMetric.destination(LON, LAT, 90, 8_500);
        Cell shadowed = new Cell(1, 1, "op", Technology.G4, 800, null, 360, 30, null, null, west[0], west[1], Validity.ALWAYS);
        Cell seen = new Cell(2, 2, "op", Technology.G4, 800, null, 360, 30, null, null, east[0], east[1], Validity.ALWAYS);
        double[] mid = LocalMetric.destination(LON, LAT, 90, 4_500);
        double[] n = LocalMetric.destination(mid[0], mid[1], 0, 100);
        double[] s = LocalMetric.destination(mid[0], mid[1], 180, 100);
        TransportLine road = new TransportLine(7, LineKind.HIGHWAY, "A1", "international", new GeometryFactory()
                .createLineString(new Coordinate[] {new Coordinate(s[0], s[1]), new Coordinate(n[0], n[1])}));
        PlaceSignal both = stretch(model(RadioSettings.DEFAULTS, List.of(shadowed, seen), List.of(), List.of(road), ridge));
        PlaceSignal alone = stretch(model(RadioSettings.DEFAULTS, List.of(seen), List.of(), List.of(road), ridge));
        PlaceSignal westFlat = stretch(model(RadioSettings.DEFAULTS, List.of(shadowed), List.of(), List.of(road), null));
        assertThat(both.reason()).isNull();
        assertThat(both.bestCellId()).isEqualTo(2L);
        assertThat(both.bestLevelDbm()).isEqualTo(alone.bestLevelDbm());
        assertThat(westFlat.bestCellId()).isEqualTo(1L);
        assertThat(westFlat.bestLevelDbm()).isGreaterThan(alone.bestLevelDbm() + 1);
    }

    /** The answer of the model's one line for high-speed mobile internet, which must be one covered stretch. */
    private static PlaceSignal stretch(CoverageModel m) {
        CoverageSnapshot snap = m.evaluate(D, CoverageFilter.ANY);
        SignalReport report = m.diagnose(snap);
        for (int k = 0; k < snap.stretches().size(); k++) {
            LineStretch st = snap.stretches().get(k);
            if (st.service() == Service.HIGH_SPEED_MOBILE) {
                assertThat(st.covered()).isTrue();
                assertThat(st.lengthKm()).isCloseTo(0.2, within(0.001));
                return report.stretches().get(k);
            }
        }
        throw new AssertionError("no stretch for high-speed mobile internet");
    }

    /** 0.3° × 0.3° DEM of 0.001° cells centred on the site, heights from the plane offset (as TerrainFootprintTest). */
    static Dem dem(uz.qamrov.engine.Fixtures.Height h) {
        return uz.qamrov.engine.Fixtures.demAround(LON, LAT, h);
    }
}

package uz.qamrov.geodata.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import org.junit.jupiter.api.Test;

import uz.qamrov.engine.measure.CoverageFilter;
import uz.qamrov.engine.measure.CoverageModel;
import uz.qamrov.engine.measure.CoverageSnapshot;
import uz.qamrov.engine.measure.PlaceSignal;
import uz.qamrov.engine.measure.SignalReport;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.Service;
import uz.qamrov.engine.model.Settlement;
import uz.qamrov.engine.model.Site;
import uz.qamrov.engine.model.Technology;
import uz.qamrov.engine.signal.GapReason;

/**
 * What issue #11's "done when" asks of the demo, on the committed dataset with the service's default model (antenna
 * patterns with terrain, {@link ShippedModel}), on the calibration's snapshot date:
 * <ul>
 * <li>villages between the beams of a 3-sector 4G site a few hundred metres away (the Qoraobod case: outside every
 * 65° wedge, so the former hard sectors left them without 4G from that site) are covered by that site's side or back
 * lobe — the engine's own footprint of that site's cell contains them;</li>
 * <li>mountain villages behind ridges are reported {@code terrain_shadow}, and the obstacle named is a real one: an
 * independent line-of-sight check on the DEM (our own bilinear reading of the grid, GeographicLib distances, the
 * k = 4/3 earth bulge) finds the obstacle between the named cell's site and the village, reaching into 60 % of the
 * first Fresnel zone of the path from the antenna to a receiver 1.5 m above the village (the classical clearance
 * rule), and above its line of sight for at least 90 % of them (2026-12-02: 40 of 42; the other two graze it and
 * lose 4 and 12 dB); every one lies above 500 m.</li>
 * </ul>
 */
class ShippedRadioModelTest {

    private static final double K_EARTH_RADIUS_M = 4.0 / 3 * 6_371_000;
    /** Above the plains (Karakalpakstan ~100 m, the Fergana valley floor ~400–500 m): foothills and mountains. */
    private static final double MOUNTAINS_M = 500;

    @Test
    void villagesBetweenTheBeamsOfANearbyFourGSiteAreCoveredByItsLobes() {
        GeodataInputs in = ShippedModel.inputs();
        CoverageModel model = ShippedModel.model();
        CoverageSnapshot snap = model.evaluate(Calibration.SNAPSHOT, CoverageFilter.ANY);
        Map<Long, Boolean> has4g = new HashMap<>();
        snap.settlements().stream().filter(c -> c.service() == Service.HIGH_SPEED_MOBILE)
                .forEach(c -> has4g.put(c.settlementId(), c.covered()));
        Map<Long, List<Cell>> sectors4g = new HashMap<>();
        for (Cell c : in.cells()) {
            if (c.technology() == Technology.G4 && c.azimuthDeg() != null && c.validity().contains(Calibration.SNAPSHOT)) {
                sectors4g.computeIfAbsent(c.siteId(), k -> new ArrayList<>()).add(c);
            }
        }
        int between = 0;
        int coveredByTheSite = 0;
        StringBuilder seen = new StringBuilder();
        for (Site site : in.sites()) {
            List<Cell> sectors = sectors4g.get(site.id());
            if (sectors == null || sectors.size() != 3) {
                continue;
            }
            for (Settlement s : in.settlements()) {
                if (Math.abs(s.lat() - site.lat()) > 0.006 || Math.abs(s.lon() - site.lon()) > 0.008) {
                    continue;
                }
                GeodesicData g = Geodesic.WGS84.Inverse(site.lat(), site.lon(), s.lat(), s.lon());
                if (g.s12 < 100 || g.s12 > 500) {
                    continue;
                }
                boolean inAWedge = false;
                for (Cell c : sectors) {
                    double off = Math.abs(Math.IEEEremainder(g.azi1 - c.azimuthDeg(), 360));
                    inAWedge |= off <= c.beamwidthDeg() / 2;
                }
                if (inAWedge) {
                    continue;
                }
                between++;
                boolean lobe = sectors.stream().anyMatch(c -> model.footprintOf(c.id()).contains(s.lon(), s.lat()));
                if (lobe) {
                    coveredByTheSite++;
                }
                if (seen.length() < 2000) {
                    seen.append(String.format("%n  settlement %d, %.0f m from site %d at bearing %.1f° (sectors %s): "
                            + "inside one of its footprints %s, 4G %s", s.id(), g.s12, site.id(), g.azi1,
                            sectors.stream().map(c -> String.valueOf(c.azimuthDeg())).toList(), lobe, has4g.get(s.id())));
                }
            }
        }
        System.out.printf("villages 100–500 m from a 3-sector 4G site, outside its 65° wedges: %d, in a footprint of "
                + "that site: %d%s%n", between, coveredByTheSite, seen);
        assertThat(between).as("Qoraobod-like villages in the demo").isPositive();
        assertThat(coveredByTheSite).isPositive();
    }

    @Test
    void mountainVillagesBehindRidgesAreInTerrainShadow() throws IOException {
        GeodataInputs in = ShippedModel.inputs();
        CoverageModel model = ShippedModel.model();
        Terrain dem = Terrain.read(ShippedModel.DIR.resolve("dem/uz_srtm30plus_1min.asc.gz"));
        SignalReport report = model.diagnose(model.evaluate(Calibration.SNAPSHOT, CoverageFilter.ANY));
        assertThat(report.terrain()).isTrue();
        int shadowed = 0;
        int blocked = 0;
        StringBuilder seen = new StringBuilder();
        for (Settlement s : in.settlements()) {
            PlaceSignal p = report.settlement(s.id(), Service.MOBILE_INTERNET).orElse(null);
            if (p == null || p.reason() == null || p.reason().code() != GapReason.Code.TERRAIN_SHADOW) {
                continue;
            }
            shadowed++;
            Map<String, Object> d = p.reason().details();
            Cell cell = in.cells().get((int) ((Number) d.get("cell_id")).longValue() - 1);
            double oLon = ((Number) d.get("obstacle_lon")).doubleValue();
            double oLat = ((Number) d.get("obstacle_lat")).doubleValue();
            double dist = Geodesic.WGS84.Inverse(cell.lat(), cell.lon(), s.lat(), s.lon()).s12;
            double d1 = Geodesic.WGS84.Inverse(cell.lat(), cell.lon(), oLat, oLon).s12;
            double d2 = Geodesic.WGS84.Inverse(oLat, oLon, s.lat(), s.lon()).s12;
            double tx = bilinear(dem, cell.lon(), cell.lat()) + cell.antennaHeightM();
            double rx = bilinear(dem, s.lon(), s.lat()) + 1.5;
            double ground = bilinear(dem, oLon, oLat);
            double sight = tx + (rx - tx) * d1 / dist - d1 * d2 / (2 * K_EARTH_RADIUS_M);
            boolean onPath = d1 + d2 <= dist + 50 && d1 < dist;
            // the first Fresnel zone's radius at the obstacle; a path whose obstacle reaches into its inner 60 % is
            // obstructed by the usual clearance rule (diffraction loss > 0), one above the line of sight is blocked
            double fresnelM = Math.sqrt(299.792458 / cell.bandMhz() * d1 * d2 / dist);
            assertThat(onPath).as("settlement %d: the obstacle lies between the site and the village", s.id()).isTrue();
            assertThat(ground).as("settlement %d: the obstacle intrudes into 60%% of the first Fresnel zone (%.1f m)",
                    s.id(), fresnelM).isGreaterThan(sight - 0.6 * fresnelM);
            assertThat(bilinear(dem, s.lon(), s.lat())).as("settlement %d is a mountain village", s.id())
                    .isGreaterThanOrEqualTo(MOUNTAINS_M);
            if (ground > sight) {
                blocked++;
            }
            seen.append(String.format("%n  settlement %d (%.4f, %.4f, %.0f m): cell %d %.1f km away, obstacle %.1f km out at "
                    + "%.0f m (line of sight %.0f m), on the path %s, details %s", s.id(), s.lon(), s.lat(),
                    bilinear(dem, s.lon(), s.lat()), cell.id(), dist / 1000, d1 / 1000, ground, sight, onPath, d));
        }
        System.out.printf("terrain_shadow (mobile internet): %d, line of sight blocked: %d%s%n", shadowed, blocked, seen);
        assertThat(shadowed).isPositive();
        // most are plainly behind a ridge; the others graze it (an obstacle within the Fresnel zone, a few dB)
        assertThat(blocked).isGreaterThanOrEqualTo((int) Math.ceil(0.9 * shadowed));
    }

    /** Bilinear between the grid's cell centres, read one cell at a time from the calibration's own DEM reader. */
    private static double bilinear(Terrain dem, double lon, double lat) {
        double cell = 1.0 / 60;
        double x = lon / cell - 0.5;
        double y = lat / cell - 0.5;
        double x0 = Math.floor(x);
        double y0 = Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        double h00 = dem.elevationM((x0 + 0.5) * cell, (y0 + 0.5) * cell);
        double h10 = dem.elevationM((x0 + 1.5) * cell, (y0 + 0.5) * cell);
        double h01 = dem.elevationM((x0 + 0.5) * cell, (y0 + 1.5) * cell);
        double h11 = dem.elevationM((x0 + 1.5) * cell, (y0 + 1.5) * cell);
        return (1 - fy) * ((1 - fx) * h00 + fx * h10) + fy * ((1 - fx) * h01 + fx * h11);
    }
}

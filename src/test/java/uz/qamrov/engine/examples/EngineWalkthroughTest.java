package uz.qamrov.engine.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.LineString;

import uz.qamrov.engine.Fixtures;
import uz.qamrov.engine.measure.ChangeStats;
import uz.qamrov.engine.measure.CoverageFilter;
import uz.qamrov.engine.measure.CoverageModel;
import uz.qamrov.engine.measure.CoverageModelBuilder;
import uz.qamrov.engine.measure.CoverageSettings;
import uz.qamrov.engine.measure.CoverageSnapshot;
import uz.qamrov.engine.measure.CoverageUnionBuilder;
import uz.qamrov.engine.measure.IndicatorKeys;
import uz.qamrov.engine.measure.IndicatorValue;
import uz.qamrov.engine.measure.LineStretch;
import uz.qamrov.engine.measure.NearestFinder;
import uz.qamrov.engine.measure.RegionCoverage;
import uz.qamrov.engine.measure.ScopeType;
import uz.qamrov.engine.model.AdminArea;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.FiberRoute;
import uz.qamrov.engine.model.LineKind;
import uz.qamrov.engine.model.Service;
import uz.qamrov.engine.model.Settlement;
import uz.qamrov.engine.model.Site;
import uz.qamrov.engine.model.Technology;
import uz.qamrov.engine.model.TransportLine;
import uz.qamrov.engine.model.Validity;

/**
 * Compilable usage documentation: a toy district with two villages, a highway, a 3-sector 4G site, a 2G site and
 * a fiber route. Read top to bottom.
 */
class EngineWalkthroughTest {

    @Test
    void walkthrough() {
        // 1. inputs, all WGS84 lon/lat, as the persistence layer would load them
        AdminArea region = new AdminArea("SA", "SA", true, Fixtures.wkt("POLYGON((66 39.5, 67 39.5, 67 40.5, 66 40.5, 66 39.5))"));
        AdminArea district = new AdminArea("SA01", "SA", false, Fixtures.wkt("POLYGON((66 39.5, 67 39.5, 67 40.5, 66 40.5, 66 39.5))"));
        Settlement kishlakA = new Settlement(1, 66.50, 40.00, 3_000, 600, "SA", "SA01", null);
        Settlement kishlakB = new Settlement(2, 66.80, 40.30, 1_200, 250, "SA", "SA01", null);
        TransportLine m39 = new TransportLine(10, LineKind.HIGHWAY, "M39", "international",
                (LineString) Fixtures.wkt("LINESTRING(66.2 40.0, 66.9 40.0)"));
        Site site = new Site(100, "ucell", 66.52, 40.0, Validity.from(LocalDate.of(2024, 3, 1)));
        List<Cell> cells = List.of(0.0, 120.0, 240.0).stream()
                .map(az -> new Cell((long) (1000 + az), 100, "ucell", Technology.G4, 800, az, 65, 40, null, null, 66.52, 40.0,
                        site.validity()))
                .toList();
        Site old2g = new Site(200, "beeline", 66.79, 40.29, Validity.between(LocalDate.of(2010, 1, 1), LocalDate.of(2025, 1, 1)));
        Cell omni2g = new Cell(2000, 200, "beeline", Technology.G2, 900, null, 360, 30, null, 5_000.0, 66.79, 40.29,
                old2g.validity());
        FiberRoute fiber = new FiberRoute(7, "uztelecom", (LineString) Fixtures.wkt("LINESTRING(66.4 40.005, 66.6 40.005)"),
                Validity.ALWAYS);

        // 2. build once: all geometry happens here (ranges, footprints, intervals, fiber proximity)
        CoverageModel model = new CoverageModelBuilder()
                .settings(CoverageSettings.DEFAULTS)
                .adminAreas(List.of(region, district))
                .settlements(List.of(kishlakA, kishlakB))
                .lines(List.of(m39))
                .sites(List.of(site, old2g))
                .cells(new java.util.ArrayList<>(cells) {{ add(omni2g); }})
                .fiberRoutes(List.of(fiber))
                .build();
        System.out.println("4G 800 MHz range: " + model.rangeOf(1000));

        // 3. evaluate any date and filter: no geometry is recomputed
        CoverageSnapshot now = model.evaluate(LocalDate.of(2026, 1, 1), CoverageFilter.ANY);
        CoverageSnapshot before = model.evaluate(LocalDate.of(2023, 1, 1), CoverageFilter.ANY);
        assertThat(now.isCovered(1, Service.HIGH_SPEED_MOBILE)).isTrue();
        assertThat(now.isCovered(1, Service.FIXED_BROADBAND)).isTrue();
        assertThat(before.isCovered(1, Service.HIGH_SPEED_MOBILE)).isFalse();
        assertThat(before.isCovered(2, Service.MOBILE_ANY)).isTrue();   // the 2G site, decommissioned in 2025
        assertThat(now.isCovered(2, Service.MOBILE_ANY)).isFalse();

        for (IndicatorValue v : now.indicators().values()) {
            if (v.scopeType() == ScopeType.NATIONAL) {
                System.out.printf("%-55s %10.4f  (%s/%s %s)%n", v.key(), v.value(), v.numerator(), v.denominator(), v.unit());
            }
        }
        for (LineStretch s : now.stretches(10, Service.HIGH_SPEED_MOBILE)) {
            System.out.printf("M39 km %.3f–%.3f %s in %s%n", s.fromKm(), s.toKm(), s.covered() ? "covered" : "gap",
                    s.regionCode());
        }
        // a site on the road: its three sectors meet at the mast without spurious gaps
        assertThat(now.stretches(10, Service.HIGH_SPEED_MOBILE)).extracting(LineStretch::covered)
                .containsExactly(false, true, false);
        IndicatorValue road = now.indicators().national(IndicatorKeys.HIGHWAYS_INTERNATIONAL_HSM_PCT).orElseThrow();
        assertThat(road.value()).isBetween(0.0, 1.0);
        assertThat(road.denominator()).isCloseTo(0.7 * 85.39, within(0.1));

        // 4. incremental change: a new 4G site near kishlak B
        Site newSite = new Site(300, "ucell", 66.80, 40.30, Validity.from(LocalDate.of(2025, 6, 1)));
        Cell newCell = new Cell(3000, 300, "ucell", Technology.G4, 1800, null, 360, 30, null, null, 66.80, 40.30,
                newSite.validity());
        ChangeStats stats = model.applySiteChanges(List.of(), List.of(newCell), List.of(), List.of(newSite));
        System.out.println("incremental: " + stats);
        assertThat(model.evaluate(LocalDate.of(2026, 1, 1), CoverageFilter.ANY).isCovered(2, Service.HIGH_SPEED_MOBILE))
                .isTrue();

        // 5. gap-list distances and map polygons (slower, off the indicator path)
        NearestFinder nearest = NearestFinder.of(model);
        System.out.println("nearest fiber to B: " + nearest.nearestFiber(kishlakB, LocalDate.of(2026, 1, 1), null));
        List<RegionCoverage> polygons = CoverageUnionBuilder.union(model, LocalDate.of(2026, 1, 1), Technology.G4, null);
        System.out.printf("4G area in SA: %.1f km²%n", polygons.get(0).areaKm2());
        assertThat(polygons.get(0).areaKm2()).isPositive();
    }
}

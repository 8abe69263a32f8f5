package uz.qamrov.engine.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static uz.qamrov.engine.Fixtures.D2026;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.LineString;

import uz.qamrov.engine.Fixtures;
import uz.qamrov.engine.model.FiberNode;
import uz.qamrov.engine.model.FiberRoute;
import uz.qamrov.engine.model.Site;
import uz.qamrov.engine.model.Validity;

class NearestFinderTest {

    @Test
    void nearestActiveSiteAndFiber() {
        double[] near = Fixtures.from(66, 40, 90, 3_000);
        double[] far = Fixtures.from(66, 40, 0, 40_000);
        double[] routeY = Fixtures.from(66, 40, 180, 7_000);
        var m = new CoverageModelBuilder().sites(List.of(
                new Site(1, "x", near[0], near[1], Validity.from(LocalDate.of(2027, 1, 1))),
                new Site(2, "y", far[0], far[1], Validity.ALWAYS)))
                .fiberRoutes(List.of(new FiberRoute(5, "uzt", (LineString) Fixtures.wkt("LINESTRING(65.5 " + routeY[1]
                        + ", 66.5 " + routeY[1] + ")"), Validity.ALWAYS)))
                .fiberNodes(List.of(new FiberNode(9, "uzt", 66.5, 40, 10, Validity.ALWAYS)))
                .build();
        NearestFinder f = NearestFinder.of(m);
        // the 3 km site is not yet commissioned in 2026: the 40 km one is nearest
        assertThat(f.nearestSite(66, 40, D2026, null).orElseThrow().featureId()).isEqualTo(2);
        assertThat(f.nearestSite(66, 40, D2026, null).orElseThrow().distanceM()).isCloseTo(40_000, within(1.0));
        assertThat(f.nearestSite(66, 40, LocalDate.of(2027, 6, 1), null).orElseThrow().distanceM()).isCloseTo(3_000,
                within(1.0));
        assertThat(f.nearestSite(66, 40, D2026, "x")).isEmpty();
        Nearest fiber = f.nearestFiber(66, 40, D2026, null).orElseThrow();
        assertThat(fiber.kind()).isEqualTo("fiber_route");
        // the route runs along a parallel 7 km south; a parallel is not a geodesic, so allow a metre
        assertThat(fiber.distanceM()).isCloseTo(7_000, within(1.0));

        var village = new uz.qamrov.engine.model.Settlement(1, 66, 40, 10, 2, "R", null, null);
        assertThat(f.distancesFor(List.of(village), D2026, null)).singleElement().satisfies(d -> {
            assertThat(d.nearestSiteM()).isCloseTo(40_000, within(1.0));
            assertThat(d.nearestFiberM()).isCloseTo(7_000, within(1.0));
        });
        assertThat(f.distancesFor(List.of(village), D2026, "nobody").get(0).nearestSiteM()).isNull();
    }

    /**
     * After a change of sites only, a finder that keeps the previous fiber index answers exactly as one built from
     * scratch: the removed site is gone, the added one found, and fiber distances are the same.
     */
    @Test
    void afterASiteChangeKeepingTheFiberIndexAnswersLikeANewFinder() {
        double[] a = Fixtures.from(66, 40, 90, 3_000);
        double[] b = Fixtures.from(66, 40, 270, 9_000);
        double[] routeY = Fixtures.from(66, 40, 180, 7_000);
        var m = new CoverageModelBuilder().sites(List.of(new Site(1, "x", a[0], a[1], Validity.ALWAYS)))
                .fiberRoutes(List.of(new FiberRoute(5, "uzt", (LineString) Fixtures.wkt("LINESTRING(65.5 " + routeY[1]
                        + ", 66.5 " + routeY[1] + ")"), Validity.ALWAYS)))
                .build();
        NearestFinder before = NearestFinder.of(m);
        assertThat(before.nearestSite(66, 40, D2026, null).orElseThrow().featureId()).isEqualTo(1);
        m.applySiteChanges(List.of(), List.of(), List.of(1L), List.of(new Site(2, "y", b[0], b[1], Validity.ALWAYS)));

        NearestFinder kept = before.withSitesOf(m);
        NearestFinder fresh = NearestFinder.of(m);
        Nearest site = kept.nearestSite(66, 40, D2026, null).orElseThrow();
        assertThat(site.featureId()).isEqualTo(2);
        assertThat(site.distanceM()).isCloseTo(9_000, within(1.0));
        java.util.Random rnd = new java.util.Random(7);
        for (int i = 0; i < 200; i++) {
            double lon = 65.6 + rnd.nextDouble() * 0.8;
            double lat = 39.7 + rnd.nextDouble() * 0.6;
            assertThat(kept.nearestSite(lon, lat, D2026, null)).isEqualTo(fresh.nearestSite(lon, lat, D2026, null));
            assertThat(kept.nearestFiber(lon, lat, D2026, null)).isEqualTo(fresh.nearestFiber(lon, lat, D2026, null));
        }
    }

    /**
     * After sites were only added, the distances before, narrowed by the added sites, equal a finder built from scratch
     * at 300 random settlements: with a site added 500 m from one of them, one not yet on air, and none at all; and
     * the model reports the change as sites only added (a moved site is not).
     */
    @Test
    void afterAddingSitesTheNarrowedDistancesEqualANewFinder() {
        java.util.Random rnd = new java.util.Random(11);
        List<uz.qamrov.engine.model.Settlement> villages = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            villages.add(new uz.qamrov.engine.model.Settlement(i + 1, 65.6 + rnd.nextDouble() * 0.8,
                    39.7 + rnd.nextDouble() * 0.6, 10, 2, "R", null, null));
        }
        List<Site> sites = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            sites.add(new Site(100 + i, i % 2 == 0 ? "x" : "y", 65.6 + rnd.nextDouble() * 0.8, 39.7 + rnd.nextDouble() * 0.6,
                    Validity.ALWAYS));
        }
        var m = new CoverageModelBuilder().settlements(villages).sites(sites).build();
        NearestFinder before = NearestFinder.of(m);
        double[] distancesBefore = before.siteDistancesM(villages, D2026, "x");
        double[] near = Fixtures.from(villages.get(0).lon(), villages.get(0).lat(), 45, 500);
        List<Site> added = List.of(new Site(500, "x", near[0], near[1], Validity.ALWAYS),
                new Site(501, "x", 66.0, 40.0, Validity.from(LocalDate.of(2027, 1, 1))),
                new Site(502, "y", 66.1, 40.1, Validity.ALWAYS));
        ChangeStats stats = m.applySiteChanges(List.of(), List.of(), List.of(500L, 501L, 502L), added);
        assertThat(stats.sitesOnlyAdded()).isTrue();

        double[] narrowed = NearestFinder.narrowedByAddedSites(distancesBefore, villages, added, D2026, "x");
        double[] fresh = NearestFinder.of(m).siteDistancesM(villages, D2026, "x");
        assertThat(narrowed).containsExactly(fresh, within(1e-9));
        assertThat(narrowed[0]).isCloseTo(500, within(1.0));
        assertThat(distancesBefore[0]).as("the test means something only if the new site is nearer").isGreaterThan(600);
        assertThat(NearestFinder.narrowedByAddedSites(distancesBefore, villages, List.of(), D2026, "x")).containsExactly(distancesBefore);

        ChangeStats moved = m.applySiteChanges(List.of(), List.of(), List.of(500L), List.of(new Site(500, "x", 66.3, 39.9,
                Validity.ALWAYS)));
        assertThat(moved.sitesOnlyAdded()).as("a site that was already there moved").isFalse();
    }

    /**
     * Distances on one date from those on another equal a full search, site by site and fiber by fiber, for the
     * random network (sites, routes and nodes starting and ending on four dates): no boundary between the dates,
     * one, all of them, and backwards in time. Checks that the shortcut was taken (most distances carried) and that
     * settlements whose nearest site was lost were measured again (their distance grew).
     */
    @org.junit.jupiter.api.RepeatedTest(3)
    void distancesFromAnotherDateEqualAFullSearch(org.junit.jupiter.api.RepetitionInfo repetition) {
        long seed = uz.qamrov.engine.TestSeeds.seed("NearestFinderTest", 20261210L + repetition.getCurrentRepetition());
        uz.qamrov.engine.RandomNetwork net = new uz.qamrov.engine.RandomNetwork(seed);
        List<uz.qamrov.engine.model.Settlement> villages = net.settlements(400, 0.0);
        List<Site> sites = new java.util.ArrayList<>();
        net.sitesAndCells(150, sites, new java.util.ArrayList<>());
        NearestFinder finder = NearestFinder.of(sites, net.fiberRoutes(30), net.fiberNodes(30));
        LocalDate[][] pairs = {{LocalDate.of(2025, 8, 1), LocalDate.of(2025, 12, 31)},
            {LocalDate.of(2025, 6, 30), LocalDate.of(2025, 7, 31)}, {LocalDate.of(2026, 4, 1), LocalDate.of(2025, 7, 1)},
            {LocalDate.of(2023, 12, 31), LocalDate.of(2027, 6, 30)}, {LocalDate.of(2027, 6, 30), LocalDate.of(2023, 12, 31)}};
        int grew = 0;
        for (LocalDate[] p : pairs) {
            String ctx = "seed " + seed + " " + p[0] + " -> " + p[1];
            double[] sitesThen = finder.siteDistancesM(villages, p[0], null);
            double[] sitesNow = finder.siteDistancesM(villages, p[1], null);
            assertThat(finder.siteDistancesFrom(sitesThen, p[0], villages, p[1])).as(ctx + " sites")
                    .containsExactly(sitesNow);
            double[] fiberThen = finder.fiberDistancesM(villages, p[0], null);
            assertThat(finder.fiberDistancesFrom(fiberThen, p[0], villages, p[1])).as(ctx + " fiber")
                    .containsExactly(finder.fiberDistancesM(villages, p[1], null));
            for (int i = 0; i < villages.size(); i++) {
                grew += sitesNow[i] > sitesThen[i] || Double.isNaN(sitesNow[i]) && !Double.isNaN(sitesThen[i]) ? 1 : 0;
            }
        }
        assertThat(grew).as("settlements whose nearest site was lost (measured again), seed " + seed).isPositive();
    }
}

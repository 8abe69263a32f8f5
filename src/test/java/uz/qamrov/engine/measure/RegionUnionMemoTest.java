package uz.qamrov.engine.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.UnaryUnionOp;

import uz.qamrov.engine.Fixtures;
import uz.qamrov.engine.RandomNetwork;
import uz.qamrov.engine.TestSeeds;
import uz.qamrov.engine.footprint.Footprint;
import uz.qamrov.engine.footprint.RadialFootprint;
import uz.qamrov.engine.geodesy.LocalMetric;
import uz.qamrov.engine.model.AdminArea;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.Site;
import uz.qamrov.engine.model.Technology;
import uz.qamrov.engine.model.Validity;

/**
 * Region unions with a memo (what the service keeps between runs) against unions built from scratch: a region whose
 * footprints did not change takes the kept union, one whose footprints changed is built again and equals a build
 * from scratch; and the co-sited merge leaves every union the union of the cells' own polygons.
 */
class RegionUnionMemoTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    @Test
    void aChangeInOneRegionRebuildsThatRegionOnlyAndEqualsABuildFromScratch() {
        long seed = TestSeeds.seed("RegionUnionMemoTest", 20261202L);
        RandomNetwork net = new RandomNetwork(seed);
        List<Site> sites = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        net.sitesAndCells(25, sites, cells); // few: R1 keeps room for the new site to add coverage
        CoverageModel model = new CoverageModelBuilder().sites(sites).cells(cells).adminAreas(RandomNetwork.areas()).build();
        assertThat(model.footprintOf(cells.get(0).id())).as("the default model draws radial footprints")
                .isInstanceOf(RadialFootprint.class);
        RegionUnionMemo memo = new RegionUnionMemo(model.geometryFactory());
        HOOK_CALLS.set(0);

        List<RegionCoverage> first = build(model, memo, TODAY);
        List<RegionCoverage> scratch = build(model, null, TODAY);
        for (int i = 0; i < first.size(); i++) {
            assertThat(first.get(i).geometry().equalsExact(scratch.get(i).geometry())).as("seed %d, %s", seed, label(first.get(i)))
                    .isTrue();
        }
        assertThat(memo.size()).isEqualTo(first.size());
        List<RegionCoverage> again = build(model, memo, TODAY);
        for (int i = 0; i < first.size(); i++) {
            assertThat(again.get(i)).as("nothing changed: the kept union").isSameAs(first.get(i));
        }
        assertThat(HOOK_CALLS.get()).as("the hook runs before each union built, never for a kept one").isEqualTo(first.size());

        // a 3-sector site at the far west of R1 (its footprints cannot reach R2, 0.25° ≈ 21 km east)
        double lon = RandomNetwork.MIN_LON + 0.02;
        double lat = RandomNetwork.MIN_LAT + RandomNetwork.H / 2;
        Validity onAir = new Validity(LocalDate.of(2020, 1, 1), null);
        long site = 9_000_000;
        List<Cell> added = List.of(
                new Cell(site + 1, site, "beeline", Technology.G4, 1800, 0.0, 65, 30, null, null, lon, lat, onAir),
                new Cell(site + 2, site, "beeline", Technology.G4, 1800, 120.0, 65, 30, null, null, lon, lat, onAir),
                new Cell(site + 3, site, "beeline", Technology.G3, 2100, 240.0, 65, 30, null, null, lon, lat, onAir));
        model.applySiteChanges(List.of(), added, List.of(), List.of(new Site(site, "beeline", lon, lat, onAir)));
        for (Cell c : added) {
            assertThat(model.footprintOf(c.id()).envelope().getMaxX()).isLessThan(RandomNetwork.MIN_LON + RandomNetwork.W / 2);
        }

        List<RegionCoverage> after = build(model, memo, TODAY);
        List<RegionCoverage> afterScratch = build(model, null, TODAY);
        int rebuilt = 0;
        for (int i = 0; i < after.size(); i++) {
            RegionCoverage a = after.get(i);
            boolean beeline = a.operator() == null || a.operator().equals("beeline");
            boolean reaches = a.technology() == null || a.technology().ordinal() <= Technology.G4.ordinal();
            if (a.regionCode().equals("R1") && beeline && reaches) {
                assertThat(a).as("%s: the new site's region", label(a)).isNotSameAs(first.get(i));
                rebuilt++;
            } else {
                assertThat(a).as("%s: untouched", label(a)).isSameAs(first.get(i));
            }
            assertThat(a.geometry().equalsExact(afterScratch.get(i).geometry())).as("seed %d, %s", seed, label(a)).isTrue();
            assertThat(a.areaKm2()).isEqualTo(afterScratch.get(i).areaKm2());
        }
        assertThat(rebuilt).as("R1's unions that hold the new cells").isPositive();
        double grew = area(after, "R1", Technology.G2, null) - area(first, "R1", Technology.G2, null);
        assertThat(grew).as("R1 gains the new site's coverage, km²").isPositive();

        // the same number of footprints, one of them changed: turned from north to south-west
        Cell turned = new Cell(site + 1, site, "beeline", Technology.G4, 1800, 225.0, 65, 30, null, null, lon, lat, onAir);
        model.applySiteChanges(List.of(site + 1), List.of(turned), List.of(), List.of());
        List<RegionCoverage> turnedNow = build(model, memo, TODAY);
        List<RegionCoverage> turnedScratch = build(model, null, TODAY);
        for (int i = 0; i < turnedNow.size(); i++) {
            RegionCoverage a = turnedNow.get(i);
            boolean holdsIt = a.regionCode().equals("R1") && (a.operator() == null || a.operator().equals("beeline"))
                    && a.technology().ordinal() <= Technology.G4.ordinal();
            assertThat(a == after.get(i)).as("%s kept", label(a)).isEqualTo(!holdsIt);
            assertThat(a.geometry().equalsExact(turnedScratch.get(i).geometry())).as("seed %d, %s", seed, label(a)).isTrue();
        }
    }

    /** The unions (with sites merged) against JTS's union of every cell's own polygon, region by region. */
    @Test
    void sitesMergedGiveTheUnionOfTheCellsOwnPolygons() {
        long seed = TestSeeds.seed("RegionUnionMemoTest.oracle", 20261204L);
        RandomNetwork net = new RandomNetwork(seed);
        List<Site> sites = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        net.sitesAndCells(30, sites, cells); // few: most of each site's boundary is the region union's boundary
        CoverageModel model = new CoverageModelBuilder().sites(sites).cells(cells).adminAreas(RandomNetwork.areas()).build();
        int merged = 0;
        for (RegionCoverage rc : CoverageUnionBuilder.union(model, TODAY, null, null)) {
            Geometry clip = model.adminAreas().stream().filter(a -> a.code().equals(rc.regionCode())).findFirst()
                    .map(AdminArea::polygon).orElseThrow();
            List<Geometry> own = new ArrayList<>();
            for (Cell c : cells) {
                Footprint f = model.footprintOf(c.id());
                if (c.validity().contains(TODAY) && f.envelope().intersects(clip.getEnvelopeInternal())) {
                    own.add(f.toPolygon(model.geometryFactory(), 64));
                }
            }
            merged += own.size();
            Geometry oracle = UnaryUnionOp.union(own).intersection(clip);
            double oracleKm2 = LocalMetric.areaM2(oracle) / 1e6;
            // within 1 m² (measured: 0.002 m²): the crossings of smooth patterns are few and mapped to the millimetre.
            // Drawing only each radial's largest range (no crossings) misses by 46–117 m² here; a footprint dropped or
            // merged with another site's, by far more.
            double m2 = 1e-6;
            assertThat(rc.areaKm2()).as("seed %d, %s", seed, rc.regionCode()).isCloseTo(oracleKm2, within(m2));
            assertThat(LocalMetric.areaM2(rc.geometry().symDifference(oracle)) / 1e6).isLessThan(m2);
        }
        assertThat(merged).isGreaterThan(30);
    }

    /** Calls of the builders' {@code beforeEachUnion} hook with a memo (regions are built in parallel). */
    private static final java.util.concurrent.atomic.AtomicInteger HOOK_CALLS = new java.util.concurrent.atomic.AtomicInteger();

    private static List<RegionCoverage> build(CoverageModel model, RegionUnionMemo memo, LocalDate d) {
        List<RegionCoverage> out = new ArrayList<>();
        List<String> ops = new ArrayList<>();
        ops.add(null);
        ops.addAll(List.of(RandomNetwork.OPERATORS));
        for (String op : ops) {
            for (Technology t : Technology.values()) {
                out.addAll(new CoverageUnionBuilder(model).technologyAtLeast(t).operator(op).verticesPerFullCircle(32)
                        .memo(memo).beforeEachUnion(() -> {
                            if (memo != null) {
                                HOOK_CALLS.incrementAndGet();
                            }
                        }).build(d));
            }
        }
        return out;
    }

    private static String label(RegionCoverage r) {
        return r.regionCode() + " ≥" + r.technology() + " " + (r.operator() == null ? "*" : r.operator());
    }

    private static double area(List<RegionCoverage> all, String region, Technology t, String op) {
        return all.stream().filter(r -> r.regionCode().equals(region) && r.technology() == t && java.util.Objects.equals(r.operator(), op))
                .mapToDouble(RegionCoverage::areaKm2).sum();
    }
}

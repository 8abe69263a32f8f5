package uz.qamrov.engine.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import uz.qamrov.engine.RandomNetwork;
import uz.qamrov.engine.TestSeeds;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.Site;
import uz.qamrov.engine.model.Technology;

/**
 * A restart, as the service lives it: a new model from the same rows (every footprint a new object) and a new memo,
 * with the store the old memo kept its unions in. Every union comes back from the store and equals a build from
 * scratch; after a change, exactly the unions that hold the changed cells are built again.
 */
class RegionUnionStoreTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    /** The store as the database would be: unions by key, and what was asked and kept. */
    static final class MapStore implements RegionUnionStore {
        final Map<RegionUnionKey, RegionCoverage> unions = new ConcurrentHashMap<>();
        final AtomicInteger found = new AtomicInteger();
        final AtomicInteger kept = new AtomicInteger();

        @Override
        public RegionCoverage find(RegionUnionKey key) {
            RegionCoverage u = unions.get(key);
            if (u != null) {
                found.incrementAndGet();
            }
            return u;
        }

        @Override
        public void keep(RegionUnionKey key, RegionCoverage union) {
            kept.incrementAndGet();
            unions.put(key, union);
        }
    }

    @Test
    void aRestartTakesEveryUnionFromTheStoreAndBuildsOnlyWhatChanged() {
        long seed = TestSeeds.seed("RegionUnionStoreTest", 20261205L);
        List<Site> sites = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        new RandomNetwork(seed).sitesAndCells(25, sites, cells);
        MapStore store = new MapStore();

        CoverageModel before = model(sites, cells);
        List<RegionCoverage> first = build(before, new RegionUnionMemo(before.geometryFactory(), store));
        int withFootprints = withFootprints(before);
        assertThat(withFootprints).isPositive().isLessThanOrEqualTo(first.size());
        assertThat(store.kept.get()).as("every union built of footprints is kept").isEqualTo(withFootprints);
        assertThat(store.unions).hasSize(withFootprints);

        CoverageModel restarted = model(sites, cells);
        assertThat(restarted.footprintOf(cells.get(0).id())).isNotSameAs(before.footprintOf(cells.get(0).id()));
        RegionUnionMemo memo = new RegionUnionMemo(restarted.geometryFactory(), store);
        List<RegionCoverage> again = build(restarted, memo);
        List<RegionCoverage> scratch = build(restarted, null);
        assertThat(memo.counts()).as("kept in memory, read from the store, built, empty")
                .isEqualTo(new RegionUnionMemo.Counts(0, withFootprints, 0, first.size() - withFootprints));
        for (int i = 0; i < again.size(); i++) {
            RegionCoverage a = again.get(i);
            assertThat(a.geometry().equalsExact(scratch.get(i).geometry())).as("seed %d, %s", seed, label(a)).isTrue();
            assertThat(a.areaKm2()).isEqualTo(scratch.get(i).areaKm2());
        }
        assertThat(build(restarted, memo)).as("read once, then kept in memory").isEqualTo(again);
        assertThat(memo.counts())
                .isEqualTo(new RegionUnionMemo.Counts(first.size(), withFootprints, 0, first.size() - withFootprints));

        // one sector of R1 turned by 90°: the unions that hold it are built again (and kept), no other
        Cell c = firstIn(cells, restarted, "R1");
        Cell turned = new Cell(c.id(), c.siteId(), c.operator(), c.technology(), c.bandMhz(),
                c.azimuthDeg() + 90, c.beamwidthDeg(), c.antennaHeightM(), c.eirpDbm(),
                c.rangeM(), c.lon(), c.lat(), c.validity(), c.tiltDeg(), c.frontToBackDb(), c.observedRangeM());
        // a union holds the cell where its footprint's envelope, before or after, meets the region's
        org.locationtech.jts.geom.Envelope reach = new org.locationtech.jts.geom.Envelope(
                restarted.footprintOf(c.id()).envelope());
        restarted.applySiteChanges(List.of(c.id()), List.of(turned), List.of(), List.of());
        reach.expandToInclude(restarted.footprintOf(c.id()).envelope());
        int keptBefore = store.kept.get();
        long builtBefore = memo.counts().built();
        List<RegionCoverage> changed = build(restarted, memo);
        List<RegionCoverage> changedScratch = build(restarted, null);
        long built = memo.counts().built() - builtBefore;
        int holding = 0;
        for (int i = 0; i < changed.size(); i++) {
            RegionCoverage a = changed.get(i);
            if (reach.intersects(envelope(restarted, a.regionCode()))
                    && (a.operator() == null || a.operator().equals(c.operator()))
                    && a.technology().ordinal() <= c.technology().ordinal()) {
                holding++;
            }
            assertThat(a.geometry().equalsExact(changedScratch.get(i).geometry())).as("seed %d, %s", seed, label(a)).isTrue();
        }
        assertThat(built).as("the unions whose region the turned cell's footprint reaches").isEqualTo(holding).isPositive();
        assertThat(store.kept.get() - keptBefore).isEqualTo(holding);
    }

    /** A store that answers with another region's union is not believed: the union is built. */
    @Test
    void aStoredUnionOfAnotherRegionIsNotTaken() {
        List<Site> sites = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        new RandomNetwork(TestSeeds.seed("RegionUnionStoreTest.wrong", 7L)).sitesAndCells(10, sites, cells);
        CoverageModel model = model(sites, cells);
        RegionCoverage elsewhere = new RegionCoverage("R9", Technology.G2, null, model.geometryFactory().createMultiPolygon(), 0);
        RegionUnionStore liar = new RegionUnionStore() {
            @Override
            public RegionCoverage find(RegionUnionKey key) {
                return elsewhere;
            }

            @Override
            public void keep(RegionUnionKey key, RegionCoverage union) {
            }
        };
        RegionUnionMemo memo = new RegionUnionMemo(model.geometryFactory(), liar);
        List<RegionCoverage> got = build(model, memo);
        assertThat(memo.counts().stored()).isZero();
        assertThat(memo.counts().built()).as("the store was asked, and not believed").isEqualTo(withFootprints(model))
                .isPositive();
        assertThat(got).noneMatch(r -> r == elsewhere);
    }

    /** The unions whose region's box some footprint reaches (those a store keeps). */
    private static int withFootprints(CoverageModel model) {
        int n = 0;
        for (String op : operators()) {
            for (Technology t : Technology.values()) {
                List<uz.qamrov.engine.footprint.Footprint> fps = model.activeFootprints(TODAY, t, op);
                for (var a : model.adminAreas()) {
                    var box = a.polygon().getEnvelopeInternal();
                    if (a.isRegion() && fps.stream().anyMatch(f -> box.intersects(f.envelope()))) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    private static List<String> operators() {
        List<String> ops = new ArrayList<>();
        ops.add(null);
        ops.addAll(List.of(RandomNetwork.OPERATORS));
        return ops;
    }

    private static CoverageModel model(List<Site> sites, List<Cell> cells) {
        return new CoverageModelBuilder().sites(sites).cells(cells).adminAreas(RandomNetwork.areas()).build();
    }

    private static Cell firstIn(List<Cell> cells, CoverageModel model, String region) {
        var box = envelope(model, region);
        return cells.stream().filter(c -> c.validity().contains(TODAY) && box.contains(c.lon(), c.lat())
                && c.azimuthDeg() != null && c.beamwidthDeg() < 180).findFirst().orElseThrow();
    }

    private static org.locationtech.jts.geom.Envelope envelope(CoverageModel model, String region) {
        return model.adminAreas().stream().filter(a -> a.code().equals(region)).findFirst().orElseThrow().polygon()
                .getEnvelopeInternal();
    }

    private static List<RegionCoverage> build(CoverageModel model, RegionUnionMemo memo) {
        List<RegionCoverage> out = new ArrayList<>();
        for (String op : operators()) {
            for (Technology t : Technology.values()) {
                out.addAll(new CoverageUnionBuilder(model).technologyAtLeast(t).operator(op).verticesPerFullCircle(32)
                        .memo(memo).build(TODAY));
            }
        }
        return out;
    }

    private static String label(RegionCoverage r) {
        return r.regionCode() + " ≥" + r.technology() + " " + (r.operator() == null ? "*" : r.operator());
    }
}

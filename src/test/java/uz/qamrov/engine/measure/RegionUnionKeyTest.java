package uz.qamrov.engine.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

import uz.qamrov.engine.RandomNetwork;
import uz.qamrov.engine.TestSeeds;
import uz.qamrov.engine.footprint.Footprint;
import uz.qamrov.engine.footprint.RadialFootprint;
import uz.qamrov.engine.footprint.SectorFootprint;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.Site;
import uz.qamrov.engine.model.Technology;

/**
 * A stored union is found again by the same shapes however they are made and listed, and by nothing else: every
 * input a union is drawn from, changed alone, gives another key.
 */
class RegionUnionKeyTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    private final GeometryFactory gf = new GeometryFactory(new org.locationtech.jts.geom.PrecisionModel(), 4326);
    private final Geometry region = gf.toGeometry(new org.locationtech.jts.geom.Envelope(69.0, 69.5, 41.0, 41.4));
    private final byte[] regionDigest = RegionUnionKey.polygonDigest(region);

    @Test
    void theSameShapesMadeAgainAndListedInAnotherOrderGiveTheSameKey() {
        long seed = TestSeeds.seed("RegionUnionKeyTest", 20261206L);
        List<Site> sites = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        new RandomNetwork(seed).sitesAndCells(20, sites, cells);
        CoverageModel a = new CoverageModelBuilder().sites(sites).cells(cells).adminAreas(RandomNetwork.areas()).build();
        CoverageModel b = new CoverageModelBuilder().sites(sites).cells(cells).adminAreas(RandomNetwork.areas()).build();
        List<Footprint> fa = a.activeFootprints(TODAY, null, null);
        List<Footprint> fb = new ArrayList<>(b.activeFootprints(TODAY, null, null));
        Collections.reverse(fb);
        assertThat(fa).hasSizeGreaterThan(10);
        assertThat(fb.get(fb.size() - 1)).isNotSameAs(fa.get(0));
        assertThat(key(fa, 32, true, Technology.G2, null)).isEqualTo(key(fb, 32, true, Technology.G2, null));
        assertThat(RegionUnionKey.polygonDigest(RandomNetwork.areas().get(0).polygon()))
                .isEqualTo(RegionUnionKey.polygonDigest(RandomNetwork.areas().get(0).polygon()));
    }

    @Test
    void everyInputChangedAloneGivesAnotherKey() {
        List<Footprint> base = List.of(new RadialFootprint(69.2, 41.2, ranges(36, 3_000)),
                new SectorFootprint(69.3, 41.1, 120.0, 65, 2_500), new SectorFootprint(69.1, 41.3, null, 360, 900));
        double[] oneRadialLonger = ranges(36, 3_000);
        oneRadialLonger[7] += 50; // 50 m: more than one held range unit (3,000 m / 65,535)
        List<RegionUnionKey> keys = List.of(
                key(base, 32, true, Technology.G2, null),
                key(List.of(new RadialFootprint(69.2, 41.2, oneRadialLonger), base.get(1), base.get(2)), 32, true,
                        Technology.G2, null),
                key(List.of(base.get(0), new SectorFootprint(69.3, 41.1, 121.0, 65, 2_500), base.get(2)), 32, true,
                        Technology.G2, null),
                key(List.of(base.get(0), base.get(1), new SectorFootprint(69.1, 41.3000001, null, 360, 900)), 32, true,
                        Technology.G2, null),
                key(List.of(base.get(0), base.get(1)), 32, true, Technology.G2, null),
                key(List.of(base.get(0), base.get(1), base.get(2), base.get(2)), 32, true, Technology.G2, null),
                key(base, 64, true, Technology.G2, null),
                key(base, 32, false, Technology.G2, null),
                key(base, 32, true, Technology.G4, null),
                key(base, 32, true, Technology.G2, "ucell"),
                RegionUnionKey.of("R2", regionDigest, Technology.G2, null, 32, true, gf, base),
                RegionUnionKey.of("R1", RegionUnionKey.polygonDigest(moved(region)), Technology.G2, null, 32, true, gf,
                        base));
        Set<RegionUnionKey> distinct = new HashSet<>(keys);
        assertThat(distinct).hasSize(keys.size());
        for (RegionUnionKey k : keys) {
            assertThat(k.digest()).hasSize(32);
        }
    }

    /**
     * A footprint that keeps its digest gives the one the keys stored before were made of (a fresh SHA-256 of what
     * it feeds), every time, and a caller cannot change the kept one through the copy it gets.
     */
    @Test
    void aKeptShapeDigestIsTheDigestOfWhatTheFootprintFeeds() {
        for (Footprint f : List.of(new RadialFootprint(69.2, 41.2, ranges(360, 3_000)),
                new SectorFootprint(69.3, 41.1, 120.0, 65, 2_500))) {
            uz.qamrov.engine.footprint.ShapeDigest fresh = new uz.qamrov.engine.footprint.ShapeDigest();
            f.feedShape(fresh);
            byte[] expected = fresh.finish();
            byte[] first = f.shapeDigest();
            assertThat(first).as(f.toString()).isEqualTo(expected);
            first[0] ^= 1;
            assertThat(f.shapeDigest()).as(f.toString()).isEqualTo(expected);
        }
    }

    /**
     * What the running code draws enters the key: a drawing with more arc vertices (a 500 m arc gets 22 per circle
     * for 5 m of sagitta, so 32 and 64 draw differently) is another fingerprint.
     */
    @Test
    void theDrawingFingerprintFollowsWhatIsDrawn() {
        assertThat(DrawingFingerprint.of(gf, 32, true)).isEqualTo(DrawingFingerprint.of(gf, 32, true))
                .isNotEqualTo(DrawingFingerprint.of(gf, 64, true));
        Geometry drawn32 = CoverageUnionBuilder.draw(gf, List.of(new SectorFootprint(69.2, 41.2, 90.0, 65, 500)),
                region, 32, true);
        Geometry drawn64 = CoverageUnionBuilder.draw(gf, List.of(new SectorFootprint(69.2, 41.2, 90.0, 65, 500)),
                region, 64, true);
        assertThat(drawn64.getNumPoints()).isGreaterThan(drawn32.getNumPoints());
    }

    private RegionUnionKey key(List<Footprint> fps, int vertices, boolean merge, Technology t, String op) {
        return RegionUnionKey.of("R1", regionDigest, t, op, vertices, merge, gf, fps);
    }

    private Geometry moved(Geometry g) {
        Coordinate[] cs = g.getCoordinates();
        cs[2] = new Coordinate(cs[2].x + 1e-9, cs[2].y);
        return gf.createPolygon(cs);
    }

    private static double[] ranges(int n, double baseM) {
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = baseM + 40 * (i % 6);
        }
        return r;
    }
}

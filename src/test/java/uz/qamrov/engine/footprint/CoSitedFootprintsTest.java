package uz.qamrov.engine.footprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.union.UnaryUnionOp;

import uz.qamrov.engine.geodesy.LocalMetric;

class CoSitedFootprintsTest {

    private final GeometryFactory gf = new GeometryFactory(new PrecisionModel(), 4326);

    /**
     * On paper, 4 radials (N, E, S, W), 1 km scale: A is the diamond |x| + |y| ≤ 1 (area 2), B the rhombus with
     * half-diagonals 2 (N–S) and 0.5 (E–W) (area 2). In the first quadrant A's edge is x + y = 1 and B's 4x + y = 2;
     * they cross at (1/3, 2/3). A ∩ B per quadrant: (0,0), (0.5,0), (1/3,2/3), (0,1), area 1/3 by the shoelace; the
     * union per quadrant 0.5 + 0.5 − 1/3 = 2/3, so 8/3 km² in all: 4 radial vertices and 4 crossings (plus the
     * points that walk each 1.4 km edge in the plane).
     */
    @Test
    void twoCrossingDiamondsOnPaper() {
        RadialFootprint a = new RadialFootprint(66.0, 40.0, new double[] {1000, 1000, 1000, 1000});
        RadialFootprint b = new RadialFootprint(66.0, 40.0, new double[] {2000, 500, 2000, 500});
        Polygon u = CoSitedFootprints.union(gf, List.of(a, b));
        // the footprints hold their ranges to 1/65,535 of their longest (2 km / 65,535 ≈ 3 cm for B): the area
        // moves by less than 2 · 1/65,535 relative
        assertThat(LocalMetric.areaM2(u) / 1e6).isCloseTo(8.0 / 3, within(8.0 / 3 * 2 / 65_535));
        LocalMetric m = LocalMetric.at(66.0, 40.0);
        double[] crossing = m.toLonLat(1000.0 / 3, 2000.0 / 3); // east 1/3 km, north 2/3 km
        assertThat(u.getExteriorRing().getCoordinates()).anySatisfy(c -> {
            assertThat(c.x).isCloseTo(crossing[0], within(1e-6)); // ≈ 8 cm: within B's 3 cm range step, not more
            assertThat(c.y).isCloseTo(crossing[1], within(1e-6));
        });
    }

    /** One footprint alone is its own polygon. */
    @Test
    void oneFootprintIsItsOwnPolygon() {
        RadialFootprint a = new RadialFootprint(70.0, 41.0, randomRanges(new Random(1), 360, 8_000));
        Polygon merged = CoSitedFootprints.union(gf, List.of(a));
        Polygon own = a.toPolygon(gf, 32);
        assertThat(merged.equalsExact(own, 1e-12)).isTrue();
    }

    /**
     * Against JTS's own union of the footprints' polygons, on random sites of 2–12 cells (omni and sectors). Where two
     * edges cross, JTS crosses the lon/lat chords and this class maps the plane's crossing point: the two differ by
     * the curvature of the plane-to-lon/lat mapping over one edge, and an edge split by crossings is walked at other
     * points than the whole: 3 mm on average over 1,071 km of jagged boundary at 1° radials (the walk's 2.5 km step is
     * documented to 0.1 m). So the area and the symmetric difference must stay within 1 cm times the perimeter; a
     * union that drew only the largest range per radial (no crossings) misses by 250× that.
     */
    @Test
    void equalsTheUnionOfTheFootprintPolygons() {
        Random rnd = new Random(20261202);
        for (int trial = 0; trial < 60; trial++) {
            double lon = 56 + rnd.nextDouble() * 17;
            double lat = 37 + rnd.nextDouble() * 8;
            int n = RADIALS[trial % RADIALS.length]; // 1° (the default) to 5°: edges of up to 2.6 km at 30 km
            List<RadialFootprint> fps = new ArrayList<>();
            List<Geometry> polys = new ArrayList<>();
            int k = 2 + rnd.nextInt(11);
            for (int j = 0; j < k; j++) {
                RadialFootprint f = new RadialFootprint(lon, lat, randomRanges(rnd, n, 200 + rnd.nextDouble() * 30_000));
                fps.add(f);
                polys.add(f.toPolygon(gf, 32));
            }
            Polygon merged = CoSitedFootprints.union(gf, fps);
            Geometry oracle = UnaryUnionOp.union(polys);
            assertThat(merged.isValid()).as("trial %d", trial).isTrue();
            double area = LocalMetric.areaM2(oracle);
            double perimeterM = oracle.getLength() * 111_320; // an upper bound: a degree of longitude is shorter
            double mm = 0.01 * perimeterM;
            assertThat(LocalMetric.areaM2(merged)).as("trial %d", trial).isCloseTo(area, within(mm));
            double apart = LocalMetric.areaM2(merged.symDifference(oracle));
            assertThat(apart).as("trial %d: area in one and not the other, m²", trial).isLessThan(mm);
        }
    }

    private static final int[] RADIALS = {360, 72, 90, 120, 180};

    @Test
    void refusesFootprintsOfAnotherApexOrWithAZeroRange() {
        RadialFootprint a = new RadialFootprint(66.0, 40.0, new double[] {1000, 1000, 1000, 1000});
        RadialFootprint elsewhere = new RadialFootprint(66.001, 40.0, new double[] {1000, 1000, 1000, 1000});
        RadialFootprint spike = new RadialFootprint(66.0, 40.0, new double[] {1000, 0, 1000, 1000});
        assertThat(CoSitedFootprints.canMerge(spike)).isFalse();
        assertThat(CoSitedFootprints.canMerge(a)).isTrue();
        assertThatThrownBy(() -> CoSitedFootprints.union(gf, List.of(a, elsewhere))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CoSitedFootprints.union(gf, List.of(a, spike))).isInstanceOf(IllegalArgumentException.class);
    }

    /** A sector-like shape: a main lobe of a random width and direction, a back lobe 3–20× shorter, some noise. */
    private static double[] randomRanges(Random rnd, int n, double scaleM) {
        double[] r = new double[n];
        int main = rnd.nextInt(n);
        double width = 1 + rnd.nextInt(Math.max(1, n / 3));
        double back = 3 + rnd.nextDouble() * 17;
        for (int i = 0; i < n; i++) {
            int off = Math.min(Math.abs(i - main), n - Math.abs(i - main));
            double inBeam = Math.exp(-off * off / (2 * width * width));
            r[i] = scaleM * (1 / back + (1 - 1 / back) * inBeam) * (0.8 + 0.4 * rnd.nextDouble());
        }
        return r;
    }
}

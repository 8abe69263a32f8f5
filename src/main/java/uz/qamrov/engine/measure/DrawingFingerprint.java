package uz.qamrov.engine.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKBWriter;

import uz.qamrov.engine.footprint.Footprint;
import uz.qamrov.engine.footprint.RadialFootprint;
import uz.qamrov.engine.footprint.SectorFootprint;
import uz.qamrov.engine.footprint.ShapeDigest;
import uz.qamrov.engine.geodesy.LocalMetric;

/**
 * The digest of one reference union drawn by the running code: radial footprints (three of one site, to be merged;
 * one with a zero radial, never merged; one across the region's edge), a sector and an omni disc, clipped to a
 * notched region. Part of every {@link RegionUnionKey}, so that a union stored by code that drew differently (a
 * changed {@link Footprint#toPolygon}, merge, union, clip or JTS) is not found, without anybody having to remember
 * to raise a version. Computed once per drawing (milliseconds).
 */
final class DrawingFingerprint {

    private record Drawing(String precision, int srid, int verticesPerFullCircle, boolean mergeCoSited) {
    }

    private static final Map<Drawing, byte[]> DIGESTS = new ConcurrentHashMap<>();

    private DrawingFingerprint() {
    }

    static byte[] of(GeometryFactory gf, int verticesPerFullCircle, boolean mergeCoSited) {
        return DIGESTS.computeIfAbsent(new Drawing(gf.getPrecisionModel().toString(), gf.getSRID(),
                verticesPerFullCircle, mergeCoSited), d -> digest(gf, verticesPerFullCircle, mergeCoSited));
    }

    private static byte[] digest(GeometryFactory gf, int verticesPerFullCircle, boolean mergeCoSited) {
        Geometry u = CoverageUnionBuilder.draw(gf, reference(), region(gf), verticesPerFullCircle, mergeCoSited);
        return new ShapeDigest().putBytes(new WKBWriter(2).write(u)).putDouble(LocalMetric.areaM2(u)).finish();
    }

    /** A 0.3° × 0.2° box near Tashkent with a notch cut into its north side. */
    private static Geometry region(GeometryFactory gf) {
        return gf.createPolygon(new Coordinate[] {new Coordinate(69.0, 41.0), new Coordinate(69.3, 41.0),
            new Coordinate(69.3, 41.2), new Coordinate(69.16, 41.2), new Coordinate(69.15, 41.12),
            new Coordinate(69.14, 41.2), new Coordinate(69.0, 41.2), new Coordinate(69.0, 41.0)});
    }

    private static List<Footprint> reference() {
        List<Footprint> out = new ArrayList<>();
        for (int sector = 0; sector < 3; sector++) {
            out.add(new RadialFootprint(69.15, 41.1, ranges(72, 2_000 + 700 * sector, sector)));
        }
        double[] withZero = ranges(36, 1_500, 3);
        withZero[5] = 0;
        out.add(new RadialFootprint(69.05, 41.05, withZero));
        out.add(new RadialFootprint(69.29, 41.1, ranges(48, 4_000, 4)));
        out.add(new SectorFootprint(69.22, 41.06, 120.0, 65, 3_500));
        out.add(new SectorFootprint(69.05, 41.16, null, 360, 1_200));
        return out;
    }

    /** Ranges that vary around the circle, with a lobe towards {@code lobe}·120°. */
    private static double[] ranges(int radials, double baseM, int lobe) {
        double[] r = new double[radials];
        for (int i = 0; i < radials; i++) {
            double off = Math.toRadians(i * 360.0 / radials - lobe * 120.0);
            r[i] = baseM * (0.6 + 0.4 * Math.max(0, Math.cos(off))) + 37.5 * (i % 5);
        }
        return r;
    }
}

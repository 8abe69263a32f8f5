package uz.qamrov.engine.measure;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import org.locationtech.jts.JTSVersion;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.WKBWriter;

import uz.qamrov.engine.footprint.Footprint;
import uz.qamrov.engine.footprint.ShapeDigest;
import uz.qamrov.engine.model.Technology;

/**
 * What a region union is built from, as one SHA-256: the region's code and polygon, the technology and operator, the
 * drawing ({@code verticesPerFullCircle}, the co-sited merge, the precision model, the JTS version, {@link #DRAWING}
 * and what the running code draws for a reference union: {@link DrawingFingerprint}), and the shapes of its footprints
 * ({@link Footprint#shapeDigest}) in no order. Two unions with the same key are the same union, so a stored one can be
 * taken for it; a changed cell, boundary or drawing gives another key (a miss), never a wrong hit.
 *
 * @param region the region's code
 * @param atLeast technology ≥ (null = any)
 * @param operator the operator (null = any)
 * @param digest 32 bytes
 */
public record RegionUnionKey(String region, Technology atLeast, String operator, byte[] digest) {

    /**
     * Version of the code that draws a union from footprints ({@link Footprint#toPolygon}, the co-sited merge,
     * {@link PausingUnion}, the clip, {@link CoverageUnionBuilder#toMultiPolygon}). A change that alters the reference
     * union of {@link DrawingFingerprint} changes every key by itself; raise this with a change it does not show.
     */
    public static final int DRAWING = 1;

    /**
     * @param clipDigest the digest of the region polygon ({@link #polygonDigest})
     * @param drawing the geometry factory the union is drawn with
     * @param footprints the footprints the union is built from, in any order
     */
    public static RegionUnionKey of(String region, byte[] clipDigest, Technology atLeast, String operator,
            int verticesPerFullCircle, boolean mergeCoSited, GeometryFactory drawing, List<Footprint> footprints) {
        PrecisionModel precision = drawing.getPrecisionModel();
        ShapeDigest d = new ShapeDigest();
        byte[][] shapes = new byte[footprints.size()][];
        for (int i = 0; i < shapes.length; i++) {
            shapes[i] = footprints.get(i).shapeDigest();
        }
        Arrays.sort(shapes, Arrays::compareUnsigned);
        d.putString("qamrov region union").putInt(DRAWING).putString(JTSVersion.CURRENT_VERSION.toString())
                .putString(region).putBytes(clipDigest).putString(atLeast == null ? "*" : atLeast.label())
                .putString(Objects.requireNonNullElse(operator, "*")).putInt(verticesPerFullCircle)
                .putInt(mergeCoSited ? 1 : 0).putString(precision.toString())
                .putBytes(DrawingFingerprint.of(drawing, verticesPerFullCircle, mergeCoSited)).putInt(shapes.length);
        for (byte[] s : shapes) {
            d.putBytes(s);
        }
        return new RegionUnionKey(region, atLeast, operator, d.finish());
    }

    /** The digest of a region polygon: its WKB's. */
    public static byte[] polygonDigest(Geometry polygon) {
        return new ShapeDigest().putBytes(new WKBWriter(2).write(polygon)).finish();
    }

    /** The digest in hexadecimal; for logs. */
    public String hex() {
        return HexFormat.of().formatHex(digest);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegionUnionKey k && Arrays.equals(digest, k.digest);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(digest);
    }

    @Override
    public String toString() {
        return "RegionUnionKey[" + region + " " + (atLeast == null ? "*" : atLeast.label()) + " "
                + Objects.requireNonNullElse(operator, "*") + " " + hex() + "]";
    }
}

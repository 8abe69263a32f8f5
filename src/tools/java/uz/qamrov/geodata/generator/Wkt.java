package uz.qamrov.geodata.generator;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/** Compact WKT writer: 2D, at most 6 decimals, locale-independent. */
final class Wkt {
    private Wkt() {
    }

    static String of(Geometry g) {
        StringBuilder sb = new StringBuilder();
        if (g instanceof LineString ls) {
            sb.append("LINESTRING");
            seq(sb, ls.getCoordinates());
        } else if (g instanceof MultiPolygon mp) {
            sb.append("MULTIPOLYGON(");
            for (int i = 0; i < mp.getNumGeometries(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                poly(sb, (Polygon) mp.getGeometryN(i));
            }
            sb.append(')');
        } else if (g instanceof Polygon p) {
            sb.append("POLYGON");
            poly(sb, p);
        } else {
            throw new IllegalArgumentException("unsupported " + g.getGeometryType());
        }
        return sb.toString();
    }

    private static void poly(StringBuilder sb, Polygon p) {
        sb.append('(');
        seq(sb, p.getExteriorRing().getCoordinates());
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            sb.append(',');
            seq(sb, p.getInteriorRingN(i).getCoordinates());
        }
        sb.append(')');
    }

    private static void seq(StringBuilder sb, Coordinate[] cs) {
        sb.append('(');
        for (int i = 0; i < cs.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(CsvGz.num(cs[i].x)).append(' ').append(CsvGz.num(cs[i].y));
        }
        sb.append(')');
    }
}

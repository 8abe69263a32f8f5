package uz.qamrov.planner.coverage;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;

/**
 * A stored stretch's geometry as PostGIS reads it fastest in a COPY: hex EWKB (SRID 4326), its coordinates rounded to
 * 7 decimals (about 1 cm) as the rows always kept them: the WKT these rows were written as had {@code PrecisionModel(1e6)},
 * whose WKT has one digit more than the scale. With a country's OSM railways a run has ~25,000 stretches:
 * written as WKT they took ~200 ms of formatting (500–700 ms before the JIT had compiled it) and the server ~10% more
 * to parse, in the write a reader of a new month waits for.
 */
final class StretchGeometries {

    private static final double SCALE = 1e7;

    private final WKBWriter writer = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN, true);

    /** Appends {@code g}, rounded, as hex EWKB; {@code g} is not changed. */
    void appendHex(StringBuilder out, Geometry g) {
        Geometry rounded = g.copy();
        rounded.apply(new Rounding());
        rounded.setSRID(4326);
        out.append(WKBWriter.toHex(writer.write(rounded)));
    }

    /**
     * {@code v} to 7 decimals as the WKT did (the exact binary value rounded half-even, as {@code DecimalFormat} does)
     * and as PostGIS read it back (the nearest double). Only near a half of the 7th decimal does the product's rounding
     * error matter: there the exact decimal decides.
     */
    static double round(double v) {
        double scaled = v * SCALE;
        if (Math.abs(scaled - Math.floor(scaled) - 0.5) < 1e-4) {
            return new BigDecimal(v).setScale(7, RoundingMode.HALF_EVEN).doubleValue();
        }
        return Math.rint(scaled) / SCALE;
    }

    private static final class Rounding implements org.locationtech.jts.geom.CoordinateSequenceFilter {
        @Override
        public void filter(CoordinateSequence seq, int i) {
            seq.setOrdinate(i, CoordinateSequence.X, round(seq.getOrdinate(i, CoordinateSequence.X)));
            seq.setOrdinate(i, CoordinateSequence.Y, round(seq.getOrdinate(i, CoordinateSequence.Y)));
        }

        @Override
        public boolean isDone() {
            return false;
        }

        @Override
        public boolean isGeometryChanged() {
            return true;
        }
    }
}

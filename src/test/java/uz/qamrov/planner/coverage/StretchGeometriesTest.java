package uz.qamrov.planner.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.WKTWriter;

/**
 * Stretches' geometries were written as WKT with {@code PrecisionModel(1e6)}, which prints 7 decimals; they are now hex
 * EWKB rounded to the same 7 decimals. The oracle is the old path: what PostGIS read from that WKT (the nearest double to the printed decimal, as
 * {@link WKTReader} reads it) must be what it now reads from the EWKB, coordinate for coordinate.
 */
class StretchGeometriesTest {

    @Test
    void theRowsGetTheCoordinatesTheWktGaveThem() throws ParseException {
        long seed = Long.getLong("qamrov.seed", 20261208L);
        System.out.println("StretchGeometriesTest seed=" + seed + " (replay with -Dqamrov.seed=" + seed + ")");
        Random rnd = new Random(seed);
        GeometryFactory gf = new GeometryFactory();
        WKTWriter wkt = new WKTWriter();
        wkt.setPrecisionModel(new PrecisionModel(1e6));
        StretchGeometries geometries = new StretchGeometries();
        for (int run = 0; run < 20_000; run++) {
            Coordinate[] cs = new Coordinate[2 + rnd.nextInt(12)];
            for (int k = 0; k < cs.length; k++) {
                // the country's extent; some on a half of the 7th decimal, where rounding rules could differ
                double lon = 55 + 19 * rnd.nextDouble();
                double lat = 37 + 9 * rnd.nextDouble();
                if (rnd.nextInt(4) == 0) {
                    lon = Math.floor(lon * 1e7) / 1e7 + 5e-8;
                }
                if (rnd.nextInt(8) == 0) {
                    lat = Math.floor(lat * 1e7) / 1e7 + 5e-8;
                }
                cs[k] = new Coordinate(lon, lat);
            }
            LineString line = gf.createLineString(cs);
            Geometry before = new WKTReader().read(wkt.write(line));
            StringBuilder hex = new StringBuilder();
            geometries.appendHex(hex, line);
            Geometry now = new WKBReader().read(WKBReader.hexToBytes(hex.toString()));

            assertThat(now.getSRID()).isEqualTo(4326);
            assertThat(now.getCoordinates()).as("run %d: %s", run, line).containsExactly(before.getCoordinates());
            assertThat(line.getCoordinateN(0)).as("the stretch itself is not changed").isEqualTo(cs[0]);
        }
    }
}

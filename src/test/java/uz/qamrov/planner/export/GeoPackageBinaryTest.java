package uz.qamrov.planner.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.io.WKTReader;

/** The GeoPackage geometry blob: "GP", version 0, flags 0b011 (little-endian, xy envelope), srs 4326, envelope, WKB. */
class GeoPackageBinaryTest {

    @Test
    void headerEnvelopeAndWkb() throws Exception {
        Geometry line = new WKTReader().read("LINESTRING (66 39, 68 40)");
        byte[] wkb = new WKBWriter().write(line);
        byte[] blob = GeoPackageWriter.gpkgBinary(new ExportRepository.GapRow(wkb, 66, 39, 68, 40, new Object[0]));
        ByteBuffer b = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(blob, 0, 2)).isEqualTo("GP");
        assertThat(blob[2]).isZero();
        assertThat(blob[3]).isEqualTo((byte) 0b011);
        assertThat(b.getInt(4)).isEqualTo(4326);
        // envelope order is minx, maxx, miny, maxy
        assertThat(new double[] {b.getDouble(8), b.getDouble(16), b.getDouble(24), b.getDouble(32)}).containsExactly(66, 68, 39, 40);
        assertThat(new WKBReader().read(Arrays.copyOfRange(blob, 40, blob.length))).isEqualTo(line);
    }
}

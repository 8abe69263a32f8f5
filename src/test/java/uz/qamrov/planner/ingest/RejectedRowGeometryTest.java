package uz.qamrov.planner.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.io.WKTReader;

/**
 * A rejected row's geometry as stored with its error: whole while it fits, simplified beyond, never cut (a cut WKT
 * does not parse, and the job's error download failed on it).
 */
class RejectedRowGeometryTest {

    private static final GeometryFactory GF = new GeometryFactory();

    /** A wavy line of {@code n} vertices across Uzbekistan. */
    private static LineString wavy(int n) {
        Coordinate[] cs = new Coordinate[n];
        for (int i = 0; i < n; i++) {
            cs[i] = new Coordinate(60 + 10.0 * i / n, 40 + 0.01 * Math.sin(i / 7.0));
        }
        return GF.createLineString(cs);
    }

    private static String stored(Geometry g) {
        return JobReportRepository.geometryWkt(new SourceFeature(1, Map.of(), g, null));
    }

    @Test
    void aLongLineIsKeptWholeBeyondTheTextLimit() throws Exception {
        LineString line = wavy(2_000); // ~80,000 characters of WKT: eight times the limit of a text value
        String wkt = stored(line);
        assertThat(wkt.length()).isGreaterThan(JobReportRepository.MAX_VALUE_CHARS);
        assertThat(new WKTReader().read(wkt).equalsExact(line)).isTrue();
    }

    @Test
    void aHugeLineIsSimplifiedToFitAndStillParses() throws Exception {
        LineString line = wavy(60_000); // ~2.4 million characters
        assertThat(line.toText().length()).isGreaterThan(JobReportRepository.MAX_GEOMETRY_CHARS);
        String wkt = stored(line);
        assertThat(wkt.length()).isLessThanOrEqualTo(JobReportRepository.MAX_GEOMETRY_CHARS);
        Geometry back = new WKTReader().read(wkt);
        assertThat(back.getGeometryType()).isEqualTo("LineString");
        assertThat(back.getCoordinates()[0]).isEqualTo(line.getCoordinates()[0]);
        assertThat(back.getEnvelopeInternal().getMinX()).isEqualTo(line.getEnvelopeInternal().getMinX());
        assertThat(back.getEnvelopeInternal().getMaxY()).isCloseTo(line.getEnvelopeInternal().getMaxY(),
                org.assertj.core.api.Assertions.within(0.001));
    }
}

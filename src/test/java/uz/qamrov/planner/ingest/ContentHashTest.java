package uz.qamrov.planner.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * The content hash is stored ({@code content_hash}): written field by field it must hash exactly the text the
 * earlier {@code Record.toString} + {@code String.format} version hashed, or every re-upload of existing rows would
 * become a new version. The reference below is that earlier code, verbatim.
 */
class ContentHashTest {

    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    /** The hash text as ImportWriter built it before (Record.toString of each cell). */
    private static String reference(Rows.Site s) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%.7f|%.7f|", s.geometry().getX(), s.geometry().getY()))
                .append(s.towerHeightM()).append('|').append(s.status()).append('|').append(s.commissionedOn()).append('|')
                .append(s.decommissionedOn());
        if (s.firstObservedOn() != null || s.lastObservedOn() != null) {
            b.append("|observed ").append(s.firstObservedOn()).append('/').append(s.lastObservedOn());
        }
        s.cells().forEach(c -> b.append('\n').append(c.toString().replace(", observedRangeM=null", "")));
        return ContentHash.sha256(b.toString());
    }

    @Test
    void sevenDecimalsAsStringFormatPrintsThem() {
        long seed = System.nanoTime();
        Random r = new Random(seed);
        List<Double> values = new ArrayList<>(List.of(0.0, -0.0, 69.25, 41.3, 0.00000005, 0.00000015, 1.23456785, -1.23456785,
                69.99999995, 1e-9, -1e-9, 1e7, 123.45678949999, 55.12345675));
        for (int i = 0; i < 200_000; i++) {
            values.add(r.nextInt(4) == 0 ? Math.round(r.nextDouble() * 1e8) / 1e8 * (r.nextBoolean() ? 1 : -1) * 180
                    : (r.nextDouble() - 0.5) * 360);
        }
        for (double v : values) {
            assertThat(ContentHash.fixed7(new StringBuilder(), v).toString()).as("%s (seed %d)", v, seed)
                    .isEqualTo(String.format(Locale.ROOT, "%.7f", v));
        }
    }

    @Test
    void siteHashesAreTheOnesStoredBefore() {
        long seed = System.nanoTime();
        Random r = new Random(seed);
        for (int i = 0; i < 2_000; i++) {
            List<Rows.Cell> cells = new ArrayList<>();
            for (int c = 0; c < 1 + r.nextInt(4); c++) {
                cells.add(new Rows.Cell("C" + c, "4G", 1800, r.nextBoolean() ? null : r.nextInt(360) + 0.5,
                        r.nextBoolean() ? null : 65.0, r.nextBoolean() ? null : -2.0, 10 + r.nextInt(50) * 0.25,
                        r.nextBoolean() ? null : 60.1, r.nextBoolean() ? null : 4000.0, r.nextBoolean() ? null : 1234.5));
            }
            boolean crowd = r.nextInt(3) == 0;
            Rows.Site s = new Rows.Site(List.of(1), "ucell", "S-" + i,
                    WGS84.createPoint(new Coordinate(56 + r.nextDouble() * 17, 37 + r.nextDouble() * 8)),
                    r.nextBoolean() ? null : 30.0, "active", r.nextBoolean() ? null : LocalDate.of(2021, 4, 1), null, cells,
                    crowd ? LocalDate.of(2019, 1, 2) : null, crowd ? LocalDate.of(2025, 3, 4) : null);
            assertThat(ContentHash.of(s)).as("site %d (seed %d)", i, seed).isEqualTo(reference(s));
        }
    }

    @Test
    void aKnownSiteHashesToAFixedValue() {
        Rows.Site s = new Rows.Site(List.of(1), "ucell", "U-1", WGS84.createPoint(new Coordinate(69.25, 41.3)), 30.0, "active",
                LocalDate.of(2021, 4, 1), null, List.of(new Rows.Cell("1", "4G", 1800, 120.0, 65.0, 3.0, 28.0, 60.0, 4000.0, null)),
                null, null);
        // the text: "69.2500000|41.3000000|30.0|active|2021-04-01|null\nCell[cellId=1, technology=4G, bandMhz=1800, ...]"
        assertThat(ContentHash.of(s)).isEqualTo(ContentHash.sha256("69.2500000|41.3000000|30.0|active|2021-04-01|null\n"
                + "Cell[cellId=1, technology=4G, bandMhz=1800, azimuthDeg=120.0, beamwidthDeg=65.0, tiltDeg=3.0,"
                + " antennaHeightM=28.0, eirpDbm=60.0, rangeM=4000.0]"));
    }
}

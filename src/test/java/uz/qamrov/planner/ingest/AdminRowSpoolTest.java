package uz.qamrov.planner.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.WKTReader;

/** The admin writer reads back exactly the rows validated, in their order, names in every script included. */
class AdminRowSpoolTest {

    @Test
    void everyKindOfAdminRowComesBackEqualAndInOrder() throws Exception {
        WKTReader wkt = new WKTReader();
        List<Rows.AdminRow> written = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            written.add(new Rows.Settlement(List.of(i + 1), "S-" + i, "Gʻallaorol " + i, i % 3 == 0 ? null : "Ғаллаорол",
                    "Галляарал", i % 2 == 0 ? "Gallaorol" : null, "village", 100 + i, i % 7, "UZ-JI", i % 5 == 0 ? "D-" + i : null, (Point) wkt.read("POINT (67.58" + i + " 40.02)"),
                    i % 500 == 0 ? (MultiPolygon) wkt.read("MULTIPOLYGON (((67.5 40, 67.6 40, 67.6 40.1, 67.5 40)))") : null));
        }
        written.add(new Rows.Line(List.of(2_501), "TAS-SAM", "Toshkent–Samarqand", "Toshkent–Samarqand", "Ташкент–Самарканд",
                null, (LineString) wkt.read("LINESTRING (69.24 41.3, 68.78 40.84)"),
                (MultiLineString) wkt.read("MULTILINESTRING ((69.24 41.3, 68.78 40.84), (69.2 41.3, 68.7 40.8))")));
        Map<String, String> names = new LinkedHashMap<>();
        names.put("name_uz_latn", "Oʻzbekiston");
        names.put("name_ru", "Узбекистан");
        written.add(new Rows.Boundary(List.of(2_502), "UZ-TK", null, names, "Oʻzbekiston",
                (MultiPolygon) wkt.read("MULTIPOLYGON (((69 41, 69.5 41, 69.5 41.5, 69 41)))")));

        Path file;
        try (AdminRowSpool spool = new AdminRowSpool()) {
            written.forEach(spool::add);
            assertThat(spool.size()).isEqualTo(written.size());
            for (int pass = 0; pass < 2; pass++) { // read twice: the writer may be asked again
                List<Rows.AdminRow> read = new ArrayList<>();
                spool.forEach(read::add);
                assertThat(read).containsExactlyElementsOf(written);
                // in the validators' factory: SRID 4326 (the writer's EWKB relies on it), names in their order
                assertThat(read.get(0).geometry().getSRID()).isEqualTo(4326);
                assertThat(((Rows.Boundary) read.get(read.size() - 1)).names().keySet()).containsExactly("name_uz_latn", "name_ru");
            }
            file = spool.file();
            assertThat(file).exists();
        }
        assertThat(file).as("deleted on close").doesNotExist();
    }
}

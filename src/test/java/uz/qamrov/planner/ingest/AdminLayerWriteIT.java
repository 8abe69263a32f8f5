package uz.qamrov.planner.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uz.qamrov.support.ApiIT;

/**
 * Admin layers are written a chunk of rows per statement ({@link AdminLayerRepository}, 1,000 rows): files of more
 * than two chunks land row for row as the file says (each stored row carries its own name, population and position:
 * the parallel arrays stay aligned), a re-upload changes nothing, and a change counts as updated in whichever chunk
 * it falls. The oracle is the file itself, read back with plain SQL.
 */
class AdminLayerWriteIT extends ApiIT {

    static final int N = 2_500;
    static final String HEADER = "external_id,name_uz_latn,name_uz_cyrl,name_ru,kind,population,lon,lat\n";

    /** Row i: a village on a grid in Navoiy and Samarkand regions (64.5–66.5°E, 40.0–41.0°N). */
    static String settlement(int i, int population) {
        return String.format(Locale.ROOT, "AW-%d,Qishloq %d,Қишлоқ %d,Кишлак %d,village,%d,%.6f,%.6f%n", i, i, i, i,
                population, lon(i), lat(i));
    }

    static double lon(int i) {
        return 64.5 + (i % 50) * 0.04;
    }

    static double lat(int i) {
        return 40.0 + (i / 50) * 0.02;
    }

    @Test
    void settlementsInSeveralChunksLandAsTheFileSaysAndAReuploadChangesNothing() throws Exception {
        String admin = token("admin", null);
        StringBuilder csv = new StringBuilder(HEADER);
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < N; i++) {
            csv.append(settlement(i, 100 + i));
            expected.add(String.format(Locale.ROOT, "AW-%d|Qishloq %d|Қишлоқ %d|Кишлак %d|%d|%.6f|%.6f", i, i, i, i, 100 + i,
                    lon(i), lat(i)));
        }
        JsonNode first = importFile("settlements", admin, "aw.csv", utf8(csv.toString()));
        assertThat(first.path("status").asText()).as(first.toString()).isEqualTo("succeeded");
        assertThat(first.path("report").path("inserted").asInt()).isEqualTo(N);
        assertThat(new HashSet<>(jdbc.queryForList("""
                SELECT external_id || '|' || name_uz_latn || '|' || name_uz_cyrl || '|' || name_ru || '|' || population
                       || '|' || to_char(ST_X(geom), 'FM990.000000') || '|' || to_char(ST_Y(geom), 'FM990.000000')
                FROM settlements WHERE external_id LIKE 'AW-%'""", String.class))).isEqualTo(expected);
        // every one got the region nearest to it (none given in the file)
        assertThat(count("""
                SELECT count(*) FROM settlements s WHERE s.external_id LIKE 'AW-%' AND s.region_code IS DISTINCT FROM
                       (SELECT r.code FROM regions r WHERE r.geom IS NOT NULL ORDER BY r.geom <-> s.geom LIMIT 1)""")).isZero();

        JsonNode again = importFile("settlements", admin, "aw.csv", utf8(csv.toString()));
        assertThat(again.path("report").path("inserted").asInt()).isZero();
        assertThat(again.path("report").path("updated").asInt()).isZero();
        assertThat(again.path("report").path("unchanged").asInt()).isEqualTo(N);

        // three changed rows, one in each chunk, and two new ones at the end
        StringBuilder changed = new StringBuilder(HEADER);
        for (int i = 0; i < N + 2; i++) {
            boolean change = i == 5 || i == 1_500 || i == 2_499;
            changed.append(settlement(i, change ? 7 : 100 + i));
        }
        JsonNode third = importFile("settlements", admin, "aw.csv", utf8(changed.toString()));
        assertThat(third.path("report").path("inserted").asInt()).as(third.toString()).isEqualTo(2);
        assertThat(third.path("report").path("updated").asInt()).isEqualTo(3);
        assertThat(third.path("report").path("unchanged").asInt()).isEqualTo(N - 3);
        assertThat(jdbc.queryForList("SELECT external_id FROM settlements WHERE population = 7 ORDER BY external_id",
                String.class)).containsExactly("AW-1500", "AW-2499", "AW-5");
        assertThat(count("SELECT count(*) FROM settlements WHERE external_id LIKE 'AW-%'")).isEqualTo(N + 2);
    }

    @Test
    void railwaysInSeveralChunks() throws Exception {
        String admin = token("admin", null);
        int n = 1_200;
        StringBuilder gj = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < n; i++) {
            double x = lon(i);
            double y = lat(i);
            gj.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, """
                    {"type":"Feature","properties":{"line_key":"AWR-%d","line_name":"Spur %d"},
                     "geometry":{"type":"LineString","coordinates":[[%.6f,%.6f],[%.6f,%.6f]]}}""", i, i, x, y, x + 0.01, y + 0.005));
        }
        gj.append("]}");
        JsonNode first = importFile("railways", admin, "awr.geojson", utf8(gj.toString()));
        assertThat(first.path("report").path("inserted").asInt()).as(first.toString()).isEqualTo(n);
        // each line's name and geometry are its own: spur i starts at row i's point
        assertThat(count(String.format(Locale.ROOT, """
                SELECT count(*) FROM railways WHERE line_key LIKE 'AWR-%%'
                  AND line_name = 'Spur ' || substr(line_key, 5)
                  AND abs(ST_X(ST_StartPoint(geom)) - (64.5 + (substr(line_key, 5)::int %% 50) * 0.04)) < 1e-9
                  AND abs(ST_Y(ST_StartPoint(geom)) - (40.0 + (substr(line_key, 5)::int / 50) * 0.02)) < 1e-9"""))).isEqualTo(n);
        JsonNode again = importFile("railways", admin, "awr.geojson", utf8(gj.toString()));
        assertThat(again.path("report").path("unchanged").asInt()).isEqualTo(n);
        assertThat(again.path("report").path("inserted").asInt() + again.path("report").path("updated").asInt()).isZero();
    }
}

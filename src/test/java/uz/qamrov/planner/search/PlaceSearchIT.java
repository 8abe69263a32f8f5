package uz.qamrov.planner.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import uz.qamrov.support.HttpApiIT;

/**
 * Place search over the fixture plus Qoʻngʻirot with the real dataset's four names (geodata/settlements: gn:829955).
 * Expected hits are read off the names by hand: "Kungrad" is the Russian name Кунград transliterated.
 */
class PlaceSearchIT extends HttpApiIT {

    final ObjectMapper json = new ObjectMapper();
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void qongirot() {
        jdbc.sql("""
                INSERT INTO settlements (external_id, name_uz_latn, name_uz_cyrl, name_ru, name_en, kind, population, households,
                  region_code, geom, source)
                VALUES ('gn:829955', 'Qoʻngʻirot', 'Қўнғирот', 'Кунград', 'Qongirot', 'city', 80090, 16345, 'UZ-SA',
                  ST_SetSRID(ST_MakePoint(66.9, 39.6), 4326), 'geonames')
                ON CONFLICT (external_id) DO NOTHING""").update();
    }

    List<String> names(String q) throws Exception {
        // the client encodes the URI template once (UTF-8 percent-encoding of the Cyrillic and apostrophes)
        var res = get("/api/v1/search?q=" + q);
        assertThat(res.getStatusCode().value()).as(res.getBody()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        for (JsonNode p : json.readTree(res.getBody())) {
            out.add(p.get("type").asText() + ":" + p.at("/names/uz-Latn").asText());
        }
        return out;
    }

    @Test
    void qongirotIsFoundAsKungradCyrillicAndWithoutApostrophes() throws Exception {
        for (String q : List.of("Kungrad", "Қўнғирот", "Qongirot", "Qo‘ng‘irot", "Qo'ng'irot", "qoʻngʻirot", "КУНГРАД", "kungr")) {
            assertThat(names(q)).as(q).containsExactly("settlement:Qoʻngʻirot");
        }
    }

    @Test
    void hitIsUsableForTheMap() throws Exception {
        JsonNode hit = json.readTree(get("/api/v1/search?q=Kungrad").getBody()).get(0);
        assertThat(hit.get("lon").asDouble()).isEqualTo(66.9);
        assertThat(hit.get("lat").asDouble()).isEqualTo(39.6);
        assertThat(hit.get("region").asText()).isEqualTo("UZ-SA");
        assertThat(hit.at("/names/ru").asText()).isEqualTo("Кунград");
        assertThat(hit.get("bbox").toString()).isEqualTo("[66.9,39.6,66.9,39.6]");
    }

    @Test
    void nothingFoundIsAnEmptyListAndAnEmptyQueryIs400() throws Exception {
        assertThat(names("Zzyzx")).isEmpty();
        assertThat(get("/api/v1/search?q=").getStatusCode().value()).isEqualTo(400);
        assertThat(get("/api/v1/search?q=%20%27%20").getStatusCode().value()).isEqualTo(200);
    }
}

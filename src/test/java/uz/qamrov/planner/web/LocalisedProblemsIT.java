package uz.qamrov.planner.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import uz.qamrov.support.ApiIT;

/**
 * Problem documents in the caller's language, through the real application (MockMvc, real PostGIS with the 14
 * regions and four operators seeded): a bad region or operator filter and a wrong parameter answer with the title and
 * detail of the language {@code Accept-Language} asks for (Russian, Uzbek Cyrillic and Latin), English for any other
 * language or none; the {@code type}, the status and the machine-readable properties are the same in every language.
 * Features' own errors too: paging, sort keys, OGC datetimes, exports, uploads without a token or of a wrong type.
 */
class LocalisedProblemsIT extends ApiIT {

    private static final String BAD_REGION = "/api/v1/gaps/settlements?region=UZ-XX";

    private MvcResult send(String path, String acceptLanguage) throws Exception {
        MockHttpServletRequestBuilder b = get(path);
        if (acceptLanguage != null) {
            b.header(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
        }
        return mvc.perform(b).andReturn();
    }

    private JsonNode problem(MvcResult r, int status) throws Exception {
        assertThat(r.getResponse().getStatus()).isEqualTo(status);
        assertThat(r.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(String.join(",", r.getResponse().getHeaders(HttpHeaders.VARY)))
                .contains(HttpHeaders.ACCEPT_LANGUAGE);
        return json.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    /**
     * A 400 about one parameter in the language asked for: its name and value, the translated detail and the
     * {@code Content-Language} that says which language it is; the problem, for further checks.
     */
    private JsonNode assertParameterProblem(String path, String acceptLanguage, String parameter, String value,
            String detail, String language) throws Exception {
        MvcResult r = send(path, acceptLanguage);
        JsonNode p = problem(r, 400);
        assertThat(p.get("parameter").asText()).isEqualTo(parameter);
        assertThat(p.get("value").asText()).isEqualTo(value);
        assertThat(p.get("detail").asText()).isEqualTo(detail);
        assertThat(r.getResponse().getHeader(HttpHeaders.CONTENT_LANGUAGE)).isEqualTo(language);
        return p;
    }

    private void assertBadRegion(JsonNode p) {
        assertThat(p.get("type").asText()).isEqualTo("https://qamrov.uz/problems/invalid-request");
        assertThat(p.get("status").asInt()).isEqualTo(400);
        assertThat(p.get("parameter").asText()).isEqualTo("region");
        assertThat(p.get("value").asText()).isEqualTo("UZ-XX");
    }

    @Test
    void aBadRegionFilterIsExplainedInRussian() throws Exception {
        MvcResult r = send(BAD_REGION, "ru-RU,ru;q=0.9,en;q=0.5");
        JsonNode p = problem(r, 400);
        assertBadRegion(p);
        assertThat(p.get("title").asText()).isEqualTo("Некорректный запрос");
        assertThat(p.get("detail").asText()).isEqualTo("Неизвестная область: UZ-XX");
        assertThat(r.getResponse().getHeader(HttpHeaders.CONTENT_LANGUAGE)).isEqualTo("ru");
    }

    @Test
    void aBadRegionFilterIsExplainedInUzbekCyrillicAndLatin() throws Exception {
        MvcResult cyrl = send(BAD_REGION, "uz-Cyrl-UZ, ru;q=0.5");
        JsonNode p = problem(cyrl, 400);
        assertBadRegion(p);
        assertThat(p.get("title").asText()).isEqualTo("Нотўғри сўров");
        assertThat(p.get("detail").asText()).isEqualTo("Номаълум вилоят: UZ-XX");
        assertThat(cyrl.getResponse().getHeader(HttpHeaders.CONTENT_LANGUAGE)).isEqualTo("uz-Cyrl");

        JsonNode latn = problem(send(BAD_REGION, "uz"), 400);
        assertBadRegion(latn);
        assertThat(latn.get("detail").asText()).isEqualTo("Nomaʼlum viloyat: UZ-XX");
    }

    @Test
    void anyOtherLanguageOrNoneGetsEnglish() throws Exception {
        for (String accept : new String[] {"de-DE, fr;q=0.8", null, "*"}) {
            MvcResult r = send(BAD_REGION, accept);
            JsonNode p = problem(r, 400);
            assertBadRegion(p);
            assertThat(p.get("title").asText()).as(accept).isEqualTo("Invalid request");
            assertThat(p.get("detail").asText()).as(accept).isEqualTo("Unknown region: UZ-XX");
            assertThat(r.getResponse().getHeader(HttpHeaders.CONTENT_LANGUAGE)).as(accept).isEqualTo("en");
        }
    }

    @Test
    void notFoundAndAWronglyTypedParameterAreTranslatedToo() throws Exception {
        JsonNode missing = problem(send("/api/v1/regions/UZ-XX/districts", "ru"), 404);
        assertThat(missing.get("type").asText()).isEqualTo("https://qamrov.uz/problems/not-found");
        assertThat(missing.get("title").asText()).isEqualTo("Не найдено");
        assertThat(missing.get("detail").asText()).isEqualTo("Неизвестная область: UZ-XX");

        JsonNode typed = problem(send("/api/v1/gaps/settlements?asOf=yesterday", "uz-Cyrl"), 400);
        assertThat(typed.get("parameter").asText()).isEqualTo("asOf");
        assertThat(typed.get("value").asText()).isEqualTo("yesterday");
        assertThat(typed.get("detail").asText()).isEqualTo("asOf параметрининг қиймати нотўғри: yesterday");
    }

    @Test
    void operatorsAreListedAndAnUnknownOperatorFilterIsExplained() throws Exception {
        MvcResult list = send("/api/v1/operators", null);
        assertThat(list.getResponse().getStatus()).isEqualTo(200);
        JsonNode ops = json.readTree(list.getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(ops.findValuesAsText("code")).containsExactly("beeline", "mobiuz", "ucell", "uztelecom");
        assertThat(ops.get(3).get("fixed").asBoolean()).isTrue();

        JsonNode p = problem(send("/api/v1/indicators?operator=nokia", "uz-Cyrl"), 400);
        assertThat(p.get("parameter").asText()).isEqualTo("operator");
        assertThat(p.get("value").asText()).isEqualTo("nokia");
        assertThat(p.get("detail").asText()).isEqualTo("Номаълум оператор: nokia");
        assertThat(problem(send("/api/v1/indicators?operator=nokia", "en-GB"), 400).get("detail").asText())
                .isEqualTo("Unknown operator: nokia");
    }

    @Test
    void aBadLimitOnAPagedListIsExplainedInRussian() throws Exception {
        JsonNode p = assertParameterProblem("/api/v1/gaps/settlements?limit=0", "ru", "limit", "0",
                "limit должен быть не меньше 1", "ru");
        assertThat(p.get("type").asText()).isEqualTo("https://qamrov.uz/problems/invalid-request");
        assertThat(p.get("value").asInt()).isZero();
        // English reads as before the translation
        assertThat(problem(send("/api/v1/gaps/settlements?limit=0", null), 400).get("detail").asText())
                .isEqualTo("limit must be at least 1");
    }

    @Test
    void anUnknownSortKeyListsTheKeysInUzbekCyrillic() throws Exception {
        assertParameterProblem("/api/v1/gaps/settlements?sort=-nope", "uz-Cyrl-UZ", "sort", "-nope",
                "Номаълум саралаш калити: -nope (population, households, nearest_site, nearest_fiber, name, region, id;"
                        + " камайиш тартибида саралаш учун олдига - қўйинг)", "uz-Cyrl");
    }

    @Test
    void anOgcDatetimeThatIsNotRfc3339IsExplainedInUzbekLatin() throws Exception {
        JsonNode p = assertParameterProblem("/ogc/collections/settlements/items?datetime=yesterday",
                "uz-Latn, ru;q=0.5", "datetime", "yesterday",
                "datetime RFC 3339 boʻyicha sana, vaqt lahzasi yoki oraliq boʻlishi kerak", "uz-Latn");
        assertThat(p.get("title").asText()).isEqualTo("Notoʻgʻri soʻrov");
    }

    @Test
    void anUnknownTechnologyOfAnExportIsExplainedInRussian() throws Exception {
        assertParameterProblem("/api/v1/coverage.geojson?technology=6G", "ru", "technology", "6G",
                "Неизвестная технология: 6G (2G, 3G, 4G, 5G)", "ru");
    }

    private MvcResult uploadIn(String token, String fileName, String acceptLanguage) throws Exception {
        var req = multipart("/api/v1/uploads/base-stations")
                .file(new MockMultipartFile("file", fileName, "application/octet-stream", utf8("site_id\nS-1\n")));
        req.header(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
        if (token != null) {
            req.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        return mvc.perform(req).andReturn();
    }

    @Test
    void anUploadWithoutATokenIsExplainedInRussian() throws Exception {
        MvcResult r = uploadIn(null, "sites.csv", "ru-RU");
        JsonNode p = problem(r, 401);
        assertThat(p.get("type").asText()).isEqualTo("https://qamrov.uz/problems/unauthorized");
        assertThat(p.get("title").asText()).isEqualTo("Нет токена или токен недействителен");
        assertThat(p.get("detail").asText())
                .isEqualTo("Нужен действующий API-токен: передайте заголовок 'Authorization: Bearer <token>'");
        assertThat(r.getResponse().getHeader(HttpHeaders.CONTENT_LANGUAGE)).isEqualTo("ru");
    }

    @Test
    void anUploadOfAnUnsupportedFileTypeIsExplainedInUzbekLatin() throws Exception {
        MvcResult r = uploadIn(token("operator", "ucell"), "sites.docx", "uz");
        JsonNode p = problem(r, 415);
        assertThat(p.get("type").asText()).isEqualTo("https://qamrov.uz/problems/unsupported-format");
        assertThat(p.get("detail").asText()).isEqualTo("Qoʻllab-quvvatlanmaydigan fayl turi '.docx'; .csv, "
                + ".geojson/.json, .gpkg yoki zip arxividagi shapefile (.zip) yuklang");
        assertThat(r.getResponse().getHeader(HttpHeaders.CONTENT_LANGUAGE)).isEqualTo("uz-Latn");
    }
}

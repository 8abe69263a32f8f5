package uz.qamrov.planner.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static uz.qamrov.planner.ingest.IngestBadInputIT.csv;
import static uz.qamrov.planner.ingest.IngestBadInputIT.point;
import static uz.qamrov.planner.ingest.IngestBadInputIT.row;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.test.web.servlet.MvcResult;
import uz.qamrov.support.ApiIT;

/**
 * Hostile values, beyond {@link IngestBadInputIT}: numbers in Java-only notations, implausible dates, oversized ids
 * and attributes, NUL and lone surrogates, degenerate, empty and mostly-foreign geometry, bad mapping parameters
 * and dangerous option combinations. Each is a row-level rejection with its message (or a 4xx), nothing is written,
 * and no job fails with database or Java text. On the code before these rules, each case was accepted, failed its
 * job with PostgreSQL text, or was silently dropped.
 */
class IngestHostileValuesIT extends ApiIT {

    static final String SITE = IngestBadInputIT.SITE_PROPS;
    static final String P = "{\"type\":\"Point\",\"coordinates\":[69.2,41.3]}";

    static String rail(String props, String geometry) {
        return point(props, geometry);
    }

    static Stream<Arguments> cases() {
        List<Arguments> a = new ArrayList<>();
        // name, layer, file name, content, params (k=v&k=v), HTTP status, job status, field, message
        a.add(Arguments.of("hex float", "base-stations", "a.csv", csv(row("13=0x1p1")), "", 202, "rejected", "tilt_deg", "plain decimal notation"));
        a.add(Arguments.of("d suffix", "base-stations", "a.csv", csv(row("11=90d")), "", 202, "rejected", "azimuth_deg", "plain decimal notation"));
        a.add(Arguments.of("f suffix", "base-stations", "a.csv", csv(row("15=60f")), "", 202, "rejected", "eirp_dbm", "plain decimal notation"));
        a.add(Arguments.of("underscore digits", "base-stations", "a.csv", csv(row("10=1_800")), "", 202, "rejected", "band_mhz", "plain decimal notation"));
        a.add(Arguments.of("hex lon", "base-stations", "a.csv", csv(row("3=0x45p0")), "", 202, "rejected", "lon", "plain decimal notation"));
        a.add(Arguments.of("year 1900", "base-stations", "a.csv", csv(row("7=1900-01-01")), "", 202, "rejected", "commissioned_on", "plausible range 1950-01-01 to 2100-12-31"));
        a.add(Arguments.of("planned in 2150", "base-stations", "a.csv", csv(row("6=planned|7=2150-01-01")), "", 202, "rejected", "commissioned_on", "plausible range"));
        a.add(Arguments.of("year before 4713 BC", "base-stations", "a.csv", csv(row("6=decommissioned|7=2020-01-01|8=-4714-11-24")), "", 202, "rejected", "decommissioned_on", "YYYY-MM-DD"));
        a.add(Arguments.of("five-digit year", "base-stations", "a.csv", csv(row("6=planned|7=+10000-01-01")), "", 202, "rejected", "commissioned_on", "YYYY-MM-DD"));
        a.add(Arguments.of("id of 101 characters", "base-stations", "a.csv", csv(row("1=" + "S".repeat(101))), "", 202, "rejected", "site_id", "longer than 100 characters"));
        a.add(Arguments.of("megabyte id", "base-stations", "a.csv", csv(row("1=" + "S".repeat(1_000_000))), "", 202, "rejected", "site_id", "longer than"));
        a.add(Arguments.of("NUL in an id", "base-stations", "a.geojson", utf8(point(SITE.replace("\"G-1\"", "\"G\\u00001\""), P)), "", 202, "rejected", "site_id", "NUL"));
        a.add(Arguments.of("lone surrogate in an id", "base-stations", "a.geojson", utf8(point(SITE.replace("\"G-1\"", "\"G\\ud800\""), P)), "", 202, "rejected", "site_id", "unpaired UTF-16 surrogate"));
        a.add(Arguments.of("megabyte attribute", "base-stations", "a.geojson", utf8(point(SITE + ",\"note\":\"" + "n".repeat(20_000) + "\"", P)), "", 202, "rejected", "note", "longer than 10000"));
        a.add(Arguments.of("duplicate JSON key", "base-stations", "a.geojson", utf8(point(SITE + ",\"site_id\":\"G-2\"", P)), "", 400, "", "", "Duplicate field 'site_id'"));
        a.add(Arguments.of("name of 201 characters", "railways", "r.geojson", utf8(rail("\"line_key\":\"HX-1\",\"line_name\":\"" + "n".repeat(201) + "\"", "{\"type\":\"LineString\",\"coordinates\":[[69,41],[69.1,41.1]]}")), "", 202, "rejected", "line_name", "longer than 200"));
        a.add(Arguments.of("empty MultiLineString", "railways", "r.geojson", utf8(rail("\"line_key\":\"HX-2\",\"line_name\":\"Empty\"", "{\"type\":\"MultiLineString\",\"coordinates\":[]}")), "", 202, "rejected", "geometry", "the line is empty"));
        a.add(Arguments.of("mostly foreign line", "railways", "r.geojson", utf8(rail("\"line_key\":\"HX-3\",\"line_name\":\"Away\"", "{\"type\":\"LineString\",\"coordinates\":[[69,41],[80,41]]}")), "", 202, "rejected", "geometry", "outside Uzbekistan"));
        a.add(Arguments.of("zero-area polygon repaired", "settlements", "s.geojson", utf8(point("\"external_id\":\"HX-4\",\"name\":\"Flat\",\"population\":10", "{\"type\":\"Polygon\",\"coordinates\":[[[66,39],[67,39],[68,39],[66,39]]]}")), "repair=true", 202, "rejected", "geometry", "no area"));
        a.add(Arguments.of("fiber route without a kind", "fiber-routes", "f.geojson", utf8(rail("\"operator\":\"ucell\",\"route_id\":\"HX-5\"", "{\"type\":\"LineString\",\"coordinates\":[[69,41],[69.1,41.1]]}")), "", 202, "rejected", "route_kind", "is required"));
        a.add(Arguments.of("status outside the mapping", "fiber-routes", "f.geojson", utf8(rail("\"operator\":\"ucell\",\"line_id\":\"HX-6\",\"status\":\"Broken\"", "{\"type\":\"LineString\",\"coordinates\":[[69,41],[69.1,41.1]]}")), "profile=itu-fibre", 202, "rejected", "status", "expected one of [active, decommissioned, planned, unknown]"));
        String oc = "radio,mcc,net,area,cell,unit,lon,lat,range,samples,changeable,created,updated,averageSignal\n";
        a.add(Arguments.of("OpenCelliD time in year 5138", "base-stations", "c.csv", utf8(oc + "LTE,434,5,1,256001,0,69.2,41.3,1000,1,1,99999999999,1600000000,0\n"), "", 202, "rejected", "created", "not a unix time"));
        a.add(Arguments.of("OpenCelliD time in 1970", "base-stations", "c.csv", utf8(oc + "LTE,434,5,1,256001,0,69.2,41.3,1000,1,1,1577836800,100000000,0\n"), "", 202, "rejected", "updated", "plausible range 2000-01-01 to 2100-12-31"));
        a.add(Arguments.of("OpenCelliD hex cell id", "base-stations", "c.csv", utf8(oc + "LTE,434,5,1,0x3E801,0,69.2,41.3,1000,1,1,1577836800,1600000000,0\n"), "", 202, "rejected", "cell", "whole number"));
        a.add(Arguments.of("OpenCelliD range in hex", "base-stations", "c.csv", utf8(oc + "LTE,434,5,1,256001,0,69.2,41.3,0x10p4,1,1,1577836800,1600000000,0\n"), "", 202, "rejected", "observed_range_m", "plain decimal notation"));
        a.add(Arguments.of("JSON number beyond double", "base-stations", "a.geojson", utf8(point(SITE.replace("\"band_mhz\":1800", "\"band_mhz\":1e400"), P)), "", 202, "rejected", "band_mhz", "not a finite number"));
        a.add(Arguments.of("JSON array as a number", "base-stations", "a.geojson", utf8(point(SITE.replace("\"band_mhz\":1800", "\"band_mhz\":[1800]"), P)), "", 202, "rejected", "band_mhz", "plain decimal notation"));
        a.add(Arguments.of("JSON true as a height", "base-stations", "a.geojson", utf8(point(SITE.replace("\"antenna_height_m\":25", "\"antenna_height_m\":true"), P)), "", 202, "rejected", "antenna_height_m", "plain decimal notation"));
        a.add(Arguments.of("unknown profile", "railways", "r.geojson", utf8(rail("\"line_key\":\"HX-7\",\"line_name\":\"x\"", "{\"type\":\"LineString\",\"coordinates\":[[69,41],[69.1,41.1]]}")), "profile=kml-magic", 400, "", "", "unknown mapping profile 'kml-magic'"));
        a.add(Arguments.of("map without a source", "railways", "r.geojson", utf8(rail("\"line_key\":\"HX-8\",\"line_name\":\"x\"", "{\"type\":\"LineString\",\"coordinates\":[[69,41],[69.1,41.1]]}")), "map=line_key", 400, "", "", "is not target:source"));
        a.add(Arguments.of("map with a bad name", "railways", "r.geojson", utf8(rail("\"line_key\":\"HX-9\",\"line_name\":\"x\"", "{\"type\":\"LineString\",\"coordinates\":[[69,41],[69.1,41.1]]}")), "map=line_key:osm id", 400, "", "", "is not a column name"));
        a.add(Arguments.of("values without =", "railways", "r.geojson", utf8(rail("\"line_key\":\"HX-10\",\"line_name\":\"x\"", "{\"type\":\"LineString\",\"coordinates\":[[69,41],[69.1,41.1]]}")), "values=status:Operational", 400, "", "", "is not from=to"));
        a.add(Arguments.of("unknown duplicates policy", "base-stations", "a.csv", csv(row("")), "duplicates=sometimes", 400, "", "", "duplicates must be"));
        a.add(Arguments.of("snapshot=full with partial=true", "base-stations", "a.csv", csv(row("")), "snapshot=full&partial=true", 400, "", "", "snapshot=full cannot be combined with partial=true"));
        return a.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hostileValueIsARowLevelRejectionOrA4xx(String name, String layer, String fileName, byte[] content, String params,
            int httpStatus, String jobStatus, String field, String message) throws Exception {
        jdbc.update("DELETE FROM base_stations WHERE source LIKE 'upload:%'");
        List<String> p = new ArrayList<>();
        for (String kv : params.isEmpty() ? new String[0] : params.split("&")) {
            String[] x = kv.split("=", 2);
            p.add(x[0]);
            p.add(x[1]);
        }
        int railways = count("SELECT count(*) FROM railways");
        MvcResult r = upload(layer, ADMIN_TOKEN, fileName, content, p.toArray(String[]::new));
        assertThat(r.getResponse().getStatus()).as(name + ": " + r.getResponse().getContentAsString()).isEqualTo(httpStatus);
        if (httpStatus != 202) {
            assertThat(body(r).path("detail").asText()).as(name).contains(message);
        } else {
            JsonNode job = awaitJob(body(r).path("id").asText());
            assertThat(job.path("status").asText()).as(name + ": " + job).isEqualTo(jobStatus);
            assertThat(job.hasNonNull("error")).as(name + ": no failure text").isFalse();
            JsonNode first = job.path("report").path("errors").get(0);
            assertThat(first.path("row").asInt()).as(name).isEqualTo(1);
            assertThat(first.path("field").asText()).as(name + ": " + first).isEqualTo(field);
            assertThat(first.path("message").asText()).as(name + ": " + first).contains(message);
            JsonNode counts = job.path("report").path("rowCounts");
            assertThat(counts.path("imported").asInt() + counts.path("rejected").asInt() + counts.path("superseded").asInt()
                    + counts.path("withheld").asInt()).as(name + ": rows add up").isEqualTo(counts.path("read").asInt());
        }
        assertThat(count("SELECT count(*) FROM base_stations WHERE source LIKE 'upload:%'")).as(name + ": nothing written").isZero();
        assertThat(count("SELECT count(*) FROM railways")).as(name + ": nothing written").isEqualTo(railways);
    }
}

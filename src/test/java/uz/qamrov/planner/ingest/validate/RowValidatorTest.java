package uz.qamrov.planner.ingest.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import uz.qamrov.planner.ingest.IngestProperties;
import uz.qamrov.planner.ingest.Layer;
import uz.qamrov.planner.ingest.OperatorDirectory;
import uz.qamrov.planner.ingest.RowError;
import uz.qamrov.planner.ingest.Rows;
import uz.qamrov.planner.ingest.SourceFeature;
import uz.qamrov.planner.ingest.UploadFormat;

/** Row rules without a database: each case states the row-level message a person expects. */
class RowValidatorTest {

    static final IngestProperties PROPS = new IngestProperties(50, 500_000, 20, 1024, 10, ZoneId.of("Asia/Tashkent"), 2, 30, 1000);
    static final OperatorDirectory OPS = new OperatorDirectory(Map.of("ucell", "ucell", "beeline", "beeline"),
            Map.of("434-05", "ucell", "434-04", "beeline"));
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    static ValidationContext ctx(Layer layer, UploadFormat format, DuplicatePolicy duplicates) {
        return new ValidationContext(layer, format, OPS, "ucell", TODAY, PROPS, false, duplicates);
    }

    static SourceFeature row(int n, String... kv) {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            a.put(kv[i], kv[i + 1]);
        }
        return new SourceFeature(n, a, null, null);
    }

    static SourceFeature feature(int n, String wkt, String... kv) throws ParseException {
        Geometry g = new WKTReader().read(wkt);
        SourceFeature r = row(n, kv);
        return new SourceFeature(n, r.attrs(), g, null);
    }

    static SourceFeature site(int n, String site, String cell, String... overrides) {
        Map<String, String> a = new LinkedHashMap<>(Map.of("site_id", site, "cell_id", cell, "lon", "69.25", "lat", "41.30",
                "technology", "4G", "band_mhz", "1800", "antenna_height_m", "28", "commissioned_on", "2021-04-01"));
        for (int i = 0; i + 1 < overrides.length; i += 2) {
            a.put(overrides[i], overrides[i + 1]);
        }
        return new SourceFeature(n, a, null, null);
    }

    static List<RowError> errors(RowValidator.Outcome o) {
        return o.result().errors();
    }

    @Test
    void strictValuesAreRowErrorsWithTheirField() {
        var o = RowValidator.validate(ctx(Layer.BASE_STATIONS, UploadFormat.CSV, DuplicatePolicy.REJECT), List.of(
                site(1, "S1", "1", "tilt_deg", "0x1p1"),
                site(2, "S2", "1", "azimuth_deg", "90d"),
                site(3, "S3", "1", "commissioned_on", "1900-01-01"),
                site(4, "S4", "1", "commissioned_on", "+20000-01-01"),
                site(5, "S".repeat(101), "1"),
                site(6, "S6", "1", "note", "a\u0000b"),
                site(7, "S7\uD800", "1"),
                site(8, "S8", "1")));
        assertThat(errors(o)).extracting(e -> e.row() + " " + e.field() + ": " + e.message()).containsExactly(
                "1 tilt_deg: is not a number in plain decimal notation (such as 41.3 or -7)",
                "2 azimuth_deg: is not a number in plain decimal notation (such as 41.3 or -7)",
                "3 commissioned_on: is outside the plausible range 1950-01-01 to 2100-12-31",
                "4 commissioned_on: is not a date in the form YYYY-MM-DD",
                "5 site_id: is longer than 100 characters (101)",
                "6 note: contains a NUL character",
                "7 site_id: contains an unpaired UTF-16 surrogate");
        assertThat(o.result().rows()).extracting(r -> ((Rows.Site) r).siteId()).containsExactly("S8");
        assertThat(o.result().rejectedRows()).containsExactly(1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void aSiteIsRejectedWithAllItsRowsWhenOneCellRowIsBad() {
        var o = RowValidator.validate(ctx(Layer.BASE_STATIONS, UploadFormat.CSV, DuplicatePolicy.REJECT), List.of(
                site(1, "S1", "1"), site(2, "S1", "2"), site(3, "S1", "3", "band_mhz", "1e9"), site(4, "S2", "1")));
        // row 3 fails its band: S1 would be imported with 2 of its 3 cells, so the closure rejects all its rows
        assertThat(errors(o)).extracting(RowError::row).containsExactly(3);
        assertThat(o.result().rejectedRows()).containsExactly(1, 2, 3);
        assertThat(o.result().rows()).extracting(r -> ((Rows.Site) r).siteId()).containsExactly("S2");
    }

    @Test
    void duplicatesAreRejectedOrSupersededByTheLatestUpdate() {
        List<SourceFeature> rows = List.of(
                row(1, "radio", "LTE", "mcc", "434", "net", "5", "area", "100", "cell", "256001", "lon", "69.24", "lat", "41.30",
                        "range", "1500", "created", "1577836800", "updated", "1600000000"),
                row(2, "radio", "LTE", "mcc", "434", "net", "5", "area", "100", "cell", "256001", "lon", "69.25", "lat", "41.31",
                        "range", "1800", "created", "1577836800", "updated", "1700000000"),
                row(3, "radio", "LTE", "mcc", "434", "net", "5", "area", "100", "cell", "256002", "lon", "69.26", "lat", "41.32",
                        "range", "0", "created", "1590000000", "updated", "1650000000"));
        var kept = RowValidator.validate(ctx(Layer.BASE_STATIONS, UploadFormat.OPENCELLID, DuplicatePolicy.KEEP_LATEST), rows);
        assertThat(errors(kept)).isEmpty();
        assertThat(kept.superseded()).extracting(e -> e.row() + ": " + e.message())
                .containsExactly("1: superseded by row 2 (same cell, updated 1700000000 ≥ 1600000000): duplicates=keep-latest");
        // rows 2 and 3 are cells 1 and 2 of eNodeB 1000: one site at their centroid
        assertThat(kept.result().rows()).hasSize(1);
        Rows.Site s = (Rows.Site) kept.result().rows().get(0);
        assertThat(s.siteId()).isEqualTo("434-5-L1000");
        assertThat(s.rows()).containsExactly(2, 3);
        assertThat(s.geometry().getX()).isEqualTo(69.255);
        assertThat(s.geometry().getY()).isEqualTo(41.315);
        assertThat(s.commissionedOn()).isNull();
        assertThat(s.firstObservedOn()).isEqualTo(LocalDate.of(2020, 1, 1)); // 1577836800 = 2020-01-01T00:00Z
        assertThat(s.lastObservedOn()).isEqualTo(LocalDate.of(2023, 11, 14)); // 1700000000 = 2023-11-14T22:13Z
        assertThat(s.cells()).extracting(Rows.Cell::rangeM).containsOnlyNulls();
        assertThat(s.cells()).extracting(Rows.Cell::observedRangeM).containsExactly(1800.0, null);

        var rejected = RowValidator.validate(ctx(Layer.BASE_STATIONS, UploadFormat.OPENCELLID, DuplicatePolicy.REJECT), rows);
        assertThat(errors(rejected)).extracting(e -> e.row() + ": " + e.message())
                .containsExactly("2: duplicate cell: 4G area 100 cell 256001 already in row 1");
    }

    @Test
    void linesAcceptMultiPartsAndRejectEmptyNanAndDegenerateOnes() throws ParseException {
        var o = RowValidator.validate(ctx(Layer.RAILWAYS, UploadFormat.GEOJSON, DuplicatePolicy.REJECT), List.of(
                feature(1, "MULTILINESTRING ((66 40, 67 40), (67 40, 68 40), (67 40, 67.5 40.01, 68 40))", "line_key", "DT", "line_name", "Double"),
                feature(2, "MULTILINESTRING EMPTY", "line_key", "E", "line_name", "Empty"),
                feature(3, "LINESTRING (66 40, 66 40)", "line_key", "D", "line_name", "Degenerate"),
                feature(4, "LINESTRING (66 40, NaN 40)", "line_key", "N", "line_name", "NaN"),
                feature(5, "LINESTRING (66 40, 67 40)", "line_key", "L")));
        assertThat(errors(o)).extracting(e -> e.row() + " " + e.field() + ": " + e.message()).containsExactly(
                "2 geometry: the line is empty (no coordinates)",
                "3 geometry: a line needs at least two distinct points (degenerate line)",
                "4 geometry: a vertex is not a finite number (NaN or infinite coordinate)",
                "5 line_name: is required");
        Rows.Line line = (Rows.Line) o.result().rows().get(0);
        assertThat(line.geometry().getLength()).isEqualTo(2.0);
        assertThat(line.parts().getNumGeometries()).isEqualTo(3);
        assertThat(o.result().warnings()).anySatisfy(w -> assertThat(w).startsWith("row 1 (DT): 3 parts; km marks along the main path"));
    }

    @Test
    void fiberRoutesMustSayTheirKindAndUnknownStatusesListTheAcceptedOnes() throws ParseException {
        var o = RowValidator.validate(ctx(Layer.FIBER_ROUTES, UploadFormat.GEOJSON, DuplicatePolicy.REJECT), List.of(
                feature(1, "LINESTRING (66 40, 67 40)", "route_id", "R1"),
                feature(2, "LINESTRING (66 40, 67 40)", "route_id", "R2", "route_kind", "backbone", "status", "Operational")));
        assertThat(errors(o)).extracting(e -> e.row() + " " + e.field() + ": " + e.message()).containsExactly(
                "1 route_kind: is required; one of [backbone, distribution, regional]",
                "2 status: unknown value; expected one of [active, decommissioned, planned, unknown] (map other values with values=status:Operational=…)");
    }

    /**
     * duplicates=merge: a road in OSM ways sharing its ref is one line. Worked by hand: M39's pieces run 66→67→68 E
     * along 40 N (2 degrees of main path) with a branch 67 40 → 67 40.5 (0.5 degree) off it; the trunk piece makes it
     * international although the first piece says state; each name is the first one given (Uzbek row 1's, Russian
     * row 2's).
     */
    @Test
    void mergeJoinsThePiecesOfALineAndOneBadPieceRejectsItWhole() throws ParseException {
        var o = RowValidator.validate(ctx(Layer.HIGHWAYS, UploadFormat.GEOJSON, DuplicatePolicy.MERGE), List.of(
                feature(1, "LINESTRING (66 40, 67 40)", "ref", "M39", "road_class", "state", "name_uz_latn", "Katta trakt"),
                feature(2, "LINESTRING (67 40, 68 40)", "ref", "M39", "road_class", "international", "name_uz_latn", "Trakt",
                        "name_ru", "Большой тракт"),
                feature(3, "LINESTRING (70 41, 71 41)", "ref", "A373", "road_class", "state", "name_uz_latn", "Oʻzbekiston yoʻli"),
                feature(4, "LINESTRING (67 40, 67 40.5)", "ref", "M39", "road_class", "other", "name_uz_latn", "Branch"),
                feature(5, "LINESTRING (60 41, 61 41)", "ref", "4P1", "road_class", "other", "name_uz_latn", "Bad"),
                feature(6, "LINESTRING (61 41, 61 41)", "ref", "4P1", "road_class", "other", "name_uz_latn", "Bad")));
        assertThat(errors(o)).extracting(e -> e.row() + " " + e.field() + ": " + e.message()).containsExactly(
                "6 geometry: a line needs at least two distinct points (degenerate line)");
        assertThat(o.result().rejectedRows()).as("the good piece of 4P1 goes with the bad one").containsExactly(5, 6);
        assertThat(o.result().rows()).hasSize(2);
        Rows.Line m39 = (Rows.Line) o.result().rows().get(0);
        assertThat(m39.key()).isEqualTo("M39");
        assertThat(m39.rows()).containsExactly(1, 2, 4);
        assertThat(m39.label()).isEqualTo("international");
        assertThat(m39.nameUzLatn()).isEqualTo("Katta trakt");
        assertThat(m39.nameRu()).isEqualTo("Большой тракт");
        assertThat(m39.geometry().getLength()).isEqualTo(2.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(m39.parts().getNumGeometries()).isEqualTo(3);
        assertThat(((Rows.Line) o.result().rows().get(1)).rows()).containsExactly(3);
        assertThat(o.result().warnings()).contains("rows 1, 2, 4 (M39): 3 rows joined into one line (duplicates=merge)");

        // without merge the same file is three duplicate-id errors
        var rejected = RowValidator.validate(ctx(Layer.HIGHWAYS, UploadFormat.GEOJSON, DuplicatePolicy.REJECT), List.of(
                feature(1, "LINESTRING (66 40, 67 40)", "ref", "M39", "road_class", "state", "name_uz_latn", "A"),
                feature(2, "LINESTRING (67 40, 68 40)", "ref", "M39", "road_class", "state", "name_uz_latn", "A")));
        assertThat(errors(rejected)).extracting(e -> e.row() + ": " + e.message()).containsExactly("2: duplicate id: already in row 1");
    }

    /** Settlements and lines are fed in chunks like the network layers: an id seen in an earlier chunk is a duplicate. */
    @Test
    void aDuplicateIdInALaterChunkIsFoundForSettlementsAndLines() throws ParseException {
        RowValidator settlements = RowValidator.forFile(ctx(Layer.SETTLEMENTS, UploadFormat.CSV, DuplicatePolicy.REJECT));
        assertThat(settlements.wholeFile()).isFalse();
        var first = settlements.validate(List.of(
                row(1, "external_id", "S-1", "name_uz_latn", "Olmazor", "population", "120", "lon", "69.2", "lat", "41.3")));
        var second = settlements.validate(List.of(
                row(2, "external_id", "S-2", "name_uz_latn", "Chorvoq", "population", "90", "lon", "69.9", "lat", "41.6"),
                row(3, "external_id", "S-1", "name_uz_latn", "Olmazor", "population", "120", "lon", "69.2", "lat", "41.3")));
        assertThat(first.result().rows()).hasSize(1);
        assertThat(second.result().rows()).extracting(r -> r.rows().get(0)).containsExactly(2);
        assertThat(errors(second)).extracting(e -> e.row() + " " + e.field() + ": " + e.message())
                .containsExactly("3 external_id: duplicate id: already in row 1");

        RowValidator railways = RowValidator.forFile(ctx(Layer.RAILWAYS, UploadFormat.GEOJSON, DuplicatePolicy.REJECT));
        assertThat(railways.wholeFile()).isFalse();
        railways.validate(List.of(feature(1, "LINESTRING (69.2 41.3, 69.3 41.3)", "line_key", "R-1", "line_name", "Siding")));
        var later = railways.validate(List.of(feature(2, "LINESTRING (69.4 41.3, 69.5 41.3)", "line_key", "R-1", "line_name", "Siding")));
        assertThat(later.result().rows()).isEmpty();
        assertThat(errors(later)).extracting(e -> e.row() + " " + e.field() + ": " + e.message())
                .containsExactly("2 line_key: duplicate id: already in row 1");

        // boundaries are matched against each other (one feature per code): they stay one chunk
        assertThat(RowValidator.forFile(ctx(Layer.DISTRICTS, UploadFormat.GEOJSON, DuplicatePolicy.REJECT)).wholeFile()).isTrue();
    }

    @Test
    void everyRowIsAccountedFor() {
        List<SourceFeature> rows = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            rows.add(site(i, "S" + (i % 20), String.valueOf(i), "tilt_deg", i % 7 == 0 ? "NaN" : "2"));
        }
        var o = RowValidator.validate(ctx(Layer.BASE_STATIONS, UploadFormat.CSV, DuplicatePolicy.REJECT), rows);
        int imported = o.result().rows().stream().mapToInt(r -> r.rows().size()).sum();
        // rows 7, 14, …, 49 are bad (7 rows); their sites S7, S14, S1, S8, S15, S2, S9 lose every row (S = i mod 20)
        assertThat(o.result().rejectedRows()).hasSize(7 * 3 - 2);
        assertThat(imported + o.result().rejectedRows().size()).isEqualTo(50);
    }
}

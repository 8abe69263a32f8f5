package uz.qamrov.planner.ingest.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uz.qamrov.planner.ingest.Layer;
import uz.qamrov.planner.web.ProblemMessages;

/** The 10-character cut of a .dbf field name, read back as the field it was cut from. */
class TruncatedNamesTest {

    @Test
    void gdalCutsOfBaseStationColumnsResolveToTheirFields() {
        // the names ogr2ogr 3.6 wrote for Qamrov's base-station columns (its "laundered field name" warnings)
        List<String> dbf = List.of("operator", "site_id", "cell_id", "tower_heig", "commission", "decommissi", "first_obse",
                "last_obser", "technology", "band_mhz", "azimuth_de", "beamwidth_", "tilt_deg", "antenna_he", "eirp_dbm",
                "range_m", "observed_r");
        assertThat(TruncatedNames.forShapefile(dbf, Layer.BASE_STATIONS, ColumnMapping.NONE)).containsExactly(
                Map.entry("tower_heig", "tower_height_m"),
                Map.entry("first_obse", "first_observed_on"),
                Map.entry("last_obser", "last_observed_on"),
                Map.entry("azimuth_de", "azimuth_deg"),
                Map.entry("beamwidth_", "beamwidth_deg"),
                Map.entry("antenna_he", "antenna_height_m"),
                Map.entry("observed_r", "observed_range_m"));
        // commission and decommissi are aliases of their own (operators write them in GeoJSON too): not renamed
    }

    @Test
    void aCutOfAnAliasResolvesToTheAliasesField() {
        // operator_code is another name of operator
        assertThat(TruncatedNames.forShapefile(List.of("operator_c"), Layer.BASE_STATIONS, ColumnMapping.NONE))
                .containsExactly(Map.entry("operator_c", "operator"));
        assertThat(TruncatedNames.forShapefile(List.of("name_uz_cy", "district_c", "region_cod"), Layer.SETTLEMENTS,
                ColumnMapping.NONE)).containsExactly(Map.entry("district_c", "district_code"), Map.entry("region_cod", "region_code"));
    }

    @Test
    void onlyTenCharacterColumnsThatAreNoNameOfTheirOwnAreRead() {
        Map<String, List<String>> fields = fields("antenna_height_m", List.of(), "households", List.of(), "beamwidth_deg", List.of());
        // shorter than 10: not cut; exactly a field: itself; matching nothing: left as is
        assertThat(TruncatedNames.resolve(List.of("antenna_h", "households", "unknown_co"), fields, Set.of())).isEmpty();
        // a field of exactly 10 characters is not cut, so it is no candidate for a column starting it
        assertThat(TruncatedNames.resolve(List.of("households"), fields("households", List.of()), Set.of())).isEmpty();
        // a column the mapping reads from is the uploader's word
        assertThat(TruncatedNames.resolve(List.of("antenna_he", "beamwidth_"), fields, Set.of("antenna_he")))
                .containsExactly(Map.entry("beamwidth_", "beamwidth_deg"));
    }

    @Test
    void aCutStartingTwoFieldsIsAmbiguousAndNamesThem() {
        Map<String, List<String>> fields = fields("commissioned_on", List.of(), "commission_fee_uzs", List.of(),
                "tower_height_m", List.of());
        assertThatThrownBy(() -> TruncatedNames.resolve(List.of("tower_heig", "commission"), fields, Set.of()))
                .isInstanceOfSatisfying(TruncatedNames.Ambiguous.class, e -> {
                    assertThat(e.column()).isEqualTo("commission");
                    assertThat(e.candidates()).containsExactly("commission_fee_uzs", "commissioned_on");
                    assertThat(e.getMessage()).isEqualTo("shapefile column 'commission' is a cut (dBASE names hold 10 characters)"
                            + " of more than one field: commission_fee_uzs, commissioned_on; name the one it holds with"
                            + " ?map=commission_fee_uzs:commission");
                    assertThat(text(e, "en")).isEqualTo(e.getMessage());
                    assertThat(text(e, "ru")).isEqualTo("Столбец shapefile 'commission' — усечённое (имена dBASE"
                            + " вмещают 10 символов) имя нескольких полей: commission_fee_uzs, commissioned_on;"
                            + " укажите, какое из них он содержит, через ?map=commission_fee_uzs:commission");
                });
        // two names of the same field are one candidate, not two
        assertThat(TruncatedNames.resolve(List.of("commission"), fields("commissioned_on", List.of("commissioning_date")),
                Set.of())).containsExactly(Map.entry("commission", "commissioned_on"));
        // the uploader resolves it by mapping the column
        assertThat(TruncatedNames.resolve(List.of("tower_heig", "commission"), fields, Set.of("commission")))
                .containsExactly(Map.entry("tower_heig", "tower_height_m"));
    }

    @Test
    void aColumnGdalNumberedAfterACollisionWithANameOfItsOwnIsReadAsTheLongField() {
        // the source had households and households_2020: the cut of the second collided, GDAL wrote househol_1
        Map<String, List<String>> fields = fields("households", List.of(), "households_2020", List.of(), "tower_height_m", List.of());
        assertThat(TruncatedNames.resolve(List.of("households", "househol_1", "tower_heig"), fields, Set.of()))
                .containsExactly(Map.entry("tower_heig", "tower_height_m"), Map.entry("househol_1", "households_2020"));
        // from the tenth collision on GDAL writes %.8s%02d
        assertThat(TruncatedNames.resolve(List.of("households", "househol10"), fields, Set.of()))
                .containsExactly(Map.entry("househol10", "households_2020"));
        // without a 10-character column to have collided with, a numbered column is just an unknown one
        assertThat(TruncatedNames.resolve(List.of("household", "househol_1"), fields("household_total", List.of()),
                Set.of())).isEmpty();
    }

    @Test
    void aNumberedColumnBesideTheAliasOfTheSameFieldIsAnotherColumn() {
        // commissioned_on and commissioned_by: 'commission' (an alias of commissioned_on) and 'commissi_1'; the field
        // is there by its alias, so the numbered column is the other, unknown one
        assertThat(TruncatedNames.forShapefile(List.of("site_id", "commission", "commissi_1"), Layer.BASE_STATIONS,
                ColumnMapping.NONE)).isEmpty();
    }

    @Test
    void twoCutsOfTheSameTenCharactersAreAmbiguousUnlessMapped() {
        // antenna_height_m and antenna_height_agl: 'antenna_he' and 'antenna__1'; which is which is not in the file
        Map<String, List<String>> fields = fields("antenna_height_m", List.of(), "tilt_deg", List.of());
        assertThatThrownBy(() -> TruncatedNames.resolve(List.of("antenna_he", "antenna__1"), fields, Set.of()))
                .isInstanceOfSatisfying(TruncatedNames.Ambiguous.class, e -> {
                    assertThat(e.column()).isEqualTo("antenna__1");
                    assertThat(e.candidates()).containsExactly("antenna_height_m");
                    assertThat(e.getMessage()).contains("'antenna_he' and 'antenna__1' are both cuts")
                            .contains("?map=antenna_height_m:antenna_he or ?map=antenna_height_m:antenna__1");
                    assertThat(text(e, "en")).isEqualTo(e.getMessage());
                    assertThat(text(e, "uz-Cyrl")).contains("бундай майдон эса antenna_height_m;")
                            .doesNotContain("{");
                });
        // the uploader names the column: the other cut is then read by the plain rule (the mapping wins over it)
        assertThat(TruncatedNames.resolve(List.of("antenna_he", "antenna__1"), fields, Set.of("antenna__1")))
                .containsExactly(Map.entry("antenna_he", "antenna_height_m"));
        // a numbered column whose collision partner starts no field is left alone, as before
        assertThat(TruncatedNames.resolve(List.of("unknown_co", "unknown__1"), fields, Set.of())).isEmpty();
    }

    /** The problem detail the ambiguity answers with in a language. */
    private static String text(TruncatedNames.Ambiguous e, String language) {
        return ProblemMessages.DEFAULT.resolve(language, e.messageKey(), e.messageArgs()).text();
    }

    private static Map<String, List<String>> fields(Object... fieldThenAliases) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < fieldThenAliases.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> aliases = (List<String>) fieldThenAliases[i + 1];
            out.put((String) fieldThenAliases[i], aliases);
        }
        return out;
    }
}

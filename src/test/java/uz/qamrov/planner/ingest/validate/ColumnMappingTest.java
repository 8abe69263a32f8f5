package uz.qamrov.planner.ingest.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import uz.qamrov.planner.web.ProblemMessages;

class ColumnMappingTest {

    @Test
    void columnsFallBackValuesRenameAndDefaultsFillIn() {
        ColumnMapping m = ColumnMapping.of(null, "line_key:osm_id,line_name:name|fclass", "status:Operational=active;Unknown=",
                "route_kind:backbone");
        assertThat(m.apply(Map.of("osm_id", "123", "fclass", "rail", "status", "operational")))
                .containsEntry("line_key", "123").containsEntry("line_name", "rail").containsEntry("status", "active")
                .containsEntry("route_kind", "backbone");
        assertThat(m.apply(Map.of("osm_id", "124", "name", "Toshkent–Samarqand", "status", "Unknown", "route_kind", "regional")))
                .containsEntry("line_name", "Toshkent–Samarqand").doesNotContainKey("status").containsEntry("route_kind", "regional");
        // a value that no rule names stays as it is: the validator then lists the accepted ones
        assertThat(m.apply(Map.of("status", "Broken"))).containsEntry("status", "Broken");
        assertThat(m.describe()).contains("mapping 'custom' applied: line_key ← osm_id, line_name ← name | fclass",
                "mapping 'custom': values status: operational→active (1 row)", "mapping 'custom': values status: Unknown→(missing) (1 row)",
                "mapping 'custom': default route_kind=backbone (2 rows)");
    }

    @Test
    void wildcardAndArrowsAndProfilesWithParametersOnTop() {
        ColumnMapping roads = MappingProfiles.builtIn("geofabrik-roads").orElseThrow().mapping();
        assertThat(roads.apply(Map.of("osm_id", "9", "fclass", "trunk", "ref", "M39"))).containsEntry("road_class", "international")
                .containsEntry("ref", "M39").containsEntry("name_uz_latn", "M39");
        assertThat(roads.apply(Map.of("osm_id", "9", "fclass", "secondary"))).containsEntry("road_class", "other")
                .containsEntry("ref", "9");
        // a street keeps its class, which the highways layer does not accept (a row error that says so) ...
        assertThat(roads.apply(Map.of("osm_id", "10", "fclass", "residential"))).containsEntry("road_class", "residential");
        // ... unless the upload maps it, here with a wildcard on top of the profile's rules
        ColumnMapping everyRoad = ColumnMapping.of(roads, null, "road_class:*=other", null);
        assertThat(everyRoad.apply(Map.of("osm_id", "10", "fclass", "residential"))).containsEntry("road_class", "other");
        assertThat(everyRoad.apply(Map.of("osm_id", "9", "fclass", "trunk"))).containsEntry("road_class", "international");
        ColumnMapping custom = ColumnMapping.of(MappingProfiles.builtIn("itu-fibre").orElseThrow().mapping(), null,
                "status:Operational→planned", null);
        assertThat(custom.name()).isEqualTo("itu-fibre+custom");
        assertThat(custom.apply(Map.of("line_id", "L1", "status", "Operational"))).containsEntry("status", "planned")
                .containsEntry("route_id", "L1").containsEntry("route_kind", "backbone");
        assertThat(MappingProfiles.builtIn("opencellid").orElseThrow().mapping().duplicates()).isEqualTo(DuplicatePolicy.KEEP_LATEST);
    }

    @Test
    void badParametersSayWhatIsWrong() {
        assertThatThrownBy(() -> ColumnMapping.of(null, "line_key", null, null)).hasMessageContaining("is not target:source");
        assertThatThrownBy(() -> ColumnMapping.of(null, "line key:osm_id", null, null)).hasMessageContaining("is not a column name");
        assertThatThrownBy(() -> ColumnMapping.of(null, null, "status:Operational", null)).hasMessageContaining("is not from=to");
        assertThatThrownBy(() -> ColumnMapping.of(null, null, null, "route_kind")).hasMessageContaining("is not field:value");
    }

    /** Each rejection names its translated text; in English the text is the message. */
    @Test
    void badParametersAreTranslated() {
        String[][] bad = {{"line_key", null, null}, {"line key:osm_id", null, null}, {null, "status", null},
            {null, "status:Operational", null}, {null, "status:a=" + "x".repeat(300), null},
            {null, null, "route_kind"}};
        for (String[] p : bad) {
            assertThatThrownBy(() -> ColumnMapping.of(null, p[0], p[1], p[2]))
                    .isInstanceOfSatisfying(MappingSyntaxException.class, e -> {
                        assertThat(e.messageKey()).startsWith("detail.mapping-");
                        assertThat(ProblemMessages.DEFAULT.resolve("en", e.messageKey(), e.messageArgs()).text())
                                .isEqualTo(e.getMessage());
                    });
        }
        assertThatThrownBy(() -> ColumnMapping.of(null, "line key:osm_id", null, null))
                .isInstanceOfSatisfying(MappingSyntaxException.class, e -> assertThat(ProblemMessages.DEFAULT
                        .resolve("ru", e.messageKey(), e.messageArgs()).text())
                        .isEqualTo("map: 'line key' не является именем столбца (буквы, цифры, _)"));
    }
}

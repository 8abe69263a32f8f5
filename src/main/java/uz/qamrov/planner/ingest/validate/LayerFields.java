package uz.qamrov.planner.ingest.validate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uz.qamrov.planner.ingest.Layer;

/**
 * The attributes each layer's validators read, each with the other names files give it, in the order they are
 * tried. The one list of them: {@link RowFields} reads a field through its aliases here (and, with assertions on as in
 * the tests, refuses a field not listed), and a shapefile's cut names are resolved against it
 * ({@link TruncatedNames}).
 *
 * <p>Some aliases are dBASE-style short names (tower_h_m, antenna_h, commission, external_i) that operators keep in
 * every format, GeoJSON included; a shapefile's 10-character cut of any name here needs no alias of its own.
 * Boundary names are found by pattern ({@code BoundaryRowValidator}), not by this list.
 */
public final class LayerFields {

    private LayerFields() {
    }

    /** The operator column of Qamrov's formats and its other name; read by {@link SourceSchema#operatorOf}. */
    static final List<String> OPERATOR_NAMES = List.of("operator", "operator_code");
    private static final Map<String, List<String>> OPERATOR = Map.of(OPERATOR_NAMES.get(0), OPERATOR_NAMES.subList(1, 2));
    private static final Map<String, List<String>> LON_LAT = ordered("lon", List.of("longitude", "lng", "x"),
            "lat", List.of("latitude", "y"));
    private static final Map<String, List<String>> DATES = ordered("status", List.of(),
            "commissioned_on", List.of("commission", "comm_on"), "decommissioned_on", List.of("decommissi", "decomm_on"));

    private static final Map<String, List<String>> BASE_STATIONS = merge(OPERATOR, LON_LAT, DATES, ordered(
            "site_id", List.of(), "cell_id", List.of(), "technology", List.of(), "band_mhz", List.of("band"),
            "tower_height_m", List.of("tower_h_m", "tower_hgt"), "antenna_height_m", List.of("antenna_h", "ant_h_m"),
            "azimuth_deg", List.of("azimuth"), "beamwidth_deg", List.of("beamwidth"), "tilt_deg", List.of("tilt"),
            "eirp_dbm", List.of("eirp"), "range_m", List.of(), "observed_range_m", List.of(),
            "first_observed_on", List.of(), "last_observed_on", List.of()),
            // OpenCelliD's and the ITU register's own columns, read after SourceSchema has mapped the rest
            ordered("mcc", List.of(), "net", List.of(), "area", List.of(), "cell", List.of(), "created", List.of(),
                    "updated", List.of(), "country_code", List.of()));
    private static final Map<String, List<String>> FIBER_ROUTES = merge(OPERATOR, DATES, ordered(
            "route_id", List.of("external_id", "external_i", "id"), "route_kind", List.of(), "capacity_gbps", List.of("capacity")));
    private static final Map<String, List<String>> FIBER_NODES = merge(OPERATOR, LON_LAT, DATES, ordered(
            "node_id", List.of("external_id", "external_i", "id"), "kind", List.of(),
            "broadband_ports", List.of("ports", "port_count", "broadband_")));
    private static final Map<String, List<String>> SETTLEMENTS = merge(LON_LAT, ordered(
            "external_id", List.of("external_i", "id"), "name_uz_latn", List.of("name_uz_la", "name"), "kind", List.of(),
            "population", List.of("populat", "pop"), "households", List.of("househ", "hh"),
            "name_uz_cyrl", List.of("name_uz_cy"), "name_ru", List.of(), "name_en", List.of(), "region_code", List.of(),
            "district_code", List.of()));
    private static final Map<String, List<String>> NAMES = ordered("name_uz_latn", List.of("name"), "name_ru", List.of(),
            "name_en", List.of());
    private static final Map<String, List<String>> HIGHWAYS = merge(ordered("ref", List.of("id"), "road_class", List.of()), NAMES);
    private static final Map<String, List<String>> RAILWAYS = merge(ordered("line_key", List.of("ref", "id"),
            "line_name", List.of("name")), NAMES);
    private static final Map<String, List<String>> DISTRICTS = ordered("code", List.of("district_code", "adm2_pcode", "shapeid"));

    /** The layer's fields, each with its aliases in the order they are tried; insertion-ordered. */
    public static Map<String, List<String>> of(Layer layer) {
        return switch (layer) {
            case BASE_STATIONS -> BASE_STATIONS;
            case FIBER_ROUTES -> FIBER_ROUTES;
            case FIBER_NODES -> FIBER_NODES;
            case SETTLEMENTS -> SETTLEMENTS;
            case HIGHWAYS -> HIGHWAYS;
            case RAILWAYS -> RAILWAYS;
            case REGIONS -> Map.of();
            case DISTRICTS -> DISTRICTS;
        };
    }

    /** The other names of a field of the layer (empty when it has none). */
    static List<String> aliases(Layer layer, String field) {
        List<String> aliases = of(layer).get(field);
        assert aliases != null : "the " + layer + " validator reads '" + field + "', which LayerFields does not list";
        return aliases == null ? List.of() : aliases;
    }

    private static Map<String, List<String>> ordered(Object... fieldThenAliases) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < fieldThenAliases.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> aliases = (List<String>) fieldThenAliases[i + 1];
            out.put((String) fieldThenAliases[i], aliases);
        }
        return out;
    }

    @SafeVarargs
    private static Map<String, List<String>> merge(Map<String, List<String>>... parts) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map<String, List<String>> p : parts) {
            out.putAll(p);
        }
        return java.util.Collections.unmodifiableMap(out);
    }
}

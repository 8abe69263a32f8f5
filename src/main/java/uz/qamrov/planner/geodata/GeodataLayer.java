package uz.qamrov.planner.geodata;

import java.util.List;

/**
 * One file of {@code geodata/}: its CSV columns (in order; the header must match) and the statement that moves
 * the staged text rows into the real table. The statements live in {@link GeodataRepository}.
 */
enum GeodataLayer {
    OPERATORS("operators.csv", List.of("code", "name", "legal_name", "mcc_mnc", "mobile", "fixed")),
    REGIONS("regions.csv.gz", List.of("code", "name_uz_latn", "name_uz_cyrl", "name_ru", "name_en", "population",
            "approximate", "source", "wkt")),
    DISTRICTS("districts.csv.gz", List.of("code", "region_code", "name_uz_latn", "name_uz_cyrl", "name_ru", "name_en",
            "population", "approximate", "source", "wkt")),
    SETTLEMENTS("settlements.csv.gz", List.of("external_id", "name_uz_latn", "name_uz_cyrl", "name_ru", "name_en", "kind",
            "population", "households", "region_code", "district_code", "source", "lon", "lat")),
    HIGHWAYS("highways.csv.gz", List.of("ref", "road_class", "name_uz_latn", "name_ru", "name_en", "source", "wkt")),
    RAILWAYS("railways.csv.gz", List.of("line_key", "line_name", "name_uz_latn", "name_ru", "source", "wkt")),
    BASE_STATIONS("base_stations.csv.gz", List.of("operator_code", "external_id", "lon", "lat", "tower_height_m", "status",
            "commissioned_on", "decommissioned_on", "source")),
    CELLS("cells.csv.gz", List.of("operator_code", "site_external_id", "external_id", "technology", "band_mhz",
            "azimuth_deg", "beamwidth_deg", "tilt_deg", "antenna_height_m", "eirp_dbm", "range_m")),
    FIBER_ROUTES("fiber_routes.csv.gz", List.of("operator_code", "external_id", "route_kind", "status", "commissioned_on",
            "decommissioned_on", "capacity_gbps", "source", "wkt")),
    FIBER_NODES("fiber_nodes.csv.gz", List.of("operator_code", "external_id", "kind", "broadband_ports", "status",
            "commissioned_on", "decommissioned_on", "source", "lon", "lat")),
    TARGETS("targets.csv", List.of("indicator_key", "scope", "kind", "target_value", "unit", "direction", "deadline",
            "title", "title_uz", "title_ru", "wording_uz", "source_document", "source_item", "subject_lines", "notes"));

    final String fileName;
    final List<String> columns;

    GeodataLayer(String fileName, List<String> columns) {
        this.fileName = fileName;
        this.columns = columns;
    }

    String key() {
        return name().toLowerCase();
    }
}

package uz.qamrov.planner.ingest.validate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Built-in mapping profiles for real files, chosen with {@code profile=}. Each is written in the same notation as
 * the query parameters, so {@code GET /api/v1/mapping-profiles} shows exactly what it does.
 */
public final class MappingProfiles {

    /** A profile as text: column map, value map, defaults, duplicate policy (null: the format's default). */
    public record Definition(String name, String description, String map, String values, String defaults, String duplicates) {

        public ColumnMapping mapping() {
            return new ColumnMapping(name, ColumnMapping.parseColumns(map), ColumnMapping.parseValues(values),
                    ColumnMapping.parseDefaults(defaults), duplicates == null ? null : DuplicatePolicy.of(duplicates).orElseThrow());
        }
    }

    private static final Map<String, Definition> BUILT_IN = new LinkedHashMap<>();

    static {
        add(new Definition("opencellid", "OpenCelliD cell export (radio,mcc,net,area,cell,…): a cell appears once per export"
                + " update, so duplicates keep the latest by 'updated'", null, null, null, "keep-latest"));
        add(new Definition("geofabrik-railways", "Geofabrik OSM shapefile gis_osm_railways_free_1 (osm_id, fclass, name):"
                + " the OSM way id is the line key; an unnamed way is named by its class",
                "line_key:osm_id,line_name:name|fclass,name_uz_latn:name", null, null, null));
        add(new Definition("geofabrik-roads", "Geofabrik OSM shapefile gis_osm_roads_free_1 (osm_id, fclass, ref, name):"
                + " motorways and trunks are international, primary roads state roads, secondary roads other roads; the ways"
                + " sharing a ref are one road. Every other class (tertiary, residential, service, track, …) is a rejected"
                + " row: streets are not the highways the indicators count, and a national file's ~100,000 of them made the"
                + " coverage model outgrow its heap; use partial=true to import the roads (or map a class with"
                + " values=road_class:tertiary=other)",
                "ref:ref|osm_id,name_uz_latn:name|ref|osm_id,road_class:fclass",
                "road_class:motorway=international;motorway_link=international;trunk=international;trunk_link=international;"
                        + "primary=state;primary_link=state;secondary=other;secondary_link=other", null, "merge"));
        add(new Definition("itu-fibre", "ITU/Giga transmission (fibre) line sets (line_id, status, operator): backbone"
                + " routes; 'Unknown' status is stored as unknown (kept, not counted until an upload gives the status)",
                "route_id:line_id|id,operator:operator|operator_name|owner",
                "status:operational=active;in service=active;live=active;unknown=unknown;planned=planned;proposed=planned;"
                        + "under construction=planned;decommissioned=decommissioned",
                "route_kind:backbone", null));
        add(new Definition("itu-cellsite", "ITU/Giga cell-site register (ict_id, radio_type, …): read by format"
                + " itu-cellsite; ids must be unique", null, null, null, "reject"));
    }

    private static void add(Definition d) {
        d.mapping(); // a built-in profile that does not parse fails at start, not at an upload
        BUILT_IN.put(d.name(), d);
    }

    private MappingProfiles() {
    }

    public static Optional<Definition> builtIn(String name) {
        return Optional.ofNullable(BUILT_IN.get(name));
    }

    public static List<Definition> builtIns() {
        return List.copyOf(BUILT_IN.values());
    }
}

package uz.qamrov.planner.layer;

import java.util.Arrays;
import java.util.Optional;

/**
 * The map layers: served by bbox at {@code /api/v1/layers/{id}}, as OGC API collections at {@code /ogc/collections/{id}}
 * and as vector tiles. {@code versioned} layers are filtered by the as-of date (commissioning and version validity);
 * {@code perRun} layers read the coverage run answering that date.
 */
public enum Layer {
    REGIONS("regions", "Regions", "Regions (viloyatlar), names in four languages", false, false, false),
    DISTRICTS("districts", "Districts", "Districts (tumanlar and cities)", false, false, false),
    SETTLEMENTS("settlements", "Settlements", "Settlements with coverage status for a service (mobile_internet by default)", true, false, true),
    HIGHWAYS("highways", "Highways", "International, state and other roads", true, false, false),
    RAILWAYS("railways", "Railways", "Railway lines", true, false, false),
    BASE_STATIONS("base-stations", "Base stations", "Operators' base stations with a cells summary, as of the date", true, true, false),
    CELLS("cells", "Cells", "Cells (sectors) at their base station's position, as of the date", true, true, false),
    FIBER_ROUTES("fiber-routes", "Fiber routes", "Operators' fiber routes, as of the date", true, true, false),
    COVERAGE("coverage", "Coverage", "Dissolved coverage polygons per technology (this or better) and operator ('*' = any)", false, false, true);

    private final String id;
    private final String title;
    private final String description;
    private final boolean restLayer;
    private final boolean versioned;
    private final boolean perRun;

    Layer(String id, String title, String description, boolean restLayer, boolean versioned, boolean perRun) {
        this.id = id;
        this.title = title;
        this.description = description;
        this.restLayer = restLayer;
        this.versioned = versioned;
        this.perRun = perRun;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    /** Served at /api/v1/layers/{id} (regions, districts and coverage have their own endpoints). */
    public boolean restLayer() {
        return restLayer;
    }

    public boolean versioned() {
        return versioned;
    }

    public boolean perRun() {
        return perRun;
    }

    /** Feature ids are text (region and district codes) rather than numbers. */
    public boolean textIds() {
        return this == REGIONS || this == DISTRICTS;
    }

    public static Optional<Layer> byId(String id) {
        return Arrays.stream(values()).filter(l -> l.id.equals(id)).findFirst();
    }
}

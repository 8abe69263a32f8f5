package uz.qamrov.planner.ingest;

import java.util.Arrays;
import java.util.Optional;

/** The layers an upload can target; {@link #network} layers belong to an operator, the others to admins. */
public enum Layer {
    BASE_STATIONS("base-stations", true),
    FIBER_ROUTES("fiber-routes", true),
    FIBER_NODES("fiber-nodes", true),
    SETTLEMENTS("settlements", false),
    HIGHWAYS("highways", false),
    RAILWAYS("railways", false),
    REGIONS("regions", false),
    DISTRICTS("districts", false);

    final String key;
    final boolean network;

    Layer(String key, boolean network) {
        this.key = key;
        this.network = network;
    }

    public String key() {
        return key;
    }

    static Optional<Layer> of(String key) {
        return Arrays.stream(values()).filter(l -> l.key.equals(key)).findFirst();
    }
}

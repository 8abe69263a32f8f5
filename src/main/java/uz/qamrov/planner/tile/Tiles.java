package uz.qamrov.planner.tile;

import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Service;
import uz.qamrov.planner.layer.Layer;
import uz.qamrov.planner.layer.Layers;
import uz.qamrov.planner.system.RunLookup;
import uz.qamrov.planner.web.ApiException;

/** The tile feature's entry point: Mapbox vector tiles of every collection, as of a date. */
@Service
public class Tiles {

    private final TileRepository repository;
    private final TileProperties properties;
    private final Layers layers;
    private final RunLookup runs;

    Tiles(TileRepository repository, TileProperties properties, Layers layers, RunLookup runs) {
        this.repository = repository;
        this.properties = properties;
        this.layers = layers;
        this.runs = runs;
    }

    /** The tile's bytes (empty when no feature touches it); 400 problem for z/x/y outside the tile matrix. */
    public byte[] tile(String collection, int z, int x, int y, LocalDate asOf, String service) {
        if (z < 0 || z > properties.maxZoom() || x < 0 || y < 0 || x >= (1L << z) || y >= (1L << z)) {
            throw ApiException.badRequest("no tile " + z + "/" + x + "/" + y + " (0 <= z <= " + properties.maxZoom()
                    + ", 0 <= x, y < 2^z)", Map.of("z", z, "x", x, "y", y))
                    .withMessage("detail.no-tile", Map.of("z", z, "x", x, "y", y, "maxZoom", properties.maxZoom()));
        }
        Layer layer = layers.layer(collection);
        String s = service == null || service.isBlank() ? "mobile_internet" : service;
        LocalDate date = asOf == null ? layers.today() : asOf;
        Long run = !layer.perRun() ? null : layer.name().equals("COVERAGE") ? runs.runWithPolygonsFor(date) : runs.runFor(date);
        return repository.tile(layer, z, x, y, date, run, s);
    }
}

package uz.qamrov.planner.tile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "tiles", description = "Mapbox vector tiles (EPSG:3857, extent 4096) of every OGC collection")
class TileController {

    static final MediaType MVT = MediaType.valueOf("application/vnd.mapbox-vector-tile");

    private final Tiles tiles;

    TileController(Tiles tiles) {
        this.tiles = tiles;
    }

    @GetMapping("/tiles/{collection}/{z}/{x}/{y}.mvt")
    @Operation(summary = "One vector tile; 204 when empty, 400 for z/x/y outside the tile matrix")
    ResponseEntity<byte[]> tile(@PathVariable String collection, @PathVariable int z, @PathVariable int x, @PathVariable int y,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) String service) {
        // revalidated as every read is (ETag, no-cache; no-store for a provisional answer): a tile's answer changes with
        // every upload, and a max-age kept today's tiles from before an upload for an hour
        byte[] mvt = tiles.tile(collection, z, x, y, asOf, service);
        if (mvt.length == 0) {
            return ResponseEntity.noContent().build();
        }
        return ResponseEntity.ok().contentType(MVT).body(mvt);
    }
}

package uz.qamrov.engine.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

import uz.qamrov.engine.model.LineKind;
import uz.qamrov.engine.model.TransportLine;
import uz.qamrov.geodata.calibration.GeodataInputs;
import uz.qamrov.planner.ingest.RawShapefile;

/**
 * The shipped dataset with the real OSM railways of Uzbekistan added (the test fixture
 * {@code fixtures/real/geofabrik-uzbekistan-railways.zip}, 8,747 ways), each part of each way one railway of the
 * engine: what a service holds after an admin loaded them (there a named line's ways are one railway, whose parts the
 * engine measures as lines of their own). For benchmarks of what many short lines cost.
 */
final class OsmRailways {

    private OsmRailways() {
    }

    static GeodataInputs addedTo(GeodataInputs in) throws Exception {
        Map<String, byte[]> members = new HashMap<>();
        try (var zip = new ZipInputStream(OsmRailways.class.getResourceAsStream("/fixtures/real/geofabrik-uzbekistan-railways.zip"))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                members.put(e.getName().substring(e.getName().lastIndexOf('.') + 1), zip.readAllBytes());
            }
        }
        GeometryFactory gf = new GeometryFactory(new PrecisionModel(), 4326);
        List<TransportLine> lines = new ArrayList<>(in.lines());
        long id = 5_000_000;
        for (RawShapefile.Feature f : RawShapefile.read(members.get("shp"), members.get("shx"), members.get("dbf"),
                StandardCharsets.UTF_8)) {
            for (double[][] part : f.parts()) {
                if (part.length < 2) {
                    continue;
                }
                Coordinate[] cs = new Coordinate[part.length];
                for (int i = 0; i < part.length; i++) {
                    cs[i] = new Coordinate(part[i][0], part[i][1]);
                }
                lines.add(new TransportLine(++id, LineKind.RAILWAY, "osm-" + f.get("osm_id"), "rail", gf.createLineString(cs)));
            }
        }
        return new GeodataInputs(in.settlements(), lines, in.sites(), in.cells(), in.routes(), in.nodes(), in.areas(),
                in.siteExternalIds());
    }
}

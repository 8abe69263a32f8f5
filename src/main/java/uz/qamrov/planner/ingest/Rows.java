package uz.qamrov.planner.ingest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;

/** Validated rows per layer, in WGS84 (EPSG:4326) and 2D, ready for the repository. */
public final class Rows {

    private Rows() {
    }

    /** Common to every validated row: the source row numbers and the geometry the country check looks at. */
    public interface ImportRow {
        List<Integer> rows();

        Geometry geometry();
    }

    /**
     * A row of an admin layer (settlements, highways and railways, boundaries): a job keeps its valid ones on disk
     * ({@link AdminRowSpool}) rather than in memory.
     */
    public interface AdminRow extends ImportRow {
    }

    /**
     * @param rangeM a planned radius that beats the link budget
     * @param observedRangeM how far apart a crowd source (OpenCelliD) saw the cell: an upper bound, not a radius
     */
    public record Cell(String cellId, String technology, int bandMhz, Double azimuthDeg, Double beamwidthDeg, Double tiltDeg,
            double antennaHeightM, Double eirpDbm, Double rangeM, Double observedRangeM) {
    }

    /**
     * @param firstObservedOn when a crowd source first saw any of the site's cells (not its commissioning), or null
     * @param lastObservedOn when it last saw one, or null
     */
    public record Site(List<Integer> rows, String operator, String siteId, Point geometry, Double towerHeightM, String status,
            LocalDate commissionedOn, LocalDate decommissionedOn, List<Cell> cells, LocalDate firstObservedOn,
            LocalDate lastObservedOn) implements ImportRow {
    }

    public record FiberRoute(List<Integer> rows, String operator, String externalId, LineString geometry, String status,
            String routeKind, LocalDate commissionedOn, LocalDate decommissionedOn, Double capacityGbps) implements ImportRow {
    }

    public record FiberNode(List<Integer> rows, String operator, String externalId, Point geometry, String kind, int broadbandPorts,
            String status, LocalDate commissionedOn, LocalDate decommissionedOn) implements ImportRow {
    }

    public record Settlement(List<Integer> rows, String externalId, String nameUzLatn, String nameUzCyrl, String nameRu,
            String nameEn, String kind, int population, int households, String regionCode, String districtCode,
            Point geometry, MultiPolygon boundary) implements AdminRow {
    }

    /**
     * A highway (key = ref, label = road_class) or a railway (key = line_key, label = line_name).
     *
     * @param geometry the main path, along which kilometre marks run
     * @param parts every part of a multi-part line (second track, sidings, branches), or null for a single line
     */
    public record Line(List<Integer> rows, String key, String label, String nameUzLatn, String nameRu, String nameEn,
            LineString geometry, MultiLineString parts) implements AdminRow {
    }

    /** A region or district boundary with every name-like property of the feature, to match in any language. */
    public record Boundary(List<Integer> rows, String code, String parentCode, Map<String, String> names, String displayName,
            MultiPolygon geometry) implements AdminRow {
    }
}

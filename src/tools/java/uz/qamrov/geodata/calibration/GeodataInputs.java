package uz.qamrov.geodata.calibration;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import uz.qamrov.engine.measure.CoverageModel;
import uz.qamrov.engine.measure.CoverageModelBuilder;
import uz.qamrov.engine.measure.CoverageSettings;
import uz.qamrov.engine.model.AdminArea;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.FiberNode;
import uz.qamrov.engine.model.FiberRoute;
import uz.qamrov.engine.model.LineKind;
import uz.qamrov.engine.model.Settlement;
import uz.qamrov.engine.model.Site;
import uz.qamrov.engine.model.Technology;
import uz.qamrov.engine.model.TransportLine;
import uz.qamrov.engine.model.Validity;
import uz.qamrov.engine.radio.RadioSettings;
import uz.qamrov.engine.terrain.Dem;
import uz.qamrov.planner.terrain.DemFiles;

/**
 * The shipped dataset's files read straight into the engine's input records, the way the service loads them from
 * PostGIS ({@code CoverageInputRepository}): a row counts from its commissioning to its decommissioning date, cells
 * take their site's dates and position, omni cells without a beamwidth are 360°, distribution fiber is access fiber.
 * Ids are row numbers (1-based) per file. No database needed, so the calibration runs the real engine on exactly the
 * committed files.
 */
public record GeodataInputs(List<Settlement> settlements, List<TransportLine> lines, List<Site> sites, List<Cell> cells,
        List<FiberRoute> routes, List<FiberNode> nodes, List<AdminArea> areas, Map<String, String> siteExternalIds) {

    /** Fixed broadband within this distance of fiber, as {@code qamrov.coverage.fiber-drop-distance-m} ships. */
    public static final double FIBER_DROP_M = 1000;

    public static GeodataInputs read(Path dir) throws IOException {
        WKTReader wkt = new WKTReader();
        List<Settlement> settlements = new ArrayList<>();
        long id = 0;
        for (CSVRecord r : csv(dir.resolve("settlements.csv.gz"))) {
            settlements.add(new Settlement(++id, d(r, "lon"), d(r, "lat"), Integer.parseInt(r.get("population")),
                    Integer.parseInt(r.get("households")), r.get("region_code"), blank(r.get("district_code")), null));
        }
        List<TransportLine> lines = new ArrayList<>();
        id = 0;
        for (CSVRecord r : csv(dir.resolve("highways.csv.gz"))) {
            lines.add(new TransportLine(++id, LineKind.HIGHWAY, r.get("ref"), r.get("road_class"), line(wkt, r)));
        }
        id = 0;
        for (CSVRecord r : csv(dir.resolve("railways.csv.gz"))) {
            lines.add(new TransportLine(++id, LineKind.RAILWAY, r.get("line_key"), "rail", line(wkt, r)));
        }
        List<Site> sites = new ArrayList<>();
        Map<String, Site> siteByKey = new HashMap<>();
        Map<String, String> extIds = new HashMap<>();
        id = 0;
        for (CSVRecord r : csv(dir.resolve("base_stations.csv.gz"))) {
            Site s = new Site(++id, r.get("operator_code"), d(r, "lon"), d(r, "lat"), validity(r));
            sites.add(s);
            siteByKey.put(r.get("operator_code") + '/' + r.get("external_id"), s);
            extIds.put(String.valueOf(id), r.get("external_id"));
        }
        List<Cell> cells = new ArrayList<>();
        id = 0;
        for (CSVRecord r : csv(dir.resolve("cells.csv.gz"))) {
            Site s = siteByKey.get(r.get("operator_code") + '/' + r.get("site_external_id"));
            // the service stores these as PostgreSQL real (GeodataRepository): the same float values here, so the
            // radial model (tilt, EIRP) answers exactly as the service's does
            Double azimuth = nf(r, "azimuth_deg");
            Double bw = nf(r, "beamwidth_deg");
            cells.add(new Cell(++id, s.id(), s.operator(), Technology.fromLabel(r.get("technology")),
                    Integer.parseInt(r.get("band_mhz")), azimuth, bw != null ? bw : azimuth == null ? 360 : 65,
                    nf(r, "antenna_height_m"), nf(r, "eirp_dbm"), nf(r, "range_m"), s.lon(), s.lat(), s.validity(),
                    nf(r, "tilt_deg"), null, null));
        }
        List<FiberRoute> routes = new ArrayList<>();
        id = 0;
        for (CSVRecord r : csv(dir.resolve("fiber_routes.csv.gz"))) {
            routes.add(new FiberRoute(++id, r.get("operator_code"), line(wkt, r), validity(r),
                    "distribution".equals(r.get("route_kind"))));
        }
        List<FiberNode> nodes = new ArrayList<>();
        id = 0;
        for (CSVRecord r : csv(dir.resolve("fiber_nodes.csv.gz"))) {
            nodes.add(new FiberNode(++id, r.get("operator_code"), d(r, "lon"), d(r, "lat"),
                    Integer.parseInt(r.get("broadband_ports")), validity(r)));
        }
        List<AdminArea> areas = new ArrayList<>();
        try {
            for (CSVRecord r : csv(dir.resolve("regions.csv.gz"))) {
                areas.add(new AdminArea(r.get("code"), r.get("code"), true, wkt.read(r.get("wkt"))));
            }
            for (CSVRecord r : csv(dir.resolve("districts.csv.gz"))) {
                areas.add(new AdminArea(r.get("code"), r.get("region_code"), false, wkt.read(r.get("wkt"))));
            }
        } catch (ParseException e) {
            throw new IOException("bad WKT in regions/districts", e);
        }
        return new GeodataInputs(settlements, lines, sites, cells, routes, nodes, areas, extIds);
    }

    /** The national DEM the service loads by default ({@code qamrov.terrain.file}), relative to the repository. */
    public static final Path DEFAULT_DEM = Path.of("geodata/dem/uz_srtm30plus_1min.asc.gz");

    /**
     * The engine's coverage model over these inputs with the service's default settings ({@code qamrov.terrain.*}):
     * antenna-pattern radial footprints with terrain over {@link #DEFAULT_DEM}; the history is calibrated on what
     * the service computes.
     */
    public CoverageModel model() {
        try {
            return model(DemFiles.read(DEFAULT_DEM));
        } catch (IOException e) {
            throw new UncheckedIOException("the national DEM " + DEFAULT_DEM + " is part of the repository", e);
        }
    }

    /** The same with this DEM (null: flat earth). */
    public CoverageModel model(Dem dem) {
        return builder(dem).build();
    }

    /** The builder of {@link #model(Dem)}, for a caller that sets more (e.g. footprints to reuse). */
    public CoverageModelBuilder builder(Dem dem) {
        return new CoverageModelBuilder().settings(CoverageSettings.DEFAULTS.withFiberDropDistanceM(FIBER_DROP_M)
                .withRadio(RadioSettings.DEFAULTS))
                .settlements(settlements).lines(lines).sites(sites).cells(cells).fiberRoutes(routes).fiberNodes(nodes)
                .adminAreas(areas).terrain(dem);
    }

    static List<CSVRecord> csv(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file);
                Reader reader = new InputStreamReader(file.toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in,
                        StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }

    private static Validity validity(CSVRecord r) {
        LocalDate from = blank(r.get("commissioned_on")) == null ? null : LocalDate.parse(r.get("commissioned_on"));
        LocalDate to = blank(r.get("decommissioned_on")) == null ? null : LocalDate.parse(r.get("decommissioned_on"));
        return new Validity(from, to);
    }

    private static LineString line(WKTReader wkt, CSVRecord r) throws IOException {
        try {
            return (LineString) wkt.read(r.get("wkt"));
        } catch (ParseException e) {
            throw new IOException("bad WKT in row " + r.getRecordNumber(), e);
        }
    }

    private static double d(CSVRecord r, String col) {
        return Double.parseDouble(r.get(col));
    }

    private static Double nd(CSVRecord r, String col) {
        String v = r.get(col);
        return v == null || v.isBlank() ? null : Double.valueOf(v);
    }

    /** A nullable value as PostgreSQL {@code real} keeps it. */
    private static Double nf(CSVRecord r, String col) {
        Double v = nd(r, col);
        return v == null ? null : (double) v.floatValue();
    }

    private static String blank(String v) {
        return v == null || v.isBlank() ? null : v;
    }
}

package uz.qamrov.planner.ingest.validate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;
import uz.qamrov.planner.ingest.Rows;
import uz.qamrov.planner.ingest.SourceFeature;
import uz.qamrov.planner.ingest.UploadFormat;

/**
 * Base stations: one row per cell; rows of one site must agree on the site's attributes (location, tower, status,
 * dates), except in OpenCelliD files, whose cells are grouped into sites by {@link OpenCellIdSites}.
 */
final class SiteRowValidator implements LayerRowValidator {

    static final Set<String> STATUSES = Set.of("planned", "active", "decommissioned");
    private static final Map<String, Integer> DEFAULT_BAND_MHZ = Map.of("2G", 900, "3G", 2100, "4G", 1800, "5G", 3500);

    private final ValidationContext ctx;
    private final Findings findings;
    private final boolean crowd;
    /** Rows of a site that failed their own checks: the site is then rejected as a whole (closure over its rows). */
    private final Map<String, List<Integer>> failedSiteRows = new HashMap<>();
    /** Site key → first row, of the sites earlier chunks produced (a file is validated in chunks). */
    private final Map<String, Integer> sitesBefore = new HashMap<>();
    /** OpenCelliD cells and the sites they were grouped into, over all chunks so far (for the report's one line). */
    private int crowdCells;
    private int crowdSiteCount;

    SiteRowValidator(ValidationContext ctx, Findings findings) {
        this.ctx = ctx;
        this.findings = findings;
        this.crowd = ctx.format() == UploadFormat.OPENCELLID;
    }

    /** A cell row that passed its checks, with the site attributes it carries. */
    private record CellRow(int row, String operator, String siteId, Point point, Double tower, String status, LocalDate comm,
            LocalDate decomm, LocalDate firstSeen, LocalDate lastSeen, Rows.Cell cell, OpenCellIdSites.CellRef ref) {
    }

    @Override
    public List<Rows.ImportRow> validate(List<SourceFeature> features) {
        List<CellRow> cells = new ArrayList<>();
        Map<String, Integer> cellsSeen = new HashMap<>();
        for (SourceFeature raw : features) {
            CellRow c = cell(raw, cellsSeen);
            if (c != null) {
                cells.add(c);
            }
        }
        return crowd ? crowdSites(cells) : sites(cells);
    }

    /**
     * The rows that must share a chunk: a site's cell rows (operator as resolved, site id); in OpenCelliD files the
     * cells {@link OpenCellIdSites} may put into one site, and every row of one cell (so that duplicates meet), by
     * {@link OpenCellIdSites#chunkKey}. Null for a row that stands alone (it fails its own checks).
     */
    String groupKey(SourceFeature raw) {
        if (crowd) {
            Map<String, String> attrs = SourceSchema.canonicalCellRow(raw, ctx.format());
            String tech = attrs.get("technology") == null ? null : technologyOf(attrs.get("technology"));
            String operator = SourceSchema.operatorOf(raw, ctx.format(), ctx.operators(), ctx.defaultOperator());
            return operator == null || tech == null ? null : OpenCellIdSites.chunkKey(operator, tech, attrs.get("area"), attrs.get("cell"));
        }
        String site = SourceSchema.canonicalCellRow(raw, ctx.format()).get("site_id");
        return site == null || site.isBlank() ? null
                : siteKey(SourceSchema.operatorOf(raw, ctx.format(), ctx.operators(), ctx.defaultOperator()), site.strip());
    }

    private CellRow cell(SourceFeature raw, Map<String, Integer> cellsSeen) {
        Map<String, String> attrs = SourceSchema.canonicalCellRow(raw, ctx.format());
        RowGeometry c = new RowGeometry(raw, attrs, findings, ctx);
        if (c.rejectedEarly()) {
            return null;
        }
        String operator = c.operator();
        String siteId = crowd ? null : c.id("site_id", true);
        String cellId = c.id("cell_id", true);
        Point p = c.point();
        Double tower = c.number("tower_height_m", false, 0, 300, "must be between 0 and 300 m (negative height?)");
        String status = c.choice("status", STATUSES, "active");
        LocalDate comm = c.date("commissioned_on");
        LocalDate decomm = c.date("decommissioned_on");
        c.dates(status, comm, decomm);
        LocalDate firstSeen = c.date("first_observed_on");
        LocalDate lastSeen = c.date("last_observed_on");
        String tech = technology(c);
        // a crowd row of an unknown technology is rejected for that alone: its band would come from the technology
        Integer band = c.integer("band_mhz", !crowd || tech != null && !DEFAULT_BAND_MHZ.containsKey(tech), 400, 6000,
                "must be a band between 400 and 6000 MHz");
        if (band == null && tech != null && crowd) {
            band = DEFAULT_BAND_MHZ.get(tech);
        }
        Double az = c.number("azimuth_deg", false, 0, 359.999999, "must be in [0, 360) degrees");
        Double bw = c.numberOpenLow("beamwidth_deg", 0, 360, "must be in (0, 360] degrees");
        Double tilt = c.number("tilt_deg", false, -10, 20, "must be between -10 and 20 degrees");
        Double ah = c.numberOpenLow("antenna_height_m", 0, 300, "must be in (0, 300] m");
        if (ah == null && c.fieldOk("antenna_height_m")) {
            if (crowd) {
                ah = ctx.properties().defaultAntennaHeightM();
            } else {
                c.error("antenna_height_m", null, "is required");
            }
        }
        Double eirp = c.number("eirp_dbm", false, 0, 90, "must be between 0 and 90 dBm");
        Double range = c.numberOpenLow("range_m", 0, 100_000, "must be in (0, 100000] m");
        Double observed = c.numberOpenLow("observed_range_m", 0, 1_000_000, "must be in (0, 1000000] m");
        if (crowd) {
            for (String field : new String[] {"created", "updated"}) {
                String v = c.raw(field);
                String problem = v == null ? null : SourceSchema.epochProblem(v);
                if (problem != null) {
                    c.error(field, v, problem);
                }
            }
        }
        OpenCellIdSites.CellRef ref = null;
        if (crowd && !c.failed) {
            ref = crowdRef(c, raw.number(), tech, p);
        }
        if (operator == null || (siteId == null && !crowd) || cellId == null || c.failed) {
            String given = c.raw("site_id");
            if (!crowd && given != null) {
                failedSiteRows.computeIfAbsent(siteKey(operator, given), k -> new ArrayList<>()).add(raw.number());
            }
            return null;
        }
        String cellKey = crowd ? operator + "\u0000" + tech + "\u0000" + c.raw("area") + "\u0000" + cellId
                : operator + "\u0000" + siteId + "\u0000" + cellId;
        Integer first = cellsSeen.putIfAbsent(cellKey, raw.number());
        if (first != null) {
            c.error("cell_id", cellId, crowd ? "duplicate cell: " + tech + " area " + c.raw("area") + " cell " + cellId
                    + " already in row " + first : "duplicate id: site " + siteId + " cell " + cellId + " already in row " + first);
            return null;
        }
        return new CellRow(raw.number(), operator, siteId, p, tower, status, comm, decomm, firstSeen, lastSeen,
                new Rows.Cell(cellId, tech, band, az, bw, tilt, ah, eirp, range, observed), ref);
    }

    private static String technology(RowFields c) {
        String v = c.raw("technology");
        if (v == null) {
            c.error("technology", null, "is required");
            return null;
        }
        String t = technologyOf(v);
        if (t == null && "CDMA".equalsIgnoreCase(v.strip())) {
            // OpenCelliD exports carry CDMA cells: say so, rather than ask for a value the row cannot have
            c.error("technology", v, "CDMA cells are not modelled: Qamrov models 2G, 3G, 4G and 5G (GSM, UMTS, LTE, NR)");
        } else if (t == null) {
            c.error("technology", v, "unknown technology; expected 2G, 3G, 4G or 5G (or GSM, UMTS, LTE, NR)");
        }
        return t;
    }

    /** 2G, 3G, 4G or 5G for the names files use (GSM, UMTS, WCDMA, LTE, NR too); null for others. */
    private static String technologyOf(String v) {
        return switch (v.strip().toUpperCase(java.util.Locale.ROOT)) {
            case "2G", "GSM" -> "2G";
            case "3G", "UMTS", "WCDMA" -> "3G";
            case "4G", "LTE" -> "4G";
            case "5G", "NR" -> "5G";
            default -> null;
        };
    }

    private static OpenCellIdSites.CellRef crowdRef(RowFields c, int row, String tech, Point p) {
        long area = wholeNumber(c, "area", 0xFFFFFFL);
        long cell = wholeNumber(c, "cell", 0xFFFFFFFFFL);
        int net = (int) wholeNumber(c, "net", 999);
        if (c.failed || p == null) {
            return null;
        }
        return new OpenCellIdSites.CellRef(row, tech, 434, net, area, cell, p.getX(), p.getY());
    }

    private static long wholeNumber(RowFields c, String field, long max) {
        String v = c.raw(field);
        if (v == null || !v.matches("\\d{1,12}") || Long.parseLong(v) > max) {
            c.error(field, v, "must be a whole number between 0 and " + max);
            return -1;
        }
        return Long.parseLong(v);
    }

    private List<Rows.ImportRow> sites(List<CellRow> cells) {
        Map<String, List<CellRow>> bySite = new LinkedHashMap<>();
        List<Rows.ImportRow> out = new ArrayList<>();
        for (CellRow c : cells) {
            List<CellRow> site = bySite.computeIfAbsent(siteKey(c.operator(), c.siteId()), k -> new ArrayList<>());
            if (!site.isEmpty() && !sameSite(site.get(0), c)) {
                findings.errors.add(uz.qamrov.planner.ingest.RowError.of(c.row(), "site_id", c.siteId(),
                        "site attributes (location, height, status, dates) differ from row " + site.get(0).row() + " of the same site"));
                failedSiteRows.computeIfAbsent(siteKey(c.operator(), c.siteId()), k -> new ArrayList<>()).add(c.row());
                continue;
            }
            site.add(c);
        }
        Map<String, Integer> emitted = new HashMap<>();
        for (List<CellRow> site : bySite.values()) {
            CellRow s = site.get(0);
            Integer before = sitesBefore.get(siteKey(s.operator(), s.siteId()));
            if (before != null) {
                // the chunks group a site's rows together; a site met again was keyed differently (never expected)
                site.forEach(c -> findings.errors.add(uz.qamrov.planner.ingest.RowError.of(c.row(), "site_id", c.siteId(),
                        "duplicate site: site " + c.siteId() + " was already read from row " + before + " (rows of one site"
                                + " must agree on the operator and site id)")));
                continue;
            }
            emitted.put(siteKey(s.operator(), s.siteId()), s.row());
            List<Integer> rows = new ArrayList<>(site.stream().map(CellRow::row).toList());
            rows.addAll(failedSiteRows.getOrDefault(siteKey(s.operator(), s.siteId()), List.of()));
            out.add(new Rows.Site(rows.stream().sorted().toList(), s.operator(), s.siteId(), s.point(), s.tower(), s.status(),
                    s.comm(), s.decomm(), sortedCells(site), s.firstSeen(), s.lastSeen()));
        }
        sitesBefore.putAll(emitted);
        return out;
    }

    private static String siteKey(String operator, String siteId) {
        return operator + "\u0000" + siteId;
    }

    private static boolean sameSite(CellRow a, CellRow b) {
        return a.point().getCoordinate().distance(b.point().getCoordinate()) < 1e-7 && Objects.equals(a.tower(), b.tower())
                && a.status().equals(b.status()) && Objects.equals(a.comm(), b.comm()) && Objects.equals(a.decomm(), b.decomm());
    }

    private List<Rows.ImportRow> crowdSites(List<CellRow> cells) {
        Map<Integer, CellRow> byRow = new HashMap<>();
        cells.forEach(c -> byRow.put(c.row(), c));
        List<Rows.ImportRow> out = new ArrayList<>();
        List<OpenCellIdSites.Group> groups = OpenCellIdSites.group(cells.stream().map(CellRow::ref).toList());
        for (OpenCellIdSites.Group g : groups) {
            List<CellRow> site = g.cells().stream().map(r -> byRow.get(r.row())).toList();
            CellRow s = site.get(0);
            Point centroid = GeometryChecks.WGS84.createPoint(new Coordinate(round7(g.lon()), round7(g.lat())));
            LocalDate first = site.stream().map(CellRow::firstSeen).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
            LocalDate last = site.stream().map(CellRow::lastSeen).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
            out.add(new Rows.Site(site.stream().map(CellRow::row).sorted().toList(), s.operator(), g.siteId(), centroid, null,
                    "active", null, null, sortedCells(site), first, last));
        }
        crowdCells += cells.size();
        crowdSiteCount += groups.size();
        return out;
    }

    @Override
    public List<String> closingWarnings() {
        if (crowdCells == 0) {
            return List.of();
        }
        return List.of("OpenCelliD: " + crowdCells + " cells grouped into " + crowdSiteCount
                + " sites (LTE by eNodeB id = cell >> 8; UMTS by RNC, area and position; GSM/NR by area and position within "
                + (int) OpenCellIdSites.SAME_SITE_M + " m); site position = the cells' centroid; range stored as"
                + " observed_range_m (an upper bound), created/updated as first/last observed, commissioning unknown");
    }

    private static double round7(double v) {
        return Math.round(v * 1e7) / 1e7;
    }

    private static List<Rows.Cell> sortedCells(List<CellRow> site) {
        return site.stream().map(CellRow::cell).sorted(Comparator.comparing(Rows.Cell::cellId)).toList();
    }
}

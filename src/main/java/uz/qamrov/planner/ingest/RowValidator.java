package uz.qamrov.planner.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.linemerge.LineMerger;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Turns features into validated {@link Rows} of one layer and row errors (row number, field, value, what is wrong).
 * Geometries must already be in EPSG:4326; Z is dropped here. The country-outline check needs the database and is
 * done by the caller on the rows returned.
 */
final class RowValidator {

    static final Set<String> STATUSES = Set.of("planned", "active", "decommissioned");
    static final Set<String> ROUTE_KINDS = Set.of("backbone", "regional", "distribution");
    static final Set<String> NODE_KINDS = Set.of("exchange", "olt", "cabinet", "splice");
    static final Set<String> SETTLEMENT_KINDS = Set.of("city", "urban_settlement", "village");
    static final Set<String> ROAD_CLASSES = Set.of("international", "state", "other");
    private static final Map<String, Integer> DEFAULT_BAND_MHZ = Map.of("2G", 900, "3G", 2100, "4G", 1800, "5G", 3500);
    static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), Crs.WGS84);

    record Result(List<Rows.ImportRow> rows, List<RowError> errors, Set<Integer> rejectedRows, List<String> warnings) {
    }

    private final Layer layer;
    private final UploadFormat format;
    private final OperatorDirectory operators;
    private final String defaultOperator;
    private final LocalDate today;
    private final IngestProperties properties;
    private final boolean repair;
    private final List<RowError> errors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    RowValidator(Layer layer, UploadFormat format, OperatorDirectory operators, String defaultOperator, LocalDate today,
            IngestProperties properties, boolean repair) {
        this.layer = layer;
        this.format = format;
        this.operators = operators;
        this.defaultOperator = defaultOperator;
        this.today = today;
        this.properties = properties;
        this.repair = repair;
    }

    /** The operator code a row belongs to, or null when the row names an unknown one (the validator reports it). */
    static String operatorOf(SourceFeature f, UploadFormat format, OperatorDirectory ops, String defaultOperator) {
        if (format == UploadFormat.OPENCELLID) {
            try {
                return ops.byMccMnc(Integer.parseInt(f.get("mcc")), Integer.parseInt(f.get("net"))).orElse(null);
            } catch (RuntimeException e) {
                return null;
            }
        }
        String v = format == UploadFormat.ITU_CELLSITE ? f.get("operator_name", "operator") : f.get("operator", "operator_code");
        return v == null ? defaultOperator : ops.byCodeOrName(v).orElse(null);
    }

    Result validate(List<SourceFeature> features) {
        List<Rows.ImportRow> rows = switch (layer) {
            case BASE_STATIONS -> sites(features);
            case FIBER_ROUTES -> fiberRoutes(features);
            case FIBER_NODES -> fiberNodes(features);
            case SETTLEMENTS -> settlements(features);
            case HIGHWAYS, RAILWAYS -> lines(features);
            case REGIONS, DISTRICTS -> boundaries(features);
        };
        Set<Integer> rejected = new TreeSet<>();
        errors.forEach(e -> rejected.add(e.row()));
        List<Rows.ImportRow> valid = rows.stream().filter(r -> r.rows().stream().noneMatch(rejected::contains)).toList();
        // a site is rejected as a whole when any of its cell rows is
        rows.stream().filter(r -> !valid.contains(r)).forEach(r -> rejected.addAll(r.rows()));
        return new Result(valid, errors, rejected, warnings);
    }

    // ---- base stations -------------------------------------------------------------------------------------------

    private List<Rows.ImportRow> sites(List<SourceFeature> features) {
        Map<String, SiteDraft> sites = new LinkedHashMap<>();
        Map<String, Integer> cellsSeen = new HashMap<>();
        for (SourceFeature raw : features) {
            Check c = new Check(raw, canonicalCellRow(raw));
            if (c.rejectedEarly()) {
                continue;
            }
            String operator = c.operator();
            String siteId = c.text("site_id", true);
            String cellId = c.text("cell_id", true);
            Point p = c.point();
            Double tower = c.number("tower_height_m", false, 0, 300, "must be between 0 and 300 m (negative height?)");
            String status = c.choice("status", STATUSES, "active");
            LocalDate comm = c.date("commissioned_on");
            LocalDate decomm = c.date("decommissioned_on");
            c.dates(status, comm, decomm);
            String tech = c.technology();
            Integer band = c.integer("band_mhz", tech == null || !DEFAULT_BAND_MHZ.containsKey(tech) ? true : !c.defaultsBand, 400, 6000,
                    "must be a band between 400 and 6000 MHz");
            if (band == null && tech != null && c.defaultsBand) {
                band = DEFAULT_BAND_MHZ.get(tech);
            }
            Double az = c.number("azimuth_deg", false, 0, 359.999999, "must be in [0, 360) degrees");
            Double bw = c.numberOpenLow("beamwidth_deg", 0, 360, "must be in (0, 360] degrees");
            Double tilt = c.number("tilt_deg", false, -10, 20, "must be between -10 and 20 degrees");
            Double ah = c.numberOpenLow("antenna_height_m", 0, 300, "must be in (0, 300] m");
            if (ah == null && c.fieldOk("antenna_height_m")) {
                if (c.defaultsBand) {
                    ah = properties.defaultAntennaHeightM();
                } else {
                    c.error("antenna_height_m", null, "is required");
                }
            }
            Double eirp = c.number("eirp_dbm", false, 0, 90, "must be between 0 and 90 dBm");
            Double range = c.numberOpenLow("range_m", 0, 100_000, "must be in (0, 100000] m");
            if (operator == null || siteId == null || cellId == null || c.failed) {
                continue;
            }
            String cellKey = operator + "\u0000" + siteId + "\u0000" + cellId;
            Integer first = cellsSeen.putIfAbsent(cellKey, raw.number());
            if (first != null) {
                c.error("cell_id", cellId, "duplicate id: site " + siteId + " cell " + cellId + " already in row " + first);
                continue;
            }
            SiteDraft site = sites.computeIfAbsent(operator + "\u0000" + siteId,
                    k -> new SiteDraft(raw.number(), operator, siteId, p, tower, status, comm, decomm));
            if (site.firstRow != raw.number() && !site.sameSite(p, tower, status, comm, decomm)) {
                c.error("site_id", siteId, "site attributes (location, height, status, dates) differ from row " + site.firstRow
                        + " of the same site");
                continue;
            }
            site.rows.add(raw.number());
            site.cells.add(new Rows.Cell(cellId, tech, band, az, bw, tilt, ah, eirp, range));
        }
        List<Rows.ImportRow> out = new ArrayList<>();
        sites.values().forEach(s -> out.add(new Rows.Site(s.rows, s.operator, s.siteId, s.point, s.tower, s.status, s.comm,
                s.decomm, s.cells.stream().sorted((a, b) -> a.cellId().compareTo(b.cellId())).toList())));
        return out;
    }

    private static final class SiteDraft {
        final int firstRow;
        final String operator;
        final String siteId;
        final Point point;
        final Double tower;
        final String status;
        final LocalDate comm;
        final LocalDate decomm;
        final List<Integer> rows = new ArrayList<>();
        final List<Rows.Cell> cells = new ArrayList<>();

        SiteDraft(int firstRow, String operator, String siteId, Point point, Double tower, String status, LocalDate comm,
                LocalDate decomm) {
            this.firstRow = firstRow;
            this.operator = operator;
            this.siteId = siteId;
            this.point = point;
            this.tower = tower;
            this.status = status;
            this.comm = comm;
            this.decomm = decomm;
        }

        boolean sameSite(Point p, Double t, String s, LocalDate c, LocalDate d) {
            return point.getCoordinate().distance(p.getCoordinate()) < 1e-7 && java.util.Objects.equals(tower, t)
                    && status.equals(s) && java.util.Objects.equals(comm, c) && java.util.Objects.equals(decomm, d);
        }
    }

    /** OpenCelliD and ITU rows mapped onto Qamrov's own cell columns; Qamrov CSV and vector rows pass unchanged. */
    private Map<String, String> canonicalCellRow(SourceFeature f) {
        Map<String, String> a = new HashMap<>(f.attrs());
        alias(a, "tower_height_m", "tower_h_m", "tower_hgt");
        alias(a, "commissioned_on", "commission", "comm_on");
        alias(a, "decommissioned_on", "decommissi", "decomm_on");
        alias(a, "antenna_height_m", "antenna_h", "ant_h_m");
        alias(a, "azimuth_deg", "azimuth");
        alias(a, "beamwidth_deg", "beamwidth");
        alias(a, "tilt_deg", "tilt");
        alias(a, "band_mhz", "band");
        alias(a, "eirp_dbm", "eirp");
        if (format == UploadFormat.OPENCELLID) {
            Map<String, String> m = new HashMap<>();
            copy(a, m, "lon", "lon");
            copy(a, m, "lat", "lat");
            copy(a, m, "radio", "technology");
            String range = a.get("range");
            if (range != null && !"0".equals(range.strip())) {
                m.put("range_m", range);
            }
            m.put("site_id", a.getOrDefault("mcc", "") + "-" + a.getOrDefault("net", "") + "-" + a.getOrDefault("area", "") + "-"
                    + a.getOrDefault("cell", ""));
            copy(a, m, "cell", "cell_id");
            copy(a, m, "mcc", "mcc");
            String created = a.get("created");
            if (created != null) {
                try {
                    m.put("commissioned_on", Instant.ofEpochSecond(Long.parseLong(created.strip())).atZone(ZoneOffset.UTC)
                            .toLocalDate().toString());
                } catch (RuntimeException e) {
                    m.put("commissioned_on", created);
                }
            }
            return m;
        }
        if (format == UploadFormat.ITU_CELLSITE) {
            Map<String, String> m = new HashMap<>();
            copy(a, m, "lon", "lon");
            copy(a, m, "lat", "lat");
            m.put("site_id", a.getOrDefault("source_ict_id", a.get("ict_id")));
            copy(a, m, "radio_type", "technology");
            String band = a.get("downlink_frequency_mhz");
            if (band != null) {
                m.put("band_mhz", band.strip().replaceAll("\\.0+$", ""));
            }
            m.put("cell_id", a.getOrDefault("source_cell_id", a.getOrDefault("radio_type", "cell") + "-" + (band == null ? "1" : band)));
            copy(a, m, "tower_height", "tower_height_m");
            copy(a, m, "antenna_height", "antenna_height_m");
            copy(a, m, "azimuth_degrees", "azimuth_deg");
            copy(a, m, "antenna_horizontal_beamwidth_degrees", "beamwidth_deg");
            copy(a, m, "eirp_dbm", "eirp_dbm");
            copy(a, m, "country_code", "country_code");
            String mech = a.get("mechanical_tilt_degrees");
            String elec = a.get("electrical_tilt_degrees");
            if (mech != null || elec != null) {
                try {
                    m.put("tilt_deg", String.valueOf((mech == null ? 0 : Double.parseDouble(mech)) + (elec == null ? 0 : Double.parseDouble(elec))));
                } catch (NumberFormatException e) {
                    m.put("tilt_deg", (mech == null ? "" : mech) + "+" + (elec == null ? "" : elec));
                }
            }
            return m;
        }
        return a;
    }

    private static void alias(Map<String, String> a, String canonical, String... aliases) {
        for (String al : aliases) {
            if (!a.containsKey(canonical) && a.containsKey(al)) {
                a.put(canonical, a.get(al));
            }
        }
    }

    private static void copy(Map<String, String> from, Map<String, String> to, String src, String dst) {
        String v = from.get(src);
        if (v != null && !v.isBlank()) {
            to.put(dst, v);
        }
    }

    // ---- fiber ---------------------------------------------------------------------------------------------------

    private List<Rows.ImportRow> fiberRoutes(List<SourceFeature> features) {
        List<Rows.ImportRow> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (SourceFeature f : features) {
            Check c = new Check(f, f.attrs());
            if (c.rejectedEarly()) {
                continue;
            }
            String operator = c.operator();
            String id = c.text("route_id", true, "external_id", "external_i", "id");
            String status = c.choice("status", STATUSES, "active");
            String kind = c.choice("route_kind", ROUTE_KINDS, "distribution");
            LocalDate comm = c.date("commissioned_on", "commission");
            LocalDate decomm = c.date("decommissioned_on", "decommissi");
            c.dates(status, comm, decomm);
            Double cap = c.number("capacity_gbps", false, 0, 1_000_000, "must be >= 0 Gbit/s", "capacity");
            List<LineString> lines = c.lines(true);
            if (c.failed || operator == null || id == null || lines == null) {
                continue;
            }
            for (int i = 0; i < lines.size(); i++) {
                // a MultiLineString that does not merge into one line becomes one route per part: <id>-1, <id>-2, …
                String ext = lines.size() == 1 ? id : id + "-" + (i + 1);
                if (c.duplicate(seen, operator + "\u0000" + ext, "route_id", ext)) {
                    break;
                }
                out.add(new Rows.FiberRoute(List.of(f.number()), operator, ext, lines.get(i), status, kind, comm, decomm, cap));
            }
        }
        return out;
    }

    private List<Rows.ImportRow> fiberNodes(List<SourceFeature> features) {
        List<Rows.ImportRow> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (SourceFeature f : features) {
            Check c = new Check(f, f.attrs());
            if (c.rejectedEarly()) {
                continue;
            }
            String operator = c.operator();
            String id = c.text("node_id", true, "external_id", "external_i", "id");
            String kind = c.choice("kind", NODE_KINDS, null);
            Integer ports = c.integer("broadband_ports", false, 0, 10_000_000, "must be a port count >= 0", "ports", "port_count",
                    "broadband_");
            String status = c.choice("status", STATUSES, "active");
            LocalDate comm = c.date("commissioned_on", "commission");
            LocalDate decomm = c.date("decommissioned_on", "decommissi");
            c.dates(status, comm, decomm);
            Point p = c.point();
            if (c.failed || operator == null || id == null || kind == null || p == null
                    || c.duplicate(seen, operator + "\u0000" + id, "node_id", id)) {
                continue;
            }
            out.add(new Rows.FiberNode(List.of(f.number()), operator, id, p, kind, ports == null ? 0 : ports, status, comm, decomm));
        }
        return out;
    }

    // ---- admin layers --------------------------------------------------------------------------------------------

    private List<Rows.ImportRow> settlements(List<SourceFeature> features) {
        List<Rows.ImportRow> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (SourceFeature f : features) {
            Check c = new Check(f, f.attrs());
            if (c.rejectedEarly()) {
                continue;
            }
            String id = c.text("external_id", true, "external_i", "id");
            String name = c.text("name_uz_latn", true, "name_uz_la", "name");
            String kind = c.choice("kind", SETTLEMENT_KINDS, "village");
            Integer pop = c.integer("population", true, 0, 50_000_000, "must be a count >= 0", "populat", "pop");
            Integer hh = c.integer("households", false, 0, 50_000_000, "must be a count >= 0", "househ", "hh");
            Point p;
            MultiPolygon boundary = null;
            if (f.geometry() != null && f.geometry().getDimension() == 2) {
                boundary = c.polygons(false);
                p = boundary == null ? null : WGS84.createPoint(boundary.getInteriorPoint().getCoordinate());
            } else {
                p = c.point();
            }
            if (c.failed || id == null || name == null || pop == null || p == null || c.duplicate(seen, id, "external_id", id)) {
                continue;
            }
            out.add(new Rows.Settlement(List.of(f.number()), id, name, c.text("name_uz_cyrl", false, "name_uz_cy"), c.text("name_ru", false),
                    c.text("name_en", false), kind, pop, hh == null ? 0 : hh, c.text("region_code", false),
                    c.text("district_code", false), p, boundary));
        }
        return out;
    }

    private List<Rows.ImportRow> lines(List<SourceFeature> features) {
        boolean highway = layer == Layer.HIGHWAYS;
        List<Rows.ImportRow> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (SourceFeature f : features) {
            Check c = new Check(f, f.attrs());
            if (c.rejectedEarly()) {
                continue;
            }
            String key = highway ? c.text("ref", true, "id") : c.text("line_key", true, "ref", "id");
            String label = highway ? c.choice("road_class", ROAD_CLASSES, "other") : c.text("line_name", true, "name");
            List<LineString> lines = c.lines(false);
            if (c.failed || key == null || label == null || lines == null || c.duplicate(seen, key, highway ? "ref" : "line_key", key)) {
                continue;
            }
            out.add(new Rows.Line(List.of(f.number()), key, label, c.text("name_uz_latn", highway, "name"), c.text("name_ru", false),
                    c.text("name_en", false), lines.get(0)));
        }
        return out;
    }

    private List<Rows.ImportRow> boundaries(List<SourceFeature> features) {
        List<Rows.ImportRow> out = new ArrayList<>();
        for (SourceFeature f : features) {
            Check c = new Check(f, f.attrs());
            if (c.rejectedEarly()) {
                continue;
            }
            MultiPolygon mp = c.polygons(true);
            Map<String, String> names = new LinkedHashMap<>();
            String code = null;
            String parent = null;
            for (var e : f.attrs().entrySet()) {
                String k = e.getKey();
                String v = e.getValue().strip();
                if (v.matches("UZ-[A-Z]{2}")) {
                    if (layer == Layer.REGIONS || k.contains("region") || k.contains("parent") || k.startsWith("adm1")) {
                        if (layer == Layer.REGIONS) {
                            code = v;
                        } else {
                            parent = v;
                        }
                    }
                } else if (k.contains("name") || k.matches("adm[12]_(en|ru|uz|uz_cyrl|uz_latn)") || k.startsWith("name_")) {
                    if (layer == Layer.DISTRICTS && (k.startsWith("adm1") || k.startsWith("region"))) {
                        continue;
                    }
                    names.put(k, v);
                }
            }
            if (layer == Layer.DISTRICTS) {
                code = c.text("code", false, "district_code", "adm2_pcode", "shapeid");
            }
            if (names.isEmpty() && code == null) {
                c.error("name", null, "the feature has neither a code nor a name to match");
            }
            if (c.failed || mp == null) {
                continue;
            }
            String display = names.values().stream().findFirst().orElse(code);
            out.add(new Rows.Boundary(List.of(f.number()), code, parent, names, display, mp));
        }
        return out;
    }

    // ---- field checks --------------------------------------------------------------------------------------------

    /** Checks on one row, collecting errors into the validator's list. */
    private final class Check {
        final SourceFeature f;
        final Map<String, String> a;
        final boolean defaultsBand;
        boolean failed;
        private final Set<String> badFields = new java.util.HashSet<>();

        Check(SourceFeature f, Map<String, String> a) {
            this.f = f;
            this.a = a;
            this.defaultsBand = format == UploadFormat.OPENCELLID;
        }

        boolean rejectedEarly() {
            if (f.readError() != null) {
                error(f.geometry() == null && f.readError().contains("geometry") ? "geometry" : "row", null, f.readError());
                return true;
            }
            return false;
        }

        void error(String field, String value, String message) {
            failed = true;
            badFields.add(field);
            errors.add(RowError.of(f.number(), field, value, message));
        }

        boolean fieldOk(String field) {
            return !badFields.contains(field);
        }

        String raw(String field, String... aliases) {
            String v = a.get(field);
            for (int i = 0; (v == null || v.isBlank()) && i < aliases.length; i++) {
                v = a.get(aliases[i]);
            }
            return v == null || v.isBlank() ? null : v.strip();
        }

        String text(String field, boolean required, String... aliases) {
            String v = raw(field, aliases);
            if (v == null && required) {
                error(field, null, "is required");
            }
            return v;
        }

        String operator() {
            if (format == UploadFormat.OPENCELLID) {
                String mcc = raw("mcc");
                if (!"434".equals(mcc)) {
                    error("mcc", mcc, "MCC " + mcc + " is not Uzbekistan (434)");
                    return null;
                }
            }
            if (format == UploadFormat.ITU_CELLSITE) {
                String cc = raw("country_code");
                if (cc != null && !"UZB".equalsIgnoreCase(cc)) {
                    error("country_code", cc, "country_code " + cc + " is not UZB");
                }
            }
            String code = operatorOf(f, format, operators, defaultOperator);
            if (code == null) {
                String given = format == UploadFormat.OPENCELLID ? "434-" + f.get("net")
                        : format == UploadFormat.ITU_CELLSITE ? f.get("operator_name") : f.get("operator", "operator_code");
                error("operator", given, given == null ? "is required (no operator column and no operator= parameter)"
                        : "unknown operator '" + given + "'");
            }
            return code;
        }

        String choice(String field, Set<String> allowed, String dflt) {
            String v = raw(field);
            if (v == null) {
                if (dflt == null) {
                    error(field, null, "is required; one of " + new TreeSet<>(allowed));
                }
                return dflt;
            }
            String k = v.toLowerCase(Locale.ROOT);
            if (!allowed.contains(k)) {
                error(field, v, "unknown value; expected one of " + new TreeSet<>(allowed));
                return null;
            }
            return k;
        }

        String technology() {
            String v = raw("technology");
            if (v == null) {
                error("technology", null, "is required");
                return null;
            }
            String t = switch (v.toUpperCase(Locale.ROOT)) {
                case "2G", "GSM" -> "2G";
                case "3G", "UMTS", "WCDMA" -> "3G";
                case "4G", "LTE" -> "4G";
                case "5G", "NR" -> "5G";
                default -> null;
            };
            if (t == null) {
                error("technology", v, "unknown technology; expected 2G, 3G, 4G or 5G (or GSM, UMTS, LTE, NR)");
            }
            return t;
        }

        Double parse(String field, String v) {
            try {
                double d = Double.parseDouble(v.replace(',', '.').equals(v) ? v : "x");
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    error(field, v, "is not a finite number");
                    return null;
                }
                return d;
            } catch (NumberFormatException e) {
                error(field, v, "is not a number");
                return null;
            }
        }

        Double number(String field, boolean required, double min, double max, String rangeMessage, String... aliases) {
            String v = text(field, required, aliases);
            if (v == null) {
                return null;
            }
            Double d = parse(field, v);
            if (d != null && (d < min || d > max)) {
                error(field, v, rangeMessage);
                return null;
            }
            return d;
        }

        /** A number in (min, max]: zero heights and beamwidths are impossible. */
        Double numberOpenLow(String field, double min, double max, String rangeMessage) {
            String v = raw(field);
            if (v == null) {
                return null;
            }
            Double d = parse(field, v);
            if (d != null && (d <= min || d > max)) {
                error(field, v, rangeMessage);
                return null;
            }
            return d;
        }

        Integer integer(String field, boolean required, int min, int max, String rangeMessage, String... aliases) {
            Double d = number(field, required, min, max, rangeMessage, aliases);
            if (d == null) {
                return null;
            }
            if (d != Math.rint(d)) {
                error(field, raw(field, aliases), "must be a whole number");
                return null;
            }
            return d.intValue();
        }

        LocalDate date(String field, String... aliases) {
            String v = raw(field, aliases);
            if (v == null) {
                return null;
            }
            try {
                return LocalDate.parse(v.length() > 10 && v.charAt(10) == 'T' ? v.substring(0, 10) : v);
            } catch (DateTimeParseException e) {
                error(field, v, "is not a date in the form YYYY-MM-DD");
                return null;
            }
        }

        void dates(String status, LocalDate comm, LocalDate decomm) {
            if ("active".equals(status) && comm != null && comm.isAfter(today)) {
                error("commissioned_on", comm.toString(), "is in the future (after " + today + ") but the status is active");
            }
            if (comm != null && decomm != null && decomm.isBefore(comm)) {
                error("decommissioned_on", decomm.toString(), "is before commissioned_on " + comm);
            }
            if ("active".equals(status) && decomm != null && !decomm.isAfter(today)) {
                error("status", status, "is active but decommissioned_on " + decomm + " has passed");
            }
        }

        boolean duplicate(Map<String, Integer> seen, String key, String field, String value) {
            Integer first = seen.putIfAbsent(key, f.number());
            if (first != null) {
                error(field, value, "duplicate id: already in row " + first);
                return true;
            }
            return false;
        }

        /** The row's point: its geometry, or the lon/lat columns. Range and swap checks; country check comes later. */
        Point point() {
            if (f.geometry() != null) {
                Geometry g = f.geometry();
                if (g instanceof org.locationtech.jts.geom.MultiPoint mp && mp.getNumGeometries() == 1) {
                    g = mp.getGeometryN(0);
                }
                if (!(g instanceof Point pt) || pt.isEmpty()) {
                    error("geometry", g.getGeometryType(), "wrong geometry type: expected Point");
                    return null;
                }
                return lonLat(pt.getX(), pt.getY(), String.valueOf(pt.getX()), String.valueOf(pt.getY()));
            }
            String lonS = text("lon", true, "longitude", "lng", "x");
            String latS = text("lat", true, "latitude", "y");
            if (lonS == null || latS == null) {
                return null;
            }
            Double lon = parse("lon", lonS);
            Double lat = parse("lat", latS);
            return lon == null || lat == null ? null : lonLat(lon, lat, lonS, latS);
        }

        private Point lonLat(double lon, double lat, String lonS, String latS) {
            if (lat < -90 || lat > 90) {
                error("lat", latS, "latitude out of range [-90, 90]" + (lon >= -90 && lon <= 90 ? " (lat and lon swapped?)" : ""));
                return null;
            }
            if (lon < -180 || lon > 180) {
                error("lon", lonS, "longitude out of range [-180, 180] (projected coordinates without a CRS?)");
                return null;
            }
            return WGS84.createPoint(new Coordinate(lon, lat));
        }

        /** One line (merging a MultiLineString); several only when {@code split} allows it. */
        List<LineString> lines(boolean split) {
            Geometry g = f.geometry();
            if (g == null) {
                error("geometry", null, "a LineString geometry is required");
                return null;
            }
            if (!(g instanceof LineString) && !(g instanceof MultiLineString)) {
                error("geometry", g.getGeometryType(), "wrong geometry type: expected LineString or MultiLineString");
                return null;
            }
            List<LineString> parts = new ArrayList<>();
            if (g instanceof LineString ls) {
                parts.add(ls);
            } else {
                LineMerger merger = new LineMerger();
                merger.add(g);
                @SuppressWarnings("unchecked")
                Collection<LineString> merged = merger.getMergedLineStrings();
                parts.addAll(merged);
            }
            List<LineString> out = new ArrayList<>();
            for (LineString ls : parts) {
                LineString flat = WGS84.createLineString(flat(ls.getCoordinates()));
                if (flat.getNumPoints() < 2 || flat.getLength() == 0) {
                    error("geometry", null, "a line needs at least two distinct points");
                    return null;
                }
                if (!inRange(flat)) {
                    return null;
                }
                out.add(flat);
            }
            if (out.size() > 1 && !split) {
                error("geometry", "MultiLineString", "the parts do not join into one line (" + out.size() + " pieces)");
                return null;
            }
            return out;
        }

        /** Polygons (GeometryCollections reduced to their polygons), validated; invalid ones need ?repair=true. */
        MultiPolygon polygons(boolean alwaysRepair) {
            Geometry g = f.geometry();
            if (g == null) {
                error("geometry", null, "a Polygon geometry is required");
                return null;
            }
            List<Polygon> polys = new ArrayList<>();
            collectPolygons(g, polys);
            if (polys.isEmpty()) {
                error("geometry", g.getGeometryType(), "wrong geometry type: expected Polygon or MultiPolygon");
                return null;
            }
            MultiPolygon mp;
            try {
                mp = WGS84.createMultiPolygon(polys.stream().map(RowValidator::flatPolygon).toArray(Polygon[]::new));
            } catch (IllegalArgumentException e) {
                error("geometry", null, "invalid geometry: " + e.getMessage());
                return null;
            }
            if (!inRange(mp)) {
                return null;
            }
            TopologyValidationError invalid = new IsValidOp(mp).getValidationError();
            if (invalid != null) {
                Coordinate at = invalid.getCoordinate();
                String where = at == null ? null : "POINT(" + at.x + " " + at.y + ")";
                if (alwaysRepair || repair) {
                    warnings.add("row " + f.number() + ": " + invalid.getMessage() + (where == null ? "" : " at " + where)
                            + " repaired with ST_MakeValid");
                } else {
                    failed = true;
                    errors.add(new RowError(f.number(), "geometry", null, "invalid geometry: " + invalid.getMessage()
                            + (where == null ? "" : " at " + where) + "; upload with ?repair=true to repair it", where));
                    return null;
                }
            }
            return mp;
        }

        private boolean inRange(Geometry g) {
            var env = g.getEnvelopeInternal();
            if (env.getMinX() < -180 || env.getMaxX() > 180 || env.getMinY() < -90 || env.getMaxY() > 90) {
                error("geometry", null, "coordinates out of range for WGS84 lon/lat (projected data without a CRS?)");
                return false;
            }
            return true;
        }
    }

    private static void collectPolygons(Geometry g, List<Polygon> out) {
        if (g instanceof Polygon p && !p.isEmpty()) {
            out.add(p);
        } else if (g instanceof GeometryCollection gc) {
            for (int i = 0; i < gc.getNumGeometries(); i++) {
                collectPolygons(gc.getGeometryN(i), out);
            }
        }
    }

    private static Polygon flatPolygon(Polygon p) {
        var shell = WGS84.createLinearRing(flat(p.getExteriorRing().getCoordinates()));
        var holes = new org.locationtech.jts.geom.LinearRing[p.getNumInteriorRing()];
        for (int i = 0; i < holes.length; i++) {
            holes[i] = WGS84.createLinearRing(flat(p.getInteriorRingN(i).getCoordinates()));
        }
        return WGS84.createPolygon(shell, holes);
    }

    /** Drops Z (and M): everything is stored 2D; also removes consecutive repeated points. */
    private static Coordinate[] flat(Coordinate[] cs) {
        List<Coordinate> out = new ArrayList<>(cs.length);
        for (Coordinate c : cs) {
            Coordinate xy = new Coordinate(c.x, c.y);
            if (out.isEmpty() || !out.get(out.size() - 1).equals2D(xy)) {
                out.add(xy);
            }
        }
        return out.toArray(Coordinate[]::new);
    }
}

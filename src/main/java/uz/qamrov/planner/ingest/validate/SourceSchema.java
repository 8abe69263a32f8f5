package uz.qamrov.planner.ingest.validate;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import uz.qamrov.planner.ingest.OperatorDirectory;
import uz.qamrov.planner.ingest.SourceFeature;
import uz.qamrov.planner.ingest.UploadFormat;

/**
 * What the columns of the foreign cell formats mean: OpenCelliD and the ITU/Giga cell-site register, mapped onto
 * Qamrov's cell columns; and the one rule for whose row it is.
 */
public final class SourceSchema {

    private SourceSchema() {
    }

    /** The operator code a row belongs to, or null when the row names an unknown one (the validator reports it). */
    public static String operatorOf(SourceFeature f, UploadFormat format, OperatorDirectory ops, String defaultOperator) {
        if (format == UploadFormat.OPENCELLID) {
            String mcc = f.get("mcc");
            String net = f.get("net");
            if (mcc == null || net == null || StrictValues.numberProblem(mcc) != null || StrictValues.numberProblem(net) != null
                    || !mcc.matches("\\d{1,3}") || !net.matches("\\d{1,3}")) {
                return null;
            }
            return ops.byMccMnc(Integer.parseInt(mcc), Integer.parseInt(net)).orElse(null);
        }
        String v = operatorGiven(f, format);
        return v == null ? defaultOperator : ops.byCodeOrName(v).orElse(null);
    }

    /** The operator as the row gives it (for messages), or null. */
    static String operatorGiven(SourceFeature f, UploadFormat format) {
        return switch (format) {
            case OPENCELLID -> f.get("net") == null ? null : "434-" + f.get("net");
            case ITU_CELLSITE -> f.get("operator_name", "operator");
            default -> f.get(LayerFields.OPERATOR_NAMES.toArray(String[]::new));
        };
    }

    /**
     * OpenCelliD and ITU rows mapped onto Qamrov's own cell columns; Qamrov CSV and vector rows pass unchanged (their
     * other names are read through {@link LayerFields}).
     */
    static Map<String, String> canonicalCellRow(SourceFeature f, UploadFormat format) {
        if (format == UploadFormat.OPENCELLID) {
            return openCellId(f.attrs());
        }
        if (format == UploadFormat.ITU_CELLSITE) {
            return itu(f.attrs());
        }
        return f.attrs();
    }

    /**
     * OpenCelliD: {@code range} is how far apart the crowd's observations of the cell were, an upper bound of its
     * reach, not a planned radius: it becomes {@code observed_range_m}. {@code created}/{@code updated} are when the
     * crowd first and last saw the cell, not when it was commissioned. Sites are formed from the cells later
     * ({@link OpenCellIdSites}).
     */
    private static Map<String, String> openCellId(Map<String, String> a) {
        Map<String, String> m = new HashMap<>();
        for (String k : new String[] {"lon", "lat", "mcc", "net", "area", "cell"}) {
            copy(a, m, k, k);
        }
        copy(a, m, "radio", "technology");
        copy(a, m, "cell", "cell_id");
        String range = a.get("range");
        if (range != null && !"0".equals(range.strip())) {
            m.put("observed_range_m", range);
        }
        epochDate(a, m, "created", "first_observed_on");
        epochDate(a, m, "updated", "last_observed_on");
        return m;
    }

    private static void epochDate(Map<String, String> from, Map<String, String> to, String src, String dst) {
        String v = from.get(src);
        if (v == null || v.isBlank()) {
            return;
        }
        to.put(src, v.strip());
        if (epochProblem(v.strip()) == null) {
            to.put(dst, Instant.ofEpochSecond(Long.parseLong(v.strip())).atZone(ZoneOffset.UTC).toLocalDate().toString());
        }
    }

    /**
     * What is wrong with an OpenCelliD time (unix seconds), or null. OpenCelliD's crowd data starts in 2008, so a
     * time before 2000 or after 2100 is bad data, not history.
     */
    static String epochProblem(String v) {
        if (!v.matches("\\d{9,10}")) {
            return "is not a unix time in seconds (such as 1577836800)";
        }
        long seconds = Long.parseLong(v);
        if (seconds < 946_684_800L || seconds > 4_133_980_799L) {
            return "is outside the plausible range 2000-01-01 to 2100-12-31 as a unix time";
        }
        return null;
    }

    private static Map<String, String> itu(Map<String, String> a) {
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
            boolean plain = (mech == null || StrictValues.numberProblem(mech.strip()) == null)
                    && (elec == null || StrictValues.numberProblem(elec.strip()) == null);
            m.put("tilt_deg", plain ? String.valueOf((mech == null ? 0 : Double.parseDouble(mech.strip()))
                    + (elec == null ? 0 : Double.parseDouble(elec.strip()))) : (mech == null ? "" : mech) + "+" + (elec == null ? "" : elec));
        }
        return m;
    }

    private static void copy(Map<String, String> from, Map<String, String> to, String src, String dst) {
        String v = from.get(src);
        if (v != null && !v.isBlank()) {
            to.put(dst, v);
        }
    }
}

package uz.qamrov.planner.ingest;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the CRS a file declares into an EPSG code; the reprojection itself is PostGIS {@code ST_Transform} (its
 * spatial_ref_sys has the UTM 40N–43N (EPSG:32640–32643) and Pulkovo 1942 Gauss-Krüger zones that Uzbek data uses).
 */
final class Crs {

    static final int WGS84 = 4326;
    private static final Pattern EPSG_URN = Pattern.compile("EPSG(?:::|:|/\\d+/|/)(\\d{4,6})$", Pattern.CASE_INSENSITIVE);
    private static final Pattern WKT_AUTHORITY = Pattern.compile("AUTHORITY\\[\"EPSG\",\\s*\"?(\\d{4,6})\"?\\]\\s*\\]\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WKT_ID = Pattern.compile("ID\\[\"EPSG\",\\s*(\\d{4,6})\\]\\s*\\]\\s*$", Pattern.CASE_INSENSITIVE);

    private Crs() {
    }

    /** A GeoJSON {@code crs.properties.name}: OGC URNs, "EPSG:n", OGC http URIs; CRS84 is 4326. */
    static Integer fromName(String name) {
        String n = name.strip();
        if (n.toUpperCase(Locale.ROOT).endsWith("CRS84")) {
            return WGS84;
        }
        Matcher m = EPSG_URN.matcher(n);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    /** The EPSG code at the end of a WKT (AUTHORITY or ID), or null when the WKT has none (ESRI .prj files). */
    static Integer fromWktAuthority(String wkt) {
        Matcher m = WKT_AUTHORITY.matcher(wkt.strip());
        if (m.find()) {
            return Integer.valueOf(m.group(1));
        }
        m = WKT_ID.matcher(wkt.strip());
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    /** The name of the outermost PROJCS / GEOGCS of a WKT, normalised for comparison with EPSG names. */
    static String wktName(String wkt) {
        Matcher m = Pattern.compile("^\\s*(?:PROJCS|GEOGCS|PROJCRS|GEOGCRS|GEODCRS)\\[\"([^\"]+)\"").matcher(wkt);
        return m.find() ? normaliseName(m.group(1)) : null;
    }

    /**
     * "WGS_1984_UTM_Zone_42N" (ESRI) and "WGS 84 / UTM zone 42N" (EPSG) both become "wgs84utmzone42n";
     * "Pulkovo_1942_GK_Zone_12" and "Pulkovo 1942 / Gauss-Kruger zone 12" both "pulkovo1942gkzone12".
     */
    static String normaliseName(String name) {
        String n = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        n = n.replace("gcswgs1984", "wgs84").replace("wgs1984", "wgs84").replace("gausskruger", "gk")
                .replace("gcs", "");
        return n;
    }
}

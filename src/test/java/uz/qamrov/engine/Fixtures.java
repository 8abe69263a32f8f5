package uz.qamrov.engine;

import java.time.LocalDate;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

import uz.qamrov.engine.geodesy.LocalMetric;
import uz.qamrov.engine.model.AdminArea;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.LineKind;
import uz.qamrov.engine.model.Settlement;
import uz.qamrov.engine.model.Site;
import uz.qamrov.engine.model.Technology;
import uz.qamrov.engine.model.TransportLine;
import uz.qamrov.engine.model.Validity;

/**
 * Test helpers. The hand-made cases sit around (66°E, 40°N) where 1° of longitude ≈ 85.394 km and 1° of
 * latitude ≈ 111.035 km (WGS84), so 0.01° lon ≈ 853.9 m and 0.01° lat ≈ 1110.4 m.
 */
public final class Fixtures {

    public static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), 4326);
    public static final double LON0 = 66.0;
    public static final double LAT0 = 40.0;
    public static final LocalDate D2026 = LocalDate.of(2026, 6, 1);

    private Fixtures() {
    }

    public static Geometry wkt(String wkt) {
        try {
            return new WKTReader(GF).read(wkt);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Point at a geodesic distance and azimuth from (lon, lat): {lon, lat}. */
    public static double[] from(double lon, double lat, double azimuthDeg, double distanceM) {
        return LocalMetric.destination(lon, lat, azimuthDeg, distanceM);
    }

    public static Cell cell(long id, String op, Technology t, double lon, double lat, Double az, double bw, double rangeM) {
        return new Cell(id, id, op, t, 1800, az, bw, 30, null, rangeM, lon, lat, Validity.ALWAYS);
    }

    public static Cell cell(long id, String op, Technology t, double lon, double lat, Double az, double bw, double rangeM,
            Validity v) {
        return new Cell(id, id, op, t, 1800, az, bw, 30, null, rangeM, lon, lat, v);
    }

    public static Site site(long id, String op, double lon, double lat) {
        return new Site(id, op, lon, lat, Validity.ALWAYS);
    }

    public static Settlement village(long id, double lon, double lat, int population) {
        return new Settlement(id, lon, lat, population, Math.max(1, population / 5), "R1", "D1", null);
    }

    public static Settlement village(long id, double lon, double lat, int population, String region, String district) {
        return new Settlement(id, lon, lat, population, Math.max(1, population / 5), region, district, null);
    }

    public static TransportLine highway(long id, String ref, String cls, String wkt) {
        return new TransportLine(id, LineKind.HIGHWAY, ref, cls, (LineString) wkt(wkt));
    }

    public static AdminArea region(String code, String wkt) {
        return new AdminArea(code, code, true, wkt(wkt));
    }

    public static AdminArea district(String code, String region, String wkt) {
        return new AdminArea(code, region, false, wkt(wkt));
    }

    /** Ground height as a function of the offset (metres east, north) from a DEM's centre. */
    @FunctionalInterface
    public interface Height {
        double at(double eastM, double northM);
    }

    /** A 0.3° × 0.3° DEM of 0.001° cells centred on (lon, lat), heights from the plane offset of each cell's centre. */
    public static uz.qamrov.engine.terrain.Dem demAround(double lon, double lat, Height h) {
        int n = 300;
        double cell = 0.001;
        LocalMetric m = LocalMetric.at(lon, lat);
        float[] z = new float[n * n];
        double west = lon - n * cell / 2;
        double north = lat + n * cell / 2;
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                double[] p = m.toLocal(west + (c + 0.5) * cell, north - (r + 0.5) * cell);
                z[r * n + c] = (float) h.at(p[0], p[1]);
            }
        }
        return new uz.qamrov.engine.terrain.Dem(west, north, cell, n, n, z, -32768);
    }
}

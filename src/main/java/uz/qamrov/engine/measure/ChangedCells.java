package uz.qamrov.engine.measure;

import java.util.Arrays;

import uz.qamrov.engine.measure.CellTable.CellRec;

/**
 * Where cells that may give a place other candidates stand: those whose service differs between two dates (active
 * on one only), and those a change of the model removed or added. A place with none of them within the search limit
 * has the same candidate cells. A month apart they are a few thousand of the national ~260,000, so a plain scan with
 * a box test is enough.
 */
final class ChangedCells {

    private static final double M_PER_DEG_LAT = 110_574; // the least metres per degree of latitude (at the equator)
    /** How much wider than the limit the box is: a box test must never miss a cell within the limit. */
    private static final double MARGIN = 1.05;

    static final ChangedCells NONE = new ChangedCells(new double[0], new double[0]);

    private final double[] lons;
    private final double[] lats;

    ChangedCells(double[] lons, double[] lats) {
        this.lons = lons;
        this.lats = lats;
    }

    /** These cells and {@code other}'s. */
    ChangedCells and(ChangedCells other) {
        if (other.size() == 0) {
            return this;
        }
        if (size() == 0) {
            return other;
        }
        double[] lon = Arrays.copyOf(lons, size() + other.size());
        double[] lat = Arrays.copyOf(lats, size() + other.size());
        System.arraycopy(other.lons, 0, lon, size(), other.size());
        System.arraycopy(other.lats, 0, lat, size(), other.size());
        return new ChangedCells(lon, lat);
    }

    /** The cells of {@code cells} whose technology (or activity) differs between {@code a} and {@code b}. */
    static ChangedCells between(Slots<CellRec> cells, ActiveCells a, ActiveCells b) {
        double[] lon = new double[64];
        double[] lat = new double[64];
        int n = 0;
        for (int slot = 0; slot < a.tech.length; slot++) {
            if (a.tech[slot] != b.tech[slot]) {
                if (n == lon.length) {
                    lon = Arrays.copyOf(lon, n * 2);
                    lat = Arrays.copyOf(lat, n * 2);
                }
                CellRec c = cells.at(slot);
                lon[n] = c.cell.lon();
                lat[n++] = c.cell.lat();
            }
        }
        return new ChangedCells(Arrays.copyOf(lon, n), Arrays.copyOf(lat, n));
    }

    int size() {
        return lons.length;
    }

    /** Whether a changed cell may lie within {@code limitM} of the point (a box a little wider than the limit). */
    boolean anyNear(double lon, double lat, double limitM) {
        double dLat = limitM * MARGIN / M_PER_DEG_LAT;
        double cos = Math.cos(Math.toRadians(Math.min(89, Math.abs(lat) + dLat)));
        double dLon = dLat / Math.max(cos, 1e-6);
        for (int i = 0; i < lons.length; i++) {
            if (Math.abs(lats[i] - lat) <= dLat && Math.abs(lons[i] - lon) <= dLon) {
                return true;
            }
        }
        return false;
    }
}

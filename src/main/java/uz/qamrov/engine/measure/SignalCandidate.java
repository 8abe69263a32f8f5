package uz.qamrov.engine.measure;

import uz.qamrov.engine.geodesy.LocalMetric;
import uz.qamrov.engine.measure.CellTable.CellRec;
import uz.qamrov.engine.radio.PointLevel;
import uz.qamrov.engine.radio.PointLevels;

/**
 * A cell a diagnosis considers at one place: its flat level and its level with terrain, each computed when first
 * asked for. A flat margin bounds the margin with terrain from above (the terrain walk is the dear part, so most
 * candidates never need it), and {@link #flatMarginBoundDb} bounds the flat margin from above at a fraction of its
 * cost (a covered place in a town has hundreds of candidates and needs the levels of a few). One thread at a time.
 */
final class SignalCandidate {

    final CellRec rec;
    final int tech;
    private final double lon;
    private final double lat;
    private final CellFootprints footprints;
    private PointLevel flat;
    private PointLevel full;
    /** The place's distance from the cell, once known (NaN before). */
    private double distanceM;
    private double flatBound = Double.NaN;

    SignalCandidate(CellRec rec, double lon, double lat, CellFootprints footprints) {
        this(rec, lon, lat, Double.NaN, footprints);
    }

    /** {@code distanceM}: the place's {@link LocalMetric#distanceM} from the cell when known, else NaN. */
    SignalCandidate(CellRec rec, double lon, double lat, double distanceM, CellFootprints footprints) {
        this.rec = rec;
        this.tech = rec.cell.technology().ordinal();
        this.lon = lon;
        this.lat = lat;
        this.distanceM = distanceM;
        this.footprints = footprints;
    }

    /** The level without terrain at the place. */
    PointLevel flat() {
        if (flat == null) {
            flat = footprints.levelAt(prepared(rec, footprints), lon, lat, false);
        }
        return flat;
    }

    /** An upper bound of {@code flat().marginDb()}; that margin itself once it is known. */
    double flatMarginBoundDb() {
        if (flat != null) {
            return flat.marginDb();
        }
        if (Double.isNaN(flatBound)) {
            if (Double.isNaN(distanceM)) {
                distanceM = LocalMetric.distanceM(lon, lat, rec.cell.lon(), rec.cell.lat());
            }
            flatBound = footprints.flatMarginUpperBoundDb(prepared(rec, footprints), distanceM);
        }
        return flatBound;
    }

    /** The level with terrain at the place (the flat one when the model has no terrain). */
    PointLevel full() {
        if (full == null) {
            full = footprints.levelsWithTerrain() ? footprints.levelAt(prepared(rec, footprints), lon, lat, true) : flat();
        }
        return full;
    }

    /** Whether the level with terrain is known already (then asking for it costs nothing). */
    boolean hasFull() {
        return full != null || flat != null && !footprints.levelsWithTerrain();
    }

    /** The cell's part of a level at a point, made on first use and kept on the cell's record. */
    private static PointLevels.Prepared prepared(CellRec rec, CellFootprints footprints) {
        PointLevels.Prepared p = rec.levels;
        if (p == null) {
            p = footprints.prepareLevels(rec.cell);
            rec.levels = p;
        }
        return p;
    }
}

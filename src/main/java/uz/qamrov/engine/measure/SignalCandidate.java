package uz.qamrov.engine.measure;

import uz.qamrov.engine.measure.CellTable.CellRec;
import uz.qamrov.engine.radio.PointLevel;
import uz.qamrov.engine.radio.PointLevels;

/**
 * A cell a diagnosis considers at one place: its flat level, and its level with terrain once asked for (the terrain
 * walk is the dear part, and a flat margin bounds it from above, so most candidates never need it).
 */
final class SignalCandidate {

    final CellRec rec;
    final int tech;
    final PointLevel flat;
    private final CellFootprints footprints;
    private PointLevel full;

    SignalCandidate(CellRec rec, double lon, double lat, CellFootprints footprints) {
        this.rec = rec;
        this.tech = rec.cell.technology().ordinal();
        this.footprints = footprints;
        this.flat = footprints.levelAt(prepared(rec, footprints), lon, lat, false);
        this.full = footprints.levelsWithTerrain() ? null : flat;
    }

    /** The level with terrain at the same place (the flat one when the model has no terrain). */
    PointLevel full(double lon, double lat) {
        if (full == null) {
            full = footprints.levelAt(prepared(rec, footprints), lon, lat, true);
        }
        return full;
    }

    /** Whether the level with terrain is known already (then asking for it costs nothing). */
    boolean hasFull() {
        return full != null;
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

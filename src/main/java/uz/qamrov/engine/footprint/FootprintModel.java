package uz.qamrov.engine.footprint;

import uz.qamrov.engine.model.Cell;

/** Turns a cell into its {@link Footprint}. Implementations must be thread-safe. */
public interface FootprintModel {

    Footprint footprintOf(Cell cell);
}

package uz.qamrov.engine.measure;

import java.time.LocalDate;

import uz.qamrov.engine.model.Service;

/**
 * What counts on one date under one filter: per cell slot the technology of an active, matching cell (as its
 * {@code Technology} ordinal, which is ordered 2G < 3G < 4G < 5G) or -1; plus the date and operator tests for the
 * other features.
 */
final class ActiveCells {

    static final byte INACTIVE = -1;

    final LocalDate asOf;
    final CoverageFilter filter;
    private final long day;
    private final int opFilter;
    /** Per cell slot: technology ordinal of an active matching cell, or {@link #INACTIVE}. */
    final byte[] tech;
    /**
     * Per cell slot: the cell's operator id (meaningful where {@link #tech} is not inactive). Kept beside the technology
     * so that the per-settlement and per-edge loops read two byte arrays instead of a record per cell.
     */
    final byte[] op;

    ActiveCells(LocalDate asOf, CoverageFilter filter, CellTable cells, OperatorRegistry operators) {
        this.asOf = asOf;
        this.filter = filter;
        this.day = asOf.toEpochDay();
        this.opFilter = filter.operator() == null ? -1 : operators.idOf(filter.operator());
        this.tech = new byte[cells.cells.slotCount()];
        this.op = new byte[tech.length];
        int techFilter = filter.technology() == null ? -1 : filter.technology().ordinal();
        CellColumns c = cells.columns;
        for (int i = 0; i < tech.length; i++) {
            tech[i] = INACTIVE;
            if (active(c.from[i], c.to[i]) && operatorOk(c.op[i]) && (techFilter == -1 || c.tech[i] == techFilter)) {
                tech[i] = c.tech[i];
                op[i] = c.op[i];
            }
        }
    }

    /** Whether a feature of operator id {@code op} passes the operator filter. */
    boolean operatorOk(int op) {
        return opFilter == -1 || op == opFilter;
    }

    /** Whether {@code [from, to)} (epoch days) contains the date. */
    boolean active(long from, long to) {
        return from <= day && day < to;
    }

    /** The technology ordinal a cell needs to provide mobile service {@code s}. */
    static int minTech(Service s) {
        return s.minimumTechnology().ordinal();
    }

    /** Whether cell {@code slot} is active and provides mobile service {@code s}. */
    boolean provides(int slot, Service s) {
        return tech[slot] >= minTech(s);
    }
}

package uz.qamrov.engine.measure;

import java.util.Arrays;

import uz.qamrov.engine.measure.CellTable.CellRec;

/**
 * Per cell slot, what every evaluation tests first — the period on air (epoch days), the operator id and the
 * technology — in flat arrays beside the {@link Slots} of records. An evaluation scans these in slot order instead of
 * visiting ~260,000 records spread over the heap (in the service, after a few rebuilds, that visit cost about as much
 * as the rest of finding the active cells). A freed slot holds an empty period, so it is never active. Written under
 * the model's write lock, read under its read lock.
 */
final class CellColumns {

    long[] from = new long[0];
    long[] to = new long[0];
    byte[] op = new byte[0];
    byte[] tech = new byte[0];

    /** Slot {@code slot} now holds {@code r} (its operator id assigned). */
    void set(int slot, CellRec r) {
        if (slot >= from.length) {
            int n = Math.max(slot + 1, from.length + (from.length >> 1) + 16);
            from = Arrays.copyOf(from, n);
            to = Arrays.copyOf(to, n);
            op = Arrays.copyOf(op, n);
            tech = Arrays.copyOf(tech, n);
        }
        from[slot] = r.from;
        to[slot] = r.to;
        op[slot] = (byte) r.op;
        tech[slot] = r.tech;
    }

    /** Slot {@code slot} was freed: an empty period (from = to), never active. */
    void clear(int slot) {
        from[slot] = 0;
        to[slot] = 0;
    }

    /** After the slots were renumbered: every column again from the records. */
    void rebuild(Slots<CellRec> cells) {
        from = new long[cells.slotCount()];
        to = new long[from.length];
        op = new byte[from.length];
        tech = new byte[from.length];
        for (int slot = 0; slot < from.length; slot++) {
            CellRec r = cells.at(slot);
            if (r != null) {
                set(slot, r);
            }
        }
    }
}

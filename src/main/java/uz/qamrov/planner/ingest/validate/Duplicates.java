package uz.qamrov.planner.ingest.validate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uz.qamrov.planner.ingest.RowError;
import uz.qamrov.planner.ingest.SourceFeature;
import uz.qamrov.planner.ingest.UploadFormat;

/**
 * {@link DuplicatePolicy#KEEP_LATEST} for base-station rows: of the rows describing the same cell, the one with the
 * latest {@code updated} is kept (the later row on a tie or without that column); the others are superseded.
 * The same cell is: radio, mcc, net, area and cell in OpenCelliD; operator, site and cell id otherwise.
 */
final class Duplicates {

    /** The rows to validate and, per superseded row, which row replaced it. */
    record Kept(List<SourceFeature> features, List<RowError> superseded) {
    }

    private Duplicates() {
    }

    static Kept keepLatest(List<SourceFeature> features, UploadFormat format) {
        Latest latest = new Latest(format);
        features.forEach(latest::offer);
        List<SourceFeature> kept = new ArrayList<>(features.size());
        List<RowError> superseded = new ArrayList<>();
        for (SourceFeature f : features) {
            RowError s = latest.supersededOrNull(f);
            if (s == null) {
                kept.add(f);
            } else {
                superseded.add(s);
            }
        }
        return new Kept(kept, superseded);
    }

    /**
     * The winners of a file in two passes over it: {@link #offer} every row, then ask {@link #supersededOrNull} of
     * each. What it keeps per cell is the key, the winning row's number and its {@code updated}: not the rows.
     */
    static final class Latest {
        private record Winner(int row, long updated, String updatedText) {
        }

        private final UploadFormat format;
        private final Map<String, Winner> winners = new HashMap<>();

        Latest(UploadFormat format) {
            this.format = format;
        }

        void offer(SourceFeature f) {
            String key = key(f, format);
            if (key != null) {
                Winner now = new Winner(f.number(), updated(f), f.get("updated"));
                winners.merge(key, now, (old, later) -> later.updated() >= old.updated() ? later : old);
            }
        }

        /** Why this row is not imported (a later duplicate replaced it), or null when it is the one kept. */
        RowError supersededOrNull(SourceFeature f) {
            String key = key(f, format);
            Winner w = key == null ? null : winners.get(key);
            if (w == null || w.row() == f.number()) {
                return null;
            }
            return RowError.of(f.number(), "cell_id", StrictValues.shown(f.get("cell", "cell_id")),
                    "superseded by row " + w.row() + " (same cell, " + (f.get("updated") == null ? "later in the file"
                            : "updated " + w.updatedText() + " ≥ " + f.get("updated")) + "): duplicates=keep-latest");
        }
    }

    private static String key(SourceFeature f, UploadFormat format) {
        if (f.readError() != null) {
            return null;
        }
        String[] parts = format == UploadFormat.OPENCELLID
                ? new String[] {f.get("radio"), f.get("mcc"), f.get("net"), f.get("area"), f.get("cell")}
                : new String[] {f.get("operator", "operator_code"), f.get("site_id"), f.get("cell_id")};
        if (parts[parts.length - 1] == null) {
            return null;
        }
        return String.join("\u0000", java.util.Arrays.stream(parts).map(String::valueOf).toList());
    }

    /** The {@code updated} value as a number (OpenCelliD: unix seconds), or -1 when absent or not a whole number. */
    private static long updated(SourceFeature f) {
        String v = f.get("updated");
        return v != null && v.matches("\\d{1,18}") ? Long.parseLong(v) : -1;
    }
}

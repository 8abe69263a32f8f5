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
        Map<String, SourceFeature> winner = new HashMap<>();
        for (SourceFeature f : features) {
            String key = key(f, format);
            if (key == null) {
                continue;
            }
            winner.merge(key, f, (old, now) -> updated(now) >= updated(old) ? now : old);
        }
        List<SourceFeature> kept = new ArrayList<>(features.size());
        List<RowError> superseded = new ArrayList<>();
        for (SourceFeature f : features) {
            String key = key(f, format);
            SourceFeature w = key == null ? f : winner.get(key);
            if (w == f) {
                kept.add(f);
            } else {
                superseded.add(RowError.of(f.number(), "cell_id", StrictValues.shown(f.get("cell", "cell_id")),
                        "superseded by row " + w.number() + " (same cell, " + (f.get("updated") == null ? "later in the file"
                                : "updated " + w.get("updated") + " ≥ " + f.get("updated")) + "): duplicates=keep-latest"));
            }
        }
        return new Kept(kept, superseded);
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

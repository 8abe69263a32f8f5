package uz.qamrov.planner.ingest.validate;

import java.util.Arrays;
import java.util.Optional;
import uz.qamrov.planner.ingest.UploadFormat;

/**
 * What a second row with the same id does. {@code REJECT} (default for Qamrov's own files): both rows are row errors
 * naming each other. {@code KEEP_LATEST} (default for OpenCelliD, where a cell appears once per observation export):
 * the row with the latest {@code updated} (file order breaks ties and stands in when there is no such column) wins;
 * the others are reported as superseded, row by row, and not imported. {@code MERGE} (highways and railways; the
 * default of the Geofabrik roads profile, where a road is hundreds of OSM ways sharing its {@code ref}): the rows with
 * one key are the pieces of one line, joined into a multi-part line whose main path carries the kilometre marks.
 */
public enum DuplicatePolicy {
    REJECT("reject"),
    KEEP_LATEST("keep-latest"),
    MERGE("merge");

    /** What the API says when a value is not one of these. */
    public static final String ACCEPTED = "duplicates must be 'reject', 'keep-latest' or 'merge' (highways and railways)";

    private final String key;

    DuplicatePolicy(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<DuplicatePolicy> of(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equalsIgnoreCase(key.strip())).findFirst();
    }

    public static DuplicatePolicy defaultFor(UploadFormat format) {
        return format == UploadFormat.OPENCELLID ? KEEP_LATEST : REJECT;
    }
}

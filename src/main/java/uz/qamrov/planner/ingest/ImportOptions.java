package uz.qamrov.planner.ingest;

/**
 * Query options of an upload.
 *
 * @param partial import the valid rows and report the rest (default: any bad row rejects the file)
 * @param snapshotFull the file is the operator's complete list: current rows missing from it are decommissioned
 * @param operator default operator for rows without one (operators default to their own)
 * @param mapping column/value mapping and duplicate policy, all optional
 * @param table the GeoPackage feature table to read (null: the only one)
 */
record ImportOptions(boolean dryRun, boolean partial, boolean repair, boolean snapshotFull, String operator, Mapping mapping,
        String table) {

    ImportOptions(boolean dryRun, boolean partial, boolean repair, boolean snapshotFull, String operator) {
        this(dryRun, partial, repair, snapshotFull, operator, Mapping.NONE, null);
    }

    ImportOptions(boolean dryRun, boolean partial, boolean repair, boolean snapshotFull, String operator, Mapping mapping) {
        this(dryRun, partial, repair, snapshotFull, operator, mapping, null);
    }

    /**
     * @param profile a built-in or saved mapping profile name
     * @param map {@code target:source|fallback,…}
     * @param values {@code field:from=to;from=to,…}
     * @param defaults {@code field:value,…}
     * @param duplicates {@code reject}, {@code keep-latest} or {@code merge}
     */
    record Mapping(String profile, String map, String values, String defaults, String duplicates) {
        static final Mapping NONE = new Mapping(null, null, null, null, null);
    }
}

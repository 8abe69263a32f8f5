package uz.qamrov.planner.ingest;

/**
 * Query options of an upload.
 *
 * @param partial import the valid rows and report the rest (default: any bad row rejects the file)
 * @param snapshotFull the file is the operator's complete list: current rows missing from it are decommissioned
 * @param operator default operator for rows without one (operators default to their own)
 * @param table the GeoPackage feature table to read (null: the only one)
 */
record ImportOptions(boolean dryRun, boolean partial, boolean repair, boolean snapshotFull, String operator, String table) {

    ImportOptions(boolean dryRun, boolean partial, boolean repair, boolean snapshotFull, String operator) {
        this(dryRun, partial, repair, snapshotFull, operator, null);
    }
}

package uz.qamrov.engine.planning;

/** What a candidate builds. */
public enum CandidateType {
    /** A new macro site (three 4G sectors) with its backhaul. */
    NEW_SITE,
    /** Existing 2G/3G cells of a site upgraded to 4G (same band, azimuths and heights). */
    UPGRADE_TO_4G,
    /** Existing 4G cells of a site upgraded to 5G. */
    UPGRADE_TO_5G,
    /** A sector added to an existing site, pointing where it has none. */
    ADD_SECTOR,
    /** Both on one 4G site: the added 4G sector, and 5G beside every 4G cell of the site including the new one. */
    UPGRADE_TO_5G_WITH_SECTOR,
    /** Distribution fiber extended to a settlement, with a cabinet/OLT and drops. */
    FIBER_EXTENSION
}

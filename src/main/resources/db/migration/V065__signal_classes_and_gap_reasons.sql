-- Issue #11, "signal classes" and "a reason for every gap": per settlement × mobile service and per line stretch,
-- the best received level (dBm on the technology's reference signal, 90%-location level; docs/engine.md), its cell,
-- the class, and for a place without the service the reason code with the numbers behind it (jsonb: keys as in
-- docs/api.md). All NULL for fixed broadband and for runs stored before this migration (those runs are stale: the
-- engine version changed with it, so they are recomputed).
ALTER TABLE settlement_coverage
    ADD COLUMN best_cell_id       bigint,
    ADD COLUMN best_level_dbm     real,
    ADD COLUMN signal_class       text CHECK (signal_class IN ('good', 'fair', 'below_threshold')),
    ADD COLUMN gap_reason         text CHECK (gap_reason IN ('partly_covered', 'no_site_within_km', 'only_2g_nearby',
                                                            'terrain_shadow', 'outside_all_beams', 'below_threshold')),
    ADD COLUMN gap_reason_details jsonb,
    ADD CONSTRAINT settlement_coverage_reason_only_for_gaps CHECK (gap_reason IS NULL OR NOT covered);

ALTER TABLE line_stretches
    ADD COLUMN best_cell_id       bigint,
    ADD COLUMN best_level_dbm     real,
    ADD COLUMN signal_class       text CHECK (signal_class IN ('good', 'fair', 'below_threshold')),
    ADD COLUMN gap_reason         text CHECK (gap_reason IN ('partly_covered', 'no_site_within_km', 'only_2g_nearby',
                                                            'terrain_shadow', 'outside_all_beams', 'below_threshold')),
    ADD COLUMN gap_reason_details jsonb,
    ADD CONSTRAINT line_stretches_reason_only_for_gaps CHECK (gap_reason IS NULL OR NOT covered);

-- A stored run writes one settlement_coverage row per settlement and service (48,000 rows nationally); the foreign
-- key to settlements made each row fire a referential-integrity check. Settlements are never deleted (uploads upsert
-- them by external id) and every reader joins settlements, so the key protected nothing a reader could see. The key
-- to coverage_runs stays: deleting a run deletes its rows.
ALTER TABLE settlement_coverage DROP CONSTRAINT IF EXISTS settlement_coverage_settlement_id_fkey;

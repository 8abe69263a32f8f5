-- A stored run COPYs 48,000 settlement_coverage rows (12,000 settlements × 4 services), and the foreign key to
-- coverage_runs fired a referential-integrity check per row: measured on the national dataset, inserting one run's
-- rows took 822 ms with the key and 207 ms without it (the same rows, same session, load ~11). That is most of an
-- on-demand run's write phase, which a reader of a date nobody viewed waits for. The rows are written in the same
-- transaction as their run, and the one statement that deletes runs (CoverageResultRepository.deleteOlderRuns)
-- deletes their settlement rows with them, so the key guarded nothing the code can do; RunReplacementIT checks
-- that no row outlives its run.
ALTER TABLE settlement_coverage DROP CONSTRAINT IF EXISTS settlement_coverage_run_id_fkey;
-- any rows a run left behind before this migration would be invisible anyway (readers join the run); none can exist
-- while the key held, so this deletes nothing on a healthy database
DELETE FROM settlement_coverage sc WHERE NOT EXISTS (SELECT 1 FROM coverage_runs r WHERE r.id = sc.run_id);

-- As V066 did for settlement_coverage: a stored run COPYs its line stretches (325 nationally; with the OSM railways of
-- the country ~25,000), and the foreign key to coverage_runs fired a referential-integrity check per row. Measured on
-- the national dataset with the railways (psql, the same 24,649 rows, same session): the COPY took 440 ms with the
-- key and 270 ms without it, in the write a reader of a new month waits for. The rows are written in the transaction
-- that inserts their run, or after locking the run (CoverageResultRepository.lockRun, FOR KEY SHARE, which a delete of
-- the run waits for), and the one statement that deletes runs (CoverageResultRepository.deleteOlderRuns) deletes their
-- stretches with them; RunReplacementIT checks that no row outlives its run.
ALTER TABLE line_stretches DROP CONSTRAINT IF EXISTS line_stretches_run_id_fkey;
-- rows a run left behind before this migration would be invisible anyway (readers join the run); none can exist while
-- the key held, so this deletes nothing on a healthy database
DELETE FROM line_stretches ls WHERE NOT EXISTS (SELECT 1 FROM coverage_runs r WHERE r.id = ls.run_id);

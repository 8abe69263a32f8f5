-- Stretches are also stored per operator, so highway and rail gap lists can answer "where does operator X not
-- cover this road"; '*' is the union of all operators (what every other reader uses).
ALTER TABLE line_stretches ADD COLUMN operator_code text NOT NULL DEFAULT '*';
DROP INDEX line_stretches_run_idx;
CREATE INDEX line_stretches_run_idx ON line_stretches (run_id, line_kind, service, operator_code, covered);

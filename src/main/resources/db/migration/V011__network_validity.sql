-- One definition of "does this network row count on date D", used by the coverage loader, the map layers, the OGC
-- API, the tiles and the exports (they all test counts_during @> D).
--
-- A row counts on D when D lies in its commissioning period AND in its version's validity:
--   [commissioned_on, decommissioned_on) ∩ [valid_from, valid_to)
-- * a missing commissioned_on means "on air since we first knew of it": the period starts at the version's
--   valid_from (the import writes the import date there for a first-seen row without a commissioning date, so
--   history is never rewritten by a file that does not say when a site went on air);
-- * a planned row without a commissioning date, and a decommissioned row without a decommissioning date, never
--   count (we cannot say when);
-- * commissioned_on = decommissioned_on, a version closed before it starts, … give an empty range: the row never
--   counts, and nothing downstream fails on it.
CREATE FUNCTION qamrov_counts_during(status text, commissioned_on date, decommissioned_on date, valid_from date,
                                     valid_to date) RETURNS daterange
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN status = 'planned' AND commissioned_on IS NULL THEN 'empty'::daterange
        WHEN status = 'decommissioned' AND decommissioned_on IS NULL THEN 'empty'::daterange
        ELSE daterange(commissioned_on, decommissioned_on, '[)') * daterange(valid_from, valid_to, '[)')
    END
$$;

ALTER TABLE base_stations ADD COLUMN counts_during daterange NOT NULL
    GENERATED ALWAYS AS (qamrov_counts_during(status, commissioned_on, decommissioned_on, valid_from, valid_to)) STORED;
ALTER TABLE fiber_routes ADD COLUMN counts_during daterange NOT NULL
    GENERATED ALWAYS AS (qamrov_counts_during(status, commissioned_on, decommissioned_on, valid_from, valid_to)) STORED;
ALTER TABLE fiber_nodes ADD COLUMN counts_during daterange NOT NULL
    GENERATED ALWAYS AS (qamrov_counts_during(status, commissioned_on, decommissioned_on, valid_from, valid_to)) STORED;
CREATE INDEX base_stations_counts_during_gix ON base_stations USING gist (counts_during);
CREATE INDEX fiber_routes_counts_during_gix ON fiber_routes USING gist (counts_during);
CREATE INDEX fiber_nodes_counts_during_gix ON fiber_nodes USING gist (counts_during);

-- Model generations: every change of the in-memory coverage model (a full rebuild, an import applied
-- incrementally) is one row. effective_from is the earliest as-of date whose answer the change can alter
-- ('-infinity' = every date; NULL = none, e.g. a restart that rebuilt the same model); engine is a fingerprint of
-- the engine and its settings, so results of an older engine are never served as current.
CREATE TABLE coverage_generations (
    id               bigserial PRIMARY KEY,
    kind             text NOT NULL CHECK (kind IN ('full', 'incremental')),
    effective_from   date,
    engine           text NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now()
);

-- A stored run is tagged with the generation it was computed on. It is current while no later generation has
-- effective_from <= its as_of; otherwise it is stale (still readable, flagged, until its replacement is stored).
ALTER TABLE coverage_runs ADD COLUMN generation bigint REFERENCES coverage_generations (id);
CREATE INDEX coverage_runs_as_of_idx ON coverage_runs (as_of, id DESC) WHERE status = 'succeeded';

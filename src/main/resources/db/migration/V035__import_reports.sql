-- Full import reports: every row error (with the rejected row as read) and the diff of every import and dry run.
-- Written after the import's own transaction, so a rejected file and a dry run keep theirs too.
CREATE TABLE import_job_errors (
    job_id           uuid NOT NULL REFERENCES import_jobs (id) ON DELETE CASCADE,
    seq              integer NOT NULL,
    row_number       integer NOT NULL,
    field            text,
    value            text,
    message          text NOT NULL,
    location         text,                       -- WKT of where a geometry problem is
    attrs            jsonb,                      -- the rejected row's attributes as read from the file
    geom_wkt         text,                       -- its geometry (EPSG:4326 after reprojection), when it had a readable one
    PRIMARY KEY (job_id, seq)
);

CREATE TABLE import_job_diffs (
    job_id           uuid NOT NULL REFERENCES import_jobs (id) ON DELETE CASCADE,
    seq              integer NOT NULL,
    layer            text NOT NULL,
    operator_code    text NOT NULL,
    external_id      text NOT NULL,
    change           text NOT NULL CHECK (change IN ('added', 'moved', 'reparametrised', 'removed')),
    moved_m          double precision,
    fields           text[] NOT NULL DEFAULT '{}',
    length_km        double precision,
    old_length_km    double precision,
    geom             geometry(Geometry, 4326),
    PRIMARY KEY (job_id, seq)
);
CREATE INDEX import_job_diffs_operator_idx ON import_job_diffs (job_id, operator_code);
CREATE INDEX import_job_diffs_geom_gix ON import_job_diffs USING gist (geom);

-- where a job waits: the lane it was queued in (small/large) for the job list
ALTER TABLE import_jobs ADD COLUMN lane text;
ALTER TABLE import_jobs ADD COLUMN phase text;

-- API users with hashed tokens, import jobs and the audit log.
CREATE TABLE users (
    id               bigserial PRIMARY KEY,
    name             text NOT NULL UNIQUE,
    role             text NOT NULL CHECK (role IN ('planner', 'operator', 'admin')),
    operator_code    text REFERENCES operators (code),
    token_sha256     text NOT NULL UNIQUE,
    created_at       timestamptz NOT NULL DEFAULT now(),
    revoked_at       timestamptz,
    CONSTRAINT users_operator_role CHECK ((role = 'operator') = (operator_code IS NOT NULL))
);

CREATE TABLE import_jobs (
    id               uuid PRIMARY KEY,
    layer            text NOT NULL,
    format           text,
    file_name        text,
    status           text NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'rejected', 'failed')),
    dry_run          boolean NOT NULL DEFAULT false,
    options          jsonb NOT NULL DEFAULT '{}',
    submitted_by     text NOT NULL,
    operator_code    text,
    rows_total       integer,
    rows_read        integer NOT NULL DEFAULT 0,
    report           jsonb,
    error            text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    started_at       timestamptz,
    finished_at      timestamptz
);
CREATE INDEX import_jobs_created_idx ON import_jobs (created_at DESC);

CREATE TABLE audit_log (
    id               bigserial PRIMARY KEY,
    at               timestamptz NOT NULL DEFAULT now(),
    actor            text NOT NULL,
    action           text NOT NULL,
    entity           text,
    job_id           uuid,
    details          jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);

-- Rows a later duplicate replaced (duplicates=keep-latest) are stored like row errors, so that every one of them can
-- be paged and downloaded (GET /api/v1/jobs/{id}/errors?kind=superseded), not only the first in the job's report.
ALTER TABLE import_job_errors ADD COLUMN kind text NOT NULL DEFAULT 'error' CHECK (kind IN ('error', 'superseded'));
ALTER TABLE import_job_errors DROP CONSTRAINT import_job_errors_pkey;
ALTER TABLE import_job_errors ADD PRIMARY KEY (job_id, kind, seq);

-- A row here is written inside an import's data transaction (by ImportJobReconciler, an ImportObserver), so it
-- exists exactly when that import's rows were committed. At start, a job a dead process left 'running' is
-- reconciled from it: committed rows mean 'succeeded' (report unfinished), none mean 'failed', nothing written.
CREATE TABLE import_job_commits (
    job_id        uuid PRIMARY KEY REFERENCES import_jobs (id) ON DELETE CASCADE,
    committed_at  timestamptz NOT NULL DEFAULT now()
);

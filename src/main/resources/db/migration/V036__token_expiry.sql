-- API tokens expire; the audit log is queried by actor and action.
ALTER TABLE users ADD COLUMN expires_at timestamptz;
CREATE INDEX audit_log_actor_idx ON audit_log (actor, at DESC);
CREATE INDEX audit_log_action_idx ON audit_log (action, at DESC);

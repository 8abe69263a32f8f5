-- What a generation's answers are computed from: a SHA-256 of the code (the jar), the engine's settings, the terrain
-- and every input row of the model (planner.coverage.GenerationDigests). A start whose rebuild has the digest of
-- the newest generation answers every date as that generation did: its generation gets effective_from NULL, and the
-- runs stored before the restart stay fresh. NULL = not known (a generation made before this column, or an import's
-- generation whose digest was not computed before the service stopped): the next rebuild changes every date.
ALTER TABLE coverage_generations ADD COLUMN answers_digest text;

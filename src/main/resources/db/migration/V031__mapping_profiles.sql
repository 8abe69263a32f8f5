-- Saved column/value mapping profiles for uploads (the built-in ones live in the code).
CREATE TABLE mapping_profiles (
    name        text PRIMARY KEY CHECK (name ~ '^[a-z0-9][a-z0-9_-]{0,62}$'),
    description text,
    column_map  text,
    value_map   text,
    defaults    text,
    duplicates  text CHECK (duplicates IN ('reject', 'keep-latest')),
    saved_by    text NOT NULL,
    saved_at    timestamptz NOT NULL DEFAULT now()
);

-- Which layers of the shipped national dataset (geodata/) have been loaded. Each layer is loaded in one
-- transaction together with its row here, so a crash never leaves a layer half-loaded and a restart resumes.
CREATE TABLE dataset_layers (
    layer            text PRIMARY KEY,
    file_name        text NOT NULL,
    rows_loaded      integer NOT NULL,
    sha256           text NOT NULL,
    loaded_at        timestamptz NOT NULL DEFAULT now(),
    duration_ms      bigint NOT NULL
);

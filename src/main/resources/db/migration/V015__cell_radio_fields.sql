-- Radio model (antenna patterns, honest ranges).
-- observed_range_m: an observed upper bound on a cell's range (e.g. OpenCelliD's "range", the spread of crowd-sourced
-- observations). It only ever shortens the link-budget footprint; range_m stays the operator's planned range.
-- front_to_back_db: the antenna's front-to-back ratio when the operator states it (the engine defaults to 25 dB).
ALTER TABLE cells
    ADD COLUMN IF NOT EXISTS observed_range_m real CHECK (observed_range_m > 0 AND observed_range_m <= 100000),
    ADD COLUMN IF NOT EXISTS front_to_back_db real CHECK (front_to_back_db BETWEEN 0 AND 60);

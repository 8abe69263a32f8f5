-- OpenCelliD's range is how far apart the crowd saw a cell: an upper bound of its reach, not a planned radius.
-- (Another change may add the same column; IF NOT EXISTS lets either go first.)
ALTER TABLE cells ADD COLUMN IF NOT EXISTS observed_range_m real;
ALTER TABLE cells ADD CONSTRAINT cells_observed_range_m_v030_positive CHECK (observed_range_m IS NULL OR observed_range_m > 0);

-- when a crowd source first and last saw any of a site's cells; not its commissioning
ALTER TABLE base_stations ADD COLUMN IF NOT EXISTS first_observed_on date;
ALTER TABLE base_stations ADD COLUMN IF NOT EXISTS last_observed_on date;

-- A multi-part line (double track, sidings, branches) keeps every part here; geom stays its main path, along which
-- kilometre marks run.
ALTER TABLE railways ADD COLUMN parts_geom geometry(MultiLineString, 4326)
    CONSTRAINT railways_parts_geom_range CHECK (qamrov_in_range(parts_geom));
ALTER TABLE highways ADD COLUMN parts_geom geometry(MultiLineString, 4326)
    CONSTRAINT highways_parts_geom_range CHECK (qamrov_in_range(parts_geom));

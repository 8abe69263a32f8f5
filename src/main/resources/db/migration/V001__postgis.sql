-- PostGIS is the only extension we need. The self-started cluster creates it in template1 already;
-- an external database may not have it yet.
CREATE EXTENSION IF NOT EXISTS postgis;

-- Reusable check: a WGS84 geometry inside a generous box around Uzbekistan (55..74 E, 36..47 N).
-- Uploads apply a tighter, country-outline check with a documented tolerance; this constraint is only the
-- last line of defence against swapped or garbage coordinates.
CREATE OR REPLACE FUNCTION qamrov_in_range(g geometry) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT g IS NULL OR (ST_XMin(g) >= 55 AND ST_XMax(g) <= 74 AND ST_YMin(g) >= 36 AND ST_YMax(g) <= 47) $$;

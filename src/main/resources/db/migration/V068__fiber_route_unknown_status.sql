-- A fibre route whose status its source does not know (the ITU/Giga transmission maps say "Unknown" for part of
-- their lines) is stored as 'unknown': kept, listed in the import report, and never counted (fibre km, fixed
-- broadband, the map), until a later upload says what it is. Before, such rows were imported as active and
-- counted towards the 220,000 km target.
ALTER TABLE fiber_routes DROP CONSTRAINT fiber_routes_status_check;
ALTER TABLE fiber_routes ADD CONSTRAINT fiber_routes_status_check
    CHECK (status IN ('planned', 'active', 'decommissioned', 'unknown'));

-- the one definition of "does this row count on D" (V011): a row of unknown status never does
CREATE OR REPLACE FUNCTION qamrov_counts_during(status text, commissioned_on date, decommissioned_on date, valid_from date,
                                                valid_to date) RETURNS daterange
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN status = 'unknown' THEN 'empty'::daterange
        WHEN status = 'planned' AND commissioned_on IS NULL THEN 'empty'::daterange
        WHEN status = 'decommissioned' AND decommissioned_on IS NULL THEN 'empty'::daterange
        ELSE daterange(commissioned_on, decommissioned_on, '[)') * daterange(valid_from, valid_to, '[)')
    END
$$;

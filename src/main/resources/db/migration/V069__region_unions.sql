-- Region unions kept across restarts, by what they are built from (RegionUnionKey: a SHA-256 of the region polygon,
-- the technology, the operator, the drawing and the shapes of the footprints). A restart makes every footprint object
-- anew, so the in-memory memo finds nothing and today's unions were built again: ~165 s of CPU nationally. A row is
-- never wrong for its digest; rows not used for the longest go first when the table outgrows its budget
-- (qamrov.coverage.union-store-mb).
CREATE TABLE region_unions (
    digest        bytea PRIMARY KEY CHECK (octet_length(digest) = 32),
    region_code   text NOT NULL,
    technology    text NOT NULL,
    operator_code text NOT NULL,
    area_km2      double precision NOT NULL CHECK (area_km2 >= 0),
    wkb           bytea NOT NULL,
    bytes         integer GENERATED ALWAYS AS (octet_length(wkb)) STORED,
    built_at      timestamptz NOT NULL DEFAULT now(),
    used_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX region_unions_used_idx ON region_unions (used_at DESC);

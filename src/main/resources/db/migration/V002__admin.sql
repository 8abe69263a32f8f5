-- Regions (viloyat, 14) and districts (tuman/shahar). Names in four languages; polygons may be approximate
-- (derived from towns) until official boundaries are imported.
CREATE TABLE regions (
    code           text PRIMARY KEY CHECK (code ~ '^UZ-[A-Z]{2}$'),
    name_uz_latn   text NOT NULL,
    name_uz_cyrl   text NOT NULL,
    name_ru        text NOT NULL,
    name_en        text NOT NULL,
    population     bigint CHECK (population >= 0),
    geom           geometry(MultiPolygon, 4326),
    approximate    boolean NOT NULL DEFAULT true,
    source         text NOT NULL,
    CONSTRAINT regions_geom_valid CHECK (geom IS NULL OR ST_IsValid(geom)),
    CONSTRAINT regions_geom_range CHECK (qamrov_in_range(geom))
);
CREATE INDEX regions_geom_gix ON regions USING gist (geom);

CREATE TABLE districts (
    code           text PRIMARY KEY,
    region_code    text NOT NULL REFERENCES regions (code),
    name_uz_latn   text NOT NULL,
    name_uz_cyrl   text,
    name_ru        text,
    name_en        text,
    population     bigint CHECK (population >= 0),
    geom           geometry(MultiPolygon, 4326),
    approximate    boolean NOT NULL DEFAULT true,
    source         text NOT NULL,
    CONSTRAINT districts_geom_valid CHECK (geom IS NULL OR ST_IsValid(geom)),
    CONSTRAINT districts_geom_range CHECK (qamrov_in_range(geom))
);
CREATE INDEX districts_geom_gix ON districts USING gist (geom);
CREATE INDEX districts_region_idx ON districts (region_code);

-- Settlements (aholi punktlari): a point, optionally a boundary polygon.
CREATE TABLE settlements (
    id             bigserial PRIMARY KEY,
    external_id    text NOT NULL UNIQUE,
    name_uz_latn   text NOT NULL,
    name_uz_cyrl   text,
    name_ru        text,
    name_en        text,
    kind           text NOT NULL CHECK (kind IN ('city', 'urban_settlement', 'village')),
    population     integer NOT NULL CHECK (population >= 0),
    households     integer NOT NULL CHECK (households >= 0),
    region_code    text NOT NULL REFERENCES regions (code),
    district_code  text REFERENCES districts (code),
    geom           geometry(Point, 4326) NOT NULL,
    boundary       geometry(MultiPolygon, 4326),
    source         text NOT NULL,
    CONSTRAINT settlements_geom_range CHECK (qamrov_in_range(geom)),
    CONSTRAINT settlements_boundary_valid CHECK (boundary IS NULL OR ST_IsValid(boundary)),
    CONSTRAINT settlements_boundary_range CHECK (qamrov_in_range(boundary))
);
CREATE INDEX settlements_geom_gix ON settlements USING gist (geom);
CREATE INDEX settlements_boundary_gix ON settlements USING gist (boundary);
CREATE INDEX settlements_region_idx ON settlements (region_code, district_code);

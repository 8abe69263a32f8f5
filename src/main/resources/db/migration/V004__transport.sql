-- Highways and railways as single lines ordered from their start, so kilometre marks are well defined.
CREATE TABLE highways (
    id             bigserial PRIMARY KEY,
    ref            text NOT NULL UNIQUE,
    road_class     text NOT NULL CHECK (road_class IN ('international', 'state', 'other')),
    name_uz_latn   text NOT NULL,
    name_ru        text,
    name_en        text,
    geom           geometry(LineString, 4326) NOT NULL,
    source         text NOT NULL,
    CONSTRAINT highways_geom_valid CHECK (ST_IsValid(geom) AND ST_NPoints(geom) >= 2),
    CONSTRAINT highways_geom_range CHECK (qamrov_in_range(geom))
);
CREATE INDEX highways_geom_gix ON highways USING gist (geom);

CREATE TABLE railways (
    id             bigserial PRIMARY KEY,
    line_key       text NOT NULL UNIQUE,
    line_name      text NOT NULL,
    name_uz_latn   text,
    name_ru        text,
    geom           geometry(LineString, 4326) NOT NULL,
    source         text NOT NULL,
    CONSTRAINT railways_geom_valid CHECK (ST_IsValid(geom) AND ST_NPoints(geom) >= 2),
    CONSTRAINT railways_geom_range CHECK (qamrov_in_range(geom))
);
CREATE INDEX railways_geom_gix ON railways USING gist (geom);

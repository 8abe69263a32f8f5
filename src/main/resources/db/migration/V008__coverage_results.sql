-- Results of the coverage engine, kept so they can be queried by region and read by QGIS.
-- A run is computed for one as-of date; the latest successful run per as-of date is the current answer.
CREATE TABLE coverage_runs (
    id               bigserial PRIMARY KEY,
    kind             text NOT NULL CHECK (kind IN ('full', 'incremental')),
    as_of            date NOT NULL,
    status           text NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
    started_at       timestamptz NOT NULL DEFAULT now(),
    finished_at      timestamptz,
    duration_ms      bigint,
    stats            jsonb NOT NULL DEFAULT '{}'
);

-- per settlement and service: covered or not, and by which operators
CREATE TABLE settlement_coverage (
    run_id           bigint NOT NULL REFERENCES coverage_runs (id) ON DELETE CASCADE,
    settlement_id    bigint NOT NULL REFERENCES settlements (id) ON DELETE CASCADE,
    service          text NOT NULL CHECK (service IN ('mobile_any', 'mobile_internet', 'high_speed_mobile', 'fixed_broadband')),
    covered          boolean NOT NULL,
    operators        text[] NOT NULL DEFAULT '{}',
    nearest_site_m   double precision,
    nearest_fiber_m  double precision,
    PRIMARY KEY (run_id, settlement_id, service)
);
CREATE INDEX settlement_coverage_uncovered_idx ON settlement_coverage (run_id, service) WHERE NOT covered;

-- covered / uncovered stretches of highways and railways, with km marks from the line's start
CREATE TABLE line_stretches (
    id               bigserial PRIMARY KEY,
    run_id           bigint NOT NULL REFERENCES coverage_runs (id) ON DELETE CASCADE,
    line_kind        text NOT NULL CHECK (line_kind IN ('highway', 'railway')),
    line_id          bigint NOT NULL,
    service          text NOT NULL,
    covered          boolean NOT NULL,
    from_km          double precision NOT NULL,
    to_km            double precision NOT NULL,
    length_km        double precision NOT NULL,
    region_code      text,
    geom             geometry(LineString, 4326) NOT NULL,
    CHECK (to_km >= from_km)
);
CREATE INDEX line_stretches_run_idx ON line_stretches (run_id, line_kind, service, covered);
CREATE INDEX line_stretches_geom_gix ON line_stretches USING gist (geom);

-- dissolved coverage polygons per technology, operator ('*' = any) and region
CREATE TABLE coverage_polygons (
    id               bigserial PRIMARY KEY,
    run_id           bigint NOT NULL REFERENCES coverage_runs (id) ON DELETE CASCADE,
    technology       text NOT NULL,
    operator_code    text NOT NULL,
    region_code      text NOT NULL,
    area_km2         double precision NOT NULL,
    geom             geometry(MultiPolygon, 4326) NOT NULL
);
CREATE INDEX coverage_polygons_run_idx ON coverage_polygons (run_id, technology, operator_code, region_code);
CREATE INDEX coverage_polygons_geom_gix ON coverage_polygons USING gist (geom);

-- indicator values per scope ('UZ', region code or district code)
CREATE TABLE indicator_values (
    run_id           bigint NOT NULL REFERENCES coverage_runs (id) ON DELETE CASCADE,
    indicator_key    text NOT NULL,
    scope_type       text NOT NULL CHECK (scope_type IN ('national', 'region', 'district')),
    scope_code       text NOT NULL,
    value            double precision,
    numerator        double precision,
    denominator      double precision,
    PRIMARY KEY (run_id, indicator_key, scope_code)
);

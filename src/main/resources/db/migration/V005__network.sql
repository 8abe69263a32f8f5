-- Operators and their networks. Sites, fiber routes and nodes are versioned: a change creates a new row and
-- closes the old one (valid_to), so "coverage as of" an earlier date still sees the old version.
-- A row counts on date D when commissioned_on <= D < decommissioned_on and valid_from <= D < valid_to.
CREATE TABLE operators (
    code           text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]*$'),
    name           text NOT NULL,
    legal_name     text,
    mcc_mnc        text[] NOT NULL DEFAULT '{}',
    mobile         boolean NOT NULL DEFAULT true,
    fixed          boolean NOT NULL DEFAULT false
);

CREATE TABLE base_stations (
    id               bigserial PRIMARY KEY,
    operator_code    text NOT NULL REFERENCES operators (code),
    external_id      text NOT NULL,
    geom             geometry(Point, 4326) NOT NULL,
    tower_height_m   real CHECK (tower_height_m >= 0 AND tower_height_m <= 300),
    status           text NOT NULL CHECK (status IN ('planned', 'active', 'decommissioned')),
    commissioned_on  date,
    decommissioned_on date,
    valid_from       date NOT NULL DEFAULT '-infinity',
    valid_to         date NOT NULL DEFAULT 'infinity',
    source           text NOT NULL,
    content_hash     text,
    CONSTRAINT base_stations_geom_range CHECK (qamrov_in_range(geom)),
    CONSTRAINT base_stations_dates CHECK (decommissioned_on IS NULL OR commissioned_on IS NULL OR decommissioned_on >= commissioned_on),
    CONSTRAINT base_stations_validity CHECK (valid_to > valid_from)
);
CREATE INDEX base_stations_geom_gix ON base_stations USING gist (geom);
-- one current version per (operator, external id)
CREATE UNIQUE INDEX base_stations_current_uq ON base_stations (operator_code, external_id) WHERE valid_to = 'infinity';
CREATE INDEX base_stations_key_idx ON base_stations (operator_code, external_id);

CREATE TABLE cells (
    id               bigserial PRIMARY KEY,
    base_station_id  bigint NOT NULL REFERENCES base_stations (id) ON DELETE CASCADE,
    external_id      text NOT NULL,
    technology       text NOT NULL CHECK (technology IN ('2G', '3G', '4G', '5G')),
    band_mhz         integer NOT NULL CHECK (band_mhz BETWEEN 400 AND 6000),
    azimuth_deg      real CHECK (azimuth_deg >= 0 AND azimuth_deg < 360),
    beamwidth_deg    real CHECK (beamwidth_deg > 0 AND beamwidth_deg <= 360),
    tilt_deg         real CHECK (tilt_deg BETWEEN -10 AND 20),
    antenna_height_m real NOT NULL CHECK (antenna_height_m > 0 AND antenna_height_m <= 300),
    eirp_dbm         real CHECK (eirp_dbm BETWEEN 0 AND 90),
    range_m          real CHECK (range_m > 0 AND range_m <= 100000),
    UNIQUE (base_station_id, external_id)
);
CREATE INDEX cells_station_idx ON cells (base_station_id);

CREATE TABLE fiber_routes (
    id               bigserial PRIMARY KEY,
    operator_code    text NOT NULL REFERENCES operators (code),
    external_id      text NOT NULL,
    geom             geometry(LineString, 4326) NOT NULL,
    status           text NOT NULL CHECK (status IN ('planned', 'active', 'decommissioned')),
    route_kind       text NOT NULL DEFAULT 'distribution' CHECK (route_kind IN ('backbone', 'regional', 'distribution')),
    commissioned_on  date,
    decommissioned_on date,
    capacity_gbps    real CHECK (capacity_gbps >= 0),
    valid_from       date NOT NULL DEFAULT '-infinity',
    valid_to         date NOT NULL DEFAULT 'infinity',
    source           text NOT NULL,
    content_hash     text,
    CONSTRAINT fiber_routes_geom_valid CHECK (ST_IsValid(geom) AND ST_NPoints(geom) >= 2),
    CONSTRAINT fiber_routes_geom_range CHECK (qamrov_in_range(geom)),
    CONSTRAINT fiber_routes_validity CHECK (valid_to > valid_from)
);
CREATE INDEX fiber_routes_geom_gix ON fiber_routes USING gist (geom);
CREATE UNIQUE INDEX fiber_routes_current_uq ON fiber_routes (operator_code, external_id) WHERE valid_to = 'infinity';

CREATE TABLE fiber_nodes (
    id               bigserial PRIMARY KEY,
    operator_code    text NOT NULL REFERENCES operators (code),
    external_id      text NOT NULL,
    geom             geometry(Point, 4326) NOT NULL,
    kind             text NOT NULL CHECK (kind IN ('exchange', 'olt', 'cabinet', 'splice')),
    broadband_ports  integer NOT NULL DEFAULT 0 CHECK (broadband_ports >= 0),
    status           text NOT NULL CHECK (status IN ('planned', 'active', 'decommissioned')),
    commissioned_on  date,
    decommissioned_on date,
    valid_from       date NOT NULL DEFAULT '-infinity',
    valid_to         date NOT NULL DEFAULT 'infinity',
    source           text NOT NULL,
    content_hash     text,
    CONSTRAINT fiber_nodes_geom_range CHECK (qamrov_in_range(geom)),
    CONSTRAINT fiber_nodes_validity CHECK (valid_to > valid_from)
);
CREATE INDEX fiber_nodes_geom_gix ON fiber_nodes USING gist (geom);
CREATE UNIQUE INDEX fiber_nodes_current_uq ON fiber_nodes (operator_code, external_id) WHERE valid_to = 'infinity';

-- "the operator declares the settlement served" (fixed broadband without a mapped route nearby)
CREATE TABLE fixed_service_declarations (
    operator_code    text NOT NULL REFERENCES operators (code),
    settlement_id    bigint NOT NULL REFERENCES settlements (id) ON DELETE CASCADE,
    declared_on      date NOT NULL,
    withdrawn_on     date,
    PRIMARY KEY (operator_code, settlement_id)
);

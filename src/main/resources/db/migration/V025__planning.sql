-- Planning: the cost model (admin-editable, one row per unit cost, with its source), per-region multipliers, plan
-- runs with their results, and scenarios (named sets of proposed additions on top of the real network, never
-- written into it). Keys of planning_costs are the fields of uz.qamrov.engine.planning.PlanningCosts.
CREATE TABLE planning_costs (
    key           text PRIMARY KEY,
    value         double precision NOT NULL CHECK (value >= 0),
    unit          text NOT NULL,
    description   text NOT NULL,
    source        text NOT NULL,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    updated_by    text NOT NULL DEFAULT 'migration'
);

INSERT INTO planning_costs (key, value, unit, description, source) VALUES
('newMacroSiteUsd', 120000, 'USD', 'greenfield macro site: mast, power, civil works, three 4G sectors; backhaul extra',
 'assumption (order of magnitude of a rural greenfield site in emerging markets); replace with operator quotes'),
('newSectorUsd', 15000, 'USD', 'one sector (radio unit, antenna, installation) added to an existing site',
 'assumption; replace with operator quotes'),
('upgrade3gTo4gUsd', 25000, 'USD', 'adding a 4G layer to an existing 2G/3G site',
 'assumption (radio units and antennas on an existing mast); replace with operator quotes'),
('upgrade4gTo5gUsd', 45000, 'USD', 'adding 5G (massive MIMO) to an existing 4G site',
 'assumption; replace with operator quotes'),
('fiberPerKmUsd', 12000, 'USD/km', 'fiber built per km of route',
 'ITU/Giga Connectivity Planning Platform: 8,000-20,000 USD per km'),
('fiberRouteFactor', 1.3, 'ratio', 'route length / straight-line distance',
 'assumption: roads and rights of way add about 30% to the straight line'),
('fiberDropUsd', 250, 'USD', 'connecting one household (drop cable, terminal)', 'assumption; replace with operator quotes'),
('fiberTakeUpRatio', 0.3, 'ratio', 'share of households passed that connect (prices drops and cabinet ports)',
 'assumption'),
('oltCabinetUsd', 20000, 'USD', 'one OLT / street cabinet', 'assumption; replace with operator quotes'),
('oltCabinetPorts', 256, 'ports', 'households one cabinet serves', 'assumption (8 PON ports x 32 splits)'),
('microwaveHopUsd', 25000, 'USD', 'one microwave backhaul hop (two radios, antennas, installation)',
 'assumption; replace with operator quotes'),
('microwaveHopMaxKm', 30, 'km', 'longest microwave hop; longer distances need relays', 'assumption (6-18 GHz rural links)'),
('fiberInReachM', 1000, 'm', 'a new site this close to fiber takes a short lead-in', 'assumption'),
('fiberExtensionMaxKm', 30, 'km', 'longest fiber extension priced for a site or a settlement', 'assumption');

CREATE TABLE planning_cost_regions (
    region_code   text PRIMARY KEY REFERENCES regions (code),
    multiplier    double precision NOT NULL CHECK (multiplier > 0 AND multiplier <= 10),
    note          text,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    updated_by    text NOT NULL
);

CREATE TABLE plans (
    id            uuid PRIMARY KEY,
    status        text NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
    request       jsonb NOT NULL,
    result        jsonb,
    error         text,
    submitted_by  text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    finished_at   timestamptz
);
CREATE INDEX plans_created_idx ON plans (created_at DESC);

CREATE TABLE scenarios (
    id            bigserial PRIMARY KEY,
    name          text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
    description   text,
    plan_id       uuid REFERENCES plans (id) ON DELETE SET NULL,
    as_of         date NOT NULL,
    created_by    text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);

-- one proposed change per row; geometry for maps and exports, the engine record (JSON) for what-ifs
CREATE TABLE scenario_items (
    id            bigserial PRIMARY KEY,
    scenario_id   bigint NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
    action        text NOT NULL CHECK (action IN ('add', 'remove')),
    kind          text NOT NULL CHECK (kind IN ('site', 'cell', 'fiber_route', 'fiber_node')),
    ref           text NOT NULL,
    operator_code text,
    cost_usd      double precision CHECK (cost_usd >= 0),
    attributes    jsonb NOT NULL DEFAULT '{}',
    geom          geometry(Geometry, 4326),
    CONSTRAINT scenario_items_geom_valid CHECK (geom IS NULL OR ST_IsValid(geom))
);
CREATE INDEX scenario_items_scenario_idx ON scenario_items (scenario_id);
CREATE INDEX scenario_items_geom_gix ON scenario_items USING gist (geom);

-- Roadmap targets: one row per indicator and scope ('UZ' = national, or a region code).
CREATE TABLE targets (
    id               bigserial PRIMARY KEY,
    indicator_key    text NOT NULL,
    scope            text NOT NULL DEFAULT 'UZ',
    target_value     double precision NOT NULL,
    unit             text NOT NULL CHECK (unit IN ('%', 'count', 'km')),
    direction        text NOT NULL DEFAULT 'at_least' CHECK (direction IN ('at_least', 'at_most')),
    deadline         date NOT NULL,
    title            text NOT NULL,
    source_document  text NOT NULL,
    source_item      text,
    notes            text,
    UNIQUE (indicator_key, scope, deadline)
);

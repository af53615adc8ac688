-- The template library. `templates` holds each template's latest version, which is what search and plain reads
-- see; `template_versions` keeps every version ever written, unchanged; `template_uses` has one row per generation
-- made from a template, for its usage statistics.

CREATE TABLE templates (
    id          UUID        PRIMARY KEY DEFAULT gen_random_uuid(),
    owner_id    UUID        NOT NULL,
    version     INTEGER     NOT NULL,
    name        TEXT        NOT NULL,
    description TEXT        NOT NULL,
    category    TEXT        NOT NULL,
    language    TEXT        NOT NULL,
    body        TEXT        NOT NULL,
    variables   TEXT[]      NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    -- a name match ranks above a description or category match, which ranks above a body match
    search      TSVECTOR    GENERATED ALWAYS AS (
                    setweight(to_tsvector('english', name), 'A')
                    || setweight(to_tsvector('english', category || ' ' || description), 'B')
                    || setweight(to_tsvector('english', body), 'C')) STORED
);

CREATE INDEX templates_search ON templates USING GIN (search);
CREATE INDEX templates_by_category ON templates (category, updated_at DESC, id DESC);
CREATE INDEX templates_recent ON templates (updated_at DESC, id DESC);

CREATE TABLE template_versions (
    template_id UUID        NOT NULL REFERENCES templates (id),
    version     INTEGER     NOT NULL,
    name        TEXT        NOT NULL,
    description TEXT        NOT NULL,
    category    TEXT        NOT NULL,
    language    TEXT        NOT NULL,
    body        TEXT        NOT NULL,
    variables   TEXT[]      NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (template_id, version)
);

CREATE TABLE template_uses (
    id             BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    template_id    UUID        NOT NULL REFERENCES templates (id),
    version        INTEGER     NOT NULL,
    user_id        UUID        NOT NULL,
    success        BOOLEAN     NOT NULL,
    latency_micros BIGINT      NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);

-- the statistics of one template are an index-only scan
CREATE INDEX template_uses_by_template ON template_uses (template_id) INCLUDE (success, latency_micros);

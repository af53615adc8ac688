-- History of code generations and conversions, read newest first per caller (keyset on created_at, id).

CREATE TABLE code_generations (
    id         UUID        PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id    UUID        NOT NULL,
    prompt     TEXT        NOT NULL,
    language   TEXT        NOT NULL,
    model      TEXT        NOT NULL,
    code       TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);

CREATE INDEX code_generations_history ON code_generations (user_id, created_at DESC, id DESC);

CREATE TABLE code_conversions (
    id            UUID        PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id       UUID        NOT NULL,
    source_code   TEXT        NOT NULL,
    from_language TEXT        NOT NULL,
    to_language   TEXT        NOT NULL,
    model         TEXT        NOT NULL,
    code          TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);

CREATE INDEX code_conversions_history ON code_conversions (user_id, created_at DESC, id DESC);

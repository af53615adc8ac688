-- API keys: only a SHA-256 hash of each key is kept; the plain key is shown once, at creation.
-- A request's key is found by its prefix (unique, indexed) and then its hash is compared.

CREATE TABLE api_keys (
    id         UUID        PRIMARY KEY DEFAULT gen_random_uuid(),
    owner_id   UUID        NOT NULL,
    name       TEXT        NOT NULL,
    prefix     TEXT        NOT NULL UNIQUE,
    key_hash   BYTEA       NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    revoked_at TIMESTAMPTZ
);

CREATE INDEX api_keys_listing ON api_keys (created_at DESC, id DESC);

-- Quotas: each key has a tier (NULL: the configured default tier, so keys made before tiers keep working), and
-- usage_daily keeps each key's requests and tokens per UTC day and route. Redis counts the current day; these rows
-- are its periodic copy, so that the last 30 days survive a Redis restart.

ALTER TABLE api_keys ADD COLUMN tier TEXT;

CREATE TABLE usage_daily (
    key_id   UUID   NOT NULL,
    day      DATE   NOT NULL,
    route    TEXT   NOT NULL,
    requests BIGINT NOT NULL,
    tokens   BIGINT NOT NULL,
    PRIMARY KEY (key_id, day, route)
);

-- the admin's view: every key's usage of recent days
CREATE INDEX usage_daily_by_day ON usage_daily (day, key_id);

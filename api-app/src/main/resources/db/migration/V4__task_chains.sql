-- Task chains: a row at submission (status running), completed with every task's output when the chain finishes,
-- so that a finished chain outlives its live state in Redis. tasks holds the tasks as GET /v1/chains/{id} shows them.

CREATE TABLE task_chains (
    id          UUID        PRIMARY KEY,
    user_id     UUID        NOT NULL,
    status      TEXT        NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
    reason      TEXT,
    tasks       JSONB       NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ
);

CREATE INDEX task_chains_by_user ON task_chains (user_id, created_at DESC);

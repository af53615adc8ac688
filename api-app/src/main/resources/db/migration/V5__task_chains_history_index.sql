-- GET /v1/chains pages a caller's chains newest first on (created_at, id), as the generation history does.
CREATE INDEX task_chains_history ON task_chains (user_id, created_at DESC, id DESC);
DROP INDEX task_chains_by_user;

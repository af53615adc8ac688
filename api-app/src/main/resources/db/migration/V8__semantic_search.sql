-- Semantic search (GET /v1/templates/similar, GET /v1/generations/similar): each template's latest version and each
-- generation's prompt get a 384-dimension embedding (all-MiniLM-L6-v2's size; the openai provider asks for it), found
-- by cosine distance through an HNSW index. Rows start without one: the API's embedding backfill fills them in the
-- background, finding them through the partial indexes below; a template is embedded again when its version moves on.
--
-- pgvector is optional. Where the server lacks it (or this role may not create it), this script only says so in a
-- NOTICE and the two routes answer 501; nothing else depends on it. The script is idempotent, and `migrate` runs it
-- again whenever the embedding columns are missing (store/VectorSchema), so installing pgvector later and running
-- `migrate` once more turns semantic search on without a new migration.
DO $semantic_search$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector') THEN
        RAISE NOTICE 'pgvector is not installed on this PostgreSQL server: semantic search (/v1/templates/similar, /v1/generations/similar) is off and answers 501. Install pgvector and run migrate again to turn it on.';
        RETURN;
    END IF;
    BEGIN
        CREATE EXTENSION IF NOT EXISTS vector;
    EXCEPTION WHEN insufficient_privilege THEN
        RAISE NOTICE 'pgvector is installed but % may not create the extension (%): semantic search is off and answers 501. Run CREATE EXTENSION vector as a superuser, then migrate again.', current_user, SQLERRM;
        RETURN;
    END;

    ALTER TABLE templates
        ADD COLUMN IF NOT EXISTS embedding        vector(384),
        ADD COLUMN IF NOT EXISTS embedding_model  TEXT,
        -- the version the embedding was made from: behind `version` means the template changed since
        ADD COLUMN IF NOT EXISTS embedded_version INTEGER;
    CREATE INDEX IF NOT EXISTS templates_embedding ON templates USING hnsw (embedding vector_cosine_ops);
    CREATE INDEX IF NOT EXISTS templates_unembedded ON templates (id) WHERE embedded_version IS DISTINCT FROM version;

    ALTER TABLE code_generations
        ADD COLUMN IF NOT EXISTS embedding       vector(384),
        ADD COLUMN IF NOT EXISTS embedding_model TEXT;
    CREATE INDEX IF NOT EXISTS code_generations_embedding ON code_generations USING hnsw (embedding vector_cosine_ops);
    CREATE INDEX IF NOT EXISTS code_generations_unembedded ON code_generations (id) WHERE embedding IS NULL;
END
$semantic_search$;
